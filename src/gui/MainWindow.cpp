#include "gui/MainWindow.h"
#include "ui_MainWindow.h"

#include "engine/jobs/BackupJob.h"
#include "engine/jobs/JobModel.h"
#include "engine/jobs/JobRunner.h"
#include "engine/secrets/KeychainSecretStore.h"
#include "gui/BackupTableModel.h"
#include "gui/CatalogReader.h"
#include "gui/DisplayFormat.h"
#include "gui/ProfileCardDelegate.h"
#include "gui/ProfileTableModel.h"
#include "gui/ProgressBarDelegate.h"
#include "gui/RunTableModel.h"

#include <QCloseEvent>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>

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

QString shellQuoted(const QString &argument)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:@%+=,-]+$"));
    if (safe.match(argument).hasMatch())
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
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

    connect(m_ui->backUpNowAction, &QAction::triggered, this, &MainWindow::backUpNow);
    connect(m_ui->refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
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
    QFont emptyTitleFont = titleFont;
    emptyTitleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_ui->emptyStateTitleLabel->setFont(emptyTitleFont);
    m_ui->emptyStateIconLabel->setPixmap(QIcon(QStringLiteral(":/icons/lifeboat.svg")).pixmap(QSize(96, 96)));

    QFont monospace(QStringLiteral("monospace"));
    monospace.setStyleHint(QFont::Monospace);
    m_ui->emptyStateCommandLabel->setFont(monospace);
    QString command = QStringLiteral("lifeboat-cli ");
    const QString defaultRoot = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                                     QStringLiteral("/lifeboat"))
                                    .absolutePath();
    if (m_paths.root() != defaultRoot)
        command += QStringLiteral("--config-dir ") + shellQuoted(m_paths.root()) + QLatin1Char(' ');
    command +=
        QStringLiteral("profile add NAME --db postgresql://user@host/db --dest /folder --recipient age1…");
    m_ui->emptyStateCommandLabel->setText(command);
    m_ui->emptyStateHintLabel->setText(tr(
        "Make the age key pair with age-keygen and keep the private key somewhere safe: it is what decrypts "
        "the backups. Profiles added from the command line appear here within a few seconds; select one and "
        "choose Back up now."));

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
    QWidget *page = m_snapshot.profiles.isEmpty() ? m_ui->emptyStatePage : m_ui->dashboardPage;
    if (m_ui->contentStack->currentWidget() == page)
        return;
    const bool hadFocus = m_ui->contentStack->currentWidget()->isAncestorOf(focusWidget()) || !focusWidget();
    m_ui->contentStack->setCurrentWidget(page);
    if (hadFocus)
        (page == m_ui->dashboardPage ? static_cast<QWidget *>(m_ui->profilesView)
                                     : m_ui->emptyStateCommandLabel)
            ->setFocus();
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
    if (!m_secrets) {
        KeychainSecretStore::Options keychain;
        keychain.scope = m_paths.secretScope();
        m_secrets = std::make_shared<KeychainSecretStore>(keychain);
    }
    BackupJob::Options options;
    options.secretStore = m_secrets; // the job reads the profile's secrets on its worker thread
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
