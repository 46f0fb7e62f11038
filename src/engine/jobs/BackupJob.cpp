#include "engine/jobs/BackupJob.h"

#include "core/ByteSize.h"

#include "core/Catalog.h"
#include "core/Clock.h"
#include "core/NamePattern.h"
#include "core/ObjectName.h"
#include "core/ScheduleDue.h"
#include "core/SecretRedactor.h"
#include "engine/io/EngineLog.h"
#include "engine/jobs/NestedJobContext.h"
#include "engine/jobs/ProfileLock.h"
#include "engine/jobs/PruneJob.h"
#include "engine/jobs/RestoreJob.h"
#include "engine/pg/PgPassFile.h"
#include "engine/pg/PgSession.h"
#include "engine/pg/PgToolFinder.h"
#include "engine/pipeline/DumpPipeline.h"
#include "engine/pipeline/StoreChain.h"
#include "engine/pipeline/ZstdCompressor.h"
#include "engine/secrets/ProfileSecrets.h"
#include "engine/storage/Destination.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QScopeGuard>

#include <unistd.h>

namespace lifeboat {

namespace {
// The zstd frame size of a dump: ZstdCompressor's default, or LIFEBOAT_ZSTD_FRAME_BYTES (tests use
// small frames so a small database gives many; 0 writes one frame, as older backups are).
qint64 dumpFrameBytes()
{
    bool ok = false;
    const qint64 set = qEnvironmentVariable("LIFEBOAT_ZSTD_FRAME_BYTES").toLongLong(&ok);
    if (!ok)
        return ZstdCompressor::kDefaultFrameBytes;
    if (set == 0)
        return 0;
    return qBound(Manifest::kMinZstdFrameBytes, set, Manifest::kMaxZstdFrameBytes);
}

// Opens a writer for `relativePath` at every destination; on failure none is left behind.
Result<std::vector<std::unique_ptr<ByteSink>>>
openWriters(const std::vector<std::unique_ptr<Destination>> &dests, const QString &relativePath,
            qint64 expectedBytes = 0)
{
    std::vector<std::unique_ptr<ByteSink>> writers;
    for (const auto &d : dests) {
        auto w = d->openWriter(relativePath, expectedBytes);
        if (!w) {
            for (auto &open : writers)
                open->abort();
            return w.error();
        }
        writers.push_back(std::move(*w));
    }
    return writers;
}
} // namespace

BackupJob::BackupJob(Profile profile, ConfigPaths paths, Options options)
    : m_profile(std::move(profile))
    , m_paths(std::move(paths))
    , m_options(std::move(options))
{}

BackupJob::~BackupJob() = default;

QString BackupJob::serverKey() const
{
    return m_profile.connection.displayName();
}

void BackupJob::onCancel()
{
    m_cancelled.store(true);
    QMutexLocker lock(&m_pipelineMutex);
    if (m_pipeline)
        m_pipeline->cancel();
    for (Destination *d : m_liveDestinations)
        d->cancel(); // an S3 request waiting on the network fails now, not after its timeout
}

Result<BackupPlan> BackupJob::makePlan(const Profile &profile, Catalog *catalog, const QByteArray &password,
                                       const QByteArray &s3Secret)
{
    if (Status s = profile.validate(); !s)
        return s.error();
    BackupPlan plan;
    plan.profile = profile;

    const QString firstDb = profile.databaseMode == Profile::DatabaseMode::Listed ? profile.databases.value(0)
                                                                                  : profile.connection.dbname;
    auto session = PgSession::connect(profile.connection,
                                      firstDb.isEmpty() ? QStringLiteral("postgres") : firstDb, password);
    if (!session)
        return session.error();
    plan.serverVersion = (*session)->serverVersion();
    plan.serverVersionNum = (*session)->serverVersionNum();

    auto names = selectDatabases(profile, **session, &plan.warnings);
    if (!names)
        return names.error();
    for (const QString &name : std::as_const(*names)) {
        BackupPlan::Database db;
        db.name = name;
        auto size = (*session)->databaseSize(name);
        db.sizeBytes = size ? *size : 0;
        const std::optional<qint64> last =
            catalog ? catalog->lastDumpBytes(profile.name, name) : std::nullopt;
        db.expectedDumpBytes = last.value_or(db.sizeBytes);
        plan.databases.append(db);
    }

    const PgToolFinder finder(profile.toolDirectory);
    auto pgDump = finder.find(QStringLiteral("pg_dump"), plan.serverMajor());
    if (!pgDump)
        return pgDump.error();
    plan.pgDump = *pgDump;
    if (profile.globals) {
        auto pgDumpAll = finder.find(QStringLiteral("pg_dumpall"), plan.serverMajor());
        if (!pgDumpAll)
            return pgDumpAll.error();
        plan.pgDumpAll = *pgDumpAll;
    }

    qint64 expectedStored = 0;
    for (const BackupPlan::Database &db : plan.databases)
        expectedStored += db.expectedDumpBytes / 4; // zstd -3 on pg_dump output: typically 3–8×
    for (const QString &spec : profile.destinations) {
        auto dest = Destination::create(spec, s3Secret);
        if (!dest)
            return dest.error();
        if (Status s = (*dest)->checkWritable(expectedStored); !s)
            return s.error();
        plan.targets.append({spec, (*dest)->describe(), (*dest)->freeBytes()});
    }
    if (!profile.isEncrypted())
        plan.warnings << QStringLiteral("profile '%1' does not encrypt its backups: anyone who can read the "
                                        "destination can read the data")
                             .arg(profile.name);
    return plan;
}

// The databases the profile selects on the server `session` is connected to.
Result<QStringList> BackupJob::selectDatabases(const Profile &profile, PgSession &session,
                                               QStringList *warnings)
{
    QStringList names;
    if (profile.databaseMode == Profile::DatabaseMode::All) {
        auto all = session.listDatabases();
        if (!all)
            return all.error();
        names = NamePattern::filter(*all, profile.includePatterns, profile.excludePatterns);
        for (const QString &pattern : profile.includePatterns) {
            if (NamePattern::filter(*all, {pattern}, {}).isEmpty())
                *warnings << QStringLiteral("the include pattern '%1' matches no database on %2")
                                 .arg(pattern, profile.connection.displayName());
        }
        if (names.isEmpty())
            return makeError(
                QStringLiteral("profile.no-databases"),
                QStringLiteral("no database on %1 matches the profile's include/exclude patterns: "
                               "check them (the server has: %2)")
                    .arg(profile.connection.displayName(), all->join(QStringLiteral(", "))));
    } else {
        names = profile.databases;
        auto all = session.listDatabases();
        if (all) {
            for (const QString &name : names) {
                if (!all->contains(name))
                    return makeError(
                        QStringLiteral("pg.no-database"),
                        QStringLiteral("database '%1' does not exist on %2: check its name (the server "
                                       "has: %3)")
                            .arg(name, profile.connection.displayName(), all->join(QStringLiteral(", "))));
            }
        }
    }
    return names;
}

Status BackupJob::run(JobContext &ctx)
{
    ProfileLock lock;
    if (Status s = claimRun(ctx, &lock); !s)
        return s;
    ctx.setPhase(QStringLiteral("connecting to %1").arg(m_profile.connection.displayName()));
    // The keychain's database password, if it holds one: libpq gets it in memory, pg_dump and
    // pg_dumpall a passfile that lives as long as this run (removed also when the run fails).
    std::unique_ptr<PgPassFile> passFile;
    auto forgetPassword = qScopeGuard([this] {
        m_password.fill('\0');
        m_password.clear();
        m_s3Secret.fill('\0');
        m_s3Secret.clear();
        m_childEnvironment.clear();
    });
    auto secrets = readSecrets(ctx);
    if (!secrets)
        return secrets.error();
    passFile = std::move(*secrets);
    auto plan = planRun(ctx);
    if (!plan)
        return plan.error();
    if (m_options.dryRun) {
        for (const QString &line : plan->describe())
            ctx.addOutput(line);
        return {};
    }

    for (const QString &w : plan->warnings)
        ctx.log(LogLevel::Warning, w);
    ctx.log(LogLevel::Info, QStringLiteral("PostgreSQL %1 at %2; using %3 %4")
                                .arg(plan->serverVersion, m_profile.connection.displayName(),
                                     plan->pgDump.path, plan->pgDump.version));

    auto encryption = encryptionSettings(ctx);
    if (!encryption)
        return encryption.error();
    auto destinations = openDestinations(ctx);
    if (!destinations)
        return destinations.error();
    auto forgetDestinations = qScopeGuard([this] {
        QMutexLocker lock(&m_pipelineMutex);
        m_liveDestinations.clear();
    });

    qint64 expectedTotal = 0;
    for (const auto &db : plan->databases)
        expectedTotal += db.expectedDumpBytes;
    ctx.setProgress(0, expectedTotal);

    qint64 storedTotal = 0;
    Status result;
    for (const BackupPlan::Database &db : plan->databases) {
        result = backUpDatabase(ctx, *plan, db, *encryption, *destinations, &storedTotal);
        if (!result.ok())
            break;
    }
    m_storedTotal = storedTotal;
    if (result.ok() && m_profile.verifyAfterBackup && !cancelled())
        verifyNewArtifacts(ctx, *encryption);
    encryption->passphrase.fill('\0');
    if (!result.ok())
        return result;
    ctx.log(LogLevel::Info, QStringLiteral("backed up %1 database(s), %2 stored")
                                .arg(plan->databases.size())
                                .arg(formatMiB(storedTotal)));
    if (!m_profile.retention.isEmpty() && !cancelled())
        pruneAfterBackup(ctx);
    return {};
}

Status BackupJob::claimRun(JobContext &ctx, ProfileLock *lock)
{
    if (!m_options.dryRun) {
        if (Status s = lock->acquire(m_paths.locksDir(), m_profile.name); !s) {
            if (m_options.scheduled && s.error().code == QLatin1String("lock.busy"))
                return makeError(
                    QLatin1String(kSkippedCode),
                    QStringLiteral("skipped: profile '%1' is running elsewhere").arg(m_profile.name));
            return s;
        }
    }
    if (m_options.scheduled && !m_options.dryRun) {
        // Under the lock: did another scheduler (the app, a timer) run it since we decided?
        auto last = ScheduleDue::lastBackupRun(ctx.catalog(), m_profile.name);
        if (!last)
            return last.error();
        if (last->id > m_options.lastRunIdSeen)
            return makeError(
                QLatin1String(kSkippedCode),
                QStringLiteral("skipped: profile '%1' already ran at %2 UTC (elsewhere)")
                    .arg(m_profile.name, last->startedUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    }
    if (!m_options.dryRun) {
        // Recorded before anything can fail, so History shows every attempt, failed ones too.
        auto runId = ctx.beginRun(m_profile, RunKind::Backup, m_options.trigger);
        if (!runId)
            return runId.error();
        m_runId = *runId;
    }
    return {};
}

Result<std::unique_ptr<PgPassFile>> BackupJob::readSecrets(JobContext &ctx)
{
    std::unique_ptr<PgPassFile> passFile;
    auto password = m_options.secrets.dbPassword(ctx.catalog(), m_profile.name);
    if (!password)
        return password.error();
    if (password->has_value()) {
        m_password = **password;
        (*password)->fill('\0');
        auto file = PgPassFile::create(m_password);
        if (!file)
            return file.error();
        passFile = std::move(*file);
        m_childEnvironment = passFile->environment();
    }
    auto secret = m_options.secrets.s3SecretKey(ctx.catalog(), m_profile.name);
    if (!secret)
        return secret.error();
    m_s3Secret = *secret;
    secret->fill('\0');
    return passFile;
}

Result<BackupPlan> BackupJob::planRun(JobContext &ctx) const
{
    auto plan = makePlan(m_profile, &ctx.catalog(), m_password, m_s3Secret);
    if (!plan && !m_password.isEmpty() && plan.error().code == QLatin1String("pg.auth"))
        return makeError(
            plan.error().code,
            QStringLiteral("PostgreSQL at %1 rejected the password stored in the keychain for "
                           "profile '%2': update it with `lifeboat-cli secret set %2 db-password`")
                .arg(m_profile.connection.displayName(), m_profile.name));
    return plan;
}

Result<EncryptionSettings> BackupJob::encryptionSettings(JobContext &ctx) const
{
    EncryptionSettings encryption;
    for (const QString &r : m_profile.recipients) {
        auto recipient = AgeRecipient::parse(r);
        if (!recipient)
            return recipient.error();
        encryption.recipients.append(*recipient);
    }
    if (m_profile.passphrase) {
        if (m_profile.scryptLogN > 0)
            encryption.scryptLogN = m_profile.scryptLogN;
        auto passphrase = m_options.secrets.passphrase(ctx.catalog(), m_profile.name);
        if (!passphrase)
            return passphrase.error();
        encryption.passphrase = *passphrase;
    }
    return encryption;
}

Result<BackupJob::Destinations> BackupJob::openDestinations(JobContext &ctx)
{
    Destinations destinations;
    for (const QString &spec : m_profile.destinations) {
        auto d = Destination::create(spec, m_s3Secret);
        if (!d)
            return d.error();
        destinations.push_back(std::move(*d));
    }
    QMutexLocker lock(&m_pipelineMutex);
    for (const auto &d : destinations) {
        m_liveDestinations.push_back(d.get());
        if (cancelled())
            d->cancel();
        // Multipart upload ids go into the run's events: RunRecovery aborts them after a crash.
        d->setEventLog([&ctx](LogLevel level, const QString &message) { ctx.log(level, message); });
    }
    return destinations;
}

void BackupJob::pruneAfterBackup(JobContext &ctx)
{
    PruneJob::Options options;
    options.lockHeld = true;
    options.succeededBackupRunId = m_runId;
    options.trigger = m_options.trigger;
    options.secrets.s3Secret = m_s3Secret;
    PruneJob prune(m_profile, m_paths, options);
    // The prune's events go into its own run; the backup's run gets its outcome.
    NestedJobContext nested(ctx, QStringLiteral("retention: "), NestedJobContext::LogMode::OwnRun);
    const Status s = prune.run(nested);
    const QString message = s.ok() ? prune.outcome() : SecretRedactor::redact(s.error().message);
    nested.log(s.ok() ? LogLevel::Info : LogLevel::Error, message);
    nested.finish(s, message);
    // The backup itself is good whatever retention did; a failed prune is reported, not hidden.
    ctx.log(s.ok() ? LogLevel::Info : LogLevel::Warning, QStringLiteral("retention: ") + message);
    ctx.addOutput(QStringLiteral("retention: ") + message);
}

void BackupJob::verifyNewArtifacts(JobContext &ctx, const EncryptionSettings &encryption)
{
    DecryptionKeys keys;
    keys.passphrase = encryption.passphrase;
    if (!encryption.recipients.isEmpty()) {
        auto indexed = ctx.catalog().secret(m_profile.name, secretKindName(SecretKind::AgeIdentity));
        if (m_options.secrets.store && indexed && indexed->has_value()) {
            ProfileSecrets secrets(*m_options.secrets.store, ctx.catalog());
            auto identity = secrets.identity(m_profile.name);
            if (identity)
                keys.identities << *identity;
        }
        if (keys.identities.isEmpty()) {
            const QString why =
                QStringLiteral("the new backup was not verified: its age identity is not in this "
                               "keychain (verify it with `lifeboat-cli verify ID --restore "
                               "--identity FILE`)");
            ctx.log(LogLevel::Warning, why);
            ctx.addOutput(QStringLiteral("not verified: ") + why);
            return;
        }
    }
    for (qint64 id : std::as_const(m_newArtifacts)) {
        RestoreRequest request;
        request.artifactId = id;
        request.purpose = RestoreRequest::Purpose::Verify;
        request.sandbox = true;
        request.secrets.keys = keys;
        request.secrets.store = m_options.secrets.store; // the S3 secret, to read the backup back
        RestoreJob verify(m_profile.name, serverKey(), request, m_paths);
        // The verification's events go into the backup's run; the verification keeps its own run.
        NestedJobContext nested(ctx, QStringLiteral("verifying: "), NestedJobContext::LogMode::OuterRun);
        const Status s = verify.run(nested);
        nested.finish(s, QStringLiteral("verified after the backup"));
        if (s.ok()) {
            ctx.addOutput(nested.outputs().value(nested.outputs().size() - 1));
        } else {
            // The backup itself is good; the verification's failure is reported, not hidden.
            ctx.log(LogLevel::Warning,
                    QStringLiteral("verification of backup %1: %2").arg(id).arg(s.error().message));
            ctx.addOutput(QStringLiteral("not verified: backup %1: %2").arg(id).arg(s.error().message));
        }
    }
}

Status BackupJob::backUpDatabase(JobContext &ctx, const BackupPlan &plan, const BackupPlan::Database &db,
                                 const EncryptionSettings &encryption, const Destinations &destinations,
                                 qint64 *storedTotal)
{
    if (cancelled())
        return makeError(QStringLiteral("cancelled"),
                         QStringLiteral("cancelled; nothing of this run was kept"));
    const QDateTime started = Clock::instance().nowUtc();
    const Catalog &catalog = ctx.catalog();
    auto names = chooseNames(m_profile, db.name, started, encryption.isEnabled(), destinations,
                             [&catalog](const QString &path) { return catalog.knowsObjectPath(path); });
    if (!names)
        return names.error();

    // Facts captured at dump time, from the database itself.
    auto session = PgSession::connect(m_profile.connection, db.name, m_password);
    if (!session)
        return session.error();
    auto extensions = (*session)->extensions();
    if (!extensions)
        return extensions.error();
    session->reset();

    ctx.setPhase(QStringLiteral("dumping %1").arg(db.name));
    ctx.log(LogLevel::Info, QStringLiteral("dumping database '%1' to %2").arg(db.name, names->objectPath));
    auto dumped = runDump(ctx, plan, db, encryption, destinations, names->objectPath,
                          manifestBefore(m_profile, plan, db.name, started, names->objectPath, encryption,
                                         dumpFrameBytes(), *extensions));
    if (!dumped)
        return dumped.error();
    Manifest &manifest = dumped->manifest;
    if (plan.pgDumpAll) {
        if (Status s = dumpGlobals(ctx, plan, names->base, encryption, destinations, &manifest); !s) {
            dumped->chain->abort();
            return s;
        }
    }
    if (Status s = publish(ctx, db.name, manifest, encryption, destinations, *names, *dumped->chain); !s)
        return s;

    auto artifactId = recordArtifact(ctx, m_profile, manifest, encryption.isEnabled(), destinations, *names);
    if (!artifactId)
        return artifactId.error();
    ctx.addArtifact(*artifactId);
    m_newArtifacts << *artifactId;
    for (const auto &d : destinations) {
        const QString full = d->spec().startsWith(QLatin1Char('/'))
                                 ? d->spec() + QLatin1Char('/') + names->objectPath
                                 : d->spec() + QLatin1Char('/') + names->objectPath;
        ctx.addOutput(full);
    }
    *storedTotal += manifest.storedBytes;
    const double seconds = double(dumped->timer.elapsed()) / 1000.0;
    ctx.log(LogLevel::Info,
            QStringLiteral("database '%1': %2 tables, %3 rows, %4 dumped → %5 stored in %6 s (sha256 %7)")
                .arg(db.name)
                .arg(manifest.tables.size())
                .arg(manifest.totalRows())
                .arg(formatMiB(manifest.dumpBytes), formatMiB(manifest.storedBytes))
                .arg(seconds, 0, 'f', 1)
                .arg(manifest.sha256));
    return {};
}

Result<BackupJob::ArtifactNames>
BackupJob::chooseNames(const Profile &profile, const QString &database, const QDateTime &started,
                       bool encrypted, const Destinations &destinations,
                       const std::function<Result<bool>(const QString &)> &knownToCatalog)
{
    const QString stampBase = started.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString dumpExt = encrypted ? QStringLiteral(".dump.zst.age") : QStringLiteral(".dump.zst");
    const QString manifestExt =
        encrypted ? QStringLiteral(".manifest.json.age") : QStringLiteral(".manifest.json");
    // Never overwrite, and never reuse a name the catalog knows (a backup deleted by hand in the
    // same second): a second backup within the same second gets a suffix.
    QString base;
    for (int n = 1;; ++n) {
        base = ObjectName::base(profile, database,
                                n == 1 ? stampBase : stampBase + QLatin1Char('-') + QString::number(n));
        auto known = knownToCatalog(base + dumpExt);
        if (!known)
            return known.error();
        bool taken = *known;
        for (const auto &d : destinations)
            taken = taken || d->exists(base + dumpExt) || d->exists(base + manifestExt);
        if (!taken)
            break;
    }
    return ArtifactNames{base, base + dumpExt, base + manifestExt};
}

Manifest BackupJob::manifestBefore(const Profile &profile, const BackupPlan &plan, const QString &database,
                                   const QDateTime &started, const QString &objectPath,
                                   const EncryptionSettings &encryption, qint64 frameBytes,
                                   const QList<Manifest::Extension> &extensions)
{
    Manifest manifest;
    manifest.lifeboatVersion = QStringLiteral(LIFEBOAT_VERSION);
    manifest.profile = profile.name;
    manifest.host = profile.connection.host;
    manifest.port = profile.connection.port;
    manifest.database = database;
    manifest.serverVersion = plan.serverVersion;
    manifest.serverVersionNum = plan.serverVersionNum;
    manifest.pgDumpVersion = plan.pgDump.version;
    manifest.startedUtc = started;
    manifest.objectName = objectPath.section(QLatin1Char('/'), -1);
    manifest.zstdLevel = profile.zstdLevel;
    manifest.zstdFrameBytes = frameBytes;
    manifest.encryption = encryption.mode();
    manifest.recipients = profile.recipients;
    manifest.extensions = extensions;
    return manifest;
}

DumpPipeline::Request BackupJob::dumpRequest(const Profile &profile, const BackupPlan &plan,
                                             const QString &database, const QStringList &environment)
{
    DumpPipeline::Request request;
    request.program = plan.pgDump.path;
    request.arguments = {QStringLiteral("--format=custom"), QStringLiteral("--compress=0"),
                         QStringLiteral("--no-password"),
                         QStringLiteral("--dbname=") + profile.connection.toConnInfo(database)};
    for (const QString &s : profile.excludeSchemas)
        request.arguments << QStringLiteral("--exclude-schema=") + s;
    for (const QString &t : profile.excludeTables)
        request.arguments << QStringLiteral("--exclude-table=") + t;
    for (const QString &t : profile.excludeTableData)
        request.arguments << QStringLiteral("--exclude-table-data=") + t;
    request.what = QStringLiteral("pg_dump of database '%1'").arg(database);
    request.environment = environment; // empty = inherit (libpq's own password sources)
    // The dump becomes visible last, after its manifest: a run killed in between leaves at most a
    // manifest (and globals) without a dump, never a dump that looks complete but has no manifest.
    request.commit = false;
    return request;
}

Result<BackupJob::Dumped> BackupJob::runDump(JobContext &ctx, const BackupPlan &plan,
                                             const BackupPlan::Database &db,
                                             const EncryptionSettings &encryption,
                                             const Destinations &destinations, const QString &objectPath,
                                             Manifest manifest)
{
    // The part size of an S3 upload is chosen for this size (the last dump, or the database's).
    auto writers = openWriters(destinations, objectPath, std::max(db.expectedDumpBytes, db.sizeBytes));
    if (!writers)
        return writers.error();
    auto chain = StoreChain::create(m_profile.zstdLevel, m_profile.zstdThreads, encryption,
                                    std::move(*writers), manifest.zstdFrameBytes);
    if (!chain)
        return chain.error();

    DumpPipeline pipeline;
    {
        QMutexLocker lock(&m_pipelineMutex);
        m_pipeline = &pipeline;
        if (cancelled())
            pipeline.cancel();
    }
    const DumpPipeline::Request request = dumpRequest(m_profile, plan, db.name, m_childEnvironment);
    qint64 doneBefore = 0;
    for (const auto &d : plan.databases) {
        if (d.name == db.name)
            break;
        doneBefore += d.expectedDumpBytes;
    }
    qint64 expectedTotal = 0;
    for (const auto &d : plan.databases)
        expectedTotal += d.expectedDumpBytes;
    Dumped dumped;
    dumped.timer.start();
    Status ran = pipeline.run(request, **chain, [&](qint64 read) {
        ctx.setProgress(doneBefore +
                            qMin(read, db.expectedDumpBytes > 0 ? qMax(read, db.expectedDumpBytes) : read),
                        expectedTotal);
    });
    {
        QMutexLocker lock(&m_pipelineMutex);
        m_pipeline = nullptr;
    }
    if (!ran)
        return ran.error();

    const ArchiveScanner &scanner = pipeline.scanner();
    manifest.archiveVersion = scanner.header().versionString();
    manifest.finishedUtc = Clock::instance().nowUtc();
    manifest.dumpBytes = pipeline.bytesRead();
    manifest.storedBytes = (*chain)->storedBytes();
    manifest.sha256 = (*chain)->sha256();
    manifest.largeObjects = scanner.largeObjectCount();
    for (const ArchiveTocEntry &e : scanner.entries()) {
        manifest.toc.append({e.dumpId, e.desc, e.schema, e.tag, e.owner});
        if (e.isTableData())
            manifest.tables.append({e.schema, e.tag, e.rowCount, e.dataBytes});
    }
    dumped.chain = std::move(*chain);
    dumped.manifest = std::move(manifest);
    return dumped;
}

Status BackupJob::publish(JobContext &ctx, const QString &database, const Manifest &manifest,
                          const EncryptionSettings &encryption, const Destinations &destinations,
                          const ArtifactNames &names, StoreChain &dumpChain)
{
    ctx.setPhase(QStringLiteral("writing the manifest of %1").arg(database));
    auto manifestWriters = openWriters(destinations, names.manifestPath);
    if (!manifestWriters) {
        dumpChain.abort();
        return manifestWriters.error();
    }
    auto manifestChain = StoreChain::create(std::nullopt, 0, encryption, std::move(*manifestWriters));
    if (!manifestChain)
        return manifestChain.error();
    const QByteArray manifestBytes = manifest.toJsonBytes();
    Status wroteManifest = (*manifestChain)->write(manifestBytes.constData(), manifestBytes.size());
    if (wroteManifest.ok())
        wroteManifest = (*manifestChain)->finish();
    if (!wroteManifest) {
        (*manifestChain)->abort();
        dumpChain.abort();
        return wroteManifest;
    }
    // Now the dump itself appears.
    if (Status s = dumpChain.commit(); !s) {
        for (const auto &d : destinations)
            (void)d->remove(names.manifestPath);
        return s;
    }
    return {};
}

Result<qint64> BackupJob::recordArtifact(JobContext &ctx, const Profile &profile, const Manifest &manifest,
                                         bool encrypted, const Destinations &destinations,
                                         const ArtifactNames &names)
{
    ArtifactRecord artifact;
    artifact.runId = 0;
    artifact.profileId = profile.id;
    artifact.profileName = profile.name;
    artifact.database = manifest.database;
    artifact.createdUtc = manifest.startedUtc;
    artifact.dumpBytes = manifest.dumpBytes;
    artifact.storedBytes = manifest.storedBytes;
    artifact.sha256 = manifest.sha256;
    artifact.encrypted = encrypted;
    artifact.manifestJson = QJsonDocument(manifest.toJson()).toJson(QJsonDocument::Compact);
    for (const auto &d : destinations)
        artifact.locations.append({d->spec(), names.objectPath, names.manifestPath});
    auto runRecord = ctx.catalog().runs(profile.name, 1);
    if (runRecord && !runRecord->isEmpty())
        artifact.runId = runRecord->first().id;
    return ctx.catalog().addArtifact(artifact);
}

Status BackupJob::dumpGlobals(JobContext &ctx, const BackupPlan &plan, const QString &base,
                              const EncryptionSettings &encryption, const Destinations &destinations,
                              Manifest *manifest)
{
    ctx.setPhase(QStringLiteral("dumping roles and tablespaces"));
    const QString path = base + (encryption.isEnabled() ? QStringLiteral(".globals.sql.zst.age")
                                                        : QStringLiteral(".globals.sql.zst"));
    for (bool withPasswords : {true, false}) {
        auto writers = openWriters(destinations, path);
        if (!writers)
            return writers.error();
        auto chain = StoreChain::create(m_profile.zstdLevel, 1, encryption, std::move(*writers));
        if (!chain)
            return chain.error();
        DumpPipeline pipeline;
        {
            QMutexLocker lock(&m_pipelineMutex);
            m_pipeline = &pipeline;
        }
        DumpPipeline::Request request;
        request.program = plan.pgDumpAll->path;
        request.arguments = {QStringLiteral("--globals-only"), QStringLiteral("--no-password"),
                             QStringLiteral("--dbname=") +
                                 m_profile.connection.toConnInfo(manifest->database)};
        if (!withPasswords)
            request.arguments << QStringLiteral("--no-role-passwords");
        request.scanArchive = false;
        request.environment = m_childEnvironment;
        request.what = QStringLiteral("pg_dumpall --globals-only");
        Status s = pipeline.run(request, **chain);
        {
            QMutexLocker lock(&m_pipelineMutex);
            m_pipeline = nullptr;
        }
        if (s.ok()) {
            manifest->globalsObject = path.section(QLatin1Char('/'), -1);
            manifest->globalsSha256 = (*chain)->sha256();
            if (!withPasswords)
                ctx.log(LogLevel::Warning,
                        QStringLiteral("roles were saved without their passwords: the user %1 may not read "
                                       "pg_authid (connect as a superuser to include them)")
                            .arg(m_profile.connection.user.isEmpty() ? QStringLiteral("(default)")
                                                                     : m_profile.connection.user));
            return {};
        }
        if (!withPasswords || !s.error().message.contains(QLatin1String("pg_authid")) || cancelled())
            return s;
    }
    return {};
}

} // namespace lifeboat
