#pragma once

#include "core/JobInfo.h"
#include "gui/ProfileSummary.h"
#include "gui/RecordTableModel.h"

#include <QDateTime>
#include <QIcon>

namespace lifeboat {

// The profiles on the left of the main window: name, server, databases, last backup (age,
// size, outcome) and whether backups are encrypted.
class ProfileTableModel : public RecordTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        ServerColumn,
        DatabasesColumn,
        LastBackupColumn,
        SizeColumn,
        StatusColumn,
        EncryptionColumn,
        ColumnCount
    };

    explicit ProfileTableModel(QObject *parent = nullptr);

    // `nowUtc` is what "5 min ago" is measured from.
    void setProfiles(const QList<ProfileSummary> &profiles, const QDateTime &nowUtc);
    // A job of this window that is queued or running shows as the profile's status until it ends
    // (the catalog only knows about it once it has connected).
    void setLiveJob(const JobInfo &job);
    const ProfileSummary &profileAt(int row) const { return m_rows.at(row); }
    // -1 when there is no such profile
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString databasesText(const Profile &profile);

private:
    QVariant display(const ProfileSummary &summary, int column) const;
    QVariant toolTip(const ProfileSummary &summary, int column) const;
    QVariant raw(const ProfileSummary &summary, int column) const;
    QString accessibleText(const ProfileSummary &summary) const;

    QList<ProfileSummary> m_rows;
    QDateTime m_nowUtc;
    QHash<QString, JobInfo> m_liveJobs; // profile name → its active job
    QIcon m_profileIcon;
    QIcon m_okIcon;
    QIcon m_runningIcon;
    QIcon m_failedIcon;
    QIcon m_warningIcon;
    QIcon m_lockIcon;
};

} // namespace lifeboat
