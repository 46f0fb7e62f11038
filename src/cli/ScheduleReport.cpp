#include "cli/ScheduleReport.h"

#include "cli/CliOutput.h"
#include "core/Clock.h"
#include "core/Profile.h"
#include "core/ScheduleDue.h"
#include "core/ScheduleRule.h"

#include <QFile>
#include <QTimeZone>

namespace lifeboat::cli {

namespace {

QString isoUtc(const QDateTime &utc)
{
    return utc.isValid() ? utc.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QString ScheduleReport::localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("—");
    return utc.toTimeZone(QTimeZone::systemTimeZone()).toString(QStringLiteral("ddd yyyy-MM-dd HH:mm t"));
}

QDateTime ScheduleReport::bootTimeUtc(const QDateTime &now)
{
    QFile f(QStringLiteral("/proc/uptime"));
    if (!f.open(QIODevice::ReadOnly))
        return QDateTime();
    bool ok = false;
    const double seconds = QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 0).toDouble(&ok);
    return ok ? now.addSecs(-qint64(seconds)) : QDateTime();
}

QJsonObject ScheduleReport::entryJson(const DueEvaluator::Entry &e)
{
    QJsonObject o;
    o.insert(QLatin1String("profile"), e.profile.name);
    o.insert(QLatin1String("schedule"), e.profile.schedule);
    o.insert(QLatin1String("state"), ScheduleDue::stateName(e.decision.state));
    if (!e.decision.trigger.isEmpty())
        o.insert(QLatin1String("trigger"), e.decision.trigger);
    if (e.decision.nextRunUtc.isValid())
        o.insert(QLatin1String("nextRunUtc"), isoUtc(e.decision.nextRunUtc));
    if (e.lastRun.startedUtc.isValid())
        o.insert(QLatin1String("lastRunUtc"), isoUtc(e.lastRun.startedUtc));
    if (!e.decision.message.isEmpty())
        o.insert(QLatin1String("message"), e.decision.message);
    return o;
}

void ScheduleReport::printSummary(const Profile &p)
{
    if (p.schedule.trimmed().isEmpty()) {
        cliOut() << "schedule:     manual only" << Qt::endl;
        return;
    }
    auto rule = ScheduleRule::parse(p.schedule);
    if (!rule) {
        cliOut() << "schedule:     " << p.schedule << " — not valid: " << rule.error().message << Qt::endl;
        return;
    }
    cliOut() << "schedule:     " << rule->describe() << " (" << p.schedule << ", "
             << QTimeZone::systemTimeZone().id() << ")" << (p.scheduleEnabled ? "" : " — switched off")
             << Qt::endl;
    QStringList conditions;
    if (p.onlyOnAcPower)
        conditions << QStringLiteral("only on AC power");
    if (p.onlyWhenReachable)
        conditions << QStringLiteral("only when the server and destinations are reachable");
    cliOut() << "catch-up:     a missed run starts " << p.catchUpDelayMinutes
             << " min after the machine is back"
             << (conditions.isEmpty() ? QString()
                                      : QStringLiteral("; ") + conditions.join(QStringLiteral("; ")))
             << Qt::endl;
    const QList<QDateTime> next = rule->nextRuns(Clock::instance().nowUtc(), 5, QTimeZone::systemTimeZone());
    cliOut() << "next runs:    " << (next.isEmpty() ? QStringLiteral("—") : localTime(next.first()))
             << Qt::endl;
    for (qsizetype i = 1; i < next.size(); ++i)
        cliOut() << "              " << localTime(next.at(i)) << Qt::endl;
}

} // namespace lifeboat::cli
