#pragma once

#include "core/ArtifactRecord.h"
#include "core/ConfigPaths.h"
#include "core/Manifest.h"
#include "core/Profile.h"
#include "engine/jobs/Job.h"
#include "engine/restore/ArtifactReader.h"
#include "engine/restore/IntegrityChecker.h"
#include "engine/restore/RestorePreflight.h"
#include "engine/restore/RestoreRequest.h"

#include <QMutex>

#include <atomic>
#include <memory>
#include <optional>

class QFile;
class QTemporaryDir;

namespace lifeboat {

class ChildProcess;
class PgSession;
class Sandbox;

// Restores a backup into a new database (or, with --replace and the database's name typed again,
// over an existing one after a safety backup), and deep verification: the same restore into a
// throwaway cluster or a scratch database, compared with the manifest. Nothing touches a database
// before the integrity check has passed. Cancelling drops a new database, and puts a replaced one
// back from its safety backup.
class RestoreJob final : public Job
{
public:
    RestoreJob(QString profileName, QString serverKey, RestoreRequest request, ConfigPaths paths);
    ~RestoreJob() override;

    RunKind kind() const override;
    QString profileName() const override { return m_profileName; }
    QString serverKey() const override { return m_serverKey; }
    Status run(JobContext &ctx) override;
    void onCancel() override;

    static QString defaultDatabaseName(const QString &database, const QDateTime &whenUtc);
    static QString quoteIdent(const QString &name);

private:
    // What run() reads once, at its start: the backup, its profile (gone when deleted since), the
    // reader that opens it and the manifest that describes it.
    struct Opened
    {
        ArtifactRecord artifact;
        std::optional<Profile> profile;
        ArtifactReader reader;
        Manifest manifest;
        QString toolDirectory() const { return profile ? profile->toolDirectory : QString(); }
    };
    // Step 1's outcome: the integrity report, and with --jobs N the decoded archive it wrote (its
    // private folder and path; none when the restore streams).
    struct Checked
    {
        IntegrityChecker::Report report;
        int jobs = 1;
        QStringList jobsNotes; // for the pre-flight lines
        std::unique_ptr<QTemporaryDir> scratch;
        QString decodedArchive;
    };
    // What step 5 gives pg_restore.
    struct Into
    {
        ConnectionSpec target;
        QString database;
        bool noOwner = false;
        QString pgRestore;
        int tocEntries = 0;
        int jobs = 1;
        QString archivePath; // the decoded copy for --jobs N; empty: streamed on stdin
    };

    Result<Opened> openBackup(JobContext &ctx);
    // 1. Integrity, before anything touches a database.
    Result<Checked> checkIntegrity(JobContext &ctx, const Opened &opened);
    // 2. Where to.
    static Result<ConnectionSpec> chooseTarget(JobContext &ctx, const RestoreRequest &request,
                                               const Opened &opened, Sandbox *sandbox);
    Status loadPassword(JobContext &ctx, const Opened &opened);
    static QString chooseDatabaseName(const RestoreRequest &request, const QString &database);
    // 3. Pre-flight on the target.
    static Result<RestorePreflight::Report> preflight(JobContext &ctx, PgSession &admin,
                                                      const RestoreRequest &request, const Opened &opened,
                                                      const Into &into, const QStringList &jobsNotes);
    // 4. Replace: safety backup, close connections, drop.
    Result<qint64> replaceExisting(JobContext &ctx, PgSession &admin, const Opened &opened,
                                   const ConnectionSpec &target, const QString &database);
    Result<qint64> takeSafetyBackup(JobContext &ctx, const Opened &opened, const ConnectionSpec &target,
                                    const QString &database);
    static Status dropForReplace(JobContext &ctx, PgSession &admin, const QString &database,
                                 qint64 safetyArtifact);
    // 5. Create and restore.
    static Status createDatabase(JobContext &ctx, PgSession &admin, const ConnectionSpec &target,
                                 const QString &database);
    static Status createPartialPrerequisites(PgSession &admin, const RestoreRequest &request,
                                             const Manifest &manifest, const ConnectionSpec &target,
                                             const QString &database, const QByteArray &password);
    // Streams the backup `reader` reads into pg_restore (--jobs 1), or runs pg_restore -j N on the
    // temporary copy the integrity pass wrote.
    Status restoreInto(JobContext &ctx, const ArtifactReader &reader, const Into &into,
                       QStringList *warnings);
    static QStringList restoreArguments(const RestoreRequest &request, const Into &into);
    // A failed or cancelled restore: drops the new database, and puts a replaced one back from its
    // safety backup (`safetyArtifact`, 0 when nothing was replaced).
    Error rollback(JobContext &ctx, PgSession &admin, const ConnectionSpec &target, const QString &database,
                   qint64 safetyArtifact, const QString &why);
    // 6. Compare with the manifest.
    static Status compareWithManifest(JobContext &ctx, const RestoreRequest &request,
                                      const Manifest &manifest, const ConnectionSpec &target,
                                      const QString &database, const QByteArray &password, bool *allMatch);
    static void reportRestored(JobContext &ctx, const QStringList &warnings, const QString &label,
                               const QString &database, double restoreSeconds, double integritySeconds);
    // The end: a verification records its result on the backup (and drops its scratch database);
    // a restore says how to connect.
    static Status finishVerify(JobContext &ctx, PgSession &admin, const RestoreRequest &request,
                               const Opened &opened, const QString &database, bool allMatch,
                               double restoreSeconds);
    static Status finishRestore(JobContext &ctx, const ConnectionSpec &target, const QString &database,
                                bool allMatch);
    bool cancelled() const { return m_cancelled.load(); }

    QString m_profileName;
    QString m_serverKey;
    RestoreRequest m_request;
    ConfigPaths m_paths;
    std::atomic<bool> m_cancelled{false};
    QMutex m_childMutex;
    ChildProcess *m_child = nullptr;
    // The profile's database password from the keychain, when it has one and the restore goes to
    // the profile's own server: libpq gets it in memory, pg_restore through a private passfile.
    QByteArray m_password;
    QByteArray m_s3Secret; // the profile's S3 secret key from the keychain, when it has one
    std::unique_ptr<class PgPassFile> m_passFile;
    QStringList m_childEnvironment;
};

} // namespace lifeboat
