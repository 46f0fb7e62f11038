#include "gui/MainWindow.h"
#include "ui_MainWindow.h"

#include "engine/alerts/AlertService.h"
#include "engine/jobs/BackupJob.h"
#include "engine/jobs/IntegrityJob.h"
#include "engine/jobs/JobModel.h"
#include "engine/jobs/JobRunner.h"
#include "engine/schedule/Scheduler.h"
#include "engine/secrets/KeychainSecretStore.h"
#include "gui/CatalogReader.h"
#include "gui/DisplayFormat.h"
#include "gui/ProgressBarDelegate.h"
#include "gui/TrayIcon.h"
#include "gui/dashboard/BackupTableModel.h"
#include "gui/dashboard/DashboardView.h"
#include "gui/dashboard/ProfileCardDelegate.h"
#include "gui/dashboard/ProfileTableModel.h"
#include "gui/dashboard/RunTableModel.h"
#include "gui/history/HistoryView.h"
#include "gui/profile/ProfileEditor.h"
#include "gui/profile/WelcomePage.h"
#include "gui/restore/RestoreWizard.h"
#include "gui/schedules/SchedulesView.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>

#include <algorithm>

// Resources of a static library are registered explicitly (outside any namespace).
static void initLifeboatResources()
{
    Q_INIT_RESOURCE(lifeboat);
}

namespace lifeboat {

namespace {

void setResizeModes(QHeaderView *header, const QList<QHeaderView::ResizeMode> &modes)
{
    header->setStretchLastSection(false);
    for (int section = 0; section < int(modes.size()); ++section)
        header->setSectionResizeMode(section, modes.at(section));
}

} // namespace

MainWindow::MainWindow(ConfigPaths paths, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_paths(std::move(paths))
    , m_runner(std::make_unique<JobRunner>(m_paths))
{
    initLifeboatResources();
    qRegisterMetaType<lifeboat::CatalogSnapshot>();
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/lifeboat.svg")));

    m_profileModel = new ProfileTableModel(this);
    m_backupModel = new BackupTableModel(this);
    m_runModel = new RunTableModel(this);
    m_jobModel = new JobModel(m_runner.get(), this);
    setUpViews();
    setUpStatusBar();
    m_scheduler = new Scheduler(m_paths, m_runner.get(), secretStore(), this);
    connect(m_scheduler, &Scheduler::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    setUpPages();
    setUpTray();
    m_scheduler->start();

    connect(m_ui->backUpNowAction, &QAction::triggered, this, &MainWindow::backUpNow);
    connect(m_ui->refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_ui->quitAction, &QAction::triggered, this, [this] {
        m_quitting = true; // Quit quits, even when closing the window would keep Lifeboat in the tray
        close();
    });
    connect(m_ui->cancelJobButton, &QPushButton::clicked, this, &MainWindow::cancelSelectedJob);
    connect(m_runner.get(), &JobRunner::jobAdded, this, &MainWindow::onJobAdded);
    connect(m_runner.get(), &JobRunner::jobUpdated, this, [this](const JobInfo &job) {
        m_profileModel->setLiveJob(job);
        updateActions();
        updateStatusBar();
    });
    connect(m_runner.get(), &JobRunner::jobFinished, this, &MainWindow::onJobFinished);

    // The catalog is read on a thread of its own, with its own connection.
    m_readerThread.reset(new QThread);
    m_readerThread->setObjectName(QStringLiteral("lifeboat-catalog-reader"));
    m_reader = new CatalogReader(m_paths);
    m_reader->moveToThread(m_readerThread.get());
    connect(m_readerThread.get(), &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &CatalogReader::loaded, this, &MainWindow::onSnapshot);
    m_readerThread->start();

    m_refreshTimer.setInterval(kRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { requestLoad(false); });
    m_refreshTimer.start();

    updateActions();
    updateStatusBar();
    refresh();
}

MainWindow::~MainWindow()
{
    m_refreshTimer.stop();
    m_alertCheckTimer.stop();
    delete m_scheduler; // before the runner it submits to
    m_scheduler = nullptr;
    delete m_restoreWizard; // its worker thread stops; the runner (below) cancels its jobs
    m_restoreWizard = nullptr;
    delete m_historyView;
    m_historyView = nullptr;
    m_readerThread.reset(); // quits and waits; the reader (and its catalog) is deleted on its thread
    m_reader = nullptr;
    delete m_jobModel;
    m_jobModel = nullptr;
    m_runner.reset(); // cancels what is still running and waits for the workers
}

void MainWindow::setUpViews()
{
    QFont titleFont = m_ui->profileTitleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_ui->profileTitleLabel->setFont(titleFont);

    // Profiles are cards: one row of the model each, painted from all of its columns.
    m_ui->profilesView->setModel(m_profileModel);
    m_ui->profilesView->setModelColumn(ProfileTableModel::NameColumn);
    m_ui->profilesView->setItemDelegate(new ProfileCardDelegate(m_ui->profilesView));
    m_ui->backupsView->setModel(m_backupModel);
    setResizeModes(m_ui->backupsView->horizontalHeader(),
                   {QHeaderView::ResizeToContents, QHeaderView::ResizeToContents, QHeaderView::Stretch,
                    QHeaderView::ResizeToContents, QHeaderView::ResizeToContents,
                    QHeaderView::ResizeToContents});
    m_ui->historyView->setModel(m_runModel);
    // A profile of all databases can list many: that column is as wide as the user makes it.
    setResizeModes(m_ui->historyView->horizontalHeader(),
                   {QHeaderView::ResizeToContents, QHeaderView::ResizeToContents,
                    QHeaderView::ResizeToContents, QHeaderView::Interactive, QHeaderView::ResizeToContents,
                    QHeaderView::Stretch});
    m_ui->historyView->horizontalHeader()->resizeSection(RunTableModel::DatabasesColumn, 150);
    m_ui->jobsView->setModel(m_jobModel);
    m_ui->jobsView->setPlaceholderText(tr("Jobs started here (Back up now, Ctrl+B) show their progress here. "
                                          "Backups made by lifeboat-cli appear in the profile's History."));
    m_ui->jobsView->setItemDelegateForColumn(JobModel::ProgressColumn,
                                             new ProgressBarDelegate(m_ui->jobsView));
    setResizeModes(m_ui->jobsView->horizontalHeader(),
                   {QHeaderView::ResizeToContents, QHeaderView::ResizeToContents,
                    QHeaderView::ResizeToContents, QHeaderView::Stretch, QHeaderView::Fixed,
                    QHeaderView::ResizeToContents});
    m_ui->jobsView->horizontalHeader()->resizeSection(JobModel::ProgressColumn, 160);

    for (QTableView *view : {m_ui->backupsView, m_ui->historyView, m_ui->jobsView}) {
        view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
        view->setTabKeyNavigation(false); // Tab moves between panes; arrows move within a table
    }

    m_ui->mainSplitter->setStretchFactor(0, 3);
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setSizes({560, 140});
    m_ui->dashboardSplitter->setStretchFactor(0, 0);
    m_ui->dashboardSplitter->setStretchFactor(1, 1);
    m_ui->dashboardSplitter->setSizes({410, 810});

    connect(m_ui->profilesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_selectedProfile =
                    current.isValid() ? m_profileModel->profileAt(current.row()).profile.name : QString();
                showSelectedProfile();
                updateActions();
            });
    connect(m_ui->jobsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateActions);
}

void MainWindow::setUpPages()
{
    // The navigation list on the left, the pages beside it; the Dashboard page is the profile
    // cards with the selected profile's backups and history (m_ui->contentStack).
    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("navigationBody"));
    auto *layout = new QHBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    m_navigation = new QListWidget(body);
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setAccessibleName(tr("Views"));
    m_navigation->setAccessibleDescription(
        tr("Dashboard, Schedules, History and Restore (Ctrl+1 to Ctrl+4)"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setBackgroundRole(QPalette::Window);
    m_pageStack = new QStackedWidget(body);
    m_pageStack->setObjectName(QStringLiteral("pageStack"));
    layout->addWidget(m_navigation);
    layout->addWidget(m_pageStack, 1);
    m_ui->mainSplitter->replaceWidget(m_ui->mainSplitter->indexOf(m_ui->contentStack), body);

    addPage(Page::Dashboard, setUpDashboard(), tr("Dashboard"), QIcon(QStringLiteral(":/icons/lifeboat.svg")),
            tr("Profiles with their health, last backup and next run, and the selected profile's backups and "
               "history"));
    m_schedulesView = new SchedulesView(m_paths, m_pageStack);
    m_schedulesView->setScheduler(m_scheduler);
    connect(m_schedulesView, &SchedulesView::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_schedulesView, &SchedulesView::catalogChanged, this, &MainWindow::refresh);
    addPage(Page::Schedules, m_schedulesView, tr("Schedules"), QIcon(QStringLiteral(":/icons/schedule.svg")),
            tr("Every schedule: its rule in words, next and last run, catch-up state, and a switch"));
    m_historyView = new HistoryView(m_paths, m_pageStack);
    connect(m_historyView, &HistoryView::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_historyView, &HistoryView::restoreRequested, this, &MainWindow::restoreBackup);
    connect(m_historyView, &HistoryView::verifyRequested, this, &MainWindow::verifyBackup);
    addPage(Page::History, m_historyView, tr("History"), QIcon(QStringLiteral(":/icons/refresh.svg")),
            tr("Every backup, verification, restore and prune, with their logs"));
    m_restoreWizard = new RestoreWizard(m_paths, m_runner.get(), secretStore(), m_pageStack);
    m_restoreWizard->setWindowFlags(Qt::Widget); // a page of this window, not a dialog
    connect(m_restoreWizard, &RestoreWizard::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    addPage(Page::Restore, m_restoreWizard, tr("Restore"), QIcon(QStringLiteral(":/icons/database.svg")),
            tr("The guided restore of a backup into a new or existing database"));

    const QFontMetrics fm(m_navigation->font());
    int width = 0;
    for (int row = 0; row < m_navigation->count(); ++row)
        width = qMax(width, fm.horizontalAdvance(m_navigation->item(row)->text()));
    m_navigation->setFixedWidth(width + m_navigation->iconSize().width() + 40);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_pageStack->setCurrentWidget(m_pages.value(m_navigation->item(row)->data(Qt::UserRole).toInt()));
    });
    m_navigation->setCurrentRow(0);
}

void MainWindow::fitDashboardCards()
{
    if (m_dashboardSplitterMoved || m_dashboardTop->currentWidget() != m_dashboardView)
        return;
    const QList<int> sizes = m_dashboardSplitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (total <= 0)
        return;
    const int top = qMin(m_dashboardView->contentHeight(), total * 2 / 3);
    if (top != sizes.value(0))
        m_dashboardSplitter->setSizes({top, total - top});
}

QWidget *MainWindow::setUpDashboard()
{
    // Above: the profiles' cards (health, last backup and verification, next run, actions), or the
    // first-run welcome while there is no profile; below: the profile list with the selected
    // profile's backups and history (m_ui->contentStack).
    auto provider = [this] {
        return secretStore();
    };
    m_dashboardView = new DashboardView(m_paths, m_runner.get(), provider);
    m_welcomePage = new WelcomePage(m_paths, provider);
    m_dashboardTop = new QStackedWidget;
    m_dashboardTop->addWidget(m_dashboardView);
    m_dashboardTop->addWidget(m_welcomePage);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("dashboardPageSplitter"));
    splitter->addWidget(m_dashboardTop);
    splitter->addWidget(m_ui->contentStack);
    // The cards are the point of the page: they get the room they need (fitDashboardCards), and
    // a taller window gives its extra height to the profile list, not to blank space under them.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({330, 220});
    m_dashboardSplitter = splitter;
    connect(splitter, &QSplitter::splitterMoved, this, [this] { m_dashboardSplitterMoved = true; });
    connect(m_dashboardView, &DashboardView::contentHeightChanged, this, &MainWindow::fitDashboardCards);

    auto status = [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    };
    connect(m_dashboardView, &DashboardView::statusMessage, this, status);
    connect(m_dashboardView, &DashboardView::catalogChanged, this, &MainWindow::refresh);
    connect(m_dashboardView, &DashboardView::addProfileRequested, this, [this] { editProfile(QString()); });
    connect(m_dashboardView, &DashboardView::editRequested, this, &MainWindow::editProfile);
    connect(m_dashboardView, &DashboardView::restoreRequested, this, [this](const QString &profileName) {
        // The wizard starts at the profile's newest backup that no integrity check found damaged
        // (the newest of all when every one was).
        const QList<ArtifactRecord> artifacts = m_snapshot.artifacts.value(profileName);
        if (artifacts.isEmpty()) {
            showPage(Page::Restore);
            return;
        }
        const auto intact = std::find_if(artifacts.cbegin(), artifacts.cend(),
                                         [](const ArtifactRecord &a) { return !a.damaged(); });
        restoreBackup(intact != artifacts.cend() ? intact->id : artifacts.first().id);
    });
    connect(m_welcomePage, &WelcomePage::profileCreated, this, [this](const QString &name) {
        statusBar()->showMessage(tr("Profile %1 created: choose Back up now on its card.").arg(name), 15000);
        m_scheduler->checkNow();
        refresh();
    });
    m_welcomePage->findServers();
    return splitter;
}

ProfileEditor *MainWindow::editProfile(const QString &profileName)
{
    const bool create = profileName.isEmpty();
    auto *editor = new ProfileEditor(
        create ? ProfileEditor::Mode::Create : ProfileEditor::Mode::Edit, m_paths,
        [this] { return secretStore(); }, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    for (const ProfileSummary &summary : std::as_const(m_snapshot.profiles)) {
        if (!create && summary.profile.name == profileName)
            editor->setProfile(summary.profile);
    }
    connect(editor, &ProfileEditor::saved, this, [this](const QString &name) {
        statusBar()->showMessage(tr("Profile %1 saved").arg(name), 8000);
        m_scheduler->checkNow();
        refresh();
    });
    editor->open();
    return editor;
}

void MainWindow::setUpTray()
{
    // Schedules run while the app runs; alerts (health changes, staleness) become notifications.
    m_alerts = new AlertService(m_paths, secretStore(), WebhookSender::Options{}, this);
    m_alerts->watch(m_runner.get());
    m_alertCheckTimer.setInterval(kAlertCheckIntervalMs);
    connect(&m_alertCheckTimer, &QTimer::timeout, m_alerts, [this] { m_alerts->check(); });
    m_alertCheckTimer.start();
    m_tray = new TrayIcon(m_paths, this);
    m_tray->setAlertsConnected(true);
    connect(m_alerts, &AlertService::notification, m_tray, &TrayIcon::showAlert);
    connect(m_tray, &TrayIcon::openRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_tray, &TrayIcon::backUpAllRequested, m_dashboardView, &DashboardView::backUpAll);
    connect(m_tray, &TrayIcon::quitRequested, this, [this] {
        m_quitting = true;
        close();
    });
}

void MainWindow::addPage(Page page, QWidget *widget, const QString &title, const QIcon &icon,
                         const QString &description)
{
    const int id = int(page);
    m_pages.insert(id, widget);
    m_pageStack->addWidget(widget);
    // Entries stay in the Page order whatever order they are added in.
    int row = 0;
    while (row < m_navigation->count() && m_navigation->item(row)->data(Qt::UserRole).toInt() < id)
        ++row;
    auto *item = new QListWidgetItem(icon, title);
    item->setData(Qt::UserRole, id);
    const QKeySequence shortcut(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + id)));
    item->setToolTip(tr("%1 (%2)").arg(description, shortcut.toString(QKeySequence::NativeText)));
    item->setData(Qt::AccessibleDescriptionRole, description);
    m_navigation->insertItem(row, item);

    auto *action = new QAction(icon, tr("Go to %1").arg(title), this);
    action->setObjectName(QStringLiteral("showPage%1Action").arg(id + 1));
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, [this, page] { showPage(page); });
    m_pageActions.insert(id, action);
    addAction(action);
    // The View menu lists them in page order, before Refresh.
    QAction *before = m_ui->refreshAction;
    for (int other = id + 1; other <= int(Page::Restore); ++other) {
        if (QAction *next = m_pageActions.value(other)) {
            before = next;
            break;
        }
    }
    m_ui->viewMenu->insertAction(before, action);
    if (before == m_ui->refreshAction && !m_ui->viewMenu->actions().contains(m_navigationSeparator))
        m_navigationSeparator = m_ui->viewMenu->insertSeparator(m_ui->refreshAction);
}

bool MainWindow::showPage(Page page)
{
    QWidget *widget = m_pages.value(int(page));
    if (!widget)
        return false;
    for (int row = 0; row < m_navigation->count(); ++row) {
        if (m_navigation->item(row)->data(Qt::UserRole).toInt() == int(page))
            m_navigation->setCurrentRow(row);
    }
    m_pageStack->setCurrentWidget(widget);
    if (!widget->isAncestorOf(focusWidget()))
        widget->setFocus(Qt::ShortcutFocusReason);
    return true;
}

MainWindow::Page MainWindow::currentPage() const
{
    const QWidget *current = m_pageStack->currentWidget();
    for (auto it = m_pages.constBegin(); it != m_pages.constEnd(); ++it) {
        if (it.value() == current)
            return Page(it.key());
    }
    return Page::Dashboard;
}

void MainWindow::restoreBackup(qint64 artifactId)
{
    if (m_restoreWizard->isBusy()) {
        showPage(Page::Restore);
        statusBar()->showMessage(
            tr("A restore is in progress in the Restore view: finish or cancel it first."), 8000);
        return;
    }
    m_restoreWizard->preselect(artifactId);
    showPage(Page::Restore);
}

void MainWindow::verifyBackup(qint64 artifactId, const QString &profileName)
{
    QString serverKey = profileName;
    for (const ProfileSummary &summary : std::as_const(m_snapshot.profiles)) {
        if (summary.profile.name == profileName)
            serverKey = summary.profile.connection.displayName();
    }
    m_runner->submit(std::make_shared<IntegrityJob>(profileName, serverKey, artifactId,
                                                    JobSecrets{.store = secretStore()}));
    statusBar()->showMessage(tr("Checking the integrity of backup %1…").arg(artifactId), 5000);
}

std::shared_ptr<SecretStore> MainWindow::secretStore()
{
    if (!m_secrets) {
        KeychainSecretStore::Options keychain;
        keychain.scope = m_paths.secretScope();
        m_secrets = std::make_shared<KeychainSecretStore>(keychain);
    }
    return m_secrets;
}

void MainWindow::setUpStatusBar()
{
    m_catalogPathLabel = new QLabel(this);
    m_catalogPathLabel->setObjectName(QStringLiteral("catalogPathLabel"));
    m_catalogPathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_profileCountLabel = new QLabel(this);
    m_profileCountLabel->setObjectName(QStringLiteral("profileCountLabel"));
    m_runningJobsLabel = new QLabel(this);
    m_runningJobsLabel->setObjectName(QStringLiteral("runningJobsLabel"));
    statusBar()->addPermanentWidget(m_catalogPathLabel);
    statusBar()->addPermanentWidget(m_profileCountLabel);
    statusBar()->addPermanentWidget(m_runningJobsLabel);
}

void MainWindow::refresh()
{
    requestLoad(true);
}

void MainWindow::requestLoad(bool force)
{
    if (m_loading) {
        m_reloadPending = true;
        m_forcePending = m_forcePending || force;
        return;
    }
    m_loading = true;
    CatalogReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader, force] { reader->load(force); }, Qt::QueuedConnection);
}

void MainWindow::onSnapshot(const CatalogSnapshot &snapshot)
{
    m_loading = false;
    const bool first = !m_haveSnapshot;
    if (snapshot.ok()) {
        m_snapshot = snapshot;
        m_haveSnapshot = true;
        if (first && snapshot.recoveredRuns > 0)
            statusBar()->showMessage(tr("%n run(s) left unfinished by a crash or power loss were marked as "
                                        "interrupted (see History).",
                                        nullptr, snapshot.recoveredRuns),
                                     15000);
        m_profileModel->setProfiles(snapshot.profiles, snapshot.loadedUtc);
        m_dashboardView->setSnapshot(snapshot);
        m_schedulesView->setSnapshot(snapshot);
        m_tray->setSnapshot(snapshot);
        m_dashboardTop->setCurrentWidget(snapshot.profiles.isEmpty() ? static_cast<QWidget *>(m_welcomePage)
                                                                     : m_dashboardView);
        fitDashboardCards();
        QList<Profile> profiles;
        for (const ProfileSummary &summary : snapshot.profiles)
            profiles << summary.profile;
        m_historyView->setProfiles(profiles);
        m_historyView->refresh();
        // The wizard's list of backups, when a backup came, went, was verified or checked.
        QString backupsKey;
        for (const QList<ArtifactRecord> &artifacts : std::as_const(snapshot.artifacts)) {
            for (const ArtifactRecord &a : artifacts)
                backupsKey += QString::number(a.id) + a.verifyState + a.integrityState +
                              (a.prunedUtc.isValid() ? QStringLiteral("p") : QString());
        }
        if (backupsKey != m_backupsKey && m_restoreWizard->currentId() == RestoreWizard::PickPage &&
            !m_restoreWizard->isBusy()) {
            m_backupsKey = backupsKey;
            m_restoreWizard->reloadBackups();
        }
        if (m_profileModel->rowCount() > 0 && !m_ui->profilesView->currentIndex().isValid()) {
            const int row = qMax(0, m_profileModel->rowOf(m_selectedProfile));
            m_ui->profilesView->selectionModel()->setCurrentIndex(m_profileModel->index(row, 0),
                                                                  QItemSelectionModel::ClearAndSelect |
                                                                      QItemSelectionModel::Rows);
        }
        showSelectedProfile();
    } else if (m_haveSnapshot) {
        // Keep showing what we have; say why it is not current.
        statusBar()->showMessage(tr("Could not read the catalog: %1").arg(snapshot.error),
                                 kRefreshIntervalMs);
    } else {
        m_ui->catalogMessageLabel->setText(
            tr("Could not read the catalog.\n\n%1\n\nLifeboat tries again every few seconds.")
                .arg(snapshot.error));
    }
    if (snapshot.ok())
        showSnapshotPage();
    updateActions();
    updateStatusBar();
    if (m_reloadPending) {
        const bool force = m_forcePending;
        m_reloadPending = false;
        m_forcePending = false;
        requestLoad(force);
    }
}

void MainWindow::showSnapshotPage()
{
    // Without a profile the welcome above is the whole page: nothing to list below it.
    const bool empty = m_snapshot.profiles.isEmpty();
    m_ui->contentStack->setVisible(!empty);
    if (empty || m_ui->contentStack->currentWidget() == m_ui->dashboardPage)
        return;
    const bool hadFocus = m_ui->contentStack->currentWidget()->isAncestorOf(focusWidget()) || !focusWidget();
    m_ui->contentStack->setCurrentWidget(m_ui->dashboardPage);
    if (hadFocus)
        m_ui->profilesView->setFocus();
}

void MainWindow::showSelectedProfile()
{
    const int row = m_profileModel->rowOf(m_selectedProfile);
    if (row < 0) {
        m_ui->backupsView->setPlaceholderText(QString());
        m_ui->historyView->setPlaceholderText(QString());
        m_ui->profileTitleLabel->clear();
        m_ui->profileDetailsLabel->clear();
        m_backupModel->setBackups({});
        m_runModel->setRuns({}, m_snapshot.loadedUtc);
    } else {
        const ProfileSummary &summary = m_profileModel->profileAt(row);
        const Profile &profile = summary.profile;
        m_ui->profileTitleLabel->setText(profile.name);
        m_ui->backupsView->setPlaceholderText(
            tr("No backups of %1 yet. Back up now (Ctrl+B) makes one.").arg(profile.name));
        m_ui->historyView->setPlaceholderText(tr("%1 has not run yet.").arg(profile.name));
        QString encryption;
        if (profile.passphrase)
            encryption = tr("encrypted with an age passphrase");
        else if (!profile.recipients.isEmpty())
            encryption = tr("encrypted with age to %n key(s)", nullptr, int(profile.recipients.size()));
        else
            encryption = tr("NOT encrypted");
        m_ui->profileDetailsLabel->setText(
            tr("%1 · %2 → %3 · %4")
                .arg(profile.connection.displayName(), ProfileTableModel::databasesText(profile),
                     profile.destinations.join(QStringLiteral(", ")), encryption));
        m_backupModel->setBackups(m_snapshot.artifacts.value(profile.name));
        m_runModel->setRuns(m_snapshot.runs.value(profile.name), m_snapshot.loadedUtc);
    }
    m_ui->detailTabs->setTabText(m_ui->detailTabs->indexOf(m_ui->backupsTab),
                                 tr("&Backups (%1)").arg(m_backupModel->rowCount()));
    m_ui->detailTabs->setTabText(m_ui->detailTabs->indexOf(m_ui->historyTab),
                                 tr("&History (%1)").arg(m_runModel->rowCount()));
}

QString MainWindow::selectedProfileName() const
{
    return m_profileModel->rowOf(m_selectedProfile) >= 0 ? m_selectedProfile : QString();
}

void MainWindow::backUpNow()
{
    const int row = m_profileModel->rowOf(selectedProfileName());
    if (row < 0 || hasActiveJob(m_selectedProfile))
        return;
    const Profile profile = m_profileModel->profileAt(row).profile;
    BackupJob::Options options;
    options.secrets.store = secretStore(); // the job reads the profile's secrets on its worker thread
    m_runner->submit(std::make_shared<BackupJob>(profile, m_paths, options));
    statusBar()->showMessage(tr("Backup of %1 started").arg(profile.name), 5000);
}

void MainWindow::cancelSelectedJob()
{
    const QModelIndex current = m_ui->jobsView->currentIndex();
    if (!current.isValid())
        return;
    const JobInfo job = m_jobModel->jobAt(current.row());
    if (job.isFinished())
        return;
    m_runner->cancel(job.id);
    statusBar()->showMessage(
        tr("Cancelling the %1 of %2…").arg(DisplayFormat::runKind(job.kind), job.profileName), 5000);
}

void MainWindow::onJobAdded(const JobInfo &job)
{
    m_profileModel->setLiveJob(job);
    const QModelIndex last = m_jobModel->index(m_jobModel->rowCount() - 1, 0);
    m_ui->jobsView->selectionModel()->setCurrentIndex(last, QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
    m_ui->jobsView->scrollTo(last);
    updateActions();
    updateStatusBar();
}

void MainWindow::onJobFinished(const JobInfo &job)
{
    QString message;
    switch (job.state) {
    case JobInfo::State::Succeeded:
        message = tr("The %1 of %2 finished: %3")
                      .arg(DisplayFormat::runKind(job.kind), job.profileName, job.message);
        break;
    case JobInfo::State::Cancelled:
        message = tr("The %1 of %2 was cancelled").arg(DisplayFormat::runKind(job.kind), job.profileName);
        break;
    default:
        message =
            tr("The %1 of %2 failed: %3").arg(DisplayFormat::runKind(job.kind), job.profileName, job.message);
        break;
    }
    statusBar()->showMessage(message, 15000);
    refresh();
    updateActions();
    updateStatusBar();
    if (m_closeWhenIdle && !m_runner->hasActiveJobs())
        close();
}

int MainWindow::activeJobCount() const
{
    int count = 0;
    for (const JobInfo &job : m_runner->jobs()) {
        if (!job.isFinished())
            ++count;
    }
    return count;
}

bool MainWindow::hasActiveJob(const QString &profileName) const
{
    for (const JobInfo &job : m_runner->jobs()) {
        if (!job.isFinished() && job.profileName == profileName)
            return true;
    }
    return false;
}

void MainWindow::updateActions()
{
    const QString profile = selectedProfileName();
    const bool busy = !profile.isEmpty() && hasActiveJob(profile);
    m_ui->backUpNowAction->setEnabled(!profile.isEmpty() && !busy && !m_closeWhenIdle);
    m_ui->backUpNowAction->setToolTip(profile.isEmpty() ? tr("Select a profile to back it up")
                                      : busy ? tr("A job of %1 is already queued or running").arg(profile)
                                             : tr("Back up the databases of %1 now").arg(profile));
    const QModelIndex job = m_ui->jobsView->currentIndex();
    m_ui->cancelJobButton->setEnabled(job.isValid() && !m_jobModel->jobAt(job.row()).isFinished());
}

void MainWindow::updateStatusBar()
{
    m_catalogPathLabel->setText(tr("Catalog: %1").arg(m_paths.catalogPath()));
    m_catalogPathLabel->setToolTip(tr("The catalog this window reads (choose another with --config-dir)"));
    m_profileCountLabel->setText(
        m_haveSnapshot ? tr("%n profile(s)", nullptr, int(m_snapshot.profiles.size())) : QString());
    const int active = activeJobCount();
    m_runningJobsLabel->setText(active == 0 ? tr("No jobs running")
                                            : tr("%n job(s) running", nullptr, active));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // With a tray icon and the setting on, closing the window hides it: schedules go on.
    if (!m_quitting && !m_closeWhenIdle && m_tray && m_tray->isVisible() && m_tray->keepRunningInTray()) {
        event->ignore();
        hide();
        statusBar()->clearMessage();
        return;
    }
    if (!m_runner->hasActiveJobs()) {
        event->accept();
        return;
    }
    event->ignore();
    if (m_closeWhenIdle)
        return;
    // Not a nested event loop: the box is window-modal and answers through a signal.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Jobs are running"),
                                tr("%n job(s) are still running. Cancel them and quit? Nothing a cancelled "
                                   "backup was writing is kept.",
                                   nullptr, activeJobCount()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("quitWhileRunningBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *quit = box->addButton(tr("Cancel jobs and quit"), QMessageBox::DestructiveRole);
    box->addButton(tr("Keep running"), QMessageBox::RejectRole);
    connect(box, &QMessageBox::buttonClicked, this, [this, quit](QAbstractButton *button) {
        if (button != quit)
            return;
        m_closeWhenIdle = true;
        m_runner->cancelAll();
        statusBar()->showMessage(tr("Cancelling the running jobs, then quitting…"));
        updateActions();
        if (!m_runner->hasActiveJobs())
            close();
    });
    box->open();
}

} // namespace lifeboat
