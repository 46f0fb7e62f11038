#include "engine/restore/RestorePreflight.h"

#include "core/ByteSize.h"
#include "engine/pg/PgSession.h"
#include "engine/pg/PgToolFinder.h"
#include "engine/restore/RestoreVersionCheck.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <sys/statvfs.h>

namespace lifeboat {

namespace {

using Outcome = RestorePreflight::Check::Outcome;

RestorePreflight::Check ok(const QString &topic, const QString &text)
{
    return {topic, Outcome::Ok, text, {}};
}

RestorePreflight::Check warning(const QString &topic, const QString &text)
{
    return {topic, Outcome::Warning, text, {}};
}

RestorePreflight::Check blocking(const QString &topic, const QString &text, const Error &error)
{
    return {topic, Outcome::Blocking, text, error};
}

// Free bytes on the file system holding `path` (or its nearest readable ancestor); -1 = unknown.
qint64 freeBytes(QString path)
{
    while (!path.isEmpty()) {
        struct statvfs st
        {};
        if (::statvfs(QFile::encodeName(path).constData(), &st) == 0)
            return qint64(st.f_bavail) * qint64(st.f_frsize);
        const QString parent = QFileInfo(path).path();
        if (parent == path)
            break;
        path = parent;
    }
    return -1;
}

bool isLocalHost(const QString &host)
{
    return host.isEmpty() || host.startsWith(QLatin1Char('/')) || host == QLatin1String("localhost") ||
           host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
}

} // namespace

bool RestorePreflight::Report::ok() const
{
    for (const Check &c : checks) {
        if (c.outcome == Check::Outcome::Blocking)
            return false;
    }
    return true;
}

Error RestorePreflight::Report::firstError() const
{
    for (const Check &c : checks) {
        if (c.outcome == Check::Outcome::Blocking)
            return c.error;
    }
    return {};
}

QStringList RestorePreflight::Report::lines() const
{
    QStringList out;
    for (const Check &c : checks)
        out << c.text;
    return out;
}

Result<RestorePreflight::Report> RestorePreflight::connectAndRun(const Input &input,
                                                                 const QByteArray &password)
{
    auto admin = PgSession::connect(input.target, QStringLiteral("postgres"), password);
    if (!admin)
        return admin.error();
    return run(**admin, input);
}

namespace {

using Input = RestorePreflight::Input;
using Report = RestorePreflight::Report;

// Versions and the pg_restore to use. False: a blocking check was added and nothing else can be told.
bool checkVersions(PgSession &admin, const Input &input, Report &report)
{
    const Manifest &manifest = input.manifest;
    report.targetMajor = admin.serverMajor();
    if (Status s = RestoreVersionCheck::checkTarget(manifest.serverVersionNum, admin.serverVersionNum(),
                                                    input.target.displayName());
        !s) {
        report.checks << blocking(QStringLiteral("versions"), s.error().message, s.error());
        return false;
    }
    const PgToolFinder finder(input.toolDirectory);
    auto tool = finder.find(QStringLiteral("pg_restore"),
                            RestoreVersionCheck::pgRestoreMajorNeeded(manifest, admin.serverVersionNum()));
    if (!tool) {
        report.checks << blocking(QStringLiteral("versions"), tool.error().message, tool.error());
        return false;
    }
    report.pgRestorePath = tool->path;
    report.pgRestoreVersion = tool->version;
    report.checks << ok(QStringLiteral("versions"),
                        QStringLiteral("target PostgreSQL %1 (backup from %2), pg_restore %3")
                            .arg(admin.serverVersion(), manifest.serverVersion, tool->version));
    return true;
}

// Roles that own the backup's objects.
Status checkRoles(PgSession &admin, const Input &input, Report &report)
{
    if (input.noOwner) {
        report.checks << ok(
            QStringLiteral("roles"),
            QStringLiteral("objects will belong to the connecting role (no owners restored)"));
        return {};
    }
    QSet<QString> owners;
    for (const Manifest::TocEntry &e : input.manifest.toc) {
        if (!e.owner.isEmpty())
            owners.insert(e.owner);
    }
    QStringList missing;
    for (const QString &owner : std::as_const(owners)) {
        auto rows = admin.query(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = $1"), {owner});
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            missing << owner;
    }
    missing.sort();
    const QString targetName = input.target.displayName();
    if (!missing.isEmpty()) {
        const QString roles = missing.join(QStringLiteral(", "));
        report.checks << blocking(
            QStringLiteral("roles"),
            QStringLiteral("role(s) %1, which own the backup's objects, do not exist on %2: restore without "
                           "owners, or create the roles first")
                .arg(roles, targetName),
            makeError(QStringLiteral("restore.roles"),
                      QStringLiteral("the backup's objects belong to role(s) %1, which do not exist on %2: "
                                     "restore with --no-owner, or create the roles first (the backup's "
                                     "globals artifact has them)")
                          .arg(roles, targetName)));
        return {};
    }
    QStringList sorted(owners.begin(), owners.end());
    sorted.sort();
    report.checks << ok(QStringLiteral("roles"),
                        sorted.isEmpty() ? QStringLiteral("the backup names no object owners")
                                         : QStringLiteral("the owner role(s) %1 exist on the target")
                                               .arg(sorted.join(QStringLiteral(", "))));
    return {};
}

// The extensions the backup uses.
Status checkExtensions(PgSession &admin, const Input &input, Report &report)
{
    QStringList missingExtensions, presentExtensions;
    for (const Manifest::Extension &e : input.manifest.extensions) {
        if (e.name == QLatin1String("plpgsql"))
            continue;
        auto rows =
            admin.query(QStringLiteral("SELECT 1 FROM pg_available_extensions WHERE name = $1"), {e.name});
        if (!rows)
            return rows.error();
        (rows->isEmpty() ? missingExtensions : presentExtensions) << e.name;
    }
    if (!missingExtensions.isEmpty()) {
        const QString names = missingExtensions.join(QStringLiteral(", "));
        const QString targetName = input.target.displayName();
        report.checks << blocking(
            QStringLiteral("extensions"),
            QStringLiteral("the backup uses extension(s) %1, which %2 does not have").arg(names, targetName),
            makeError(
                QStringLiteral("restore.extensions"),
                QStringLiteral("the backup uses extension(s) %1, which %2 does not have: install them there "
                               "(most come with the postgresql-contrib package) and try again")
                    .arg(names, targetName)));
        return {};
    }
    report.checks << ok(QStringLiteral("extensions"),
                        presentExtensions.isEmpty()
                            ? QStringLiteral("the backup needs no extensions")
                            : QStringLiteral("extension(s) %1 are available on the target")
                                  .arg(presentExtensions.join(QStringLiteral(", "))));
    return {};
}

// The target database: new, or replaced after confirmation (and its connections).
Status checkTarget(PgSession &admin, const Input &input, Report &report)
{
    const QString &database = input.database;
    const QString targetName = input.target.displayName();
    auto exists = admin.query(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {database});
    if (!exists)
        return exists.error();
    report.targetExists = !exists->isEmpty();
    if (report.targetExists && !input.replace) {
        report.checks << blocking(
            QStringLiteral("target"),
            QStringLiteral("database '%1' already exists on %2").arg(database, targetName),
            makeError(
                QStringLiteral("restore.exists"),
                QStringLiteral("database '%1' already exists on %2: choose another name with --to-db, or "
                               "replace it with --replace --confirm '%1'")
                    .arg(database, targetName)));
    } else if (input.replace && input.confirm != database) {
        report.checks << blocking(
            QStringLiteral("target"),
            QStringLiteral("the typed name '%1' does not match the database to replace, '%2'")
                .arg(input.confirm, database),
            makeError(QStringLiteral("restore.confirm"),
                      QStringLiteral("--confirm '%1' does not match the database to replace, '%2': type its "
                                     "exact name to confirm")
                          .arg(input.confirm, database)));
    } else if (report.targetExists) {
        auto conns = admin.query(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = $1"),
                                 {database});
        report.checks << warning(
            QStringLiteral("connections"),
            QStringLiteral("database '%1' exists and has %2 active connection(s); they will be closed, and a "
                           "safety backup is taken before it is replaced")
                .arg(database, conns && !conns->isEmpty() ? conns->value(0).value(0) : QStringLiteral("?")));
    } else {
        report.checks << ok(
            QStringLiteral("target"),
            QStringLiteral("a new database '%1' will be created on %2").arg(database, targetName));
    }
    return {};
}

// Disk space on the server: the restored database needs about the dump's size (more with indexes).
void checkServerDisk(PgSession &admin, const Input &input, Report &report)
{
    const qint64 need = input.manifest.dumpBytes + input.manifest.dumpBytes / 5;
    qint64 serverFree = -1;
    if (isLocalHost(input.target.host)) {
        auto dir =
            admin.query(QStringLiteral("SELECT setting FROM pg_settings WHERE name = 'data_directory'"));
        if (dir && !dir->isEmpty() && !dir->value(0).value(0).isEmpty())
            serverFree = freeBytes(dir->value(0).value(0));
    }
    if (serverFree < 0)
        report.checks << ok(
            QStringLiteral("disk"),
            QStringLiteral("the restored database needs about %1 on %2 (its free space cannot "
                           "be read from here)")
                .arg(formatMiB(need), input.target.displayName()));
    else if (serverFree < need)
        report.checks << warning(QStringLiteral("disk"),
                                 QStringLiteral("the restored database needs about %1, but the server's disk "
                                                "has only %2 free")
                                     .arg(formatMiB(need), formatMiB(serverFree)));
    else
        report.checks << ok(QStringLiteral("disk"),
                            QStringLiteral("the restored database needs about %1; the "
                                           "server's disk has %2 free")
                                .arg(formatMiB(need), formatMiB(serverFree)));
}

// Disk space here: parallel jobs restore from a temporary copy of the dump.
void checkTemporaryDisk(const Input &input, Report &report)
{
    if (input.jobs <= 1)
        return;
    const qint64 tmpNeed = input.manifest.dumpBytes + input.manifest.dumpBytes / 10;
    const qint64 tmpFree = freeBytes(QDir::tempPath());
    if (tmpFree >= 0 && tmpFree < tmpNeed)
        report.checks << warning(QStringLiteral("disk"),
                                 QStringLiteral("%1 parallel jobs need a %2 temporary copy in %3, which has "
                                                "%4 free: the restore will stream with one job instead")
                                     .arg(input.jobs)
                                     .arg(formatMiB(tmpNeed), QDir::tempPath(), formatMiB(tmpFree)));
    else
        report.checks << ok(QStringLiteral("disk"),
                            QStringLiteral("%1 parallel jobs use a %2 temporary copy in %3")
                                .arg(input.jobs)
                                .arg(formatMiB(tmpNeed), QDir::tempPath()));
}

} // namespace

Result<RestorePreflight::Report> RestorePreflight::run(PgSession &admin, const Input &input)
{
    Report report;
    if (!checkVersions(admin, input, report))
        return report;
    if (Status s = checkRoles(admin, input, report); !s)
        return s.error();
    if (Status s = checkExtensions(admin, input, report); !s)
        return s.error();
    if (Status s = checkTarget(admin, input, report); !s)
        return s.error();
    checkServerDisk(admin, input, report);
    checkTemporaryDisk(input, report);
    return report;
}

} // namespace lifeboat
