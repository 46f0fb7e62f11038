#include "engine/secrets/RecoveryKit.h"

#include "core/ObjectName.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lifeboat {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

Error kitError(const QString &path, const QString &what, int error)
{
    return makeError(
        QStringLiteral("kit.write"),
        QStringLiteral("cannot write the recovery kit %1: %2 (%3)").arg(path, what, errnoText(error)));
}

// How PostgreSQL's programs reach the profile's server: an environment prefix (a service name) and
// connection options (what is set).
struct PgInvocation
{
    QString prefix;  // "PGSERVICE=prod " or empty
    QString options; // " --host=… --port=… --username=…" or empty
};

PgInvocation pgInvocation(const ConnectionSpec &c)
{
    PgInvocation out;
    if (!c.service.isEmpty())
        out.prefix = QStringLiteral("PGSERVICE=") + RecoveryKit::shellQuote(c.service) + QLatin1Char(' ');
    if (!c.host.isEmpty())
        out.options += QStringLiteral(" --host=") + RecoveryKit::shellQuote(c.host);
    if (!c.port.isEmpty())
        out.options += QStringLiteral(" --port=") + RecoveryKit::shellQuote(c.port);
    if (!c.user.isEmpty())
        out.options += QStringLiteral(" --username=") + RecoveryKit::shellQuote(c.user);
    return out;
}

} // namespace

QString RecoveryKit::shellQuote(const QString &s)
{
    static const QString safe =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./-_");
    bool plain = !s.isEmpty();
    for (const QChar c : s)
        plain = plain && safe.contains(c);
    if (plain)
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QByteArray RecoveryKit::render(const Input &in)
{
    const Profile &p = in.profile;
    const QString kit = shellQuote(in.kitPath);
    QStringList lines;
    auto add = [&lines](const QString &line = QString()) {
        lines << (line.isEmpty() ? QStringLiteral("#") : QStringLiteral("# ") + line);
    };
    add(QStringLiteral("Lifeboat recovery kit for profile '%1'").arg(p.name));
    add(QStringLiteral("Created %1 on %2 by Lifeboat %3.")
            .arg(in.createdUtc.toUTC().toString(Qt::ISODate),
                 in.hostName.isEmpty() ? QStringLiteral("this machine") : in.hostName,
                 QStringLiteral(LIFEBOAT_VERSION)));
    add();
    add(QStringLiteral("KEEP THIS FILE SECRET AND SAFE, AWAY FROM THIS MACHINE (a password manager, a USB"));
    add(QStringLiteral(
        "stick in a drawer, paper). Whoever holds it can decrypt every backup of this profile;"));
    add(QStringLiteral("without it (or another recipient's key) nobody can, once this machine is gone."));
    add();
    add(QStringLiteral(
        "This file is an age identity file: the AGE-SECRET-KEY-1 line at the end is the secret"));
    add(QStringLiteral("key, every other line is a comment. Pass the whole file to age with -i."));
    add();
    add(QStringLiteral("Its public key (recipient): %1").arg(in.recipient));
    add(QStringLiteral("Backups of this profile are encrypted to:"));
    for (const QString &r : p.recipients)
        add(QStringLiteral("  %1%2").arg(r, r == in.recipient ? QStringLiteral("   (this key)")
                                                              : QStringLiteral("   (another recipient)")));
    if (!p.recipients.contains(in.recipient))
        add(QStringLiteral("  (this key is NOT among them: it cannot decrypt this profile's backups)"));
    add();
    add(QStringLiteral("Server:       %1").arg(p.connection.displayName()));
    add(QStringLiteral("Databases:    %1")
            .arg(p.databaseMode == Profile::DatabaseMode::All ? QStringLiteral("all (each in its own folder)")
                                                              : p.databases.join(QStringLiteral(", "))));
    add(QStringLiteral("Destinations: %1").arg(p.destinations.join(QStringLiteral(", "))));
    add();
    add(QStringLiteral("Each backup is three standard formats stacked: pg_dump --format=custom, then zstd,"));
    add(QStringLiteral(
        "then age. Beside it: its manifest (JSON, encrypted the same way) and, if the profile"));
    add(QStringLiteral("saves roles and tablespaces, a .globals.sql.zst.age file. You need: age"));
    add(QStringLiteral(
        "(https://age-encryption.org), zstd, and PostgreSQL's client programs of the server's"));
    add(QStringLiteral("major version or newer."));
    add();
    add(QStringLiteral("TO RESTORE WITHOUT LIFEBOAT"));
    const QString destination = p.destinations.value(0, QStringLiteral("/path/to/destination"));
    const QStringList databases = p.databaseMode == Profile::DatabaseMode::Listed && !p.databases.isEmpty()
                                      ? p.databases
                                      : QStringList{QStringLiteral("DATABASE")};
    const QString &db = databases.first();
    const QString safeDb = ObjectName::safeFileName(db);
    const QString folder = destination + QLatin1Char('/') + Profile::slug(p.name) + QLatin1Char('/') + safeDb;
    const QString target = QStringLiteral("restored_") + Profile::slug(db);
    const PgInvocation pg = pgInvocation(p.connection);
    add();
    add(QStringLiteral(
        "1. Pick a backup: backups are named <database>_<UTC time>.dump.zst.age, newest last."));
    add(QStringLiteral("     ls %1/").arg(shellQuote(folder)));
    add(QStringLiteral("   and set B to the chosen one without its extension, for example:"));
    add(QStringLiteral("     B=%1/%2_20250101T020000Z").arg(shellQuote(folder), shellQuote(safeDb)));
    add();
    add(QStringLiteral("2. Check it is intact: the SHA-256 must equal \"sha256\" in its manifest."));
    add(QStringLiteral("     sha256sum \"$B.dump.zst.age\""));
    add(QStringLiteral("     age -d -i %1 \"$B.manifest.json.age\" > manifest.json").arg(kit));
    add();
    add(QStringLiteral("3. Restore it into a new, empty database:"));
    add(QStringLiteral("     %1createdb%2 %3").arg(pg.prefix, pg.options, target));
    add(QStringLiteral(
            "     age -d -i %1 \"$B.dump.zst.age\" | zstd -d | %2pg_restore%3 --no-owner --dbname=%4")
            .arg(kit, pg.prefix, pg.options, target));
    add();
    add(QStringLiteral(
            "   To look inside first: age -d -i %1 \"$B.dump.zst.age\" | zstd -d | pg_restore --list")
            .arg(kit));
    add(QStringLiteral(
            "   To get plain SQL:     age -d -i %1 \"$B.dump.zst.age\" | zstd -d | pg_restore -f dump.sql")
            .arg(kit));
    add();
    add(QStringLiteral("4. Roles and tablespaces, if the profile saves them (review before running):"));
    add(QStringLiteral("     age -d -i %1 \"$B.globals.sql.zst.age\" | zstd -d > globals.sql").arg(kit));
    add(QStringLiteral("     %1psql%2 --dbname=postgres --file=globals.sql").arg(pg.prefix, pg.options));
    if (databases.size() > 1)
        add(QStringLiteral("(The other databases: %1 — same steps in their own folders.)")
                .arg(databases.mid(1).join(QStringLiteral(", "))));
    add();
    add(QStringLiteral("With Lifeboat on a new machine: lifeboat-cli key import %1 %2")
            .arg(shellQuote(p.name), kit));
    add();
    lines << in.identity;
    return lines.join(QLatin1Char('\n')).toUtf8() + '\n';
}

Status RecoveryKit::write(const QString &path, const QByteArray &contents, bool overwrite)
{
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    if (!QFileInfo(dir).isDir())
        return makeError(
            QStringLiteral("kit.write"),
            QStringLiteral("cannot write the recovery kit %1: the folder %2 does not exist").arg(path, dir));
    const Error exists = makeError(
        QStringLiteral("kit.exists"),
        QStringLiteral("%1 already exists: choose another file, or pass --force to overwrite it").arg(path));
    if (info.isDir())
        return makeError(QStringLiteral("kit.exists"),
                         QStringLiteral("%1 is a folder: give the path of a file to create").arg(path));
    if (!overwrite && (info.exists() || info.isSymLink()))
        return exists;

    // Without overwrite the kit is created in place with O_EXCL (works on every file system, e.g.
    // a FAT USB stick, and never replaces a file that appeared meanwhile); with overwrite it is
    // written beside and renamed over the old one, so the old kit stays whole until the new one is.
    const QByteArray target = QFile::encodeName(info.absoluteFilePath());
    QByteArray temp = QFile::encodeName(dir + QStringLiteral("/.lifeboat-kit-XXXXXX"));
    const QByteArray &written = overwrite ? temp : target;
    const int fd =
        overwrite ? ::mkstemp(temp.data()) // 0600, O_EXCL
                  : ::open(target.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (!overwrite && (errno == EEXIST || errno == ELOOP))
            return exists;
        return kitError(path, QStringLiteral("cannot create a file in %1").arg(dir), errno);
    }
    auto fail = [&](const QString &what, int error) {
        ::close(fd);
        ::unlink(written.constData());
        return kitError(path, what, error);
    };
    if (::fchmod(fd, 0600) != 0)
        return fail(QStringLiteral("cannot restrict its permissions"), errno);
    const char *data = contents.constData();
    qsizetype left = contents.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(QStringLiteral("writing failed"), errno);
        }
        data += n;
        left -= n;
    }
    if (::fsync(fd) != 0)
        return fail(QStringLiteral("writing failed"), errno);
    ::close(fd);
    if (overwrite && ::rename(temp.constData(), target.constData()) != 0) {
        const int error = errno;
        ::unlink(temp.constData());
        return kitError(path, QStringLiteral("cannot put it in place"), error);
    }
    const int dirFd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        (void)::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

} // namespace lifeboat
