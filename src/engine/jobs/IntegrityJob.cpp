#include "engine/jobs/IntegrityJob.h"

#include "core/Catalog.h"
#include "core/Clock.h"
#include "engine/jobs/JobContext.h"
#include "engine/pg/PgToolFinder.h"
#include "engine/restore/ArtifactReader.h"
#include "engine/restore/IntegrityChecker.h"

namespace lifeboat {

IntegrityJob::IntegrityJob(QString profileName, QString serverKey, qint64 artifactId, JobSecrets secrets)
    : m_profileName(std::move(profileName))
    , m_serverKey(std::move(serverKey))
    , m_artifactId(artifactId)
    , m_secrets(std::move(secrets))
{}

Status IntegrityJob::run(JobContext &ctx)
{
    auto artifact = ctx.catalog().artifact(m_artifactId);
    if (!artifact)
        return artifact.error();
    auto runId = ctx.beginRun(*artifact, RunKind::Verify);
    if (!runId)
        return runId.error();

    auto keys = m_secrets.decryptionKeys(ctx.catalog(), artifact->profileName, artifact->encrypted);
    if (!keys)
        return keys.error();
    m_secrets.keys = *keys;
    auto stored = m_secrets.s3SecretKey(ctx.catalog(), artifact->profileName);
    if (!stored)
        return stored.error();
    QByteArray s3Secret = *stored;
    auto reader = ArtifactReader::open(*artifact, s3Secret);
    s3Secret.fill('\0');
    if (!reader)
        return reader.error();
    auto manifest = reader->readManifest(m_secrets.keys);
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
    auto report = IntegrityChecker::check(*reader, m_secrets.keys, pgRestore->path, [&](qint64 done) {
        ctx.setProgress(done, artifact->storedBytes);
        return !ctx.isCancelled();
    });
    recordOutcome(ctx, artifact->id, report);
    if (!report)
        return report.error();
    for (const QString &line : report->lines())
        ctx.addOutput(line);
    ctx.addOutput(QStringLiteral("%1 is intact (read from %2); `verify %3 --restore` proves it restores")
                      .arg(reader->label(), reader->locationDescription())
                      .arg(artifact->id));
    return {};
}

void IntegrityJob::recordOutcome(JobContext &ctx, qint64 artifactId,
                                 const Result<IntegrityChecker::Report> &outcome)
{
    Status recorded;
    if (outcome)
        recorded = ctx.catalog().setIntegrity(artifactId, QStringLiteral("ok"), Clock::instance().nowUtc());
    else if (IntegrityChecker::provesDamage(outcome.error()))
        recorded = ctx.catalog().setIntegrity(artifactId, QStringLiteral("failed"),
                                              Clock::instance().nowUtc(), outcome.error().message);
    if (recorded)
        return;
    const QString warning = QStringLiteral("the integrity check's result was not recorded on backup %1, so "
                                           "`list` does not show it: %2")
                                .arg(artifactId)
                                .arg(recorded.error().message);
    ctx.log(LogLevel::Warning, warning);
    ctx.addOutput(QStringLiteral("warning: ") + warning);
}

} // namespace lifeboat
