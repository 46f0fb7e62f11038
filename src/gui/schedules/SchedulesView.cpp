#include "gui/schedules/SchedulesView.h"

#include "engine/profiles/ProfileStore.h"
#include "engine/schedule/Scheduler.h"
#include "gui/BackgroundTask.h"
#include "gui/DisplayFormat.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lifeboat {

SchedulesView::SchedulesView(ConfigPaths paths, QWidget *parent)
    : QWidget(parent)
    , m_paths(std::move(paths))
{
    setObjectName(QStringLiteral("schedulesView"));
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("schedulesTable"));
    m_table->setAccessibleName(tr("Schedules"));
    m_table->setHorizontalHeaderLabels(
        {tr("Profile"), tr("Schedule"), tr("Next run"), tr("Last run"), tr("Catch-up"), tr("Enabled")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RuleColumn, QHeaderView::Stretch);
    m_empty = new QLabel(tr("No profile has a schedule. Give one a schedule in its editor (Edit… on the "
                            "dashboard), e.g. every day at 02:30."),
                         this);
    m_empty->setWordWrap(true);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);

    // The Enabled column is a check box; Space toggles it from the keyboard.
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_rebuilding || item->column() != EnabledColumn)
            return;
        const QString name = m_table->item(item->row(), ProfileColumn)->text();
        setScheduleEnabled(name, item->checkState() == Qt::Checked);
    });
}

void SchedulesView::setScheduler(Scheduler *scheduler)
{
    m_scheduler = scheduler;
    if (m_scheduler)
        connect(m_scheduler, &Scheduler::statesChanged, this, &SchedulesView::rebuild);
    rebuild();
}

void SchedulesView::setSnapshot(const CatalogSnapshot &snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void SchedulesView::rebuild()
{
    m_rebuilding = true;
    QList<const ProfileSummary *> scheduled;
    for (const ProfileSummary &s : std::as_const(m_snapshot.profiles)) {
        if (!s.profile.schedule.trimmed().isEmpty())
            scheduled << &s;
    }
    const QString current = m_table->currentRow() >= 0 && m_table->item(m_table->currentRow(), ProfileColumn)
                                ? m_table->item(m_table->currentRow(), ProfileColumn)->text()
                                : QString();
    m_table->setRowCount(int(scheduled.size()));
    for (int row = 0; row < int(scheduled.size()); ++row) {
        const ProfileSummary &s = *scheduled.at(row);
        QString next =
            s.scheduleError.isEmpty()
                ? (s.profile.scheduleEnabled ? DisplayFormat::dateTime(s.nextRunUtc) : tr("paused"))
                : tr("invalid rule");
        QString catchUp = tr("—");
        if (m_scheduler && m_scheduler->isRunning()) {
            const Scheduler::ProfileState state = m_scheduler->state(s.profile.name);
            if (state.nextRunUtc.isValid() && s.profile.scheduleEnabled)
                next = DisplayFormat::dateTime(state.nextRunUtc);
            if (state.catchUpPending)
                catchUp = tr("missed run pending: starts %1").arg(DisplayFormat::dateTime(state.nextRunUtc));
            else if (state.state == ScheduleDue::State::Due)
                catchUp = tr("due now");
            if (!state.blockedReason.isEmpty())
                catchUp = tr("waiting: %1").arg(state.blockedReason);
            if (!state.activeJobId.isEmpty())
                catchUp = tr("running");
        } else {
            catchUp = tr("scheduler not running");
        }
        const QString last = s.lastBackupRun.id == 0
                                 ? tr("never")
                                 : tr("%1 (%2)").arg(DisplayFormat::dateTime(s.lastBackupRun.startedUtc),
                                                     DisplayFormat::runState(s.lastBackupRun.state));
        const QStringList texts{s.profile.name, s.scheduleError.isEmpty() ? s.scheduleText : s.scheduleError,
                                next, last, catchUp};
        for (int column = 0; column < int(texts.size()); ++column) {
            auto *item = new QTableWidgetItem(texts.at(column));
            if (column == RuleColumn)
                item->setToolTip(s.profile.schedule);
            m_table->setItem(row, column, item);
        }
        auto *enabled = new QTableWidgetItem(s.profile.scheduleEnabled ? tr("on") : tr("off"));
        enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        enabled->setCheckState(s.profile.scheduleEnabled ? Qt::Checked : Qt::Unchecked);
        enabled->setData(Qt::AccessibleTextRole, tr("Schedule of %1 enabled").arg(s.profile.name));
        m_table->setItem(row, EnabledColumn, enabled);
        if (s.profile.name == current)
            m_table->setCurrentCell(row, m_table->currentColumn() < 0 ? 0 : m_table->currentColumn());
    }
    m_table->setVisible(!scheduled.isEmpty());
    m_empty->setVisible(scheduled.isEmpty());
    m_rebuilding = false;
}

void SchedulesView::setScheduleEnabled(const QString &profileName, bool enabled)
{
    Q_EMIT statusMessage(enabled ? tr("Schedule of %1 switched on").arg(profileName)
                                 : tr("Schedule of %1 paused").arg(profileName));
    if (m_scheduler && m_scheduler->isRunning()) {
        m_scheduler->setScheduleEnabled(profileName, enabled);
        // The scheduler re-evaluates after saving; the catalog changed too.
        connect(
            m_scheduler, &Scheduler::statesChanged, this, [this] { Q_EMIT catalogChanged(); },
            Qt::SingleShotConnection);
        return;
    }
    BackgroundTask::run(
        this,
        [store = ProfileStore(m_paths), profileName, enabled] {
            return store.setScheduleEnabled(profileName, enabled);
        },
        [this, profileName](const Status &status) {
            if (!status)
                Q_EMIT statusMessage(
                    tr("The schedule of %1 was not changed: %2").arg(profileName, status.error().message));
            Q_EMIT catalogChanged();
        });
}

} // namespace lifeboat
