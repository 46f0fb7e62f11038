#include "gui/history/HistoryModel.h"

#include "gui/DisplayFormat.h"
#include "gui/history/HistoryReader.h"

#include <QIcon>

namespace lifeboat {

namespace {

QString stateIcon(const RunRecord &run)
{
    if (run.refused())
        return QStringLiteral(":/icons/state-warning.svg");
    switch (run.state) {
    case RunRecord::State::Succeeded:
        return QStringLiteral(":/icons/state-ok.svg");
    case RunRecord::State::Failed:
    case RunRecord::State::Interrupted:
        return QStringLiteral(":/icons/state-failed.svg");
    case RunRecord::State::Cancelled:
        return QStringLiteral(":/icons/state-warning.svg");
    default:
        return QStringLiteral(":/icons/state-running.svg");
    }
}

Catalog::RunPageKey keyOf(const RunRecord &run)
{
    return {run.startedUtc, run.id};
}

} // namespace

HistoryModel::HistoryModel(HistoryReader *reader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
    qRegisterMetaType<lifeboat::HistoryPage>();
    connect(reader, &HistoryReader::pageLoaded, this, &HistoryModel::onPage);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ProfileColumn:
        return tr("Profile");
    case DatabasesColumn:
        return tr("Database(s)");
    case KindColumn:
        return tr("Kind");
    case TriggerColumn:
        return tr("Trigger");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const RunRecord &run = m_runs.at(index.row());
    if (role == RunIdRole)
        return run.id;
    if (role == Qt::DecorationRole && index.column() == StatusColumn)
        return QIcon(stateIcon(run));
    if (role == Qt::TextAlignmentRole && (index.column() == DurationColumn || index.column() == SizeColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (index.column() == StatusColumn || index.column() == DatabasesColumn)
            return run.message.isEmpty() ? QVariant() : QVariant(run.message);
        if (index.column() == TimeColumn)
            return DisplayFormat::age(run.startedUtc,
                                      m_nowUtc.isValid() ? m_nowUtc : QDateTime::currentDateTimeUtc());
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return DisplayFormat::dateTime(run.startedUtc);
    case ProfileColumn:
        return run.profileName;
    case DatabasesColumn:
        return run.databases;
    case KindColumn:
        return DisplayFormat::runKind(run.kind);
    case TriggerColumn:
        if (run.trigger == QLatin1String("schedule"))
            return tr("schedule");
        if (run.trigger == QLatin1String("catch-up"))
            return tr("catch-up");
        return tr("manual");
    case StatusColumn:
        return DisplayFormat::runOutcome(run);
    case DurationColumn:
        return DisplayFormat::duration(run.startedUtc, run.finishedUtc);
    case SizeColumn:
        return run.bytes > 0 ? DisplayFormat::size(run.bytes) : QString();
    default:
        return {};
    }
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_haveFirstPage && m_hasMore && !m_loading;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(false);
}

int HistoryModel::rowOfRun(qint64 runId) const
{
    for (int row = 0; row < m_runs.size(); ++row) {
        if (m_runs.at(row).id == runId)
            return row;
    }
    return -1;
}

void HistoryModel::setFilter(const Catalog::RunFilter &filter)
{
    m_filter = filter;
    ++m_generation;
    m_filterTimer.start();
    beginResetModel();
    m_runs.clear();
    m_hasMore = false;
    m_haveFirstPage = false;
    m_total = -1;
    endResetModel();
    requestPage(true);
}

void HistoryModel::requestPage(bool first)
{
    m_loading = true;
    HistoryReader *reader = m_reader;
    const int generation = m_generation;
    const Catalog::RunFilter filter = m_filter;
    const Catalog::RunPageKey after =
        first || m_runs.isEmpty() ? Catalog::RunPageKey{} : keyOf(m_runs.last());
    QMetaObject::invokeMethod(
        reader, [=] { reader->fetchPage(generation, filter, after, kPageSize, first); },
        Qt::QueuedConnection);
}

void HistoryModel::refresh()
{
    if (m_loading)
        return;
    if (!m_haveFirstPage || m_runs.isEmpty()) {
        ++m_generation;
        requestPage(true);
        return;
    }
    QList<qint64> unfinished;
    for (const RunRecord &run : std::as_const(m_runs)) {
        if (!run.isFinished())
            unfinished << run.id;
    }
    m_loading = true;
    HistoryReader *reader = m_reader;
    const int generation = m_generation;
    const Catalog::RunFilter filter = m_filter;
    const Catalog::RunPageKey first = keyOf(m_runs.first());
    QMetaObject::invokeMethod(
        reader, [=] { reader->fetchNewer(generation, filter, first, unfinished); }, Qt::QueuedConnection);
}

void HistoryModel::onPage(const HistoryPage &page)
{
    if (page.generation != m_generation)
        return; // an answer to a filter that is no longer shown
    m_loading = false;
    if (!page.error.isEmpty()) {
        m_error = page.error;
        Q_EMIT loadFailed(page.error);
        return;
    }
    m_error.clear();
    if (page.newer) {
        if (!page.runs.isEmpty()) {
            beginInsertRows(QModelIndex(), 0, int(page.runs.size()) - 1);
            m_runs = page.runs + m_runs;
            endInsertRows();
        }
        for (const RunRecord &run : page.updated) {
            const int row = rowOfRun(run.id);
            if (row < 0)
                continue;
            m_runs[row] = run;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    } else {
        const bool first = !m_haveFirstPage;
        if (first && !m_runs.isEmpty()) {
            beginResetModel();
            m_runs.clear();
            endResetModel();
        }
        m_hasMore = page.hasMore;
        if (!page.runs.isEmpty()) {
            beginInsertRows(QModelIndex(), int(m_runs.size()), int(m_runs.size() + page.runs.size()) - 1);
            m_runs += page.runs;
            endInsertRows();
        }
        if (first) {
            m_haveFirstPage = true;
            Q_EMIT firstPageLoaded(m_filterTimer.isValid() ? m_filterTimer.elapsed() : 0);
        }
    }
    if (page.total >= 0 && page.total != m_total) {
        m_total = page.total;
        Q_EMIT totalChanged(m_total);
    }
}

} // namespace lifeboat
