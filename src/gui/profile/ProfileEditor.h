#pragma once

#include "core/ConfigPaths.h"
#include "core/Profile.h"

#include <QDialog>

#include <functional>
#include <memory>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace lifeboat {

class SecretStore;

// Creates a profile step by step (Mode::Create: a wizard — Back / Next / Create) or edits one
// (Mode::Edit: every section reachable from the list on the left — Save). Sections: connection
// (with Test: server version and the pg_dump that will be used; import from ~/.pgpass or
// pg_service.conf), databases (filled from the server), destinations (folder, S3 presets, Test),
// compression and encryption, schedule and retention (next 5 runs live), notifications.
//
// Everything slow runs on worker threads (BackgroundTask): the connection test, the destination
// test, saving (the catalog, then the keychain through ProfileSecrets). Secrets typed here (the
// database password, the S3 secret key, the passphrase, the webhook URL) go to the keychain only — never into
// the profile, settings or logs — and the fields are wiped once saved.
class ProfileEditor : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Create,
        Edit
    };
    enum Section
    {
        ConnectionSection,
        DatabasesSection,
        DestinationsSection,
        EncryptionSection,
        ScheduleSection,
        NotificationsSection,
        SectionCount
    };
    using SecretStoreProvider = std::function<std::shared_ptr<SecretStore>()>;

    ProfileEditor(Mode mode, ConfigPaths paths, SecretStoreProvider secrets, QWidget *parent = nullptr);
    ~ProfileEditor() override;

    // Fills the fields (Edit: the profile to change; Create: a prefilled suggestion).
    void setProfile(const Profile &profile);
    // The profile as the fields describe it.
    Profile profile() const;
    Mode mode() const { return m_mode; }
    int currentSection() const;
    void showSection(int section);

    // Runs the connection test (also the Test button).
    void testConnection();
    // Saves (also the Create / Save button): validates, writes the catalog and the keychain off
    // the GUI thread, then emits saved() and closes.
    void save();

Q_SIGNALS:
    void connectionTested(bool ok, const QString &message);
    void destinationTested(bool ok, const QString &message);
    void saved(const QString &profileName);
    void saveFailed(const QString &message);

private:
    QWidget *makeConnectionPage();
    QWidget *makeDatabasesPage();
    QWidget *makeDestinationsPage();
    QWidget *makeEncryptionPage();
    QWidget *makeSchedulePage();
    QWidget *makeNotificationsPage();
    void updateNavigation();
    void updateSchedulePreview();
    void updateS3Fields();
    void addS3Destination();
    void testDestination();
    void importConnections();
    // The section that shows a field's problem.
    static int sectionOf(Profile::Field field);
    void showError(int section, const QString &message);
    void wipeSecrets();

    Mode m_mode;
    ConfigPaths m_paths;
    SecretStoreProvider m_secrets;
    Profile m_original;
    bool m_busy = false;

    QListWidget *m_sections = nullptr;
    QStackedWidget *m_pages = nullptr;
    QList<QLabel *> m_errors; // one per section
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_finish = nullptr;
    QPushButton *m_cancel = nullptr;

    // Connection
    QLineEdit *m_name = nullptr;
    QLineEdit *m_connection = nullptr;
    QComboBox *m_import = nullptr;
    QLineEdit *m_dbPassword = nullptr;
    QLineEdit *m_toolDirectory = nullptr;
    QPushButton *m_testConnection = nullptr;
    QLabel *m_connectionResult = nullptr;
    // Databases
    QRadioButton *m_allDatabases = nullptr;
    QRadioButton *m_selectedDatabases = nullptr;
    QListWidget *m_databases = nullptr;
    QLineEdit *m_include = nullptr;
    QLineEdit *m_exclude = nullptr;
    QCheckBox *m_globals = nullptr;
    // Destinations
    QListWidget *m_destinations = nullptr;
    QComboBox *m_s3Provider = nullptr;
    QLineEdit *m_s3Bucket = nullptr;
    QLineEdit *m_s3Prefix = nullptr;
    QLabel *m_s3PlaceLabel = nullptr;
    QLineEdit *m_s3Place = nullptr; // region / R2 account id / B2 region / endpoint URL
    QLineEdit *m_s3Region = nullptr;
    QComboBox *m_s3Style = nullptr;
    QLineEdit *m_s3AccessKey = nullptr;
    QLineEdit *m_s3Secret = nullptr; // → keychain (s3-secret) on save; never in the profile
    QLabel *m_s3Url = nullptr;
    QLabel *m_destinationResult = nullptr;
    QPushButton *m_testDestination = nullptr;
    // Compression and encryption
    QSpinBox *m_zstdLevel = nullptr;
    QSpinBox *m_zstdThreads = nullptr;
    QRadioButton *m_encryptNone = nullptr;
    QRadioButton *m_encryptRecipients = nullptr;
    QRadioButton *m_encryptPassphrase = nullptr;
    QCheckBox *m_generateKey = nullptr;
    QPlainTextEdit *m_recipients = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QCheckBox *m_verifyAfterBackup = nullptr;
    // Schedule and retention
    QComboBox *m_schedulePreset = nullptr;
    QLineEdit *m_schedule = nullptr;
    QCheckBox *m_scheduleEnabled = nullptr;
    QLabel *m_scheduleDescription = nullptr;
    QLabel *m_nextRuns = nullptr;
    QSpinBox *m_keepLast = nullptr;
    QSpinBox *m_keepDays = nullptr;
    QSpinBox *m_keepDaily = nullptr;
    QSpinBox *m_keepWeekly = nullptr;
    QSpinBox *m_keepMonthly = nullptr;
    QSpinBox *m_keepYearly = nullptr;
    // Notifications
    QCheckBox *m_desktopAlerts = nullptr;
    QComboBox *m_webhookFormat = nullptr;
    QLineEdit *m_webhookUrl = nullptr;
    QSpinBox *m_reminderHours = nullptr;
    QLineEdit *m_prometheusFile = nullptr;
};

} // namespace lifeboat
