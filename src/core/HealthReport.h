#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lifeboat {

// How well a profile (or one of its databases) is protected, worst first in comparisons.
//   Healthy — nothing to do.
//   Warning — protected, but something needs a look: never backed up yet (no attempt so far),
//             size anomaly, verification too old (or never, for backups older than the limit),
//             retention (prune) failed, the age identity was never exported.
//   Failing — the promise is broken: the latest backup run failed (failure streak ≥ 1), no
//             successful backup for longer than the stale limit, the latest verification failed.
// `lifeboat-cli status` exits with the worst level's number (0, 1, 2).
enum class HealthLevel
{
    Healthy = 0,
    Warning = 1,
    Failing = 2
};

QString healthLevelName(HealthLevel level); // "healthy", "warning", "failing"

// One condition that is true now. `condition` is a stable tag (alert de-duplication keys on
// profile + subject + condition): "never-backed-up", "backup-failed", "stale", "size-anomaly",
// "verification-failed", "verification-old", "retention-failed", "identity-not-exported",
// "backup-damaged".
struct HealthFinding
{
    QString subject; // the database, or empty for the whole profile
    QString condition;
    HealthLevel level = HealthLevel::Warning;
    QString message; // one line: "no successful backup for 31 h (schedule: daily@02:00)"

    bool operator==(const HealthFinding &) const = default;
};

struct DatabaseHealth
{
    QString database;
    HealthLevel level = HealthLevel::Healthy;
    QStringList reasons;

    int backups = 0;          // successful backups the catalog knows (pruned ones included)
    QDateTime lastSuccessUtc; // invalid = never
    qint64 lastSuccessAgeSeconds = -1;
    qint64 lastSizeBytes = -1;       // stored bytes of the newest backup
    double lastDurationSeconds = -1; // the run that made the newest backup
    qint64 lastGapSeconds = -1;      // measured RPO: between the two newest backups
    QDateTime lastVerifiedUtc;       // the newest verification (either outcome); invalid = never
    bool lastVerificationOk = false;
    double restoreSeconds = -1; // RTO: the newest successful verification's restore time
};

// The health of one profile: a pure function of the catalog's facts (see HealthEvaluator).
struct HealthReport
{
    QString profileName;
    HealthLevel level = HealthLevel::Healthy;
    QList<HealthFinding> findings; // worst first
    QList<DatabaseHealth> databases;

    QString schedule;                      // the rule text; empty = manual only
    std::optional<qint64> intervalSeconds; // the schedule's nominal interval (RPO target)
    qint64 staleAfterSeconds = 0;          // 0 = no staleness check (manual, no limit set)

    QDateTime lastSuccessUtc;       // the newest successful backup run's end; invalid = never
    int failureStreak = 0;          // consecutive failed/interrupted backup runs, newest first
    double rpoMeasuredSeconds = -1; // the largest last gap among the databases
    double rtoSeconds = -1;         // sum of the databases' last restore times (a full restore)

    QStringList reasons() const; // the findings' messages, prefixed with the database
    QJsonObject toJson() const;
};

} // namespace lifeboat
