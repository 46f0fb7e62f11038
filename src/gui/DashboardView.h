#pragma once

#include "core/ConfigPaths.h"
#include "core/JobInfo.h"
#include "gui/CatalogSnapshot.h"

#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
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

private:
    void updateBusy();
    bool hasActiveJob(const QString &profileName) const;
    const ProfileSummary *summary(const QString &profileName) const;

    ConfigPaths m_paths;
    JobRunner *m_runner = nullptr;
    SecretStoreProvider m_secrets;
    CatalogSnapshot m_snapshot;
    QVBoxLayout *m_cardsLayout = nullptr;
    QLabel *m_heading = nullptr;
    QList<DashboardCard *> m_cards;
};

} // namespace lifeboat
