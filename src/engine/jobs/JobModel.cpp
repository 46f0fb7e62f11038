#include "engine/jobs/JobModel.h"

#include "engine/jobs/JobRunner.h"

namespace lifeboat {

JobModel::JobModel(JobRunner *runner, QObject *parent)
    : QAbstractTableModel(parent)
    , m_runner(runner)
{
    m_jobs = runner->jobs();
    connect(runner, &JobRunner::jobAdded, this, &JobModel::onAdded);
    connect(runner, &JobRunner::jobUpdated, this, &JobModel::onUpdated);
}

int JobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobModel::formatEta(double seconds)
{
    if (seconds < 0)
        return QString();
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60)
        return tr("%n s", nullptr, int(s));
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QVariant JobModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const JobInfo &job = m_jobs.at(index.row());
    if (role == ProgressRole)
        return job.percent();
    if (role == JobIdRole)
        return job.id;
    if (role == StateRole)
        return int(job.state);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case ProfileColumn:
        return job.profileName;
    case KindColumn:
        return runKindName(job.kind);
    case StateColumn:
        return RunRecord::stateName(job.state);
    case PhaseColumn:
        return job.isFinished() ? job.message : job.phase;
    case ProgressColumn:
        return job.percent() < 0 ? QVariant() : QVariant(QStringLiteral("%1%").arg(job.percent()));
    case EtaColumn:
        return job.isFinished() ? QString() : formatEta(job.etaSeconds);
    default:
        return {};
    }
}

QVariant JobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProfileColumn:
        return tr("Profile");
    case KindColumn:
        return tr("Job");
    case StateColumn:
        return tr("State");
    case PhaseColumn:
        return tr("Phase");
    case ProgressColumn:
        return tr("Progress");
    case EtaColumn:
        return tr("Time left");
    default:
        return {};
    }
}

void JobModel::onAdded(const JobInfo &job)
{
    beginInsertRows(QModelIndex(), int(m_jobs.size()), int(m_jobs.size()));
    m_jobs.append(job);
    endInsertRows();
}

void JobModel::onUpdated(const JobInfo &job)
{
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs.at(row).id == job.id) {
            m_jobs[row] = job;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
}

} // namespace lifeboat
