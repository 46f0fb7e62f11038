#pragma once

#include "core/ConfigPaths.h"
#include "core/JobInfo.h"
#include "gui/CatalogSnapshot.h"

#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QHBoxLayout;
class QVBoxLayout;

namespace lifeboat {

class DashboardCard;
class JobRunner;
class SecretStore;

// The dashboard: a card per profile (DashboardCard) from the CatalogReader's snapshots, newest
// facts first. Runs the cards' actions itself — Back up now (BackupJob) and Verify (IntegrityJob
// of the newest backup's artifacts) through the JobRunner, Export recovery kit (a file chosen with
// QFileDialog, written 0600 by ProfileSecrets on a worker thread) — and hands Restore…, Edit… and
// Add profile… to whoever shows those (MainWindow).
class DashboardView : public QWidget
{
    Q_OBJECT
public:
    using SecretStoreProvider = std::function<std::shared_ptr<SecretStore>()>;

    DashboardView(ConfigPaths paths, JobRunner *runner, SecretStoreProvider secrets,
                  QWidget *parent = nullptr);

    void setSnapshot(const CatalogSnapshot &snapshot);
    DashboardCard *card(const QString &profileName) const;
    // The height that shows the heading and every card without scrolling or blank space below.
    int contentHeight() const;

    void backUp(const QString &profileName);
    void backUpAll();
    void verify(const QString &profileName);
    // Asks for a file, then writes the kit. `path` non-empty: no dialog (tests, the wizard).
    void exportRecoveryKit(const QString &profileName, const QString &path = QString());

Q_SIGNALS:
    void restoreRequested(const QString &profileName);
    void editRequested(const QString &profileName);
    void addProfileRequested();
    void catalogChanged(); // something was written: read the catalog again
    void statusMessage(const QString &text);
    void contentHeightChanged(); // cards came, went or were laid out anew: see contentHeight()

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void checkContentHeight();
    void updateBusy();
    bool hasActiveJob(const QString &profileName) const;
    const ProfileSummary *summary(const QString &profileName) const;

    ConfigPaths m_paths;
    JobRunner *m_runner = nullptr;
    SecretStoreProvider m_secrets;
    CatalogSnapshot m_snapshot;
    QVBoxLayout *m_cardsLayout = nullptr;
    QWidget *m_cardsContent = nullptr;
    QHBoxLayout *m_headingRow = nullptr;
    int m_lastContentHeight = -1;
    QLabel *m_heading = nullptr;
    QList<DashboardCard *> m_cards;
};

} // namespace lifeboat
