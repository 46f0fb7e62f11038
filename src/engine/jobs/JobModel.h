#pragma once

#include "core/JobInfo.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace lifeboat {

class JobRunner;

// The runner's jobs as a table for views: profile, kind, state, phase, progress, ETA.
// Progress is also exposed as an integer percentage under ProgressRole for delegates.
class JobModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ProfileColumn,
        KindColumn,
        StateColumn,
        PhaseColumn,
        ProgressColumn,
        EtaColumn,
        ColumnCount
    };
    enum Role
    {
        ProgressRole = Qt::UserRole + 1,
        JobIdRole,
        StateRole
    };

    explicit JobModel(JobRunner *runner, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    JobInfo jobAt(int row) const { return m_jobs.value(row); }
    static QString formatEta(double seconds);

private:
    void onAdded(const JobInfo &job);
    void onUpdated(const JobInfo &job);

    QPointer<JobRunner> m_runner;
    QList<JobInfo> m_jobs;
};

} // namespace lifeboat
