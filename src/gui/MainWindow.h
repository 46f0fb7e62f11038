#pragma once

#include "core/ConfigPaths.h"
#include "core/JobInfo.h"
#include "gui/CatalogSnapshot.h"
#include "gui/ThreadDeleter.h"

#include <QHash>
#include <QIcon>
#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QSplitter;
class QStackedWidget;

namespace Ui {
class MainWindow;
}

namespace lifeboat {

class AlertService;
class BackupTableModel;
class DashboardView;
class CatalogReader;
class HistoryView;
class RestoreWizard;
class SecretStore;
class JobModel;
class JobRunner;
class ProfileEditor;
class ProfileTableModel;
class RunTableModel;
class Scheduler;
class SchedulesView;
class TrayIcon;
class WelcomePage;

// The main window: a navigation list (Dashboard, Schedules, History, Restore; Ctrl+1..4) beside a
// stack of pages; the jobs of this session below; the catalog, profile count and running jobs in
// the status bar. The Dashboard page shows the profiles as cards with the selected profile's
// backups and history — or, while there is no profile, the first-run welcome alone. The catalog is read
// by a CatalogReader on its own thread — on start, on F5, after each job and every few seconds (so backups
// made by lifeboat-cli or a timer show up) — and each snapshot is merged into the views without losing the
// user's selection or scroll.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int kRefreshIntervalMs = 5000;
    static constexpr int kAlertCheckIntervalMs = 15 * 60 * 1000; // staleness is checked this often

    explicit MainWindow(ConfigPaths paths, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The pages of the navigation, in their order (the Ctrl+N shortcut is the position + 1).
    enum class Page
    {
        Dashboard,
        Schedules,
        History,
        Restore
    };

    // Asks the reader to read the catalog again (coalesced: at most one read in flight).
    void refresh();
    // Shows a page (if it exists); false otherwise.
    bool showPage(Page page);
    Page currentPage() const;
    QWidget *page(Page page) const { return m_pages.value(int(page)); }
    HistoryView *historyView() const { return m_historyView; }
    RestoreWizard *restoreWizard() const { return m_restoreWizard; }
    // Opens the restore wizard with this backup selected.
    void restoreBackup(qint64 artifactId);
    // Starts an integrity check of this backup (a job).
    void verifyBackup(qint64 artifactId, const QString &profileName);
    // Opens the profile wizard (empty name) or the editor of a profile (window-modal, deletes
    // itself when closed).
    ProfileEditor *editProfile(const QString &profileName);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // Creates each page of the navigation: add a page here (and its entry) with addPage().
    void setUpPages();
    void addPage(Page page, QWidget *widget, const QString &title, const QIcon &icon,
                 const QString &description);
    QWidget *setUpDashboard();
    // Gives the cards the height they need (up to two thirds of the page) and the profile list
    // below them the rest, until the user moves the splitter between them.
    void fitDashboardCards();
    void setUpTray();
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
    std::shared_ptr<SecretStore> m_secrets;
    std::shared_ptr<SecretStore> secretStore();
    std::unique_ptr<JobRunner> m_runner;
    JobModel *m_jobModel = nullptr;
    ProfileTableModel *m_profileModel = nullptr;
    BackupTableModel *m_backupModel = nullptr;
    RunTableModel *m_runModel = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pageStack = nullptr;
    QHash<int, QWidget *> m_pages;            // Page → its widget
    QHash<int, QAction *> m_pageActions;      // Page → its "go to" action (Ctrl+N)
    QAction *m_navigationSeparator = nullptr; // between the "go to" actions and Refresh
    HistoryView *m_historyView = nullptr;
    RestoreWizard *m_restoreWizard = nullptr;
    DashboardView *m_dashboardView = nullptr;
    WelcomePage *m_welcomePage = nullptr;
    QStackedWidget *m_dashboardTop = nullptr; // the cards, or the welcome while there is no profile
    QSplitter *m_dashboardSplitter = nullptr; // m_dashboardTop above the profile list
    bool m_dashboardSplitterMoved = false;    // by the user: fitDashboardCards() leaves it alone
    SchedulesView *m_schedulesView = nullptr;
    Scheduler *m_scheduler = nullptr;
    AlertService *m_alerts = nullptr;
    TrayIcon *m_tray = nullptr;
    QTimer m_alertCheckTimer;
    bool m_quitting = false; // Quit from the tray: close for real
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
    QString m_backupsKey; // what the restore wizard's list was last read for
};

} // namespace lifeboat
