#pragma once

#include "core/ConnectionSpec.h"

#include <QHash>
#include <QList>
#include <QString>

namespace lifeboat {

// Finds the PostgreSQL servers this user can probably reach, for the app's first run: the PG*
// environment variables, the entries of ~/.pgpass (host, port, database and user — never the
// password), the services of pg_service.conf, the local Unix socket and 127.0.0.1:5432. Only
// looks at files and sockets (a socket file's existence, a TCP connect with a short timeout); it
// never logs in. Blocking: call it on a worker thread.
class LocalServerFinder
{
public:
    struct Candidate
    {
        ConnectionSpec spec;
        QString source; // "PG* environment variables", "~/.pgpass", "pg_service.conf", …
    };

    struct Options
    {
        QHash<QString, QString> environment; // empty + useProcessEnvironment: the process's
        bool useProcessEnvironment = true;
        QString home; // empty = the user's home
        QStringList socketDirectories{QStringLiteral("/var/run/postgresql"), QStringLiteral("/tmp")};
        bool probeLocalTcp = true; // try 127.0.0.1:5432
        int tcpTimeoutMs = 300;
    };

    static QList<Candidate> find(const Options &options);
    static QList<Candidate> find() { return find(Options()); }

    // The fields of one ~/.pgpass line (host, port, database, user; '*' becomes empty); the
    // password field is dropped. False for comments, blank and malformed lines.
    static bool parsePgPassLine(const QString &line, ConnectionSpec *spec);
};

} // namespace lifeboat
