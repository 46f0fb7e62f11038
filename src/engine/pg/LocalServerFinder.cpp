#include "engine/pg/LocalServerFinder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTcpSocket>

namespace lifeboat {

namespace {

QString key(const ConnectionSpec &spec)
{
    return QStringList{spec.host, spec.port, spec.user, spec.service, spec.dbname}.join(QLatin1Char('\x1f'));
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    // Files of this kind are small; anything huge is not a pgpass or service file.
    return QString::fromUtf8(file.read(1 << 20)).split(QLatin1Char('\n'));
}

// The [service] sections of a pg_service.conf, with the host/port/user/dbname they set.
QList<ConnectionSpec> parseServiceFile(const QString &path)
{
    QList<ConnectionSpec> out;
    for (QString line : readLines(path)) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            ConnectionSpec spec;
            spec.service = line.mid(1, line.size() - 2).trimmed();
            if (!spec.service.isEmpty())
                out.append(spec);
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0 || out.isEmpty())
            continue;
        const QString name = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        ConnectionSpec &spec = out.last();
        // The displayed facts only; the service name is what the profile keeps.
        if (name == QLatin1String("host"))
            spec.host = value;
        else if (name == QLatin1String("port"))
            spec.port = value;
        else if (name == QLatin1String("user"))
            spec.user = value;
        else if (name == QLatin1String("dbname"))
            spec.dbname = value;
    }
    return out;
}

} // namespace

bool LocalServerFinder::parsePgPassLine(const QString &line, ConnectionSpec *spec)
{
    if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
        return false;
    // Fields are separated by ':'; '\' escapes ':' and '\'.
    QStringList fields;
    QString current;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            current += line.at(++i);
        } else if (c == QLatin1Char(':') && fields.size() < 4) {
            fields << current;
            current.clear();
        } else if (fields.size() < 4) {
            current += c;
        }
    }
    current.fill(QLatin1Char('\0')); // the password field; not kept
    if (fields.size() != 4)
        return false;
    auto wild = [](const QString &s) {
        return s == QLatin1String("*") ? QString() : s;
    };
    spec->host = wild(fields.at(0));
    spec->port = wild(fields.at(1));
    spec->dbname = wild(fields.at(2));
    spec->user = wild(fields.at(3));
    return true;
}

QList<LocalServerFinder::Candidate> LocalServerFinder::find(const Options &options)
{
    QHash<QString, QString> env = options.environment;
    if (env.isEmpty() && options.useProcessEnvironment) {
        const QProcessEnvironment process = QProcessEnvironment::systemEnvironment();
        for (const QString &name : process.keys())
            env.insert(name, process.value(name));
    }
    const QString home = options.home.isEmpty() ? QDir::homePath() : options.home;

    QList<Candidate> out;
    QSet<QString> seen;
    auto add = [&](const ConnectionSpec &spec, const QString &source) {
        if (seen.contains(key(spec)))
            return;
        seen.insert(key(spec));
        out.append({spec, source});
    };

    // PG* environment variables, as psql would use them.
    {
        ConnectionSpec spec;
        spec.host = env.value(QStringLiteral("PGHOST"));
        spec.port = env.value(QStringLiteral("PGPORT"));
        spec.user = env.value(QStringLiteral("PGUSER"));
        spec.dbname = env.value(QStringLiteral("PGDATABASE"));
        spec.service = env.value(QStringLiteral("PGSERVICE"));
        if (!spec.host.isEmpty() || !spec.service.isEmpty())
            add(spec, QStringLiteral("PG* environment variables"));
    }

    // ~/.pgpass (or $PGPASSFILE).
    {
        const QString path = env.value(QStringLiteral("PGPASSFILE"), home + QStringLiteral("/.pgpass"));
        for (const QString &line : readLines(path)) {
            ConnectionSpec spec;
            if (parsePgPassLine(line, &spec) && !spec.host.isEmpty())
                add(spec, QStringLiteral("~/.pgpass"));
        }
    }

    // pg_service.conf: the user's, then the system's.
    {
        QStringList files{
            env.value(QStringLiteral("PGSERVICEFILE"), home + QStringLiteral("/.pg_service.conf"))};
        if (env.contains(QStringLiteral("PGSYSCONFDIR")))
            files << env.value(QStringLiteral("PGSYSCONFDIR")) + QStringLiteral("/pg_service.conf");
        files << QStringLiteral("/etc/postgresql-common/pg_service.conf");
        for (const QString &file : files) {
            for (const ConnectionSpec &parsed : parseServiceFile(file)) {
                ConnectionSpec spec;
                spec.service = parsed.service; // libpq reads the rest from the file itself
                add(spec, QStringLiteral("pg_service.conf"));
            }
        }
    }

    // The local Unix socket (the default of Debian's and most distributions' packages).
    for (const QString &dir : options.socketDirectories) {
        const QDir socketDir(dir);
        const QStringList sockets =
            socketDir.entryList({QStringLiteral(".s.PGSQL.*")}, QDir::System | QDir::Hidden, QDir::Name);
        for (const QString &socket : sockets) {
            if (socket.endsWith(QLatin1String(".lock")))
                continue;
            ConnectionSpec spec;
            spec.host = dir;
            spec.port = socket.mid(int(qstrlen(".s.PGSQL.")));
            add(spec, QStringLiteral("local socket"));
        }
    }

    // 127.0.0.1:5432 over TCP.
    if (options.probeLocalTcp) {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), 5432);
        if (socket.waitForConnected(options.tcpTimeoutMs)) {
            ConnectionSpec spec;
            spec.host = QStringLiteral("127.0.0.1");
            spec.port = QStringLiteral("5432");
            add(spec, QStringLiteral("127.0.0.1:5432"));
        }
        socket.abort();
    }
    return out;
}

} // namespace lifeboat
