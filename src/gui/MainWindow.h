#pragma once

#include "core/ConfigPaths.h"
#include "core/JobInfo.h"
#include "gui/CatalogSnapshot.h"
#include "gui/ThreadDeleter.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QLabel;

namespace Ui {
class MainWindow;
}

namespace lifeboat {

class BackupTableModel;
class CatalogReader;
class JobModel;
class JobRunner;
class ProfileTableModel;
class RunTableModel;

// The main window: profiles on the left; the selected profile's backups and history on the
// right; the jobs of this session below; the catalog, profile count and running jobs in the
// status bar. The catalog is read by a CatalogReader on its own thread — on start, on F5, after
// each job and every few seconds (so backups made by lifeboat-cli or a timer show up) — and
// each snapshot is merged into the views without losing the user's selection or scroll.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int kRefreshIntervalMs = 5000;

    explicit MainWindow(ConfigPaths paths, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Asks the reader to read the catalog again (coalesced: at most one read in flight).
    void refresh();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpViews();
    void setUpStatusBar();
    // `force`: read even if the catalog's files look unchanged (the timer's polls do not force).
    void requestLoad(bool force);
    void onSnapshot(const CatalogSnapshot &snapshot);
    void showSnapshotPage();
    void showSelectedProfile();
    void backUpNow();
    void cancelSelectedJob();
    void onJobAdded(const JobInfo &job);
    void onJobFinished(const JobInfo &job);
    void updateActions();
    void updateStatusBar();
    QString selectedProfileName() const;
    int activeJobCount() const;
    bool hasActiveJob(const QString &profileName) const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    ConfigPaths m_paths;
    // The keychain, created on first use (a backup whose profile has secrets in it).
    std::shared_ptr<class SecretStore> m_secrets;
    std::unique_ptr<JobRunner> m_runner;
    JobModel *m_jobModel = nullptr;
    ProfileTableModel *m_profileModel = nullptr;
    BackupTableModel *m_backupModel = nullptr;
    RunTableModel *m_runModel = nullptr;
    QLabel *m_catalogPathLabel = nullptr;
    QLabel *m_profileCountLabel = nullptr;
    QLabel *m_runningJobsLabel = nullptr;

    ThreadPtr m_readerThread;
    CatalogReader *m_reader = nullptr; // lives in m_readerThread, deleted when it finishes
    QTimer m_refreshTimer;
    bool m_loading = false;
    bool m_reloadPending = false;
    bool m_forcePending = false;
    bool m_haveSnapshot = false;
    bool m_closeWhenIdle = false;
    CatalogSnapshot m_snapshot;
    QString m_selectedProfile;
};

} // namespace lifeboat
