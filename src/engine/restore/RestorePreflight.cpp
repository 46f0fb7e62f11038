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

Result<RestorePreflight::Report> RestorePreflight::run(PgSession &admin, const Input &input)
{
    Report report;
    const Manifest &manifest = input.manifest;
    const ConnectionSpec &target = input.target;
    const QString &database = input.database;

    // Versions and the pg_restore to use.
    report.targetMajor = admin.serverMajor();
    if (Status s = RestoreVersionCheck::checkTarget(manifest.serverVersionNum, admin.serverVersionNum(),
                                                    target.displayName());
        !s) {
        report.checks << blocking(QStringLiteral("versions"), s.error().message, s.error());
        return report;
    }
    const PgToolFinder finder(input.toolDirectory);
    auto tool = finder.find(QStringLiteral("pg_restore"),
                            RestoreVersionCheck::pgRestoreMajorNeeded(manifest, admin.serverVersionNum()));
    if (!tool) {
        report.checks << blocking(QStringLiteral("versions"), tool.error().message, tool.error());
        return report;
    }
    report.pgRestorePath = tool->path;
    report.pgRestoreVersion = tool->version;
    report.checks << ok(QStringLiteral("versions"),
                        QStringLiteral("target PostgreSQL %1 (backup from %2), pg_restore %3")
                            .arg(admin.serverVersion(), manifest.serverVersion, tool->version));

    // Roles that own the backup's objects.
    if (!input.noOwner) {
        QSet<QString> owners;
        for (const Manifest::TocEntry &e : manifest.toc) {
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
        if (!missing.isEmpty()) {
            const QString roles = missing.join(QStringLiteral(", "));
            report.checks << blocking(
                QStringLiteral("roles"),
                QStringLiteral(
                    "role(s) %1, which own the backup's objects, do not exist on %2: restore without "
                    "owners, or create the roles first")
                    .arg(roles, target.displayName()),
                makeError(
                    QStringLiteral("restore.roles"),
                    QStringLiteral("the backup's objects belong to role(s) %1, which do not exist on %2: "
                                   "restore with --no-owner, or create the roles first (the backup's "
                                   "globals artifact has them)")
                        .arg(roles, target.displayName())));
        } else {
            QStringList sorted(owners.begin(), owners.end());
            sorted.sort();
            report.checks << ok(QStringLiteral("roles"),
                                sorted.isEmpty() ? QStringLiteral("the backup names no object owners")
                                                 : QStringLiteral("the owner role(s) %1 exist on the target")
                                                       .arg(sorted.join(QStringLiteral(", "))));
        }
    } else {
        report.checks << ok(
            QStringLiteral("roles"),
            QStringLiteral("objects will belong to the connecting role (no owners restored)"));
    }

    // Extensions.
    QStringList missingExtensions, presentExtensions;
    for (const Manifest::Extension &e : manifest.extensions) {
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
        report.checks << blocking(
            QStringLiteral("extensions"),
            QStringLiteral("the backup uses extension(s) %1, which %2 does not have")
                .arg(names, target.displayName()),
            makeError(
                QStringLiteral("restore.extensions"),
                QStringLiteral("the backup uses extension(s) %1, which %2 does not have: install them there "
                               "(most come with the postgresql-contrib package) and try again")
                    .arg(names, target.displayName())));
    } else {
        report.checks << ok(QStringLiteral("extensions"),
                            presentExtensions.isEmpty()
                                ? QStringLiteral("the backup needs no extensions")
                                : QStringLiteral("extension(s) %1 are available on the target")
                                      .arg(presentExtensions.join(QStringLiteral(", "))));
    }

    // The target database.
    auto exists = admin.query(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {database});
    if (!exists)
        return exists.error();
    report.targetExists = !exists->isEmpty();
    if (report.targetExists && !input.replace) {
        report.checks << blocking(
            QStringLiteral("target"),
            QStringLiteral("database '%1' already exists on %2").arg(database, target.displayName()),
            makeError(
                QStringLiteral("restore.exists"),
                QStringLiteral("database '%1' already exists on %2: choose another name with --to-db, or "
                               "replace it with --replace --confirm '%1'")
                    .arg(database, target.displayName())));
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
            QStringLiteral("a new database '%1' will be created on %2").arg(database, target.displayName()));
    }

    // Disk space: the restored database needs about the dump's size (more with indexes).
    const qint64 need = manifest.dumpBytes + manifest.dumpBytes / 5;
    qint64 serverFree = -1;
    if (isLocalHost(target.host)) {
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
                .arg(formatMiB(need), target.displayName()));
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
    if (input.jobs > 1) {
        const qint64 tmpNeed = manifest.dumpBytes + manifest.dumpBytes / 10;
        const qint64 tmpFree = freeBytes(QDir::tempPath());
        if (tmpFree >= 0 && tmpFree < tmpNeed)
            report.checks << warning(
                QStringLiteral("disk"),
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
    return report;
}

} // namespace lifeboat
