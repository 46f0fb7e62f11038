#include "engine/alerts/WebhookPayload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lifeboat {

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QUrl withPathSuffix(QUrl url, const QString &suffix)
{
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + suffix);
    return url;
}

QString themeColor(const Alert &alert)
{
    if (alert.event == QLatin1String("recovered") || alert.event == QLatin1String("success"))
        return QStringLiteral("2EB886");
    switch (alert.level) {
    case HealthLevel::Healthy:
        return QStringLiteral("2EB886");
    case HealthLevel::Warning:
        return QStringLiteral("DAA038");
    case HealthLevel::Failing:
        return QStringLiteral("D40E0D");
    }
    return QStringLiteral("D40E0D");
}

} // namespace

QStringList WebhookPayload::formats()
{
    return {QStringLiteral("generic"), QStringLiteral("slack"),      QStringLiteral("discord"),
            QStringLiteral("teams"),   QStringLiteral("mattermost"), QStringLiteral("healthchecks")};
}

bool WebhookPayload::isKnownFormat(const QString &format)
{
    return formats().contains(format);
}

Result<WebhookRequest> WebhookPayload::build(const QString &format, const QUrl &url, const Alert &alert,
                                             const QString &host)
{
    WebhookRequest r;
    r.url = url;
    r.description = QStringLiteral("the webhook of profile '%1'").arg(alert.profileName);
    const QString text = alert.text() + QStringLiteral(" (host %1)").arg(host);
    if (format == QLatin1String("generic")) {
        QJsonObject o;
        o.insert(QLatin1String("profile"), alert.profileName);
        o.insert(QLatin1String("database"),
                 alert.subject.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(alert.subject));
        o.insert(QLatin1String("event"), alert.event);
        o.insert(QLatin1String("level"), healthLevelName(alert.level));
        o.insert(QLatin1String("condition"),
                 alert.condition.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(alert.condition));
        o.insert(QLatin1String("message"), alert.message);
        o.insert(QLatin1String("title"), alert.title());
        o.insert(QLatin1String("time"), alert.timeUtc.toUTC().toString(Qt::ISODate));
        o.insert(QLatin1String("host"), host);
        o.insert(QLatin1String("runId"),
                 alert.runId > 0 ? QJsonValue(alert.runId) : QJsonValue(QJsonValue::Null));
        r.body = json(o);
    } else if (format == QLatin1String("slack") || format == QLatin1String("mattermost")) {
        QJsonObject o;
        o.insert(QLatin1String("text"), text);
        r.body = json(o);
    } else if (format == QLatin1String("discord")) {
        QJsonObject o;
        o.insert(QLatin1String("content"), text);
        r.body = json(o);
    } else if (format == QLatin1String("teams")) {
        QJsonObject o;
        o.insert(QLatin1String("@type"), QStringLiteral("MessageCard"));
        o.insert(QLatin1String("@context"), QStringLiteral("https://schema.org/extensions"));
        o.insert(QLatin1String("summary"), alert.title());
        o.insert(QLatin1String("themeColor"), themeColor(alert));
        o.insert(QLatin1String("title"), alert.title());
        o.insert(QLatin1String("text"), text);
        r.body = json(o);
    } else if (format == QLatin1String("healthchecks")) {
        r.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
        r.body = text.toUtf8();
        if (alert.event == QLatin1String("test"))
            r.url = withPathSuffix(url, QStringLiteral("log"));
        else if (alert.event != QLatin1String("success") && alert.event != QLatin1String("recovered"))
            r.url = withPathSuffix(url, QStringLiteral("fail"));
    } else {
        return makeError(QStringLiteral("alerts.format"),
                         QStringLiteral("profile '%1' has an unknown webhook format '%2': use one of %3")
                             .arg(alert.profileName, format, formats().join(QStringLiteral(", "))));
    }
    return r;
}

} // namespace lifeboat
