#include "cli/commands/AlertsCommand.h"

#include "cli/CliArguments.h"
#include "cli/CliContext.h"
#include "cli/CliOutput.h"
#include "core/Catalog.h"
#include "engine/alerts/AlertService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace lifeboat::cli {

namespace {

QJsonObject passJson(const AlertPassResult &result)
{
    QJsonObject o;
    QJsonArray sent;
    for (const Alert &a : result.alerts) {
        QJsonObject j;
        j.insert(QLatin1String("profile"), a.profileName);
        j.insert(QLatin1String("database"),
                 a.subject.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.subject));
        j.insert(QLatin1String("event"), a.event);
        j.insert(QLatin1String("level"), healthLevelName(a.level));
        j.insert(QLatin1String("message"), a.message);
        sent.append(j);
    }
    o.insert(QLatin1String("alerts"), sent);
    o.insert(QLatin1String("delivered"), result.delivered);
    o.insert(QLatin1String("failed"), result.failed);
    o.insert(QLatin1String("warnings"), QJsonArray::fromStringList(result.warnings));
    return o;
}

// The pass's outcome on stdout; returns the exit code.
int reportPass(CliContext &context, const AlertPassResult &result, bool test)
{
    if (context.json()) {
        context.printJson(passJson(result));
    } else if (test) {
        if (result.delivered > 0)
            cliOut() << "test message delivered to the webhook" << Qt::endl;
    } else {
        for (const Alert &a : result.alerts)
            cliOut() << a.text() << Qt::endl;
        if (result.alerts.isEmpty())
            cliOut() << "no change since the last check: nothing to send" << Qt::endl;
    }
    const bool ok = result.warnings.isEmpty() && (!test || result.delivered > 0);
    return ok ? 0 : 1;
}

} // namespace

QString AlertsCommand::name() const
{
    return QStringLiteral("alerts");
}

QString AlertsCommand::summary() const
{
    return QStringLiteral("send what changed in the profiles' health, or a test message");
}

QString AlertsCommand::usage() const
{
    return QStringLiteral(
        "  alerts check [NAME]             evaluate health and send what changed since the last check "
        "(webhook,\n"
        "                                  Prometheus textfile); backups, verifications and prunes do it "
        "too\n"
        "  alerts test NAME                send a test message to the profile's webhook\n"
        "                                  (store its URL with: secret set NAME webhook)\n");
}

int AlertsCommand::run(CliContext &context, const QStringList &args)
{
    if (args.isEmpty())
        return context.usage(QStringLiteral("alerts needs a subcommand: check or test"));
    const QString sub = args.first();
    CliArguments parser({}, {});
    if (Status s = parser.parse(args.mid(1)); !s)
        return context.usage(s.error().message);
    const QStringList names = parser.positional();
    if (sub == QLatin1String("check")) {
        if (names.size() > 1)
            return context.usage(QStringLiteral("alerts check takes at most one profile NAME"));
    } else if (sub == QLatin1String("test")) {
        if (names.size() != 1)
            return context.usage(QStringLiteral("alerts test needs a profile NAME"));
    } else {
        return context.usage(QStringLiteral("unknown alerts subcommand '%1'").arg(sub));
    }
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    if (!names.isEmpty()) {
        if (auto p = context.catalog().profile(names.first()); !p)
            return context.fail(p.error());
    }
    const bool test = sub == QLatin1String("test");
    AlertService *alerts = context.alertService();
    QObject::connect(alerts, &AlertService::passFinished, &context,
                     [&context, test](const AlertPassResult &result) {
                         Q_EMIT context.finished(reportPass(context, result, test));
                     });
    if (test)
        alerts->sendTest(names.first());
    else
        alerts->check(names.isEmpty() ? QString() : names.first());
    return -1;
}

} // namespace lifeboat::cli
