#include "engine/restore/IntegrityJob.h"

#include "core/Catalog.h"
#include "engine/pg/PgToolFinder.h"
#include "engine/restore/ArtifactReader.h"
#include "engine/restore/DecryptionKeyLoader.h"
#include "engine/restore/IntegrityChecker.h"
#include "engine/secrets/ProfileSecrets.h"

namespace lifeboat {

IntegrityJob::IntegrityJob(QString profileName, QString serverKey, qint64 artifactId, DecryptionKeys keys)
    : m_profileName(std::move(profileName))
    , m_serverKey(std::move(serverKey))
    , m_artifactId(artifactId)
    , m_keys(std::move(keys))
{}

IntegrityJob::IntegrityJob(QString profileName, QString serverKey, qint64 artifactId,
                           std::shared_ptr<SecretStore> store, QStringList identityFiles)
    : m_profileName(std::move(profileName))
    , m_serverKey(std::move(serverKey))
    , m_artifactId(artifactId)
    , m_store(std::move(store))
    , m_identityFiles(std::move(identityFiles))
{}

Status IntegrityJob::run(JobContext &ctx)
{
    auto artifact = ctx.catalog().artifact(m_artifactId);
    if (!artifact)
        return artifact.error();
    auto runId = ctx.beginRun(*artifact, QStringLiteral("verify"));
    if (!runId)
        return runId.error();

    if (m_keys.isEmpty() && (!m_identityFiles.isEmpty() || (artifact->encrypted && m_store))) {
        auto keys = m_identityFiles.isEmpty()
                        ? DecryptionKeyLoader::load(*m_store, ctx.catalog(), artifact->profileName)
                        : DecryptionKeyLoader::loadIdentityFiles(m_identityFiles);
        if (!keys)
            return keys.error();
        m_keys = *keys;
    }
    QByteArray s3Secret;
    if (m_store) {
        ProfileSecrets secrets(*m_store, ctx.catalog());
        auto stored = secrets.storedS3Secret(artifact->profileName);
        if (!stored)
            return stored.error();
        s3Secret = *stored;
    }
    auto reader = ArtifactReader::open(*artifact, s3Secret);
    s3Secret.fill('\0');
    if (!reader)
        return reader.error();
    auto manifest = reader->readManifest(m_keys);
    if (!manifest)
        return manifest.error();
    auto profile = ctx.catalog().profile(artifact->profileName);
    const PgToolFinder finder(profile ? profile->toolDirectory : QString());
    const int archiveMajor = qMax(manifest->serverVersionNum / 10000,
                                  manifest->pgDumpVersion.section(QLatin1Char('.'), 0, 0).toInt());
    auto pgRestore = finder.find(QStringLiteral("pg_restore"), archiveMajor);
    if (!pgRestore)
        return pgRestore.error();
    ctx.setPhase(QStringLiteral("checking integrity of %1").arg(reader->label()));
    auto report = IntegrityChecker::check(*reader, m_keys, pgRestore->path, [&](qint64 done) {
        ctx.setProgress(done, artifact->storedBytes);
        return !ctx.isCancelled();
    });
    IntegrityChecker::recordOutcome(ctx, artifact->id, report);
    if (!report)
        return report.error();
    for (const QString &line : report->lines())
        ctx.addOutput(line);
    ctx.addOutput(QStringLiteral("%1 is intact (read from %2); `verify %3 --restore` proves it restores")
                      .arg(reader->label(), reader->locationDescription())
                      .arg(artifact->id));
    return {};
}

} // namespace lifeboat
