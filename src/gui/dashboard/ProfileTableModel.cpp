#include "gui/dashboard/ProfileTableModel.h"

#include "gui/DisplayFormat.h"

namespace lifeboat {

ProfileTableModel::ProfileTableModel(QObject *parent)
    : RecordTableModel(parent)
    , m_profileIcon(QStringLiteral(":/icons/database.svg"))
    , m_okIcon(QStringLiteral(":/icons/state-ok.svg"))
    , m_runningIcon(QStringLiteral(":/icons/state-running.svg"))
    , m_failedIcon(QStringLiteral(":/icons/state-failed.svg"))
    , m_warningIcon(QStringLiteral(":/icons/state-warning.svg"))
    , m_lockIcon(QStringLiteral(":/icons/encrypted.svg"))
{}

void ProfileTableModel::setProfiles(const QList<ProfileSummary> &profiles, const QDateTime &nowUtc)
{
    m_nowUtc = nowUtc;
    syncRows(m_rows, profiles, [](const ProfileSummary &s) { return s.profile.id; });
}

void ProfileTableModel::setLiveJob(const JobInfo &job)
{
    if (job.isFinished()) {
        if (m_liveJobs.value(job.profileName).id != job.id)
            return;
        m_liveJobs.remove(job.profileName);
    } else {
        m_liveJobs.insert(job.profileName, job);
    }
    const int row = rowOf(job.profileName);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ProfileTableModel::rowOf(const QString &name) const
{
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows.at(row).profile.name == name)
            return row;
    }
    return -1;
}

int ProfileTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProfileTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProfileTableModel::databasesText(const Profile &profile)
{
    if (profile.databaseMode == Profile::DatabaseMode::All) {
        if (profile.includePatterns.isEmpty())
            return tr("all databases");
        return tr("all matching %1").arg(profile.includePatterns.join(QStringLiteral(", ")));
    }
    return profile.databases.join(QStringLiteral(", "));
}

QVariant ProfileTableModel::display(const ProfileSummary &s, int column) const
{
    switch (column) {
    case NameColumn:
        return s.profile.name;
    case ServerColumn:
        return s.profile.connection.displayName();
    case DatabasesColumn:
        return databasesText(s.profile);
    case LastBackupColumn:
        return s.lastBackupUtc.isValid() ? DisplayFormat::age(s.lastBackupUtc, m_nowUtc) : tr("never");
    case SizeColumn:
        return s.lastBackupUtc.isValid() ? DisplayFormat::size(s.lastBackupBytes) : QString();
    case StatusColumn:
        if (const auto live = m_liveJobs.constFind(s.profile.name); live != m_liveJobs.cend()) {
            if (live->state == JobInfo::State::Queued)
                return tr("%1 queued").arg(DisplayFormat::runKind(live->kind));
            if (live->percent() >= 0)
                return tr("%1 running, %2%").arg(DisplayFormat::runKind(live->kind)).arg(live->percent());
            return tr("%1 running").arg(DisplayFormat::runKind(live->kind));
        }
        if (s.lastRun.id == 0)
            return tr("no runs yet");
        if (s.lastRun.kind == RunKind::Backup)
            return DisplayFormat::runOutcome(s.lastRun);
        return tr("%1 %2").arg(DisplayFormat::runKind(s.lastRun.kind), DisplayFormat::runOutcome(s.lastRun));
    case EncryptionColumn:
        return s.profile.isEncrypted() ? tr("encrypted") : tr("not encrypted");
    default:
        return {};
    }
}

QVariant ProfileTableModel::toolTip(const ProfileSummary &s, int column) const
{
    switch (column) {
    case NameColumn:
        return tr("Destinations: %1").arg(s.profile.destinations.join(QStringLiteral(", ")));
    case LastBackupColumn:
        return s.lastBackupUtc.isValid() ? DisplayFormat::dateTime(s.lastBackupUtc) : tr("No backup yet");
    case SizeColumn:
        return tr("%n backup(s) kept, %1 in all", nullptr, s.backupCount)
            .arg(DisplayFormat::size(s.totalStoredBytes));
    case StatusColumn:
        if (s.lastRun.id == 0)
            return tr("This profile has not run yet.");
        return tr("%1 — %2").arg(DisplayFormat::dateTime(s.lastRun.startedUtc), s.lastRun.message);
    case EncryptionColumn:
        if (!s.profile.isEncrypted())
            return tr("Anyone who can read the destination can read these backups.");
        if (s.profile.passphrase)
            return tr("Encrypted with age and a passphrase kept in the keychain.");
        return tr("Encrypted with age to %n key(s): %1", nullptr, int(s.profile.recipients.size()))
            .arg(s.profile.recipients.join(QStringLiteral(", ")));
    default:
        return display(s, column);
    }
}

QVariant ProfileTableModel::raw(const ProfileSummary &s, int column) const
{
    switch (column) {
    case NameColumn:
        return s.profile.name;
    case LastBackupColumn:
        return s.lastBackupUtc;
    case SizeColumn:
        return s.lastBackupBytes;
    case StatusColumn:
        return s.lastRun.id == 0 ? QVariant() : QVariant(s.lastRun.outcomeName());
    case EncryptionColumn:
        return s.profile.isEncrypted();
    default:
        return display(s, column);
    }
}

QString ProfileTableModel::accessibleText(const ProfileSummary &s) const
{
    const QString last = s.lastBackupUtc.isValid() ? tr("last backup %1, %2")
                                                         .arg(display(s, LastBackupColumn).toString(),
                                                              display(s, SizeColumn).toString())
                                                   : tr("never backed up");
    return tr("%1: %2, databases %3; %4; status %5; encryption %6")
        .arg(s.profile.name, display(s, ServerColumn).toString(), display(s, DatabasesColumn).toString(),
             last, display(s, StatusColumn).toString(), display(s, EncryptionColumn).toString());
}

QVariant ProfileTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const ProfileSummary &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(s, index.column());
    case Qt::ToolTipRole:
        return toolTip(s, index.column());
    case RawRole:
        return raw(s, index.column());
    case KeyRole:
        return s.profile.id;
    case Qt::AccessibleTextRole:
        return index.column() == NameColumn ? QVariant(accessibleText(s)) : QVariant();
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return m_profileIcon;
        if (index.column() == StatusColumn && m_liveJobs.contains(s.profile.name))
            return m_runningIcon;
        if (index.column() == StatusColumn && s.lastRun.refused())
            return m_warningIcon;
        if (index.column() == StatusColumn && s.lastRun.id != 0) {
            switch (s.lastRun.state) {
            case RunRecord::State::Succeeded:
                return m_okIcon;
            case RunRecord::State::Queued:
            case RunRecord::State::Running:
                return m_runningIcon;
            default:
                return m_failedIcon;
            }
        }
        if (index.column() == EncryptionColumn)
            return s.profile.isEncrypted() ? m_lockIcon : m_warningIcon;
        return {};
    default:
        return {};
    }
}

QVariant ProfileTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Profile");
    case ServerColumn:
        return tr("Server");
    case DatabasesColumn:
        return tr("Databases");
    case LastBackupColumn:
        return tr("Last backup");
    case SizeColumn:
        return tr("Size");
    case StatusColumn:
        return tr("Status");
    case EncryptionColumn:
        return tr("Encryption");
    default:
        return {};
    }
}

} // namespace lifeboat
