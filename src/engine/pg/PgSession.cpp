#include "engine/pg/PgSession.h"

#include "engine/pg/LibpqParams.h"
#include "engine/pg/PgLog.h"

#include <libpq-fe.h>

#include <vector>

namespace lifeboat {

PgSession::PgSession(PGconn *conn)
    : m_conn(conn)
{}

PgSession::~PgSession()
{
    if (m_conn)
        PQfinish(m_conn);
}

Error PgSession::describeConnectionFailure(const ConnectionSpec &spec, const QString &database,
                                           const QString &libpqMessage, bool needsPassword, bool hadPassword)
{
    const QString where = spec.displayName();
    QString detail = libpqMessage.trimmed();
    // libpq prefixes "connection to server at ... failed: "; keep the reason.
    const qsizetype failed = detail.lastIndexOf(QLatin1String("failed: "));
    if (failed >= 0)
        detail = detail.mid(failed + 8);
    detail = detail.section(QLatin1Char('\n'), 0, 0).trimmed();
    const QString user =
        spec.user.isEmpty() ? QStringLiteral("the default user") : QStringLiteral("'%1'").arg(spec.user);

    if (libpqMessage.contains(QLatin1String("password authentication failed")) ||
        libpqMessage.contains(QLatin1String("SCRAM authentication failed")))
        return makeError(QStringLiteral("pg.auth"),
                         QStringLiteral("PostgreSQL at %1 rejected the password for user %2: correct it in "
                                        "~/.pgpass (or PGPASSWORD) and try again")
                             .arg(where, user));
    if ((needsPassword && !hadPassword) || libpqMessage.contains(QLatin1String("no password supplied")))
        return makeError(
            QStringLiteral("pg.no-password"),
            QStringLiteral("PostgreSQL at %1 asks for a password for user %2 and none was found: add "
                           "it to ~/.pgpass (or set PGPASSWORD)")
                .arg(where, user));
    if (libpqMessage.contains(QLatin1String("database \"")) &&
        libpqMessage.contains(QLatin1String("does not exist")))
        return makeError(QStringLiteral("pg.no-database"),
                         QStringLiteral("database '%1' does not exist on %2: check its name (the server's "
                                        "databases are listed by `psql -l`)")
                             .arg(database.isEmpty() ? spec.dbname : database, where));
    if (libpqMessage.contains(QLatin1String("role \"")) &&
        libpqMessage.contains(QLatin1String("does not exist")))
        return makeError(QStringLiteral("pg.no-role"),
                         QStringLiteral("user %1 does not exist on PostgreSQL at %2: check the user name")
                             .arg(user, where));
    if (libpqMessage.contains(QLatin1String("no pg_hba.conf entry")))
        return makeError(
            QStringLiteral("pg.hba"),
            QStringLiteral("PostgreSQL at %1 does not allow user %2 to connect from this machine (no "
                           "pg_hba.conf entry): ask the server's administrator to allow it")
                .arg(where, user));
    if (libpqMessage.contains(QLatin1String("Connection refused")) ||
        libpqMessage.contains(QLatin1String("could not translate host name")) ||
        libpqMessage.contains(QLatin1String("timeout expired")) ||
        libpqMessage.contains(QLatin1String("No route to host")) ||
        libpqMessage.contains(QLatin1String("No such file or directory")) ||
        libpqMessage.contains(QLatin1String("Network is unreachable")))
        return makeError(
            QStringLiteral("pg.unreachable"),
            QStringLiteral("cannot reach PostgreSQL at %1 (%2): check the host and port, and that the "
                           "server is running and accepts connections")
                .arg(where, detail));
    return makeError(QStringLiteral("pg.connect"),
                     QStringLiteral("cannot connect to PostgreSQL at %1: %2").arg(where, detail));
}

Result<std::unique_ptr<PgSession>> PgSession::connect(const ConnectionSpec &spec, const QString &database,
                                                      const QByteArray &password)
{
    LibpqParams params(spec, database);
    params.add("application_name", QStringLiteral("lifeboat"));
    if (qEnvironmentVariableIsEmpty("PGCONNECT_TIMEOUT"))
        params.add("connect_timeout", QStringLiteral("15"));
    params.add("password", password);
    PGconn *conn = PQconnectdbParams(params.keywords(), params.values(), 0);
    params.wipe();
    if (!conn)
        return makeError(QStringLiteral("pg.connect"),
                         QStringLiteral("libpq could not allocate a connection"));
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString message = QString::fromUtf8(PQerrorMessage(conn));
        const bool needsPassword = PQconnectionNeedsPassword(conn);
        const bool hadPassword = PQconnectionUsedPassword(conn);
        PQfinish(conn);
        return describeConnectionFailure(spec, database, message, needsPassword, hadPassword);
    }
    PQsetClientEncoding(conn, "UTF8");
    return std::unique_ptr<PgSession>(new PgSession(conn));
}

int PgSession::serverVersionNum() const
{
    return PQserverVersion(m_conn);
}

QString PgSession::serverVersion() const
{
    const char *v = PQparameterStatus(m_conn, "server_version");
    return v ? QString::fromUtf8(v).section(QLatin1Char(' '), 0, 0) : QString();
}

QString PgSession::database() const
{
    return QString::fromUtf8(PQdb(m_conn));
}

QString PgSession::user() const
{
    return QString::fromUtf8(PQuser(m_conn));
}

Result<QList<QStringList>> PgSession::query(const QString &sql, const QStringList &params) const
{
    std::vector<QByteArray> storage;
    std::vector<const char *> values;
    storage.reserve(size_t(params.size()));
    values.reserve(size_t(params.size()));
    for (const QString &p : params)
        storage.push_back(p.toUtf8());
    for (const QByteArray &s : storage)
        values.push_back(s.constData());
    PGresult *res = PQexecParams(m_conn, sql.toUtf8().constData(), int(values.size()), nullptr,
                                 values.empty() ? nullptr : values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(res);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const QString message = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
        PQclear(res);
        return makeError(QStringLiteral("pg.query"),
                         QStringLiteral("the server refused a query: %1").arg(message));
    }
    QList<QStringList> rows;
    const int n = PQntuples(res), cols = PQnfields(res);
    rows.reserve(n);
    for (int r = 0; r < n; ++r) {
        QStringList row;
        for (int c = 0; c < cols; ++c)
            row << (PQgetisnull(res, r, c) ? QString() : QString::fromUtf8(PQgetvalue(res, r, c)));
        rows.append(row);
    }
    PQclear(res);
    return rows;
}

Result<QStringList> PgSession::listDatabases() const
{
    auto rows =
        query(QStringLiteral("SELECT datname FROM pg_database WHERE NOT datistemplate AND datallowconn "
                             "ORDER BY datname"));
    if (!rows)
        return rows.error();
    QStringList out;
    for (const QStringList &row : *rows)
        out << row.value(0);
    return out;
}

Result<qint64> PgSession::databaseSize(const QString &database) const
{
    auto rows = query(QStringLiteral("SELECT pg_database_size($1)"), {database});
    if (!rows)
        return rows.error();
    return rows->value(0).value(0).toLongLong();
}

Result<QList<Manifest::Extension>> PgSession::extensions() const
{
    auto rows = query(QStringLiteral("SELECT e.extname, e.extversion, n.nspname FROM pg_extension e "
                                     "JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY e.extname"));
    if (!rows)
        return rows.error();
    QList<Manifest::Extension> out;
    for (const QStringList &row : *rows)
        out.append({row.value(0), row.value(1), row.value(2)});
    return out;
}

} // namespace lifeboat
