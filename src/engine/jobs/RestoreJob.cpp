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
    QElapsedTimer total;
    total.start();
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
    const int dumpMajor = manifest->serverVersionNum / 10000;

    // 1. Integrity, before anything touches a database.
    ctx.setPhase(QStringLiteral("checking integrity of %1").arg(reader->label()));
    const PgToolFinder finder(profile ? profile->toolDirectory : QString());
    const QString pgDumpMajorText = manifest->pgDumpVersion.section(QLatin1Char('.'), 0, 0);
    const int archiveMajor = qMax(dumpMajor, pgDumpMajorText.toInt());
    auto listTool = finder.find(QStringLiteral("pg_restore"), archiveMajor);
    if (!listTool)
        return listTool.error();
    // --jobs N > 1 needs a seekable file: decode into a private temporary file during the
    // integrity check itself, or fall back to streaming when there is no room for it.
    int jobs = qMax(1, m_request.jobs);
    QStringList jobsNotes;
    std::unique_ptr<QFile> decoded;
    std::unique_ptr<TempCopySink> decodedSink;
    // The one way out when the temporary copy cannot be made (no room, no private folder, a failed
    // write): say why, drop whatever exists of the copy, and restore as one stream.
    const auto streamInstead = [&](const QString &why) {
        ctx.log(
            LogLevel::Warning,
            QStringLiteral("--jobs %1 needs a temporary copy of the archive, but %2: restoring as a stream "
                           "with one job instead")
                .arg(jobs)
                .arg(why));
        jobsNotes = QStringList{QStringLiteral("--jobs %1 falls back to streaming: %2").arg(jobs).arg(why)};
        ctx.addOutput(
            QStringLiteral("note: restored as a stream with one job, not --jobs %1: %2").arg(jobs).arg(why));
        jobs = 1;
        decodedSink.reset();
        decoded.reset();
        m_decodedArchive.clear();
        m_scratch.reset();
    };
    if (jobs > 1) {
        const QString why = createTempCopy(manifest->dumpBytes, &decoded);
        if (!why.isEmpty()) {
            streamInstead(why);
        } else {
            decodedSink = std::make_unique<TempCopySink>(decoded.get());
            jobsNotes << QStringLiteral("--jobs %1: a private temporary copy of %2 in %3")
                             .arg(jobs)
                             .arg(formatMiB(manifest->dumpBytes), QDir::tempPath());
        }
    }
    auto integrity = IntegrityChecker::check(
        *reader, m_request.secrets.keys, listTool->path,
        [&](qint64 done) {
            ctx.setProgress(done, artifact->storedBytes);
            return !cancelled();
        },
        decodedSink.get());
    int offsetsFilledIn = 0;
    if (decodedSink) {
        if (integrity)
            offsetsFilledIn = decodedSink->fillInDataOffsets(integrity->offsetPatches);
        decodedSink->trimToWritten();
    }
    if (decoded)
        decoded->close();
    IntegrityJob::recordOutcome(ctx, artifact->id, integrity);
    if (!integrity)
        return integrity.error();
    if (offsetsFilledIn > 0)
        ctx.log(
            LogLevel::Info,
            QStringLiteral("--jobs copy: the data offsets of %1 entries filled in, as pg_dump writes them "
                           "to a file")
                .arg(offsetsFilledIn));
    if (decodedSink && !decodedSink->failure().isEmpty())
        streamInstead(
            QStringLiteral("writing it to %1 failed (%2)").arg(QDir::tempPath(), decodedSink->failure()));
    ctx.log(LogLevel::Info,
            QStringLiteral("integrity: %1").arg(integrity->lines().join(QStringLiteral("; "))));
    if (cancelled())
        return makeError(QStringLiteral("cancelled"),
                         QStringLiteral("cancelled before anything was restored"));

    // 2. Where to.
    Sandbox sandbox;
    ConnectionSpec target;
    if (verify && m_request.sandbox) {
        ctx.setPhase(QStringLiteral("starting a throwaway PostgreSQL"));
        if (Status s = sandbox.start(dumpMajor, profile ? profile->toolDirectory : QString()); !s)
            return s;
        target = sandbox.connection();
    } else if (m_request.target) {
        target = *m_request.target;
    } else if (profile) {
        target = profile->connection;
    } else {
        return makeError(
            QStringLiteral("restore.target"),
            QStringLiteral("the profile of %1 no longer exists: name the target server with --target URI")
                .arg(reader->label()));
    }
    if (profile && !(verify && m_request.sandbox) &&
        (!m_request.target || *m_request.target == profile->connection)) {
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
    }
    const bool noOwner = m_request.noOwner || (verify && m_request.sandbox);
    QString database = m_request.toDatabase;
    if (database.isEmpty())
        database = verify ? artifact->database + QStringLiteral("_verify_") +
                                Clock::instance().nowUtc().toString(QStringLiteral("yyyyMMdd_HHmmss"))
                          : defaultDatabaseName(artifact->database, Clock::instance().nowUtc());

    // 3. Pre-flight on the target.
    ctx.setPhase(QStringLiteral("pre-flight checks on %1").arg(target.displayName()));
    auto admin = PgSession::connect(target, QStringLiteral("postgres"), m_password);
    if (!admin)
        return admin.error();
    RestorePreflight::Input preflightInput;
    preflightInput.manifest = *manifest;
    preflightInput.target = target;
    preflightInput.database = database;
    preflightInput.noOwner = noOwner;
    preflightInput.replace = m_request.replace;
    preflightInput.confirm = m_request.confirm;
    preflightInput.jobs = 1; // the temporary copy for --jobs was already made (or refused) above
    preflightInput.toolDirectory = profile ? profile->toolDirectory : QString();
    auto checked = RestorePreflight::run(**admin, preflightInput);
    if (!checked)
        return checked.error();
    if (!checked->ok())
        return checked->firstError();
    const bool targetExists = checked->targetExists;
    const QString restoreToolPath = checked->pgRestorePath;
    QStringList preflight = checked->lines();
    preflight << jobsNotes;
    for (const QString &line : preflight)
        ctx.log(LogLevel::Info, QStringLiteral("pre-flight: ") + line);
    if (cancelled())
        return makeError(QStringLiteral("cancelled"),
                         QStringLiteral("cancelled before anything was restored"));

    // 4. Replace: safety backup, close connections, drop.
    qint64 safetyArtifact = 0;
    if (targetExists) {
        if (!profile)
            return makeError(
                QStringLiteral("restore.safety"),
                QStringLiteral("cannot take the safety backup of '%1': the profile of %2 no longer exists")
                    .arg(database, reader->label()));
        Profile safety = *profile;
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
        nested.finish(safetyStatus,
                      QStringLiteral("safety backup of '%1' before replacing it").arg(database));
        if (Status s = safetyStatus; !s)
            return makeError(s.error().code,
                             QStringLiteral("the safety backup of '%1' failed, so nothing was replaced: %2")
                                 .arg(database, s.error().message));
        safetyArtifact = nested.artifactId();
        ctx.log(LogLevel::Info, QStringLiteral("safety backup of '%1' is backup %2 (%3)")
                                    .arg(database)
                                    .arg(safetyArtifact)
                                    .arg(nested.outputs().join(QStringLiteral(", "))));
        ctx.addOutput(QStringLiteral("safety backup: backup %1").arg(safetyArtifact));
        ctx.setPhase(QStringLiteral("dropping '%1'").arg(database));
        (void)(*admin)->query(
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 "
                           "AND pid <> pg_backend_pid()"),
            {database});
        auto dropped =
            (*admin)->query(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(quoteIdent(database)));
        if (!dropped)
            return makeError(QStringLiteral("restore.drop"),
                             QStringLiteral("cannot drop '%1' to replace it: %2 (the safety "
                                            "backup %3 was taken)")
                                 .arg(database, dropped.error().message)
                                 .arg(safetyArtifact));
    }

    // 5. Create and restore.
    auto created =
        (*admin)->query(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(quoteIdent(database)));
    if (!created)
        return makeError(QStringLiteral("restore.create"),
                         QStringLiteral("cannot create database '%1' on %2: %3")
                             .arg(database, target.displayName(), created.error().message));
    ctx.log(LogLevel::Info,
            QStringLiteral("created database '%1' on %2").arg(database, target.displayName()));

    // A partial restore (--schema/--table) restores only the selected objects; pg_restore then
    // leaves out the schemas and extensions they live in and depend on, so create those first.
    if (!m_request.schemas.isEmpty() || !m_request.tables.isEmpty()) {
        auto fresh = PgSession::connect(target, database, m_password);
        if (!fresh)
            return rollbackNew(**admin, database, fresh.error().message);
        QSet<QString> schemas;
        for (const Manifest::Table &t : manifest->tables) {
            const bool schemaOk = m_request.schemas.isEmpty() || m_request.schemas.contains(t.schema);
            const bool tableOk = m_request.tables.isEmpty() || m_request.tables.contains(t.name) ||
                                 m_request.tables.contains(t.schema + QLatin1Char('.') + t.name);
            if (schemaOk && tableOk)
                schemas.insert(t.schema);
        }
        for (const QString &schema : std::as_const(m_request.schemas))
            schemas.insert(schema);
        for (const QString &schema : std::as_const(schemas)) {
            auto made =
                (*fresh)->query(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(quoteIdent(schema)));
            if (!made)
                return rollbackNew(**admin, database, made.error().message);
        }
        for (const Manifest::Extension &e : manifest->extensions) {
            if (e.name == QLatin1String("plpgsql"))
                continue;
            (void)(*fresh)->query(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(quoteIdent(e.schema)));
            auto made = (*fresh)->query(QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1 WITH SCHEMA %2")
                                            .arg(quoteIdent(e.name), quoteIdent(e.schema)));
            if (!made)
                return rollbackNew(**admin, database, made.error().message);
        }
    }

    QElapsedTimer restoreTimer;
    restoreTimer.start();
    QStringList warnings;
    m_request.jobs = jobs;
    Status restored = restoreInto(ctx, *reader, target, database, integrity->tocEntries, noOwner,
                                  restoreToolPath, &warnings);
    const double restoreSeconds = double(restoreTimer.elapsed()) / 1000.0;
    // pg_restore is done with the temporary copy: give its room back now, on a thread of its own
    // while the restored database is compared (deleting a 1 GB file takes 0.1-0.3 s); joined when
    // run() returns.
    std::jthread removeCopy([scratch = std::move(m_scratch)]() mutable { scratch.reset(); });
    m_decodedArchive.clear();

    auto rollback = [&](const QString &why) -> Error {
        (void)(*admin)->query(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoteIdent(database)));
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
    };
    if (cancelled())
        return rollback(QStringLiteral("cancelled"));
    if (!restored)
        return rollback(restored.error().message);

    // 6. Compare with the manifest.
    ctx.setPhase(QStringLiteral("comparing '%1' with the manifest").arg(database));
    bool allMatch = true;
    if (Status s = compareWithManifest(ctx, *manifest, target, database, &allMatch); !s)
        return s;
    for (const QString &w : warnings)
        ctx.addOutput(QStringLiteral("pg_restore warning: ") + w);
    ctx.addOutput(QStringLiteral("restored %1 into '%2' in %3 s (integrity check %4 s)")
                      .arg(reader->label(), database)
                      .arg(restoreSeconds, 0, 'f', 1)
                      .arg(integrity->seconds, 0, 'f', 1));

    if (verify) {
        const QString state = allMatch ? QStringLiteral("verified") : QStringLiteral("failed");
        (void)ctx.catalog().setVerification(artifact->id, state, Clock::instance().nowUtc(), restoreSeconds);
        if (!m_request.sandbox)
            (void)(*admin)->query(
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoteIdent(database)));
        if (!allMatch)
            return makeError(
                QStringLiteral("verify.mismatch"),
                QStringLiteral("%1 restored, but the restored database differs from the manifest (see the "
                               "report above)")
                    .arg(reader->label()));
        ctx.addOutput(QStringLiteral("verified: %1 restores, restore took %2 s")
                          .arg(reader->label())
                          .arg(restoreSeconds, 0, 'f', 1));
        return {};
    }
    ctx.addOutput(QStringLiteral("connection: %1").arg(targetUri(target, database)));
    ctx.addOutput(
        QStringLiteral("psql: psql %1").arg(QStringLiteral("'%1'").arg(targetUri(target, database))));
    if (!allMatch)
        return makeError(
            QStringLiteral("restore.mismatch"),
            QStringLiteral("'%1' was restored, but its row counts differ from the manifest (see the report)")
                .arg(database));
    (void)total;
    return {};
}

QString RestoreJob::createTempCopy(qint64 archiveBytes, std::unique_ptr<QFile> *file)
{
    struct statvfs st
    {};
    const qint64 need = archiveBytes + archiveBytes / 10;
    qint64 free = -1;
    if (m_request.tempFreeBytesProbe)
        free = m_request.tempFreeBytesProbe(QDir::tempPath());
    else if (::statvfs(QFile::encodeName(QDir::tempPath()).constData(), &st) == 0)
        free = qint64(st.f_bavail) * qint64(st.f_frsize);
    if (free >= 0 && free < need)
        return QStringLiteral("%1 has %2 free, the temporary copy needs %3")
            .arg(QDir::tempPath(), formatMiB(free), formatMiB(need));
    m_scratch =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/lifeboat-restore-XXXXXX"));
    if (!m_scratch->isValid())
        return QStringLiteral("a private temporary folder cannot be created in %1: %2")
            .arg(QDir::tempPath(), m_scratch->errorString());
    QFile::setPermissions(m_scratch->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_decodedArchive = m_scratch->filePath(QStringLiteral("archive.dump"));
    *file = std::make_unique<QFile>(m_decodedArchive);
    if (!(*file)->open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return QStringLiteral("%1 cannot be created (%2)").arg(m_decodedArchive, (*file)->errorString());
    (*file)->setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    // Reserve the whole archive now: no room shows here, not half-way through the integrity pass.
    const int reserved = m_request.tempReserve ? m_request.tempReserve((*file)->handle(), archiveBytes)
                                               : reserveSpace((*file)->handle(), archiveBytes);
    if (reserved == ENOSPC || reserved == EDQUOT)
        return QStringLiteral("%1 has no room for it: reserving %2 failed (%3)")
            .arg(QDir::tempPath(), formatMiB(archiveBytes), QString::fromLocal8Bit(std::strerror(reserved)));
    // EOPNOTSUPP/EINVAL: this file system cannot reserve; the copy is written without.
    if (reserved != 0 && reserved != EOPNOTSUPP && reserved != EINVAL)
        return QStringLiteral("reserving %1 for it in %2 failed (%3)")
            .arg(formatMiB(archiveBytes), QDir::tempPath(), QString::fromLocal8Bit(std::strerror(reserved)));
    return {};
}

Status RestoreJob::restoreInto(JobContext &ctx, const ArtifactReader &reader, const ConnectionSpec &target,
                               const QString &database, int tocEntries, bool noOwner,
                               const QString &pgRestore, QStringList *warnings)
{
    QStringList args = {QStringLiteral("--dbname=") + target.toConnInfo(database),
                        QStringLiteral("--no-password"), QStringLiteral("--verbose")};
    if (noOwner)
        args << QStringLiteral("--no-owner");
    if (m_request.purpose == RestoreRequest::Purpose::Verify && m_request.sandbox)
        args << QStringLiteral("--no-privileges");
    if (m_request.dataOnly)
        args << QStringLiteral("--data-only");
    if (m_request.schemaOnly)
        args << QStringLiteral("--schema-only");
    for (const QString &s : m_request.schemas)
        args << QStringLiteral("--schema=") + s;
    for (const QString &t : m_request.tables)
        args << QStringLiteral("--table=") + t;

    const QString archivePath = m_request.jobs > 1 ? m_decodedArchive : QString();
    if (!archivePath.isEmpty())
        args << QStringLiteral("--jobs=%1").arg(m_request.jobs) << archivePath;

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
                             .arg(tocEntries));
        } else if (text.contains(QLatin1String("warning:")) || text.contains(QLatin1String("error:"))) {
            if (warnings->size() < 200)
                warnings->append(text.section(QStringLiteral("pg_restore: "), 1).trimmed());
        }
    });
    if (Status s = child.start(pgRestore, args, m_childEnvironment,
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

Status RestoreJob::compareWithManifest(JobContext &ctx, const Manifest &manifest,
                                       const ConnectionSpec &target, const QString &database, bool *allMatch)
{
    auto session = PgSession::connect(target, database, m_password);
    if (!session)
        return session.error();
    const bool partial = !m_request.schemas.isEmpty() || !m_request.tables.isEmpty();
    int compared = 0, mismatched = 0;
    for (const Manifest::Table &t : manifest.tables) {
        if (!m_request.schemas.isEmpty() && !m_request.schemas.contains(t.schema))
            continue;
        if (!m_request.tables.isEmpty() && !m_request.tables.contains(t.name) &&
            !m_request.tables.contains(t.schema + QLatin1Char('.') + t.name))
            continue;
        if (m_request.schemaOnly)
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
    if (!partial && !m_request.schemaOnly) {
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
