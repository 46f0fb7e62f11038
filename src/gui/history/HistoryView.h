#pragma once

#include "core/ConfigPaths.h"
#include "core/Profile.h"
#include "gui/ThreadDeleter.h"
#include "gui/history/RunDetails.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTreeWidget;

namespace lifeboat {

class HistoryChart;
class HistoryModel;
class HistoryReader;
class PlaceholderTableView;

// The History page: every run in the catalog (backups, verifications, restores, prunes) as a
// lazy table with filters (profile, status, kind, time range) and a search box; the selected
// run's details — its event log, the manifest of each backup it wrote (tables with row counts) —
// with actions (Verify, Restore…, Show in folder, Copy restore command); and a chart of one
// database's stored size and duration over time. Every read happens on the HistoryReader's thread.
class HistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(ConfigPaths paths, QWidget *parent = nullptr);
    ~HistoryView() override;

    // The profiles for the filter (and whether each encrypts with a passphrase).
    void setProfiles(const QList<Profile> &profiles);
    // Picks up what changed in the catalog since (new runs on top; running ones updated).
    void refresh();
    HistoryModel *model() const { return m_model; }
    PlaceholderTableView *table() const { return m_table; }
    // The backup the details pane has selected (0 = none).
    qint64 selectedArtifactId() const;
    // Shows the run (if loaded) and selects it.
    void selectRun(qint64 runId);

Q_SIGNALS:
    void verifyRequested(qint64 artifactId, const QString &profileName);
    void restoreRequested(qint64 artifactId);
    void statusMessage(const QString &message);

private:
    void setUpFilters(QWidget *bar);
    void setUpDetails(QWidget *pane);
    void applyFilter();
    void onCurrentRunChanged();
    void onDetails(const RunDetails &details);
    void onSeries(const BackupSeries &series);
    void showArtifact(int index);
    void updateCount();
    void updateActions();
    void copyRestoreCommand();
    void showInFolder();

    ConfigPaths m_paths;
    ThreadPtr m_thread;
    HistoryReader *m_reader = nullptr; // lives in m_thread
    HistoryModel *m_model = nullptr;
    QList<Profile> m_profiles;

    QComboBox *m_profileFilter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_kindFilter = nullptr;
    QComboBox *m_timeFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_countLabel = nullptr;
    QTimer m_searchDelay;
    QSplitter *m_splitter = nullptr;
    PlaceholderTableView *m_table = nullptr;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QComboBox *m_artifactCombo = nullptr;
    QPushButton *m_verifyButton = nullptr;
    QPushButton *m_restoreButton = nullptr;
    QPushButton *m_folderButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QTreeWidget *m_tables = nullptr;
    QComboBox *m_chartDatabase = nullptr;
    HistoryChart *m_chart = nullptr;

    RunDetails m_details;
    qint64 m_pendingSelection = 0;
    QString m_chartProfile;
};

} // namespace lifeboat
