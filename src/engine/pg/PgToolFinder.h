#pragma once

#include "core/Result.h"
#include "engine/pg/PgTool.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace lifeboat {

// Finds the PostgreSQL client program that fits a server: the lowest major version that is at
// least the server's (a newer pg_dump reads older servers; the lowest keeps archives readable by
// as many pg_restore versions as possible). Looks in the profile's tool directory, then
// /usr/lib/postgresql/*/bin and /usr/pgsql-*/bin, then PATH.
class PgToolFinder
{
public:
    explicit PgToolFinder(QString configuredDirectory = QString());

    Result<PgTool> find(const QString &name, int serverMajor) const;
    // Every copy of `name` found, highest major first (Debian's pg_wrapper only where it is the
    // configured directory's: elsewhere it stands for a copy that is listed already).
    QList<PgTool> candidates(const QString &name) const;
    // postgresql-common's pg_wrapper (what /usr/bin/pg_dump is on Debian and Ubuntu).
    static bool isDebianWrapper(const QString &canonicalPath);
    // Runs `path --version` (cached per path).
    static std::optional<PgTool> probe(const QString &path);
    QStringList searchDirectories() const;

private:
    QString m_configured;
};

} // namespace lifeboat
