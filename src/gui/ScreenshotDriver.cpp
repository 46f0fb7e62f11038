#include "gui/ScreenshotDriver.h"

#include "gui/HistoryModel.h"
#include "gui/HistoryView.h"
#include "gui/MainWindow.h"
#include "gui/PlaceholderTableView.h"
#include "gui/RestorePickPage.h"
#include "gui/RestoreWizard.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTabWidget>
#include <QTreeWidget>

#include <cstdio>

namespace lifeboat {

namespace {
constexpr int kTimeoutMs = 120'000;
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
} // namespace

QStringList ScreenshotDriver::pageNames()
{
    return {QStringLiteral("dashboard"),         QStringLiteral("history"),
            QStringLiteral("history-chart"),     QStringLiteral("restore-pick"),
            QStringLiteral("restore-integrity"), QStringLiteral("restore-target"),
            QStringLiteral("restore-options"),   QStringLiteral("restore-preflight"),
            QStringLiteral("restore-run"),       QStringLiteral("restore-report")};
}

ScreenshotDriver::ScreenshotDriver(MainWindow *window, QStringList pages, QString outDir)
    : QObject(window)
    , m_window(window)
    , m_pages(std::move(pages))
    , m_page(m_pages.value(0))
    , m_outDir(std::move(outDir))
{
    m_elapsed.start();
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &ScreenshotDriver::step);
    m_timer.start();
}

void ScreenshotDriver::step()
{
    if (m_elapsed.elapsed() > kTimeoutMs) {
        std::fprintf(stderr, "screenshot: could not reach the page %s in time\n", qPrintable(m_page));
        QCoreApplication::exit(1);
        m_timer.stop();
        return;
    }
    bool ready = false;
    if (m_page == QLatin1String("dashboard")) {
        m_window->showPage(MainWindow::Page::Dashboard);
        ready = m_elapsed.elapsed() > 1500; // the first snapshot and the cards
    } else if (m_page.startsWith(QLatin1String("history"))) {
        ready = stepHistory();
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
            if (run.kind == QLatin1String("backup") && run.state == RunRecord::State::Succeeded) {
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

bool ScreenshotDriver::stepRestore()
{
    m_window->showPage(MainWindow::Page::Restore);
    RestoreWizard *wizard = m_window->restoreWizard();
    const RestoreWizard::PageId target = wizardPage(m_page);
    const int current = wizard->currentId();
    auto *pick = qobject_cast<RestorePickPage *>(wizard->page(RestoreWizard::PickPage));
    if (current == RestoreWizard::PickPage && m_stage == 0) {
        if (pick->tree()->topLevelItemCount() == 0)
            return false;
        // The newest backup of the first database of the first profile.
        QTreeWidgetItem *profile = pick->tree()->topLevelItem(0);
        if (profile->childCount() == 0 || profile->child(0)->childCount() == 0)
            return false;
        pick->tree()->setCurrentItem(profile->child(0)->child(0));
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
    const QPixmap pixmap = m_window->grab();
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
    if (!m_page.startsWith(QLatin1String("restore-")))
        m_stage = 0;
    m_page = m_pages.at(m_index);
}

} // namespace lifeboat
