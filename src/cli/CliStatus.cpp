// lifeboat-cli status / alerts check / alerts test, and the alert pass after jobs.

#include "cli/Cli.h"

#include "cli/CliArguments.h"
#include "cli/CliOutput.h"
#include "core/ByteSize.h"
#include "core/Catalog.h"
#include "core/CatalogHealth.h"
#include "core/Clock.h"
#include "core/HealthEvaluator.h"
#include "core/SecretRedactor.h"
#include "engine/alerts/AlertService.h"
#include "engine/jobs/JobRunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

namespace lifeboat {

namespace {

// Nagios plugin convention: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
constexpr int kStatusUnknown = 3;
// How long the CLI waits, after a job, for its alerts to be delivered (retries included).
constexpr int kAlertWaitMs = 120000;

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

void printReport(const HealthReport &r)
{
    QString head = QStringLiteral("%1  %2").arg(r.profileName, healthLevelName(r.level).toUpper());
    head += r.schedule.isEmpty() ? QStringLiteral("  manual (no schedule)")
                                 : QStringLiteral("  schedule %1").arg(r.schedule);
    head += QStringLiteral("  RPO target %1, last gap %2  RTO %3")
                .arg(r.intervalSeconds ? seconds(double(*r.intervalSeconds)) : QStringLiteral("-"),
                     seconds(r.rpoMeasuredSeconds), seconds(r.rtoSeconds));
    cliOut() << head << "\n";
    if (!r.databases.isEmpty()) {
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
    for (const HealthFinding &f : r.findings)
        cliOut() << "  " << (f.level == HealthLevel::Failing ? "FAILING " : "warning ")
                 << (f.subject.isEmpty() ? QString() : f.subject + QStringLiteral(": ")) << f.message << "\n";
    cliOut().flush();
}

} // namespace

int Cli::cmdStatus(const QStringList &args)
{
    CliArguments parser({}, {});
    if (Status s = parser.parse(args); !s) {
        usage(s.error().message);
        return kStatusUnknown;
    }
    if (parser.positional().size() > 1) {
        usage(QStringLiteral("status takes at most one profile NAME"));
        return kStatusUnknown;
    }
    if (Status s = openCatalog(); !s)
        return fail(s.error(), kStatusUnknown);
    QList<Profile> profiles;
    if (parser.positional().isEmpty()) {
        auto all = m_catalog->profiles();
        if (!all)
            return fail(all.error(), kStatusUnknown);
        profiles = *all;
    } else {
        auto one = m_catalog->profile(parser.positional().first());
        if (!one)
            return fail(one.error(), kStatusUnknown);
        profiles.append(*one);
    }
    const QDateTime now = Clock::instance().nowUtc();
    QList<HealthReport> reports;
    HealthLevel worst = HealthLevel::Healthy;
    for (const Profile &p : std::as_const(profiles)) {
        auto report = CatalogHealth::evaluate(*m_catalog, p, now);
        if (!report)
            return fail(report.error(), kStatusUnknown);
        worst = std::max(worst, report->level);
        reports.append(*report);
    }
    if (m_json) {
        QJsonObject o;
        o.insert(QLatin1String("level"), healthLevelName(worst));
        o.insert(QLatin1String("time"), now.toString(Qt::ISODate));
        QJsonArray a;
        for (const HealthReport &r : std::as_const(reports))
            a.append(r.toJson());
        o.insert(QLatin1String("profiles"), a);
        printJson(o);
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

AlertService *Cli::alertService()
{
    // Delivery failures reach stderr through the alerts log category (lifeboat.engine.alerts).
    if (!m_alerts)
        m_alerts = std::make_unique<AlertService>(m_paths, secretStore());
    return m_alerts.get();
}

void Cli::watchAlerts()
{
    if (m_runner)
        alertService()->watch(m_runner.get());
}

void Cli::finishAfterAlerts(int code)
{
    if (!m_alerts || !m_alerts->isBusy()) {
        Q_EMIT finished(code);
        return;
    }
    // The job is done and recorded; its alerts (webhook retries included) get a bounded wait.
    auto done = std::make_shared<bool>(false);
    auto finish = [this, code, done] {
        if (*done)
            return;
        *done = true;
        Q_EMIT finished(code);
    };
    connect(m_alerts.get(), &AlertService::idle, this, finish);
    QTimer::singleShot(kAlertWaitMs, this, [finish] {
        cliErr() << "lifeboat-cli: warning: alerts still undelivered after " << kAlertWaitMs / 1000
                 << " s; giving up on them" << Qt::endl;
        finish();
    });
}

int Cli::cmdAlerts(const QStringList &args)
{
    if (args.isEmpty())
        return usage(QStringLiteral("alerts needs a subcommand: check or test"));
    const QString sub = args.first();
    CliArguments parser({}, {});
    if (Status s = parser.parse(args.mid(1)); !s)
        return usage(s.error().message);
    const QStringList names = parser.positional();
    if (sub == QLatin1String("check")) {
        if (names.size() > 1)
            return usage(QStringLiteral("alerts check takes at most one profile NAME"));
    } else if (sub == QLatin1String("test")) {
        if (names.size() != 1)
            return usage(QStringLiteral("alerts test needs a profile NAME"));
    } else {
        return usage(QStringLiteral("unknown alerts subcommand '%1'").arg(sub));
    }
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    if (!names.isEmpty()) {
        if (auto p = m_catalog->profile(names.first()); !p)
            return fail(p.error());
    }
    const bool test = sub == QLatin1String("test");
    AlertService *alerts = alertService();
    connect(alerts, &AlertService::passFinished, this, [this, test](const AlertPassResult &result) {
        if (m_json) {
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
            printJson(o);
        } else {
            if (test) {
                if (result.delivered > 0)
                    cliOut() << "test message delivered to the webhook" << Qt::endl;
            } else {
                for (const Alert &a : result.alerts)
                    cliOut() << a.text() << Qt::endl;
                if (result.alerts.isEmpty())
                    cliOut() << "no change since the last check: nothing to send" << Qt::endl;
            }
        }
        const bool ok = result.warnings.isEmpty() && (!test || result.delivered > 0);
        Q_EMIT finished(ok ? 0 : 1);
    });
    if (test)
        alerts->sendTest(names.first());
    else
        alerts->check(names.isEmpty() ? QString() : names.first());
    return -1;
}

} // namespace lifeboat
