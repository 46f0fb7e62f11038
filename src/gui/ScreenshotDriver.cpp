#include "gui/ScreenshotDriver.h"

#include "engine/jobs/JobModel.h"
#include "gui/MainWindow.h"
#include "gui/PlaceholderTableView.h"
#include "gui/dashboard/ProfileTableModel.h"
#include "gui/history/HistoryModel.h"
#include "gui/history/HistoryView.h"
#include "gui/profile/ProfileEditor.h"
#include "gui/restore/RestorePickPage.h"
#include "gui/restore/RestoreWizard.h"

#include <QCoreApplication>
#include <QListView>
#include <QPixmap>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>

#include <cstdio>

namespace lifeboat {

namespace {
constexpr int kTimeoutMs = 120'000; // for each page
constexpr int kSettleMs = 600;

RestoreWizard::PageId wizardPage(const QString &name)
{
    static const QStringList pages = {
        QStringLiteral("restore-pick"),      QStringLiteral("restore-integrity"),
        QStringLiteral("restore-target"),    QStringLiteral("restore-options"),
        QStringLiteral("restore-preflight"), QStringLiteral("restore-run"),
        QStringLiteral("restore-report")};
    return RestoreWizard::PageId(qMax(0, int(pages.indexOf(name))));
}

const QStringList &profileSections()
{
    // In the order of ProfileEditor::Section.
    static const QStringList sections = {
        QStringLiteral("profile-connection"),   QStringLiteral("profile-databases"),
        QStringLiteral("profile-destinations"), QStringLiteral("profile-encryption"),
        QStringLiteral("profile-schedule"),     QStringLiteral("profile-notifications")};
    return sections;
}

// The newest backup of the unencrypted database (restorable without a keychain) with the most
// backups: the one with a history to show.
QTreeWidgetItem *unencryptedBackup(QTreeWidget *tree)
{
    QTreeWidgetItem *best = nullptr;
    for (int p = 0; p < tree->topLevelItemCount(); ++p) {
        QTreeWidgetItem *profile = tree->topLevelItem(p);
        for (int d = 0; d < profile->childCount(); ++d) {
            QTreeWidgetItem *database = profile->child(d);
            if (database->childCount() > 0 && database->child(0)->icon(0).isNull() &&
                (!best || database->childCount() > best->childCount()))
                best = database;
        }
    }
    return best ? best->child(0) : nullptr;
}
} // namespace

QStringList ScreenshotDriver::pageNames()
{
    return QStringList{QStringLiteral("welcome"),       QStringLiteral("dashboard"),
                       QStringLiteral("schedules"),     QStringLiteral("history"),
                       QStringLiteral("history-chart"), QStringLiteral("jobs")} +
           profileSections() +
           QStringList{QStringLiteral("restore-pick"),      QStringLiteral("restore-integrity"),
                       QStringLiteral("restore-target"),    QStringLiteral("restore-options"),
                       QStringLiteral("restore-preflight"), QStringLiteral("restore-run"),
                       QStringLiteral("restore-report")};
}

ScreenshotDriver::ScreenshotDriver(MainWindow *window, QStringList pages, QString outDir)
    : QObject(window)
    , m_window(window)
    , m_pages(std::move(pages))
    , m_page(m_pages.value(0))
    , m_outDir(std::move(outDir))
{
    m_elapsed.start();
    m_pageElapsed.start();
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &ScreenshotDriver::step);
    m_timer.start();
}

void ScreenshotDriver::step()
{
    if (m_pageElapsed.elapsed() > kTimeoutMs) {
        std::fprintf(stderr, "screenshot: could not reach the page %s in time\n", qPrintable(m_page));
        QCoreApplication::exit(1);
        m_timer.stop();
        return;
    }
    bool ready = false;
    if (m_page == QLatin1String("dashboard") || m_page == QLatin1String("welcome")) {
        m_window->showPage(MainWindow::Page::Dashboard);
        ready = m_elapsed.elapsed() > 2500; // the first snapshot and the cards, or the servers found
    } else if (m_page == QLatin1String("schedules")) {
        m_window->showPage(MainWindow::Page::Schedules);
        ready = m_elapsed.elapsed() > 1500;
    } else if (m_page.startsWith(QLatin1String("history"))) {
        ready = stepHistory();
    } else if (m_page == QLatin1String("jobs")) {
        ready = stepJobs();
        if (ready) {
            grab(); // while the backup still runs: no settling
            return;
        }
    } else if (m_page.startsWith(QLatin1String("profile-"))) {
        ready = stepProfileEditor();
    } else {
        ready = stepRestore();
    }
    if (!ready) {
        m_settle.invalidate();
        return;
    }
    if (!m_settle.isValid())
        m_settle.start();
    if (m_settle.elapsed() >= kSettleMs)
        grab();
}

bool ScreenshotDriver::stepHistory()
{
    m_window->showPage(MainWindow::Page::History);
    HistoryView *view = m_window->historyView();
    HistoryModel *model = view->model();
    if (model->rowCount() == 0)
        return false;
    if (m_stage == 0) {
        // The newest successful backup: its details have a manifest and a chart.
        for (int row = 0; row < model->rowCount(); ++row) {
            const RunRecord &run = model->runAt(row);
            if (run.kind == RunKind::Backup && run.state == RunRecord::State::Succeeded) {
                view->selectRun(run.id);
                break;
            }
        }
        if (auto *tabs = view->findChild<QTabWidget *>(QStringLiteral("runDetailTabs")))
            tabs->setCurrentIndex(m_page == QLatin1String("history-chart") ? 2 : 1);
        m_stage = 1;
        return false;
    }
    return view->selectedArtifactId() != 0;
}

bool ScreenshotDriver::stepJobs()
{
    m_window->showPage(MainWindow::Page::Dashboard);
    auto *jobsView = m_window->findChild<QTableView *>(QStringLiteral("jobsView"));
    auto *jobs = jobsView ? qobject_cast<JobModel *>(jobsView->model()) : nullptr;
    if (!jobs)
        return false;
    if (m_stage == 0) {
        auto *backUpAll = m_window->findChild<QPushButton *>(QStringLiteral("backUpAllButton"));
        if (!backUpAll || !backUpAll->isVisible() || !backUpAll->isEnabled())
            return false;
        backUpAll->click();
        m_stage = 1;
        return false;
    }
    // A backup that is running (the others queued behind it, or done).
    for (int row = 0; row < jobs->rowCount(); ++row) {
        if (jobs->jobAt(row).state == JobInfo::State::Running)
            return true;
    }
    if (jobs->rowCount() > 0 && m_pageElapsed.elapsed() > 30'000) {
        // All done before a poll caught one running: the finished jobs are what there is to show.
        return true;
    }
    return false;
}

bool ScreenshotDriver::stepProfileEditor()
{
    const int section = int(profileSections().indexOf(m_page));
    if (!m_editor) {
        if (m_stage != 0)
            return false; // closed by someone else
        m_window->showPage(MainWindow::Page::Dashboard);
        // A new profile for the first profile's server, as the welcome would suggest it.
        auto *profiles = m_window->findChild<QListView *>(QStringLiteral("profilesView"));
        auto *model = profiles ? qobject_cast<ProfileTableModel *>(profiles->model()) : nullptr;
        if (!model || model->rowCount() == 0)
            return false;
        Profile suggestion = model->profileAt(0).profile;
        suggestion.name = QStringLiteral("inventory");
        suggestion.databases.clear();
        m_editor = m_window->editProfile(QString());
        m_editor->setProfile(suggestion);
        connect(m_editor, &ProfileEditor::connectionTested, this, [this] { m_connectionTested = true; });
        m_editor->testConnection();
        m_stage = 1;
        return false;
    }
    if (!m_connectionTested)
        return false;
    if (m_editor->currentSection() != section)
        m_editor->showSection(section);
    return m_editor->isVisible();
}

bool ScreenshotDriver::stepRestore()
{
    m_window->showPage(MainWindow::Page::Restore);
    RestoreWizard *wizard = m_window->restoreWizard();
    const RestoreWizard::PageId target = wizardPage(m_page);
    const int current = wizard->currentId();
    auto *pick = qobject_cast<RestorePickPage *>(wizard->page(RestoreWizard::PickPage));
    if (current == RestoreWizard::PickPage && m_stage == 0) {
        QTreeWidgetItem *backup = unencryptedBackup(pick->tree());
        if (!backup)
            return false;
        pick->tree()->setCurrentItem(backup);
        m_stage = 1;
        return false;
    }
    QWizardPage *page = wizard->currentPage();
    if (current == target)
        return current == RestoreWizard::RunPage || current == RestoreWizard::ReportPage ? page->isComplete()
               : current == RestoreWizard::TargetPage || current == RestoreWizard::OptionsPage
                   ? true
                   : page->isComplete();
    if (current < target && page->isComplete())
        wizard->next();
    return false;
}

void ScreenshotDriver::grab()
{
    const QString file = m_outDir + QLatin1Char('/') + m_page + QStringLiteral(".png");
    const bool editor = m_page.startsWith(QLatin1String("profile-")) && m_editor;
    const QPixmap pixmap = editor ? m_editor->grab() : m_window->grab();
    if (!pixmap.save(file, "PNG")) {
        std::fprintf(stderr, "screenshot: cannot write %s\n", qPrintable(file));
        m_timer.stop();
        QCoreApplication::exit(1);
        return;
    }
    std::printf("screenshot: %s -> %s\n", qPrintable(m_page), qPrintable(file));
    std::fflush(stdout);
    m_settle.invalidate();
    if (++m_index >= m_pages.size()) {
        m_timer.stop();
        QCoreApplication::exit(0);
        return;
    }
    const QString next = m_pages.at(m_index);
    if (m_editor && !next.startsWith(QLatin1String("profile-"))) {
        m_editor->reject(); // deletes itself on close
        m_editor = nullptr;
    }
    // The wizards go on from page to page; every other view starts from its first stage.
    const auto sameWizard = [this, &next](QLatin1String prefix) {
        return m_page.startsWith(prefix) && next.startsWith(prefix);
    };
    if (!sameWizard(QLatin1String("restore-")) && !sameWizard(QLatin1String("profile-")))
        m_stage = 0;
    m_page = next;
    m_pageElapsed.restart();
}

} // namespace lifeboat
