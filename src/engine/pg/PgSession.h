#pragma once

#include "core/ConnectionSpec.h"
#include "core/Manifest.h"
#include "core/Result.h"

#include <QList>
#include <QStringList>

#include <memory>

typedef struct pg_conn PGconn;

namespace lifeboat {

// A libpq connection used for server facts (version, databases, sizes, extensions). Blocking:
// used on worker threads only. Passwords come from libpq's own sources (PGPASSWORD,
// PGPASSFILE/~/.pgpass, the service file) or from `password` in memory — never a settings file.
class PgSession
{
public:
    static Result<std::unique_ptr<PgSession>> connect(const ConnectionSpec &spec,
                                                      const QString &database = QString(),
                                                      const QByteArray &password = QByteArray());
    ~PgSession();
    PgSession(const PgSession &) = delete;
    PgSession &operator=(const PgSession &) = delete;

    int serverVersionNum() const;
    int serverMajor() const { return serverVersionNum() / 10000; }
    QString serverVersion() const; // "15.18"
    QString database() const;
    QString user() const;

    // Runs a query with text parameters; rows of text values (NULL → null QString).
    Result<QList<QStringList>> query(const QString &sql, const QStringList &params = {}) const;

    // Databases that can be backed up: not templates, accepting connections.
    Result<QStringList> listDatabases() const;
    Result<qint64> databaseSize(const QString &database) const;
    Result<QList<Manifest::Extension>> extensions() const;

    // "cannot reach PostgreSQL at …", "wrong password …": one sentence for a failed connection.
    static Error describeConnectionFailure(const ConnectionSpec &spec, const QString &database,
                                           const QString &libpqMessage, bool needsPassword, bool hadPassword);

private:
    explicit PgSession(PGconn *conn);
    PGconn *m_conn = nullptr;
};

} // namespace lifeboat
