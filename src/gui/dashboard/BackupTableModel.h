#pragma once

#include "core/ArtifactRecord.h"
#include "gui/RecordTableModel.h"

#include <QIcon>

namespace lifeboat {

// One profile's backups (artifacts), newest first: id, time, database, size, SHA-256, verified.
class BackupTableModel : public RecordTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        IdColumn,
        CreatedColumn,
        DatabaseColumn,
        SizeColumn,
        Sha256Column,
        VerifiedColumn,
        ColumnCount
    };

    explicit BackupTableModel(QObject *parent = nullptr);

    void setBackups(const QList<ArtifactRecord> &backups);
    const ArtifactRecord &backupAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const ArtifactRecord &artifact, int column) const;
    QVariant toolTip(const ArtifactRecord &artifact, int column) const;
    QVariant raw(const ArtifactRecord &artifact, int column) const;

    QList<ArtifactRecord> m_rows;
    QIcon m_verifiedIcon;
    QIcon m_failedIcon;
    QIcon m_lockIcon;
};

} // namespace lifeboat
