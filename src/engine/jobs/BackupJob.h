#pragma once

#include "core/ConfigPaths.h"
#include "core/Manifest.h"
#include "core/Profile.h"
#include "engine/jobs/BackupPlan.h"
#include "engine/jobs/Job.h"
#include "engine/pipeline/EncryptionSettings.h"

#include <QMutex>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace lifeboat {

class Destination;
class DumpPipeline;
class Catalog;
class SecretStore;

// Backs up every database a profile selects: pg_dump (custom format, uncompressed) → zstd →
// age → SHA-256 → each destination, writing the manifest beside each artifact and recording
// run, events and artifacts in the catalog. Holds the profile's lock for the whole run. With
// `dryRun` it connects, finds tools, checks destinations and reports the plan, writing nothing.
class BackupJob final : public Job
{
public:
    struct Options
    {
        bool dryRun = false;
        // Supplies the passphrase of a passphrase-encrypted profile (from the keychain).
        std::function<Result<QByteArray>()> passphraseProvider;
        // Supplies the database password (from the keychain); an empty optional, or no provider,
        // leaves it to libpq's own sources (PGPASSWORD, ~/.pgpass). Given to libpq in memory and to
        // pg_dump/pg_dumpall through a PgPassFile, never in argv.
        std::function<Result<std::optional<QByteArray>>()> dbPasswordProvider;
        // Supplies the S3 secret key of the profile's s3:// destinations (from the keychain); an
        // empty optional, or no provider, leaves it to AWS_SECRET_ACCESS_KEY / ~/.aws/credentials.
        std::function<Result<std::optional<QByteArray>>()> s3SecretProvider;
        // Where the providers above come from when they are not set: the job reads the catalog's
        // secret index on its worker thread and asks this store (ProfileSecrets::attachTo). The
        // GUI and the CLI set just this.
        std::shared_ptr<SecretStore> secretStore;
        // What started the run, recorded with it: "manual", "schedule" or "catch-up".
        QString trigger = QStringLiteral("manual");
        // Scheduled runs (the app's Scheduler, run-due): when another process holds the profile's
        // lock, or — checked after taking the lock — a backup run newer than `lastRunIdSeen` was
        // recorded since the scheduler decided, the job does not run and ends with error code
        // kSkippedCode ("running elsewhere" / "already ran"), which the runner reports as a skip.
        bool scheduled = false;
        qint64 lastRunIdSeen = 0; // the latest backup run id the scheduler saw (0 = none)
    };
    static constexpr const char *kSkippedCode = "job.skipped";

    BackupJob(Profile profile, ConfigPaths paths, Options options);
    ~BackupJob() override;

    QString kind() const override
    {
        return m_options.dryRun ? QStringLiteral("dry-run") : QStringLiteral("backup");
    }
    QString profileName() const override { return m_profile.name; }
    qint64 recordedBytes() const override { return m_storedTotal; }
    QString serverKey() const override;
    Status run(JobContext &ctx) override;
    void onCancel() override;

    // Works out the plan (connects, finds tools, selects databases, checks destinations).
    static Result<BackupPlan> makePlan(const Profile &profile, Catalog *catalog,
                                       const QByteArray &password = QByteArray(),
                                       const QByteArray &s3Secret = QByteArray());
    // The object name at a destination: <slug>/<db>/<db>_<stamp> (no extension).
    static QString objectBase(const Profile &profile, const QString &database, const QString &stamp);
    static QString safeFileName(const QString &name);

private:
    Status backUpDatabase(JobContext &ctx, const BackupPlan &plan, const BackupPlan::Database &db,
                          const EncryptionSettings &encryption,
                          const std::vector<std::unique_ptr<Destination>> &destinations, qint64 *storedTotal);
    Status dumpGlobals(JobContext &ctx, const BackupPlan &plan, const QString &base,
                       const EncryptionSettings &encryption,
                       const std::vector<std::unique_ptr<Destination>> &destinations, Manifest *manifest);
    bool cancelled() const { return m_cancelled.load(); }
    // verifyAfterBackup: each new artifact restored into a throwaway cluster and compared.
    void verifyNewArtifacts(JobContext &ctx, const EncryptionSettings &encryption);
    QList<qint64> m_newArtifacts;
    qint64 m_storedTotal = 0; // stored bytes of this run's artifacts (one destination's copy)
    // A non-empty retention policy: PruneJob under this run's lock, recorded as its own "prune" run;
    // its failure is reported (and recorded for health) but never fails the backup.
    void pruneAfterBackup(JobContext &ctx);
    qint64 m_runId = 0;

    Profile m_profile;
    ConfigPaths m_paths;
    Options m_options;
    std::atomic<bool> m_cancelled{false};
    QMutex m_pipelineMutex;
    DumpPipeline *m_pipeline = nullptr;
    // The run's destinations, under m_pipelineMutex: onCancel() interrupts their network waits.
    std::vector<Destination *> m_liveDestinations;
    QByteArray m_password;          // from the keychain, for this run only (wiped afterwards)
    QByteArray m_s3Secret;          // likewise, the S3 secret key
    QStringList m_childEnvironment; // PGPASSFILE for the children when m_password is set
};

} // namespace lifeboat
