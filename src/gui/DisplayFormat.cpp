#include "gui/DisplayFormat.h"

#include <QLocale>

namespace lifeboat {

QString DisplayFormat::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1);
}

QString DisplayFormat::dateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QString();
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString DisplayFormat::date(const QDateTime &utc)
{
    if (!utc.isValid())
        return QString();
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
}

QString DisplayFormat::age(const QDateTime &utc, const QDateTime &nowUtc)
{
    if (!utc.isValid())
        return QString();
    const qint64 seconds = utc.secsTo(nowUtc);
    if (seconds < 60)
        return tr("just now");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%n min ago", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return tr("%n h ago", nullptr, int(hours));
    return tr("%n day(s) ago", nullptr, int(hours / 24));
}

QString DisplayFormat::duration(const QDateTime &startedUtc, const QDateTime &finishedUtc)
{
    if (!startedUtc.isValid() || !finishedUtc.isValid())
        return QString();
    return duration(startedUtc.msecsTo(finishedUtc));
}

QString DisplayFormat::duration(qint64 milliseconds)
{
    if (milliseconds < 0)
        return QString();
    if (milliseconds < 60'000)
        return tr("%1 s").arg(QLocale().toString(double(milliseconds) / 1000.0, 'f', 1));
    const qint64 s = milliseconds / 1000;
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString DisplayFormat::runOutcome(const RunRecord &run)
{
    return run.refused() ? tr("refused") : runState(run.state);
}

QString DisplayFormat::runState(RunRecord::State state)
{
    switch (state) {
    case RunRecord::State::Queued:
        return tr("queued");
    case RunRecord::State::Running:
        return tr("running");
    case RunRecord::State::Succeeded:
        return tr("succeeded");
    case RunRecord::State::Failed:
        return tr("failed");
    case RunRecord::State::Cancelled:
        return tr("cancelled");
    case RunRecord::State::Interrupted:
        return tr("interrupted");
    }
    return RunRecord::stateName(state);
}

QString DisplayFormat::runKind(RunKind kind)
{
    switch (kind) {
    case RunKind::Backup:
        return tr("backup");
    case RunKind::DryRun:
        return tr("dry run");
    case RunKind::Verify:
        return tr("verify");
    case RunKind::Restore:
        return tr("restore");
    case RunKind::Prune:
        return tr("prune");
    case RunKind::Integrity:
        break;
    }
    return runKindName(kind);
}

QString DisplayFormat::shortHash(const QString &sha256)
{
    return sha256.left(12);
}

} // namespace lifeboat
