#pragma once

#include "core/ConnectionSpec.h"
#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace lifeboat {

// The profile editor's connection test: connects to the server (PgSession), lists its databases and
// finds the pg_dump that backups will use (PgToolFinder). Blocking: run it on a worker thread.
class ConnectionTest
{
public:
    struct Facts
    {
        QString serverVersion; // "16.4"
        QString pgDump;        // "pg_dump 16.4 (/usr/lib/postgresql/16/bin/pg_dump)" or why none fits
        QStringList databases;
    };

    // Connects to the spec's own database with `password` (empty: libpq's own sources), which is
    // wiped. A connection failure or an unreadable database list is the error; a missing pg_dump is
    // not (Facts::pgDump says why none fits).
    static Result<Facts> run(const ConnectionSpec &spec, QByteArray password, const QString &toolDirectory);
};

} // namespace lifeboat
