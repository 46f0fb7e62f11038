#pragma once

#include <QString>

namespace lifeboat {

// A PostgreSQL client program found on this machine (pg_dump, pg_restore, pg_dumpall, psql).
struct PgTool
{
    QString name;    // "pg_dump"
    QString path;    // absolute path
    int major = 0;   // 15
    QString version; // "15.18"
};

} // namespace lifeboat
