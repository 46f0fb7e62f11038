#pragma once

#include <QJsonObject>
#include <QString>

namespace lifeboat {

// Where a PostgreSQL server is and who we are there. Never holds a password: passwords come
// from ~/.pgpass, PGPASSWORD/PGPASSFILE (as for psql) or the keychain, never from settings.
// Empty fields mean "libpq's default" (PGHOST, PGPORT, PGUSER, the local socket, ...).
struct ConnectionSpec
{
    QString host;
    QString port;
    QString user;
    QString dbname;  // the database to connect to for server facts (default: the user's / postgres)
    QString sslmode; // disable, allow, prefer, require, verify-ca, verify-full
    QString service; // a pg_service.conf service name

    // "user@host:port" for messages and the UI.
    QString displayName() const;
    // A libpq keyword/value connection string (values quoted), optionally for another database.
    // Contains no password, so it may be passed to child processes' --dbname.
    QString toConnInfo(const QString &databaseOverride = QString()) const;
    QJsonObject toJson() const;
    static ConnectionSpec fromJson(const QJsonObject &json);
    bool operator==(const ConnectionSpec &other) const = default;
};

} // namespace lifeboat
