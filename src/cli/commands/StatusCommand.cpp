#include "cli/commands/StatusCommand.h"

#include "cli/CliArguments.h"
#include "cli/CliContext.h"
#include "cli/CliOutput.h"
#include "core/ByteSize.h"
#include "core/Catalog.h"
#include "core/CatalogHealth.h"
#include "core/Clock.h"
#include "core/HealthEvaluator.h"

#include <QJsonArray>
#include <QJsonObject>

namespace lifeboat::cli {

namespace {

// Nagios plugin convention: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
constexpr int kStatusUnknown = 3;

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("never");
}

QString seconds(double s)
{
    if (s < 0)
        return QStringLiteral("-");
    if (s < 120)
        return QStringLiteral("%1 s").arg(qRound(s));
    return HealthEvaluator::formatAge(qint64(s));
}

void printDatabases(const HealthReport &r)
{
    cliOut() << QStringLiteral("  %1  %2  %3  %4  %5  %6  %7")
                    .arg(QStringLiteral("DATABASE"), -20)
                    .arg(QStringLiteral("LEVEL"), -8)
                    .arg(QStringLiteral("LAST BACKUP (UTC)"), -17)
                    .arg(QStringLiteral("AGE"), 8)
                    .arg(QStringLiteral("SIZE"), 12)
                    .arg(QStringLiteral("VERIFIED (UTC)"), -17)
                    .arg(QStringLiteral("RESTORE"))
             << "\n";
    for (const DatabaseHealth &d : r.databases) {
        QString verified = when(d.lastVerifiedUtc);
        if (d.lastVerifiedUtc.isValid() && !d.lastVerificationOk)
            verified += QStringLiteral(" FAILED");
        cliOut() << QStringLiteral("  %1  %2  %3  %4  %5  %6  %7")
                        .arg(d.database, -20)
                        .arg(healthLevelName(d.level), -8)
                        .arg(when(d.lastSuccessUtc), -17)
                        .arg(d.lastSuccessAgeSeconds >= 0
                                 ? HealthEvaluator::formatAge(d.lastSuccessAgeSeconds)
                                 : QStringLiteral("-"),
                             8)
                        .arg(d.lastSizeBytes >= 0 ? formatMiB(d.lastSizeBytes) : QStringLiteral("-"), 12)
                        .arg(verified, -17)
                        .arg(seconds(d.restoreSeconds))
                 << "\n";
    }
}

void printReport(const HealthReport &r)
{
    QString head = QStringLiteral("%1  %2").arg(r.profileName, healthLevelName(r.level).toUpper());
    head += r.schedule.isEmpty() ? QStringLiteral("  manual (no schedule)")
                                 : QStringLiteral("  schedule %1").arg(r.schedule);
    head += QStringLiteral("  RPO target %1, last gap %2  RTO %3")
                .arg(r.intervalSeconds ? seconds(double(*r.intervalSeconds)) : QStringLiteral("-"),
                     seconds(r.rpoMeasuredSeconds), seconds(r.rtoSeconds));
    cliOut() << head << "\n";
    if (!r.databases.isEmpty())
        printDatabases(r);
    for (const HealthFinding &f : r.findings)
        cliOut() << "  " << (f.level == HealthLevel::Failing ? "FAILING " : "warning ")
                 << (f.subject.isEmpty() ? QString() : f.subject + QStringLiteral(": ")) << f.message << "\n";
    cliOut().flush();
}

} // namespace

QString StatusCommand::name() const
{
    return QStringLiteral("status");
}

QString StatusCommand::summary() const
{
    return QStringLiteral("show each profile's health; the exit code is the worst level (Nagios-style)");
}

QString StatusCommand::usage() const
{
    return QStringLiteral(
        "  status [NAME]                   each profile's health: last backup and its age against the "
        "schedule,\n"
        "                                  failure streak, size anomaly, verification age, retention "
        "errors,\n"
        "                                  unexported identity, RPO (target and last gap) and RTO (restore "
        "time);\n"
        "                                  exit 0 healthy, 1 warning, 2 failing, 3 unknown (Nagios-style)\n");
}

int StatusCommand::run(CliContext &context, const QStringList &args)
{
    CliArguments parser({}, {});
    if (Status s = parser.parse(args); !s) {
        context.usage(s.error().message);
        return kStatusUnknown;
    }
    if (parser.positional().size() > 1) {
        context.usage(QStringLiteral("status takes at most one profile NAME"));
        return kStatusUnknown;
    }
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error(), kStatusUnknown);
    QList<Profile> profiles;
    if (parser.positional().isEmpty()) {
        auto all = context.catalog().profiles();
        if (!all)
            return context.fail(all.error(), kStatusUnknown);
        profiles = *all;
    } else {
        auto one = context.catalog().profile(parser.positional().first());
        if (!one)
            return context.fail(one.error(), kStatusUnknown);
        profiles.append(*one);
    }
    return report(context, profiles);
}

int StatusCommand::report(CliContext &context, const QList<Profile> &profiles)
{
    const QDateTime now = Clock::instance().nowUtc();
    QList<HealthReport> reports;
    HealthLevel worst = HealthLevel::Healthy;
    for (const Profile &p : profiles) {
        auto report = CatalogHealth::evaluate(context.catalog(), p, now);
        if (!report)
            return context.fail(report.error(), kStatusUnknown);
        worst = std::max(worst, report->level);
        reports.append(*report);
    }
    if (context.json()) {
        QJsonObject o;
        o.insert(QLatin1String("level"), healthLevelName(worst));
        o.insert(QLatin1String("time"), now.toString(Qt::ISODate));
        QJsonArray a;
        for (const HealthReport &r : std::as_const(reports))
            a.append(r.toJson());
        o.insert(QLatin1String("profiles"), a);
        context.printJson(o);
        return int(worst);
    }
    if (reports.isEmpty()) {
        cliOut()
            << "no profiles yet, so nothing to watch: add one with lifeboat-cli profile add NAME --db URI "
               "--dest FOLDER"
            << Qt::endl;
        return 0;
    }
    for (qsizetype i = 0; i < reports.size(); ++i) {
        if (i > 0)
            cliOut() << "\n";
        printReport(reports.at(i));
    }
    return int(worst);
}

} // namespace lifeboat::cli
