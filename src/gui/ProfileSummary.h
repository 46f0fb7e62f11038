#pragma once

#include "core/HealthReport.h"
#include "core/Profile.h"
#include "core/RunRecord.h"

#include <QDateTime>

namespace lifeboat {

// A profile with what the dashboard says about it, worked out by the CatalogReader.
struct ProfileSummary
{
    Profile profile;
    QDateTime lastBackupUtc;    // the newest artifact's time (invalid: never backed up)
    qint64 lastBackupBytes = 0; // stored bytes of the newest backup run's artifacts
    int backupCount = 0;        // artifacts in the catalog
    qint64 totalStoredBytes = 0;
    RunRecord lastRun;       // the newest run of any kind (id 0: none)
    RunRecord lastBackupRun; // the newest backup run, whatever its outcome (id 0: none)

    // The newest verification of any of the profile's backups (invalid: never verified).
    QDateTime lastVerifiedUtc;
    QString lastVerifyState;        // "verified" or "failed"
    double lastRestoreSeconds = -1; // measured restore time of that verification
    qint64 newestArtifactId = 0;    // the newest backup (Verify checks its run's artifacts)
    RunRecord lastVerifyRun;        // the newest verify run (integrity or test restore; id 0: none)

    // Measured recovery objectives (from the HealthReport): the schedule's interval (RPO target),
    // the largest last gap between backups, and the last test restore's time (RTO); < 0 = unknown.
    double rpoTargetSeconds = -1;
    double rpoMeasuredSeconds = -1;
    double rtoSeconds = -1;

    // The catalog's secret index: the profile has an age identity in the keychain that was never
    // written to a recovery kit (its only copy is this machine's keychain).
    bool hasIdentity = false;
    bool identityNeverExported = false;

    // Schedule (worked out on the reader's thread from ScheduleRule).
    QString scheduleText;  // the rule in plain words; empty: manual only
    QString scheduleError; // the rule does not parse (one sentence)
    QDateTime nextRunUtc;  // invalid: no schedule, disabled or invalid
    qint64 scheduleIntervalSeconds = 0;

    // Health: level and one-line reasons (worst first).
    HealthLevel healthLevel = HealthLevel::Healthy;
    QStringList healthReasons;
    bool firstReasonNamesADatabase = false; // "app: …" — the name keeps its case
};

} // namespace lifeboat
