#include "engine/jobs/RunRecovery.h"

#include "core/Catalog.h"
#include "engine/jobs/ProfileLock.h"
#include "engine/secrets/ProfileSecrets.h"
#include "engine/storage/LocalFileWriter.h"
#include "engine/storage/S3Client.h"
#include "engine/storage/S3UploadEvent.h"

#include <QDirIterator>
#include <QFile>

namespace lifeboat {

namespace {

// Aborts the multipart uploads an interrupted run started (at most a few requests, short timeouts).
void abortUploads(Catalog &catalog, const RunRecord &run, const std::shared_ptr<SecretStore> &store)
{
    auto events = catalog.events(run.id);
    if (!events)
        return;
    QList<S3UploadEvent> uploads;
    for (const QString &line : std::as_const(*events)) {
        if (auto upload = S3UploadEvent::parse(line))
            uploads << *upload;
    }
    if (uploads.isEmpty())
        return;
    auto profile = catalog.profile(run.profileName);
    QByteArray secret;
    if (profile && store) {
        ProfileSecrets secrets(*store, catalog);
        auto stored = secrets.storedS3Secret(run.profileName);
        if (stored)
            secret = *stored;
    }
    S3Client::Options quick;
    quick.maxAttempts = 2;
    quick.transferTimeoutMs = 15000;
    for (const S3UploadEvent &upload : std::as_const(uploads)) {
        const QString manual =
            QStringLiteral("abort it with `aws s3api abort-multipart-upload --endpoint-url %1 "
                           "--bucket %2 --key '%3' --upload-id %4`")
                .arg(upload.endpoint, upload.bucket, upload.key, upload.uploadId);
        Status result =
            makeError(QStringLiteral("s3.recovery"),
                      QStringLiteral("profile '%1' no longer has that destination").arg(run.profileName));
        for (const QString &spec : profile ? profile->destinations : QStringList()) {
            auto location = S3Url::parse(spec);
            if (!location || !upload.isAt(*location))
                continue;
            S3Url::CredentialSources sources;
            sources.storedSecret = secret;
            auto credentials = S3Url::credentials(*location, sources);
            if (!credentials) {
                result = credentials.error();
                break;
            }
            auto client = S3Client::create(*location, *credentials, quick);
            result = client ? (*client)->abortMultipartUpload(upload.key, upload.uploadId.toUtf8())
                            : Status(client.error());
            break;
        }
        const QString what = QStringLiteral("the interrupted multipart upload of \"%1\" (upload id %2)")
                                 .arg(upload.key, upload.uploadId);
        if (result.ok())
            (void)catalog.addEvent(run.id, LogLevel::Info, QStringLiteral("aborted ") + what);
        else
            (void)catalog.addEvent(
                run.id, LogLevel::Warning,
                QStringLiteral("could not abort %1: %2; %3").arg(what, result.error().message, manual));
    }
    secret.fill('\0');
}

} // namespace

Result<int> RunRecovery::recover(Catalog &catalog, const ConfigPaths &paths,
                                 const std::shared_ptr<SecretStore> &store)
{
    QStringList interruptedProfiles;
    QList<RunRecord> interruptedRuns;
    auto marked = catalog.markInterruptedRuns([&](const RunRecord &run) {
        const bool alive = ProfileLock::isLocked(paths.locksDir(), run.profileName);
        if (!alive) {
            interruptedProfiles << run.profileName;
            interruptedRuns << run;
        }
        return alive;
    });
    if (!marked)
        return marked;
    for (const RunRecord &run : std::as_const(interruptedRuns))
        abortUploads(catalog, run, store);
    // Leftover partial files of interrupted runs (hidden, never named like a backup).
    for (const QString &name : std::as_const(interruptedProfiles)) {
        auto profile = catalog.profile(name);
        if (!profile)
            continue;
        for (const QString &dest : profile->destinations) {
            if (!dest.startsWith(QLatin1Char('/')))
                continue;
            const QString root = dest + QLatin1Char('/') + Profile::slug(name);
            QDirIterator it(
                root,
                {QStringLiteral(".*") + QLatin1String(LocalFileWriter::kPartialMarker) + QStringLiteral("*")},
                QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                QFile::remove(it.next());
        }
    }
    return marked;
}

Result<RunRecovery::OpenedCatalog> RunRecovery::openCatalog(const ConfigPaths &paths,
                                                            const std::shared_ptr<SecretStore> &store)
{
    auto catalog = Catalog::openIn(paths);
    if (!catalog)
        return catalog.error();
    Result<int> recovered = recover(**catalog, paths, store);
    return OpenedCatalog{std::move(*catalog), std::move(recovered)};
}

} // namespace lifeboat
