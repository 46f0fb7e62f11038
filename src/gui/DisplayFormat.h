#pragma once

#include "core/RunRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace lifeboat {

// How the GUI writes sizes, times, ages and states: one place, translated.
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(lifeboat::DisplayFormat)
public:
    // "12.3 MiB"
    static QString size(qint64 bytes);
    // Local time, "2026-01-15 13:04"
    static QString dateTime(const QDateTime &utc);
    // Local date, "2026-01-15"
    static QString date(const QDateTime &utc);
    // "just now", "5 min ago", "3 h ago", "2 days ago" (relative to `nowUtc`)
    static QString age(const QDateTime &utc, const QDateTime &nowUtc);
    // "4.2 s", "3 min 12 s", "1 h 5 min"; empty when either end is unknown
    static QString duration(const QDateTime &startedUtc, const QDateTime &finishedUtc);
    static QString duration(qint64 milliseconds);
    // "succeeded", "failed", ... in the user's language
    static QString runState(RunRecord::State state);
    // A finished run's outcome: runState, or "refused" for a restore its pre-flight turned down
    static QString runOutcome(const RunRecord &run);
    // "backup", "verify", ... in the user's language
    static QString runKind(RunKind kind);
    // The first 12 hex digits of a SHA-256
    static QString shortHash(const QString &sha256);
};

} // namespace lifeboat
