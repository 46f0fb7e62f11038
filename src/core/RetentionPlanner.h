#pragma once

#include "core/Result.h"
#include "core/RetentionPolicy.h"
#include "core/RunRecord.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace lifeboat {

// Decides which backups of one profile at one destination retention keeps and which it deletes.
// Pure: no clock, no catalog, no I/O — the caller passes the backups, the profile's recent runs,
// "now" and the local time zone (GFS buckets are local calendar hours, days, ISO weeks, months
// and years). Each database is its own series. A backup is kept when any rule keeps it; the
// invariants hold whatever the policy says:
//   - the newest backup of each database is never deleted, nor the newest verified one, nor — when
//     the newest was proved damaged by an integrity check — the newest one not known to be damaged;
//   - nothing is deleted while the latest backup runs have failed failureStreakLimit times in a
//     row, nor under an empty or invalid policy.
class RetentionPlanner
{
public:
    struct Backup
    {
        qint64 id = 0;
        QString database;
        QDateTime createdUtc;
        bool verified = false;
        qint64 bytes = 0;
        bool damaged = false; // its last integrity check proved its bytes wrong
    };

    struct Decision
    {
        Backup backup;
        bool keep = true;
        QStringList reasons; // why it is kept ("keep-last 3", "daily 2026-11-20", "newest verified")
    };

    struct Plan
    {
        // Grouped by database (in name order), newest first within each.
        QList<Decision> decisions;
        // Set when nothing may be deleted ("the last 2 backups failed: pruning paused").
        QString pausedReason;

        QList<Decision> doomed() const;
        qint64 doomedBytes() const;
        int keptCount() const;
    };

    // A policy that is nonsensical or would keep nothing: one sentence saying what to change.
    static Status validate(const RetentionPolicy &policy);

    // `runs`: the profile's recent runs, any kind, any order (only backup runs count).
    static Plan plan(const RetentionPolicy &policy, const QList<Backup> &backups,
                     const QList<RunRecord> &runs, const QDateTime &nowUtc, const QTimeZone &zone);

    // How many of the latest finished backup runs failed in a row (cancelled runs are skipped).
    static int failureStreak(const QList<RunRecord> &runs);
};

} // namespace lifeboat
