#pragma once

#include "core/RunRecord.h"
#include "gui/RecordTableModel.h"

#include <QDateTime>
#include <QIcon>

namespace lifeboat {

// One profile's runs (History), newest first: time, kind, state, databases, duration, message.
class RunTableModel : public RecordTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        StartedColumn,
        KindColumn,
        StateColumn,
        DatabasesColumn,
        DurationColumn,
        MessageColumn,
        ColumnCount
    };

    explicit RunTableModel(QObject *parent = nullptr);

    // `nowUtc` is what a running run's duration so far is measured to.
    void setRuns(const QList<RunRecord> &runs, const QDateTime &nowUtc);
    const RunRecord &runAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const RunRecord &run, int column) const;
    QVariant raw(const RunRecord &run, int column) const;

    QList<RunRecord> m_rows;
    QDateTime m_nowUtc;
    QIcon m_okIcon;
    QIcon m_runningIcon;
    QIcon m_failedIcon;
    QIcon m_warningIcon;
};

} // namespace lifeboat
