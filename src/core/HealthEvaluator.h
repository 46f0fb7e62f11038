#pragma once

#include "core/ArtifactRecord.h"
#include "core/Catalog.h"
#include "core/HealthReport.h"
#include "core/Profile.h"
#include "core/RunRecord.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace lifeboat {

// Decides how healthy a profile is from what the catalog knows — a pure function (no clock, no
// catalog access), so the same facts always give the same report. The rules (see HealthReport.h
// for the levels):
//   - stale (Failing): the newest successful backup of a database is older than the limit:
//     Profile::staleAfterHours when set, else 1.5 × the schedule's interval; none for a manual
//     profile without a limit;
//   - never backed up (Warning): a database (or an all-databases profile) without any backup;
//   - backup failed (Failing): the newest finished backup runs failed or were interrupted
//     (cancelled runs are skipped); the message gives the streak and the latest error;
//   - size anomaly (Warning): the newest backup's stored size is more than 50% above or below the
//     median of the (up to) 7 backups before it (at least 3 are needed);
//   - verification failed (Failing): the newest verification of a database failed;
//   - verification old (Warning): the newest successful verification is older than 7 days, or
//     there is none and the database's first backup is older than 7 days;
//   - retention failed (Warning): the newest finished prune run failed;
//   - identity not exported (Warning): the profile's age identity (secret index) was never
//     exported, so the keychain holds the only copy of the key.
// RPO: the schedule's interval (target) and the gap between the two newest backups (measured);
// RTO: the restore time of the newest successful verification (per database; their sum per
// profile).
class HealthEvaluator
{
public:
    static constexpr double kStaleFactor = 1.5;
    static constexpr double kSizeAnomalyFraction = 0.5;
    static constexpr int kSizeHistory = 7;
    static constexpr int kSizeMinimumHistory = 3;
    static constexpr qint64 kVerificationMaxAgeSeconds = 7 * 24 * 3600;

    struct Input
    {
        Profile profile;
        QList<RunRecord> runs;                        // the profile's runs, any order
        QList<ArtifactRecord> artifacts;              // the profile's artifacts, any order
        std::optional<Catalog::SecretEntry> identity; // the "age-identity" index entry, if any
        QDateTime nowUtc;
        std::optional<qint64> intervalSeconds; // the schedule's nominal interval, if scheduled
        QString scheduleDescription;           // "every day at 02:00"; empty = the rule's text
    };

    static HealthReport evaluate(const Input &input);

    // "45 min", "31 h", "9 days": how ages read in messages.
    static QString formatAge(qint64 seconds);
};

} // namespace lifeboat
