#pragma once

#include "core/ConfigPaths.h"
#include "core/Profile.h"
#include "core/RetentionPlanner.h"
#include "engine/jobs/Job.h"
#include "engine/secrets/JobSecrets.h"

#include <QJsonObject>
#include <QTimeZone>

#include <atomic>
#include <memory>

namespace lifeboat {

class Destination;
struct ArtifactRecord;

// Retention for one profile (`lifeboat-cli prune NAME`, and after each successful backup): per
// destination, RetentionPlanner decides from the catalog alone (no listing) what goes; each doomed
// backup is deleted — its dump, its globals and then its manifest — only when the manifest at the
// destination is there and describes that very backup (plain: its SHA-256 and object name; encrypted:
// an age file beside an object of the recorded size), so nothing Lifeboat did not write is touched.
// Each location is marked pruned in the catalog as it goes; a backup already deleted by hand is
// marked too, with an event saying so. Recorded as a run of kind "prune" (a dry run records
// nothing and deletes nothing). Holds the profile's lock unless its caller (a backup) already does.
class PruneJob final : public Job
{
public:
    struct Options
    {
        bool dryRun = false;
        bool lockHeld = false; // the caller (BackupJob) holds the profile's lock
        // A backup run that is still "running" in the catalog but has succeeded (the one this prune
        // follows): counted as a success for the failure streak.
        qint64 succeededBackupRunId = 0;
        QString trigger = QStringLiteral("manual");
        QTimeZone zone = QTimeZone::systemTimeZone(); // GFS buckets are local calendar periods
        // The profile's S3 secret key: given (by the backup this prune follows), else read from the
        // store when the secret index lists one (not for a dry run), else the AWS environment /
        // credentials file.
        JobSecrets secrets;
    };

    // What happened (or would happen) to one backup at one destination.
    struct Entry
    {
        enum class Action
        {
            Keep,
            WouldDelete, // dry run
            Deleted,
            AlreadyGone, // deleted by hand before; now marked pruned
            LeftAlone    // doomed, but not deleted (not provably ours, or the delete failed)
        };
        RetentionPlanner::Decision decision;
        QString objectPath;
        Action action = Action::Keep;
        QString note; // why it was left alone / what was found
    };

    struct DestinationReport
    {
        QString destination; // as configured
        QString label;       // "folder /srv/backups"
        QString pausedReason;
        QList<Entry> entries;
    };

    PruneJob(Profile profile, ConfigPaths paths, Options options);
    ~PruneJob() override;

    RunKind kind() const override { return RunKind::Prune; }
    QString profileName() const override { return m_profile.name; }
    QString serverKey() const override { return m_profile.connection.displayName(); }
    Status run(JobContext &ctx) override;
    void onCancel() override { m_cancelled.store(true); }
    QString outcome() const override { return m_outcome; }

    // Valid once run() has returned.
    QList<DestinationReport> report() const { return m_report; }
    QJsonObject reportJson() const;
    QStringList reportLines() const;

    static QString actionName(Entry::Action action);

private:
    void pruneAt(JobContext &ctx, const QString &spec, const QList<ArtifactRecord> &artifacts,
                 const QList<RunRecord> &runs, DestinationReport *report);

    Profile m_profile;
    ConfigPaths m_paths;
    Options m_options;
    std::atomic<bool> m_cancelled{false};
    QByteArray m_s3Secret; // for this run only (wiped afterwards)
    QList<DestinationReport> m_report;
    QString m_outcome;
};

} // namespace lifeboat
