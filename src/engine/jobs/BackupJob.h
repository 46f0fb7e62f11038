#pragma once

#include "core/ConfigPaths.h"
#include "core/Manifest.h"
#include "core/Profile.h"
#include "engine/jobs/BackupPlan.h"
#include "engine/jobs/Job.h"
#include "engine/pipeline/DumpPipeline.h"
#include "engine/pipeline/EncryptionSettings.h"
#include "engine/pipeline/StoreChain.h"
#include "engine/secrets/JobSecrets.h"

#include <QElapsedTimer>
#include <QMutex>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace lifeboat {

class Destination;
class Catalog;
class PgPassFile;
class PgSession;
class ProfileLock;

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
        // The database password (to libpq in memory, to pg_dump/pg_dumpall through a PgPassFile,
        // never in argv), the S3 secret key and the passphrase of a passphrase profile.
        JobSecrets secrets;
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

    RunKind kind() const override { return m_options.dryRun ? RunKind::DryRun : RunKind::Backup; }
    QString profileName() const override { return m_profile.name; }
    qint64 recordedBytes() const override { return m_storedTotal; }
    QString serverKey() const override;
    Status run(JobContext &ctx) override;
    void onCancel() override;

    // Works out the plan (connects, finds tools, selects databases, checks destinations).
    static Result<BackupPlan> makePlan(const Profile &profile, Catalog *catalog,
                                       const QByteArray &password = QByteArray(),
                                       const QByteArray &s3Secret = QByteArray());

private:
    using Destinations = std::vector<std::unique_ptr<Destination>>;
    // Where one database's backup goes: <base>.dump.zst[.age] beside <base>.manifest.json[.age].
    struct ArtifactNames
    {
        QString base;
        QString objectPath;
        QString manifestPath;
    };
    // A dump written to every destination but not yet visible, and the manifest that describes it.
    struct Dumped
    {
        std::unique_ptr<StoreChain> chain;
        Manifest manifest;
        QElapsedTimer timer; // started as pg_dump started
    };

    // The run's start: the lock, the scheduler's second look, the run recorded.
    Status claimRun(JobContext &ctx, ProfileLock *lock);
    // The keychain's secrets for this run; the passfile pg_dump and pg_dumpall get (null: none).
    Result<std::unique_ptr<PgPassFile>> readSecrets(JobContext &ctx);
    Result<BackupPlan> planRun(JobContext &ctx) const;
    Result<EncryptionSettings> encryptionSettings(JobContext &ctx) const;
    Result<Destinations> openDestinations(JobContext &ctx);
    static Result<QStringList> selectDatabases(const Profile &profile, PgSession &session,
                                               QStringList *warnings);

    // One database: choose the name, capture its facts, dump, globals, manifest, record.
    Status backUpDatabase(JobContext &ctx, const BackupPlan &plan, const BackupPlan::Database &db,
                          const EncryptionSettings &encryption, const Destinations &destinations,
                          qint64 *storedTotal);
    static Result<ArtifactNames>
    chooseNames(const Profile &profile, const QString &database, const QDateTime &started, bool encrypted,
                const Destinations &destinations,
                const std::function<Result<bool>(const QString &)> &knownToCatalog);
    static Manifest manifestBefore(const Profile &profile, const BackupPlan &plan, const QString &database,
                                   const QDateTime &started, const QString &objectPath,
                                   const EncryptionSettings &encryption, qint64 frameBytes,
                                   const QList<Manifest::Extension> &extensions);
    static DumpPipeline::Request dumpRequest(const Profile &profile, const BackupPlan &plan,
                                             const QString &database, const QStringList &environment);
    Result<Dumped> runDump(JobContext &ctx, const BackupPlan &plan, const BackupPlan::Database &db,
                           const EncryptionSettings &encryption, const Destinations &destinations,
                           const QString &objectPath, Manifest manifest);
    // The manifest, beside the artifact (encrypted like it); then the dump itself appears.
    static Status publish(JobContext &ctx, const QString &database, const Manifest &manifest,
                          const EncryptionSettings &encryption, const Destinations &destinations,
                          const ArtifactNames &names, StoreChain &dumpChain);
    static Result<qint64> recordArtifact(JobContext &ctx, const Profile &profile, const Manifest &manifest,
                                         bool encrypted, const Destinations &destinations,
                                         const ArtifactNames &names);
    Status dumpGlobals(JobContext &ctx, const BackupPlan &plan, const QString &base,
                       const EncryptionSettings &encryption, const Destinations &destinations,
                       Manifest *manifest);
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
