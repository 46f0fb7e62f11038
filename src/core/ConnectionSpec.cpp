#include "core/ConnectionSpec.h"

namespace lifeboat {

namespace {
QString quoteConnInfoValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}
} // namespace

QString ConnectionSpec::displayName() const
{
    if (!service.isEmpty() && host.isEmpty())
        return QStringLiteral("service %1").arg(service);
    const QString h = host.isEmpty() ? QStringLiteral("local socket") : host;
    QString name = user.isEmpty() ? h : user + QLatin1Char('@') + h;
    if (!port.isEmpty())
        name += QLatin1Char(':') + port;
    return name;
}

QString ConnectionSpec::toConnInfo(const QString &databaseOverride) const
{
    QStringList parts;
    auto add = [&parts](const char *key, const QString &value) {
        if (!value.isEmpty())
            parts << QString::fromLatin1(key) + QLatin1Char('=') + quoteConnInfoValue(value);
    };
    add("service", service);
    add("host", host);
    add("port", port);
    add("user", user);
    add("dbname", databaseOverride.isEmpty() ? dbname : databaseOverride);
    add("sslmode", sslmode);
    add("application_name", QStringLiteral("lifeboat"));
    return parts.join(QLatin1Char(' '));
}

QJsonObject ConnectionSpec::toJson() const
{
    QJsonObject o;
    auto put = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("host", host);
    put("port", port);
    put("user", user);
    put("dbname", dbname);
    put("sslmode", sslmode);
    put("service", service);
    return o;
}

ConnectionSpec ConnectionSpec::fromJson(const QJsonObject &json)
{
    ConnectionSpec c;
    c.host = json.value(QLatin1String("host")).toString();
    c.port = json.value(QLatin1String("port")).toString();
    c.user = json.value(QLatin1String("user")).toString();
    c.dbname = json.value(QLatin1String("dbname")).toString();
    c.sslmode = json.value(QLatin1String("sslmode")).toString();
    c.service = json.value(QLatin1String("service")).toString();
    return c;
}

} // namespace lifeboat
