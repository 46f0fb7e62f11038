#pragma once

#include "core/ConfigPaths.h"
#include "core/Manifest.h"
#include "engine/jobs/Job.h"
#include "engine/restore/RestoreRequest.h"

#include <QMutex>

#include <atomic>
#include <memory>

class QFile;
class QTemporaryDir;

namespace lifeboat {

class ArtifactReader;
class ChildProcess;
class PgSession;
struct ArtifactRecord;

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
    // Streams the backup `reader` reads into pg_restore (--jobs 1), or runs pg_restore -j N on the
    // temporary copy the integrity pass wrote.
    Status restoreInto(JobContext &ctx, const ArtifactReader &reader, const ConnectionSpec &target,
                       const QString &database, int tocEntries, bool noOwner, const QString &pgRestore,
                       QStringList *warnings);
    // --jobs N: the private temporary file for the decoded archive, its room reserved; returns why
    // it cannot be made (empty when it can; the caller then restores as one stream).
    QString createTempCopy(qint64 archiveBytes, std::unique_ptr<QFile> *file);
    Status compareWithManifest(JobContext &ctx, const Manifest &manifest, const ConnectionSpec &target,
                               const QString &database, bool *allMatch);
    bool cancelled() const { return m_cancelled.load(); }

    QString m_profileName;
    QString m_serverKey;
    RestoreRequest m_request;
    ConfigPaths m_paths;
    std::atomic<bool> m_cancelled{false};
    QMutex m_childMutex;
    ChildProcess *m_child = nullptr;
    // --jobs > 1: the decoded archive, written during the integrity check.
    std::unique_ptr<QTemporaryDir> m_scratch;
    QString m_decodedArchive;
    // The profile's database password from the keychain, when it has one and the restore goes to
    // the profile's own server: libpq gets it in memory, pg_restore through a private passfile.
    QByteArray m_password;
    QByteArray m_s3Secret; // the profile's S3 secret key from the keychain, when it has one
    std::unique_ptr<class PgPassFile> m_passFile;
    QStringList m_childEnvironment;
};

} // namespace lifeboat
