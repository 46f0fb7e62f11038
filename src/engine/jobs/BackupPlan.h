#pragma once

#include "core/Profile.h"
#include "engine/pg/PgTool.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace lifeboat {

// What a backup of a profile will do, worked out before anything is written: the server and
// its version, the tools that fit it, the databases selected, and each destination's state.
// A dry run prints it; a real run follows it.
struct BackupPlan
{
    struct Database
    {
        QString name;
        qint64 sizeBytes = 0;         // pg_database_size
        qint64 expectedDumpBytes = 0; // the last dump's size, or the database size
    };
    struct Target
    {
        QString spec;
        QString description;
        qint64 freeBytes = -1;
    };

    Profile profile;
    QString serverVersion;
    int serverVersionNum = 0;
    PgTool pgDump;
    std::optional<PgTool> pgDumpAll;
    QList<Database> databases;
    QList<Target> targets;
    QStringList warnings;

    int serverMajor() const { return serverVersionNum / 10000; }
    // Human-readable, several lines (dry run).
    QStringList describe() const;
};

} // namespace lifeboat
