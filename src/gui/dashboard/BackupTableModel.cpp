#include "gui/dashboard/BackupTableModel.h"

#include "gui/DisplayFormat.h"

#include <QFont>
#include <QLocale>

namespace lifeboat {

BackupTableModel::BackupTableModel(QObject *parent)
    : RecordTableModel(parent)
    , m_verifiedIcon(QStringLiteral(":/icons/state-ok.svg"))
    , m_failedIcon(QStringLiteral(":/icons/state-failed.svg"))
    , m_lockIcon(QStringLiteral(":/icons/encrypted.svg"))
{}

void BackupTableModel::setBackups(const QList<ArtifactRecord> &backups)
{
    syncRows(m_rows, backups, [](const ArtifactRecord &a) { return a.id; });
}

int BackupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BackupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupTableModel::display(const ArtifactRecord &a, int column) const
{
    switch (column) {
    case IdColumn:
        return QString::number(a.id);
    case CreatedColumn:
        return DisplayFormat::dateTime(a.createdUtc);
    case DatabaseColumn:
        return a.database;
    case SizeColumn:
        return DisplayFormat::size(a.storedBytes);
    case Sha256Column:
        return DisplayFormat::shortHash(a.sha256);
    case VerifiedColumn:
        // Every test restore starts with an integrity check, so "damaged" is the newest news.
        if (a.damaged())
            return tr("DAMAGED");
        if (a.verifyState == QLatin1String("verified"))
            return a.verifiedUtc.isValid() ? tr("verified %1").arg(DisplayFormat::date(a.verifiedUtc))
                                           : tr("verified");
        if (a.verifyState == QLatin1String("failed"))
            return tr("FAILED");
        if (a.integrityState == QLatin1String("ok"))
            return tr("integrity ok %1").arg(DisplayFormat::date(a.integrityCheckedUtc));
        if (a.verifyState.isEmpty())
            return tr("not yet");
        return a.verifyState;
    default:
        return {};
    }
}

QVariant BackupTableModel::toolTip(const ArtifactRecord &a, int column) const
{
    switch (column) {
    case CreatedColumn:
        return tr("%1 (UTC %2)")
            .arg(DisplayFormat::dateTime(a.createdUtc), a.createdUtc.toUTC().toString(Qt::ISODate));
    case SizeColumn:
        return tr("%1 stored (%2 bytes); the dump was %3 before compression")
            .arg(DisplayFormat::size(a.storedBytes), QLocale().toString(a.storedBytes),
                 DisplayFormat::size(a.dumpBytes));
    case Sha256Column:
        return tr("SHA-256 of the stored file: %1").arg(a.sha256);
    case DatabaseColumn: {
        QStringList where;
        for (const ArtifactRecord::Location &l : a.locations)
            where << l.destination + QLatin1Char('/') + l.objectPath;
        return where.join(QLatin1Char('\n'));
    }
    case VerifiedColumn:
        if (a.damaged())
            return tr("The integrity check on %1 found this backup damaged, so it will not restore: %2")
                .arg(DisplayFormat::dateTime(a.integrityCheckedUtc), a.integrityDetail);
        if (a.verifyState == QLatin1String("verified"))
            return tr("Restored and checked on %1 (restore took %2).")
                .arg(DisplayFormat::dateTime(a.verifiedUtc),
                     DisplayFormat::duration(qint64(a.restoreSeconds * 1000)));
        if (a.verifyState == QLatin1String("failed"))
            return tr("The last verification of this backup failed: see History.");
        if (a.integrityState == QLatin1String("ok"))
            return tr("Read in full and found intact on %1 (SHA-256, decryption, zstd checksums, archive, "
                      "row counts), but not restored yet: a test restore proves it works.")
                .arg(DisplayFormat::dateTime(a.integrityCheckedUtc));
        return tr("This backup has not been restored yet, so it is not yet proven to work.");
    default:
        return display(a, column);
    }
}

QVariant BackupTableModel::raw(const ArtifactRecord &a, int column) const
{
    switch (column) {
    case IdColumn:
        return a.id;
    case CreatedColumn:
        return a.createdUtc;
    case SizeColumn:
        return a.storedBytes;
    case Sha256Column:
        return a.sha256;
    case VerifiedColumn:
        if (a.damaged())
            return QStringLiteral("damaged");
        if (a.verifyState.isEmpty() && a.integrityState == QLatin1String("ok"))
            return QStringLiteral("intact");
        return a.verifyState;
    default:
        return display(a, column);
    }
}

QVariant BackupTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const ArtifactRecord &a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(a, index.column());
    case Qt::ToolTipRole:
        return toolTip(a, index.column());
    case RawRole:
        return raw(a, index.column());
    case KeyRole:
        return a.id;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (index.column() == Sha256Column) {
            QFont font(QStringLiteral("monospace"));
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == VerifiedColumn && a.verifyState == QLatin1String("verified") && !a.damaged())
            return m_verifiedIcon;
        if (index.column() == VerifiedColumn && (a.verifyState == QLatin1String("failed") || a.damaged()))
            return m_failedIcon;
        if (index.column() == DatabaseColumn && a.encrypted)
            return m_lockIcon;
        return {};
    default:
        return {};
    }
}

QVariant BackupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("ID");
    case CreatedColumn:
        return tr("Created");
    case DatabaseColumn:
        return tr("Database");
    case SizeColumn:
        return tr("Size");
    case Sha256Column:
        return tr("SHA-256");
    case VerifiedColumn:
        return tr("Verified");
    default:
        return {};
    }
}

} // namespace lifeboat
