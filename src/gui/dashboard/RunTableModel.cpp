#include "gui/dashboard/RunTableModel.h"

#include "gui/DisplayFormat.h"

namespace lifeboat {

RunTableModel::RunTableModel(QObject *parent)
    : RecordTableModel(parent)
    , m_okIcon(QStringLiteral(":/icons/state-ok.svg"))
    , m_runningIcon(QStringLiteral(":/icons/state-running.svg"))
    , m_failedIcon(QStringLiteral(":/icons/state-failed.svg"))
    , m_warningIcon(QStringLiteral(":/icons/state-warning.svg"))
{}

void RunTableModel::setRuns(const QList<RunRecord> &runs, const QDateTime &nowUtc)
{
    m_nowUtc = nowUtc;
    syncRows(m_rows, runs, [](const RunRecord &r) { return r.id; });
}

int RunTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunTableModel::display(const RunRecord &r, int column) const
{
    switch (column) {
    case StartedColumn:
        return DisplayFormat::dateTime(r.startedUtc);
    case KindColumn:
        return DisplayFormat::runKind(r.kind);
    case StateColumn:
        return DisplayFormat::runOutcome(r);
    case DatabasesColumn:
        return r.databases;
    case DurationColumn:
        if (!r.isFinished())
            return tr("%1 so far").arg(DisplayFormat::duration(r.startedUtc, m_nowUtc));
        return DisplayFormat::duration(r.startedUtc, r.finishedUtc);
    case MessageColumn:
        return r.message;
    default:
        return {};
    }
}

QVariant RunTableModel::raw(const RunRecord &r, int column) const
{
    switch (column) {
    case StartedColumn:
        return r.startedUtc;
    case KindColumn:
        return runKindName(r.kind);
    case StateColumn:
        return r.outcomeName();
    case DurationColumn:
        return r.startedUtc.isValid() && r.finishedUtc.isValid()
                   ? QVariant(r.startedUtc.msecsTo(r.finishedUtc))
                   : QVariant();
    default:
        return display(r, column);
    }
}

QVariant RunTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const RunRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StartedColumn)
            return tr("Run %1, started %2 UTC").arg(r.id).arg(r.startedUtc.toUTC().toString(Qt::ISODate));
        return display(r, index.column());
    case RawRole:
        return raw(r, index.column());
    case KeyRole:
        return r.id;
    case Qt::DecorationRole:
        if (index.column() != StateColumn)
            return {};
        if (r.refused())
            return m_warningIcon;
        switch (r.state) {
        case RunRecord::State::Succeeded:
            return m_okIcon;
        case RunRecord::State::Queued:
        case RunRecord::State::Running:
            return m_runningIcon;
        default:
            return m_failedIcon;
        }
    default:
        return {};
    }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case KindColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    case DatabasesColumn:
        return tr("Databases");
    case DurationColumn:
        return tr("Duration");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace lifeboat
