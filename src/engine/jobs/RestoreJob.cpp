#include "engine/jobs/RestoreJob.h"

#include "core/ByteSize.h"

#include "core/Catalog.h"
#include "core/Clock.h"
#include "engine/io/ChildProcess.h"
#include "engine/io/ProcessSink.h"
#include "engine/jobs/BackupJob.h"
#include "engine/jobs/IntegrityJob.h"
#include "engine/jobs/NestedJobContext.h"
#include "engine/pg/ConnectionParser.h"
#include "engine/pg/PgPassFile.h"
#include "engine/pg/PgSession.h"
#include "engine/pg/PgToolFinder.h"
#include "engine/restore/ArtifactReader.h"
#include "engine/restore/IntegrityChecker.h"
#include "engine/restore/RestorePreflight.h"
#include "engine/restore/Sandbox.h"
#include "engine/storage/LocalFileWriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

#include <thread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace lifeboat {

namespace {

// Writes the --jobs temporary copy of the archive during the integrity check. A write that fails
// (the disk filled up after all) does not fail the check: the copy is dropped, and the restore
// streams instead and says why.
class TempCopySink final : public ByteSink
{
public:
    explicit TempCopySink(QFile *file)
        : m_file(file)
    {}
    Status write(const char *data, qint64 size) override
    {
        if (m_failure.isEmpty()) {
            if (m_file->write(data, size) != size)
                giveUp();
            else
                m_written += size;
        }
        return {};
    }
    Status finish() override
    {
        if (m_failure.isEmpty() && !m_file->flush())
            giveUp();
        return {};
    }
    // After a pass that found the archive whole: fills in the data offsets its table of contents
    // leaves unset (written in place, as pg_dump does when its output is a file), so that
    // pg_restore's workers seek straight to their tables instead of reading the archive from the
    // start to find each one. Returns how many were filled in.
    int fillInDataOffsets(const QList<ArchiveScanner::OffsetPatch> &patches)
    {
        if (!m_failure.isEmpty())
            return 0;
        for (const ArchiveScanner::OffsetPatch &patch : patches) {
            if (patch.position < 0 || patch.position + patch.bytes.size() > m_written ||
                !m_file->seek(patch.position) || m_file->write(patch.bytes) != patch.bytes.size()) {
                giveUp();
                return 0;
            }
        }
        return int(patches.size());
    }
    // After the pass: the copy is exactly the bytes written, whatever was reserved beforehand, so
    // pg_restore never reads reserved blocks past the archive's end.
    void trimToWritten()
    {
        if (m_failure.isEmpty() && m_file->size() != m_written && !m_file->resize(m_written))
            giveUp();
    }
    // Why the copy was dropped; empty while it is whole.
    QString failure() const { return m_failure; }

private:
    void giveUp()
    {
        m_failure = m_file->errorString();
        m_file->resize(0); // give the space back at once
        m_file->close();
    }

    QFile *m_file;
    QString m_failure;
    qint64 m_written = 0;
};

// Reserves `bytes` for the --jobs temporary copy, so that a full disk shows before anything is
// decoded and the pass writes into blocks it already has. Returns 0 or an errno value. fallocate(2)
// rather than posix_fallocate(3): where a file system cannot reserve, glibc's emulation writes into
// every block of the file first, which costs more than the reservation saves; fallocate(2) reports
// EOPNOTSUPP instead, and the copy is written without a reservation.
int reserveSpace(int fd, qint64 bytes)
{
    if (bytes <= 0)
        return 0;
#ifdef Q_OS_LINUX
    int rc = 0;
    do {
        rc = ::fallocate(fd, 0, 0, off_t(bytes));
    } while (rc != 0 && errno == EINTR);
    return rc == 0 ? 0 : errno;
#else
    return ::posix_fallocate(fd, 0, off_t(bytes));
#endif
}

Error rollbackNew(PgSession &admin, const QString &database, const QString &why)
{
    (void)admin.query(
        QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(RestoreJob::quoteIdent(database)));
    return makeError(QStringLiteral("restore.failed"),
                     QStringLiteral("%1; the new database '%2' was dropped").arg(why, database));
}

QString targetUri(const ConnectionSpec &spec, const QString &database)
{
    QString uri = QStringLiteral("postgresql://");
    if (!spec.user.isEmpty())
        uri += QString::fromLatin1(QUrl::toPercentEncoding(spec.user)) + QLatin1Char('@');
    if (spec.host.startsWith(QLatin1Char('/')))
        uri += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(database)) +
               QStringLiteral("?host=") + QString::fromLatin1(QUrl::toPercentEncoding(spec.host)) +
               (spec.port.isEmpty() ? QString() : QStringLiteral("&port=") + spec.port);
    else
        uri += (spec.host.isEmpty() ? QStringLiteral("localhost") : spec.host) +
               (spec.port.isEmpty() ? QString() : QLatin1Char(':') + spec.port) + QLatin1Char('/') +
               QString::fromLatin1(QUrl::toPercentEncoding(database));
    return uri;
}

// The --jobs temporary copy of the archive: its private folder, its path and the open file.
struct TempCopy
{
    std::unique_ptr<QTemporaryDir> scratch;
    QString path;
    std::unique_ptr<QFile> file;
};

// --jobs N: the private temporary file for the decoded archive, its room reserved; the error's
// message says why it cannot be made (the caller then restores as one stream).
Result<TempCopy> createTempCopy(const RestoreRequest &request, qint64 archiveBytes)
{
    const auto cannot = [](const QString &why) {
        return makeError(QStringLiteral("restore.jobs"), why);
    };
    struct statvfs st
    {};
    const qint64 need = archiveBytes + archiveBytes / 10;
    qint64 free = -1;
    if (request.tempFreeBytesProbe)
        free = request.tempFreeBytesProbe(QDir::tempPath());
    else if (::statvfs(QFile::encodeName(QDir::tempPath()).constData(), &st) == 0)
        free = qint64(st.f_bavail) * qint64(st.f_frsize);
    if (free >= 0 && free < need)
        return cannot(QStringLiteral("%1 has %2 free, the temporary copy needs %3")
                          .arg(QDir::tempPath(), formatMiB(free), formatMiB(need)));
    TempCopy copy;
    copy.scratch =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/lifeboat-restore-XXXXXX"));
    if (!copy.scratch->isValid())
        return cannot(QStringLiteral("a private temporary folder cannot be created in %1: %2")
                          .arg(QDir::tempPath(), copy.scratch->errorString()));
    QFile::setPermissions(copy.scratch->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    copy.path = copy.scratch->filePath(QStringLiteral("archive.dump"));
    copy.file = std::make_unique<QFile>(copy.path);
    if (!copy.file->open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return cannot(QStringLiteral("%1 cannot be created (%2)").arg(copy.path, copy.file->errorString()));
    copy.file->setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    // Reserve the whole archive now: no room shows here, not half-way through the integrity pass.
    const int reserved = request.tempReserve ? request.tempReserve(copy.file->handle(), archiveBytes)
                                             : reserveSpace(copy.file->handle(), archiveBytes);
    if (reserved == ENOSPC || reserved == EDQUOT)
        return cannot(QStringLiteral("%1 has no room for it: reserving %2 failed (%3)")
                          .arg(QDir::tempPath(), formatMiB(archiveBytes),
                               QString::fromLocal8Bit(std::strerror(reserved))));
    // EOPNOTSUPP/EINVAL: this file system cannot reserve; the copy is written without.
    if (reserved != 0 && reserved != EOPNOTSUPP && reserved != EINVAL)
        return cannot(QStringLiteral("reserving %1 for it in %2 failed (%3)")
                          .arg(formatMiB(archiveBytes), QDir::tempPath(),
                               QString::fromLocal8Bit(std::strerror(reserved))));
    return copy;
}

// The one way out when the temporary copy cannot be made (no room, no private folder, a failed
// write): say why and restore as one stream (the caller drops whatever exists of the copy).
// Returns the pre-flight note; `jobs` becomes 1.
QStringList streamInstead(JobContext &ctx, int *jobs, const QString &why)
{
    ctx.log(LogLevel::Warning,
            QStringLiteral("--jobs %1 needs a temporary copy of the archive, but %2: restoring as a stream "
                           "with one job instead")
                .arg(*jobs)
                .arg(why));
    QStringList notes{QStringLiteral("--jobs %1 falls back to streaming: %2").arg(*jobs).arg(why)};
    ctx.addOutput(
        QStringLiteral("note: restored as a stream with one job, not --jobs %1: %2").arg(*jobs).arg(why));
    *jobs = 1;
    return notes;
}

} // namespace

RestoreJob::RestoreJob(QString profileName, QString serverKey, RestoreRequest request, ConfigPaths paths)
    : m_profileName(std::move(profileName))
    , m_serverKey(std::move(serverKey))
    , m_request(std::move(request))
    , m_paths(std::move(paths))
{}

RestoreJob::~RestoreJob()
{
    m_password.fill('\0');
    m_s3Secret.fill('\0');
}

RunKind RestoreJob::kind() const
{
    return m_request.purpose == RestoreRequest::Purpose::Verify ? RunKind::Verify : RunKind::Restore;
}

void RestoreJob::onCancel()
{
    m_cancelled.store(true);
    QMutexLocker lock(&m_childMutex);
    if (m_child)
        m_child->terminate();
}

QString RestoreJob::defaultDatabaseName(const QString &database, const QDateTime &whenUtc)
{
    return database + QStringLiteral("_restore_") +
           whenUtc.toLocalTime().toString(QStringLiteral("yyyyMMdd_HHmm"));
}

QString RestoreJob::quoteIdent(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

Status RestoreJob::run(JobContext &ctx)
{
    const bool verify = m_request.purpose == RestoreRequest::Purpose::Verify;
    auto opened = openBackup(ctx);
    if (!opened)
        return opened.error();

    // 1. Integrity, before anything touches a database.
    auto checked = checkIntegrity(ctx, *opened);
    if (!checked)
        return checked.error();

    // 2. Where to.
    Sandbox sandbox;
    auto target = chooseTarget(ctx, m_request, *opened, &sandbox);
    if (!target)
        return target.error();
    if (Status s = loadPassword(ctx, *opened); !s)
        return s;
    Into into;
    into.target = *target;
    into.database = chooseDatabaseName(m_request, opened->artifact.database);
    into.noOwner = m_request.noOwner || (verify && m_request.sandbox);
    const QString &database = into.database;

    // 3. Pre-flight on the target.
    ctx.setPhase(QStringLiteral("pre-flight checks on %1").arg(into.target.displayName()));
    auto admin = PgSession::connect(into.target, QStringLiteral("postgres"), m_password);
    if (!admin)
        return admin.error();
    auto checkedTarget = preflight(ctx, **admin, m_request, *opened, into, checked->jobsNotes);
    if (!checkedTarget)
        return checkedTarget.error();
    if (cancelled())
        return makeError(QStringLiteral("cancelled"),
                         QStringLiteral("cancelled before anything was restored"));

    // 4. Replace: safety backup, close connections, drop.
    qint64 safetyArtifact = 0;
    if (checkedTarget->targetExists) {
        auto safety = replaceExisting(ctx, **admin, *opened, into.target, database);
        if (!safety)
            return safety.error();
        safetyArtifact = *safety;
    }

    // 5. Create and restore.
    if (Status s = createDatabase(ctx, **admin, into.target, database); !s)
        return s;
    if (Status s = createPartialPrerequisites(**admin, m_request, opened->manifest, into.target, database,
                                              m_password);
        !s)
        return s;
    QElapsedTimer restoreTimer;
    restoreTimer.start();
    QStringList warnings;
    into.pgRestore = checkedTarget->pgRestorePath;
    into.tocEntries = checked->report.tocEntries;
    into.jobs = checked->jobs;
    into.archivePath = checked->decodedArchive;
    Status restored = restoreInto(ctx, opened->reader, into, &warnings);
    const double restoreSeconds = double(restoreTimer.elapsed()) / 1000.0;
    // pg_restore is done with the temporary copy: give its room back now, on a thread of its own
    // while the restored database is compared (deleting a 1 GB file takes 0.1-0.3 s); joined when
    // run() returns.
    std::jthread removeCopy([scratch = std::move(checked->scratch)]() mutable { scratch.reset(); });
    if (cancelled())
        return rollback(ctx, **admin, into.target, database, safetyArtifact, QStringLiteral("cancelled"));
    if (!restored)
        return rollback(ctx, **admin, into.target, database, safetyArtifact, restored.error().message);

    // 6. Compare with the manifest.
    ctx.setPhase(QStringLiteral("comparing '%1' with the manifest").arg(database));
    bool allMatch = true;
    if (Status s = compareWithManifest(ctx, m_request, opened->manifest, into.target, database, m_password,
                                       &allMatch);
        !s)
        return s;
    reportRestored(ctx, warnings, opened->reader.label(), database, restoreSeconds, checked->report.seconds);
    if (verify)
        return finishVerify(ctx, **admin, m_request, *opened, database, allMatch, restoreSeconds);
    return finishRestore(ctx, into.target, database, allMatch);
}

Result<RestoreJob::Opened> RestoreJob::openBackup(JobContext &ctx)
{
    auto artifact = ctx.catalog().artifact(m_request.artifactId);
    if (!artifact)
        return artifact.error();
    auto profile = ctx.catalog().profile(artifact->profileName);

    auto runId = ctx.beginRun(*artifact, kind());
    if (!runId)
        return runId.error();

    auto keys = m_request.secrets.decryptionKeys(ctx.catalog(), artifact->profileName, artifact->encrypted);
    if (!keys)
        return keys.error();
    m_request.secrets.keys = *keys;
    auto stored = m_request.secrets.s3SecretKey(ctx.catalog(), artifact->profileName);
    if (!stored)
        return stored.error();
    m_s3Secret = *stored;
    auto reader = ArtifactReader::open(*artifact, m_s3Secret);
    if (!reader)
        return reader.error();
    auto manifest = reader->readManifest(m_request.secrets.keys);
    if (!manifest)
        return manifest.error();
    return Opened{*artifact, profile ? std::optional<Profile>(*profile) : std::nullopt, std::move(*reader),
                  *manifest};
}

Result<RestoreJob::Checked> RestoreJob::checkIntegrity(JobContext &ctx, const Opened &opened)
{
    const ArtifactReader &reader = opened.reader;
    ctx.setPhase(QStringLiteral("checking integrity of %1").arg(reader.label()));
    const PgToolFinder finder(opened.toolDirectory());
    const QString pgDumpMajorText = opened.manifest.pgDumpVersion.section(QLatin1Char('.'), 0, 0);
    const int archiveMajor = qMax(opened.manifest.serverVersionNum / 10000, pgDumpMajorText.toInt());
    auto listTool = finder.find(QStringLiteral("pg_restore"), archiveMajor);
    if (!listTool)
        return listTool.error();
    // --jobs N > 1 needs a seekable file: decode into a private temporary file during the
    // integrity check itself, or fall back to streaming when there is no room for it.
    Checked checked;
    checked.jobs = qMax(1, m_request.jobs);
    TempCopy copy;
    std::unique_ptr<TempCopySink> decodedSink;
    if (checked.jobs > 1) {
        auto made = createTempCopy(m_request, opened.manifest.dumpBytes);
        if (!made) {
            checked.jobsNotes = streamInstead(ctx, &checked.jobs, made.error().message);
        } else {
            copy = std::move(*made);
            decodedSink = std::make_unique<TempCopySink>(copy.file.get());
            checked.jobsNotes << QStringLiteral("--jobs %1: a private temporary copy of %2 in %3")
                                     .arg(checked.jobs)
                                     .arg(formatMiB(opened.manifest.dumpBytes), QDir::tempPath());
        }
    }
    auto integrity = IntegrityChecker::check(
        reader, m_request.secrets.keys, listTool->path,
        [&](qint64 done) {
            ctx.setProgress(done, opened.artifact.storedBytes);
            return !cancelled();
        },
        decodedSink.get());
    int offsetsFilledIn = 0;
    if (decodedSink) {
        if (integrity)
            offsetsFilledIn = decodedSink->fillInDataOffsets(integrity->offsetPatches);
        decodedSink->trimToWritten();
    }
    if (copy.file)
        copy.file->close();
    IntegrityJob::recordOutcome(ctx, opened.artifact.id, integrity);
    if (!integrity)
        return integrity.error();
    if (offsetsFilledIn > 0)
        ctx.log(
            LogLevel::Info,
            QStringLiteral("--jobs copy: the data offsets of %1 entries filled in, as pg_dump writes them "
                           "to a file")
                .arg(offsetsFilledIn));
    if (decodedSink && !decodedSink->failure().isEmpty()) {
        checked.jobsNotes = streamInstead(
            ctx, &checked.jobs,
            QStringLiteral("writing it to %1 failed (%2)").arg(QDir::tempPath(), decodedSink->failure()));
        decodedSink.reset();
        copy = TempCopy();
    }
    ctx.log(LogLevel::Info,
            QStringLiteral("integrity: %1").arg(integrity->lines().join(QStringLiteral("; "))));
    if (cancelled())
        return makeError(QStringLiteral("cancelled"),
                         QStringLiteral("cancelled before anything was restored"));
    checked.report = std::move(*integrity);
    checked.scratch = std::move(copy.scratch);
    checked.decodedArchive = copy.path;
    return checked;
}

Result<ConnectionSpec> RestoreJob::chooseTarget(JobContext &ctx, const RestoreRequest &request,
                                                const Opened &opened, Sandbox *sandbox)
{
    if (request.purpose == RestoreRequest::Purpose::Verify && request.sandbox) {
        ctx.setPhase(QStringLiteral("starting a throwaway PostgreSQL"));
        if (Status s = sandbox->start(opened.manifest.serverVersionNum / 10000, opened.toolDirectory()); !s)
            return s.error();
        return sandbox->connection();
    }
    if (request.target)
        return *request.target;
    if (opened.profile)
        return opened.profile->connection;
    return makeError(
        QStringLiteral("restore.target"),
        QStringLiteral("the profile of %1 no longer exists: name the target server with --target URI")
            .arg(opened.reader.label()));
}

Status RestoreJob::loadPassword(JobContext &ctx, const Opened &opened)
{
    const bool verify = m_request.purpose == RestoreRequest::Purpose::Verify;
    const std::optional<Profile> &profile = opened.profile;
    if (!profile || (verify && m_request.sandbox) ||
        (m_request.target && !(*m_request.target == profile->connection)))
        return {};
    auto password = m_request.secrets.dbPassword(ctx.catalog(), profile->name);
    if (!password)
        return password.error();
    if (password->has_value()) {
        m_password = **password;
        (*password)->fill('\0');
        auto file = PgPassFile::create(m_password);
        if (!file)
            return file.error();
        m_passFile = std::move(*file);
        m_childEnvironment = m_passFile->environment();
    }
    return {};
}

QString RestoreJob::chooseDatabaseName(const RestoreRequest &request, const QString &database)
{
    if (!request.toDatabase.isEmpty())
        return request.toDatabase;
    return request.purpose == RestoreRequest::Purpose::Verify
               ? database + QStringLiteral("_verify_") +
                     Clock::instance().nowUtc().toString(QStringLiteral("yyyyMMdd_HHmmss"))
               : defaultDatabaseName(database, Clock::instance().nowUtc());
}

Result<RestorePreflight::Report> RestoreJob::preflight(JobContext &ctx, PgSession &admin,
                                                       const RestoreRequest &request, const Opened &opened,
                                                       const Into &into, const QStringList &jobsNotes)
{
    RestorePreflight::Input preflightInput;
    preflightInput.manifest = opened.manifest;
    preflightInput.target = into.target;
    preflightInput.database = into.database;
    preflightInput.noOwner = into.noOwner;
    preflightInput.replace = request.replace;
    preflightInput.confirm = request.confirm;
    preflightInput.jobs = 1; // the temporary copy for --jobs was already made (or refused) above
    preflightInput.toolDirectory = opened.toolDirectory();
    auto checked = RestorePreflight::run(admin, preflightInput);
    if (!checked)
        return checked.error();
    if (!checked->ok())
        return checked->firstError();
    QStringList lines = checked->lines();
    lines << jobsNotes;
    for (const QString &line : lines)
        ctx.log(LogLevel::Info, QStringLiteral("pre-flight: ") + line);
    return checked;
}

Result<qint64> RestoreJob::replaceExisting(JobContext &ctx, PgSession &admin, const Opened &opened,
                                           const ConnectionSpec &target, const QString &database)
{
    auto safetyArtifact = takeSafetyBackup(ctx, opened, target, database);
    if (!safetyArtifact)
        return safetyArtifact.error();
    if (Status s = dropForReplace(ctx, admin, database, *safetyArtifact); !s)
        return s.error();
    return safetyArtifact;
}

Result<qint64> RestoreJob::takeSafetyBackup(JobContext &ctx, const Opened &opened,
                                            const ConnectionSpec &target, const QString &database)
{
    if (!opened.profile)
        return makeError(
            QStringLiteral("restore.safety"),
            QStringLiteral("cannot take the safety backup of '%1': the profile of %2 no longer exists")
                .arg(database, opened.reader.label()));
    Profile safety = *opened.profile;
    safety.connection = target;
    safety.databaseMode = Profile::DatabaseMode::Listed;
    safety.databases = {database};
    safety.globals = false;
    safety.excludeSchemas.clear();
    safety.excludeTables.clear();
    safety.excludeTableData.clear();
    BackupJob::Options options;
    options.secrets.store = m_request.secrets.store;
    BackupJob backup(safety, m_paths, options);
    NestedJobContext nested(ctx, QStringLiteral("safety backup: "),
                            NestedJobContext::LogMode::OuterRunPrefixed, NestedJobContext::Cancel::Never);
    ctx.setPhase(QStringLiteral("safety backup of '%1'").arg(database));
    const Status safetyStatus = backup.run(nested);
    nested.finish(safetyStatus, QStringLiteral("safety backup of '%1' before replacing it").arg(database));
    if (Status s = safetyStatus; !s)
        return makeError(s.error().code,
                         QStringLiteral("the safety backup of '%1' failed, so nothing was replaced: %2")
                             .arg(database, s.error().message));
    const qint64 safetyArtifact = nested.artifactId();
    ctx.log(LogLevel::Info, QStringLiteral("safety backup of '%1' is backup %2 (%3)")
                                .arg(database)
                                .arg(safetyArtifact)
                                .arg(nested.outputs().join(QStringLiteral(", "))));
    ctx.addOutput(QStringLiteral("safety backup: backup %1").arg(safetyArtifact));
    return safetyArtifact;
}

Status RestoreJob::dropForReplace(JobContext &ctx, PgSession &admin, const QString &database,
                                  qint64 safetyArtifact)
{
    ctx.setPhase(QStringLiteral("dropping '%1'").arg(database));
    (void)admin.query(
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 "
                       "AND pid <> pg_backend_pid()"),
        {database});
    auto dropped = admin.query(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(quoteIdent(database)));
    if (!dropped)
        return makeError(QStringLiteral("restore.drop"),
                         QStringLiteral("cannot drop '%1' to replace it: %2 (the safety "
                                        "backup %3 was taken)")
                             .arg(database, dropped.error().message)
                             .arg(safetyArtifact));
    return {};
}

Status RestoreJob::createDatabase(JobContext &ctx, PgSession &admin, const ConnectionSpec &target,
                                  const QString &database)
{
    auto created =
        admin.query(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(quoteIdent(database)));
    if (!created)
        return makeError(QStringLiteral("restore.create"),
                         QStringLiteral("cannot create database '%1' on %2: %3")
                             .arg(database, target.displayName(), created.error().message));
    ctx.log(LogLevel::Info,
            QStringLiteral("created database '%1' on %2").arg(database, target.displayName()));
    return {};
}

// A partial restore (--schema/--table) restores only the selected objects; pg_restore then
// leaves out the schemas and extensions they live in and depend on, so create those first.
Status RestoreJob::createPartialPrerequisites(PgSession &admin, const RestoreRequest &request,
                                              const Manifest &manifest, const ConnectionSpec &target,
                                              const QString &database, const QByteArray &password)
{
    if (request.schemas.isEmpty() && request.tables.isEmpty())
        return {};
    auto fresh = PgSession::connect(target, database, password);
    if (!fresh)
        return rollbackNew(admin, database, fresh.error().message);
    QSet<QString> schemas;
    for (const Manifest::Table &t : manifest.tables) {
        const bool schemaOk = request.schemas.isEmpty() || request.schemas.contains(t.schema);
        const bool tableOk = request.tables.isEmpty() || request.tables.contains(t.name) ||
                             request.tables.contains(t.schema + QLatin1Char('.') + t.name);
        if (schemaOk && tableOk)
            schemas.insert(t.schema);
    }
    for (const QString &schema : std::as_const(request.schemas))
        schemas.insert(schema);
    for (const QString &schema : std::as_const(schemas)) {
        auto made = (*fresh)->query(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(quoteIdent(schema)));
        if (!made)
            return rollbackNew(admin, database, made.error().message);
    }
    for (const Manifest::Extension &e : manifest.extensions) {
        if (e.name == QLatin1String("plpgsql"))
            continue;
        (void)(*fresh)->query(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(quoteIdent(e.schema)));
        auto made = (*fresh)->query(QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1 WITH SCHEMA %2")
                                        .arg(quoteIdent(e.name), quoteIdent(e.schema)));
        if (!made)
            return rollbackNew(admin, database, made.error().message);
    }
    return {};
}

Error RestoreJob::rollback(JobContext &ctx, PgSession &admin, const ConnectionSpec &target,
                           const QString &database, qint64 safetyArtifact, const QString &why)
{
    (void)admin.query(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoteIdent(database)));
    if (!safetyArtifact)
        return makeError(cancelled() ? QStringLiteral("cancelled") : QStringLiteral("restore.failed"),
                         QStringLiteral("%1; the new database '%2' was dropped").arg(why, database));
    // Put the replaced database back from its safety backup.
    RestoreRequest back;
    back.artifactId = safetyArtifact;
    back.target = target;
    back.toDatabase = database;
    back.noOwner = m_request.noOwner;
    back.secrets.keys = m_request.secrets.keys;
    RestoreJob putBack(m_profileName, m_serverKey, back, m_paths);
    NestedJobContext nested(ctx, QStringLiteral("safety backup: "),
                            NestedJobContext::LogMode::OuterRunPrefixed, NestedJobContext::Cancel::Never);
    const Status s = putBack.run(nested);
    nested.finish(s, QStringLiteral("put '%1' back from its safety backup").arg(database));
    if (!s)
        return makeError(
            QStringLiteral("restore.rollback"),
            QStringLiteral("%1, and putting '%2' back from its safety backup %3 failed too (%4): restore "
                           "backup %3 by hand")
                .arg(why, database)
                .arg(safetyArtifact)
                .arg(s.error().message));
    return makeError(cancelled() ? QStringLiteral("cancelled") : QStringLiteral("restore.failed"),
                     QStringLiteral("%1; '%2' was put back as it was from its safety backup %3")
                         .arg(why, database)
                         .arg(safetyArtifact));
}

void RestoreJob::reportRestored(JobContext &ctx, const QStringList &warnings, const QString &label,
                                const QString &database, double restoreSeconds, double integritySeconds)
{
    for (const QString &w : warnings)
        ctx.addOutput(QStringLiteral("pg_restore warning: ") + w);
    ctx.addOutput(QStringLiteral("restored %1 into '%2' in %3 s (integrity check %4 s)")
                      .arg(label, database)
                      .arg(restoreSeconds, 0, 'f', 1)
                      .arg(integritySeconds, 0, 'f', 1));
}

Status RestoreJob::finishVerify(JobContext &ctx, PgSession &admin, const RestoreRequest &request,
                                const Opened &opened, const QString &database, bool allMatch,
                                double restoreSeconds)
{
    const QString state = allMatch ? QStringLiteral("verified") : QStringLiteral("failed");
    (void)ctx.catalog().setVerification(opened.artifact.id, state, Clock::instance().nowUtc(),
                                        restoreSeconds);
    if (!request.sandbox)
        (void)admin.query(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoteIdent(database)));
    if (!allMatch)
        return makeError(
            QStringLiteral("verify.mismatch"),
            QStringLiteral("%1 restored, but the restored database differs from the manifest (see the "
                           "report above)")
                .arg(opened.reader.label()));
    ctx.addOutput(QStringLiteral("verified: %1 restores, restore took %2 s")
                      .arg(opened.reader.label())
                      .arg(restoreSeconds, 0, 'f', 1));
    return {};
}

Status RestoreJob::finishRestore(JobContext &ctx, const ConnectionSpec &target, const QString &database,
                                 bool allMatch)
{
    ctx.addOutput(QStringLiteral("connection: %1").arg(targetUri(target, database)));
    ctx.addOutput(
        QStringLiteral("psql: psql %1").arg(QStringLiteral("'%1'").arg(targetUri(target, database))));
    if (!allMatch)
        return makeError(
            QStringLiteral("restore.mismatch"),
            QStringLiteral("'%1' was restored, but its row counts differ from the manifest (see the report)")
                .arg(database));
    return {};
}

QStringList RestoreJob::restoreArguments(const RestoreRequest &request, const Into &into)
{
    QStringList args = {QStringLiteral("--dbname=") + into.target.toConnInfo(into.database),
                        QStringLiteral("--no-password"), QStringLiteral("--verbose")};
    if (into.noOwner)
        args << QStringLiteral("--no-owner");
    if (request.purpose == RestoreRequest::Purpose::Verify && request.sandbox)
        args << QStringLiteral("--no-privileges");
    if (request.dataOnly)
        args << QStringLiteral("--data-only");
    if (request.schemaOnly)
        args << QStringLiteral("--schema-only");
    for (const QString &s : request.schemas)
        args << QStringLiteral("--schema=") + s;
    for (const QString &t : request.tables)
        args << QStringLiteral("--table=") + t;
    if (into.jobs > 1 && !into.archivePath.isEmpty())
        args << QStringLiteral("--jobs=%1").arg(into.jobs) << into.archivePath;
    return args;
}

Status RestoreJob::restoreInto(JobContext &ctx, const ArtifactReader &reader, const Into &into,
                               QStringList *warnings)
{
    const QStringList args = restoreArguments(m_request, into);
    const QString archivePath = into.jobs > 1 ? into.archivePath : QString();
    const QString &database = into.database;
    ChildProcess child;
    int itemsDone = 0;
    child.setStderrLineHandler([&](const QByteArray &line) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(QLatin1String("pg_restore: creating ")) ||
            text.startsWith(QLatin1String("pg_restore: processing data for table ")) ||
            text.startsWith(QLatin1String("pg_restore: processing item ")) ||
            text.startsWith(QLatin1String("pg_restore: executing ")) ||
            text.startsWith(QLatin1String("pg_restore: restoring large object"))) {
            ++itemsDone;
            ctx.setPhase(QStringLiteral("restoring into '%1': item %2 of about %3")
                             .arg(database)
                             .arg(itemsDone)
                             .arg(into.tocEntries));
        } else if (text.contains(QLatin1String("warning:")) || text.contains(QLatin1String("error:"))) {
            if (warnings->size() < 200)
                warnings->append(text.section(QStringLiteral("pg_restore: "), 1).trimmed());
        }
    });
    if (Status s = child.start(into.pgRestore, args, m_childEnvironment,
                               archivePath.isEmpty() ? ChildProcess::Stdin::Pipe : ChildProcess::Stdin::Null,
                               ChildProcess::Stdout::Null);
        !s)
        return s;
    {
        QMutexLocker lock(&m_childMutex);
        m_child = &child;
        if (cancelled())
            child.terminate();
    }
    Status streamed;
    if (archivePath.isEmpty()) {
        ctx.setPhase(QStringLiteral("restoring into '%1'").arg(database));
        ProcessSink sink(&child);
        // pg_restore reading a stream is slower than one zstd decoder: more would only hold memory.
        streamed = reader.stream(
            m_request.secrets.keys, &sink, nullptr,
            [&](qint64 done) {
                ctx.setProgress(done, reader.artifact().storedBytes);
                return !cancelled();
            },
            ArtifactReader::Decoding::OneThread);
        child.closeStdin();
    }
    const int code = child.wait();
    {
        QMutexLocker lock(&m_childMutex);
        m_child = nullptr;
    }
    if (cancelled())
        return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    if (!streamed)
        return streamed;
    if (code != 0) {
        const QString first = warnings->isEmpty() ? child.lastErrorLine() : warnings->first();
        return makeError(QStringLiteral("restore.pg_restore"),
                         QStringLiteral("pg_restore reported errors restoring into '%1' (exit %2): %3")
                             .arg(database)
                             .arg(code)
                             .arg(first));
    }
    ctx.log(LogLevel::Info, QStringLiteral("pg_restore finished: %1 items").arg(itemsDone));
    return {};
}

Status RestoreJob::compareWithManifest(JobContext &ctx, const RestoreRequest &request,
                                       const Manifest &manifest, const ConnectionSpec &target,
                                       const QString &database, const QByteArray &password, bool *allMatch)
{
    auto session = PgSession::connect(target, database, password);
    if (!session)
        return session.error();
    const bool partial = !request.schemas.isEmpty() || !request.tables.isEmpty();
    int compared = 0, mismatched = 0;
    for (const Manifest::Table &t : manifest.tables) {
        if (!request.schemas.isEmpty() && !request.schemas.contains(t.schema))
            continue;
        if (!request.tables.isEmpty() && !request.tables.contains(t.name) &&
            !request.tables.contains(t.schema + QLatin1Char('.') + t.name))
            continue;
        if (request.schemaOnly)
            continue;
        auto rows = (*session)->query(
            QStringLiteral("SELECT count(*) FROM ONLY %1.%2").arg(quoteIdent(t.schema), quoteIdent(t.name)));
        const qint64 actual = rows ? rows->value(0).value(0).toLongLong() : -1;
        const bool match = actual == t.rows;
        ++compared;
        if (!match) {
            ++mismatched;
            *allMatch = false;
        }
        ctx.addOutput(
            QStringLiteral("%1 %2.%3: %4 rows (manifest %5)")
                .arg(match ? QStringLiteral("ok      ") : QStringLiteral("MISMATCH"), t.schema, t.name)
                .arg(actual)
                .arg(t.rows));
    }
    if (!partial && !request.schemaOnly) {
        auto lobs = (*session)->query(QStringLiteral("SELECT count(*) FROM pg_largeobject_metadata"));
        const qint64 actual = lobs ? lobs->value(0).value(0).toLongLong() : -1;
        const bool match = actual == manifest.largeObjects;
        *allMatch = *allMatch && match;
        ctx.addOutput(QStringLiteral("%1 large objects: %2 (manifest %3)")
                          .arg(match ? QStringLiteral("ok      ") : QStringLiteral("MISMATCH"))
                          .arg(actual)
                          .arg(manifest.largeObjects));
        for (const Manifest::Extension &e : manifest.extensions) {
            auto ext =
                (*session)->query(QStringLiteral("SELECT 1 FROM pg_extension WHERE extname = $1"), {e.name});
            const bool present = ext && !ext->isEmpty();
            *allMatch = *allMatch && present;
            ctx.addOutput(
                QStringLiteral("%1 extension %2")
                    .arg(present ? QStringLiteral("ok      ") : QStringLiteral("MISSING "), e.name));
        }
    }
    ctx.log(mismatched ? LogLevel::Error : LogLevel::Info,
            QStringLiteral("compared %1 tables with the manifest: %2 differ").arg(compared).arg(mismatched));
    return {};
}

} // namespace lifeboat
