#include "engine/pg/ConnectionParser.h"

#include <QRegularExpression>

#include <libpq-fe.h>

namespace lifeboat {

Result<ConnectionSpec> ConnectionParser::parse(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return makeError(
            QStringLiteral("conn.empty"),
            QStringLiteral("no connection given: use a URI such as postgresql://user@host:5432/dbname"));
    QString conninfo = text;
    const bool isUri =
        text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"));
    if (!isUri && !text.contains(QLatin1Char('='))) {
        // A bare pg_service.conf service name. Anything else without '=' (another scheme, words, a
        // path) is not a connection; it is not repeated, as it may hold a password.
        static const QRegularExpression serviceName(QStringLiteral("^[\\w.@+-]+$"),
                                                    QRegularExpression::UseUnicodePropertiesOption);
        if (!serviceName.match(text).hasMatch())
            return makeError(QStringLiteral("conn.invalid"),
                             QStringLiteral("this is not a PostgreSQL connection: use a URI such as "
                                            "postgresql://user@host:5432/dbname, keywords such as host=db1 "
                                            "dbname=shop, or the name of a pg_service.conf service"));
        conninfo = QStringLiteral("service='%1'").arg(text);
    }

    char *errmsg = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &errmsg);
    if (!options) {
        QString message = errmsg ? QString::fromUtf8(errmsg).trimmed() : QStringLiteral("out of memory");
        if (errmsg)
            PQfreemem(errmsg);
        // libpq echoes the offending text; it may contain a password, so do not repeat it.
        return makeError(QStringLiteral("conn.invalid"),
                         QStringLiteral("the connection string is not valid (%1): use a URI such as "
                                        "postgresql://user@host:5432/dbname")
                             .arg(message.section(QLatin1Char('"'), 0, 0).trimmed()));
    }
    ConnectionSpec spec;
    bool hasPassword = false;
    QStringList unsupported;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const QString key = QString::fromLatin1(o->keyword);
        const QString value = QString::fromUtf8(o->val);
        if (key == QLatin1String("host") || key == QLatin1String("hostaddr"))
            spec.host = spec.host.isEmpty() ? value : spec.host;
        else if (key == QLatin1String("port"))
            spec.port = value;
        else if (key == QLatin1String("user"))
            spec.user = value;
        else if (key == QLatin1String("dbname"))
            spec.dbname = value;
        else if (key == QLatin1String("sslmode"))
            spec.sslmode = value;
        else if (key == QLatin1String("service"))
            spec.service = value;
        else if (key == QLatin1String("password"))
            hasPassword = true;
        else if (key != QLatin1String("application_name") && key != QLatin1String("connect_timeout"))
            unsupported << key;
    }
    PQconninfoFree(options);
    if (hasPassword)
        return makeError(
            QStringLiteral("conn.password"),
            QStringLiteral("the connection string contains a password; Lifeboat never stores passwords "
                           "in profiles: remove it and put the password in ~/.pgpass (or PGPASSWORD)"));
    if (!unsupported.isEmpty())
        return makeError(
            QStringLiteral("conn.unsupported"),
            QStringLiteral("the connection option(s) %1 are not supported in profiles: use host, port, "
                           "user, dbname, sslmode or service")
                .arg(unsupported.join(QStringLiteral(", "))));
    return spec;
}

} // namespace lifeboat
