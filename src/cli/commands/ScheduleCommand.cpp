#include "cli/commands/ScheduleCommand.h"

#include "cli/CliArguments.h"
#include "cli/CliContext.h"
#include "cli/CliOutput.h"
#include "cli/ScheduleReport.h"
#include "core/Clock.h"
#include "core/ScheduleDue.h"
#include "core/ScheduleRule.h"
#include "engine/schedule/SystemdUnits.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

namespace lifeboat::cli {

namespace {

// `systemctl --user ARGS`: exit code and output; -1 when systemctl cannot run.
struct SystemctlResult
{
    int exitCode = -1;
    QString output;
};

SystemctlResult systemctlUser(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("systemctl"), QStringList{QStringLiteral("--user")} + args);
    if (!p.waitForStarted(5000))
        return {};
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(1000);
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromLocal8Bit(p.readAll()).trimmed()};
}

bool userSystemdReachable()
{
    return systemctlUser({QStringLiteral("show-environment")}).exitCode == 0;
}

QString unitPath(const char *name)
{
    return QDir(SystemdUnits::unitDirectory()).filePath(QLatin1String(name));
}

QString activateCommand()
{
    return QStringLiteral("systemctl --user daemon-reload && systemctl --user enable --now %1")
        .arg(QLatin1String(SystemdUnits::kTimerName));
}

} // namespace

QString ScheduleCommand::name() const
{
    return QStringLiteral("schedule");
}

QString ScheduleCommand::summary() const
{
    return QStringLiteral("install, remove or show the systemd user timer that calls run-due");
}

QString ScheduleCommand::usage() const
{
    return QStringLiteral(
        "  schedule install [--interval MIN] [--no-enable]\n"
        "                                  a systemd user timer (default every 5 min) that calls run-due\n"
        "  schedule uninstall | status     remove it | show it and each profile's next run\n");
}

int ScheduleCommand::run(CliContext &context, const QStringList &args)
{
    if (args.isEmpty())
        return context.usage(QStringLiteral("schedule needs a subcommand: install, uninstall or status"));
    const QString sub = args.first();
    CliArguments parser({QStringLiteral("interval")}, {QStringLiteral("no-enable")});
    if (Status s = parser.parse(args.mid(1)); !s)
        return context.usage(s.error().message);
    if (!parser.positional().isEmpty())
        return context.usage(QStringLiteral("schedule %1 takes no arguments").arg(sub));
    if (sub == QLatin1String("install"))
        return install(context, parser);
    if (sub == QLatin1String("uninstall"))
        return uninstall(context, parser);
    if (sub == QLatin1String("status"))
        return status(context);
    return context.usage(QStringLiteral("unknown schedule subcommand '%1'").arg(sub));
}

int ScheduleCommand::install(CliContext &context, const CliArguments &parser)
{
    int interval = 5;
    if (parser.isSet(QStringLiteral("interval"))) {
        auto v = parser.intValue(QStringLiteral("interval"), 1, 59);
        if (!v)
            return context.usage(v.error().message);
        interval = *v;
    }
    if (Status s = context.paths().ensureExists(); !s)
        return context.fail(s.error());
    const QString defaultRoot = QDir::homePath() + QStringLiteral("/.config/lifeboat");
    const QString root = QFileInfo(context.paths().root()).absoluteFilePath();
    const QString configDir = QDir::cleanPath(root) == QDir::cleanPath(defaultRoot) ? QString() : root;
    const QString cli = QCoreApplication::applicationFilePath();
    if (Status s = SystemdUnits::write(SystemdUnits::unitDirectory(), cli, configDir, interval); !s)
        return context.fail(s.error());
    cliOut() << "wrote " << unitPath(SystemdUnits::kServiceName) << "\n"
             << "wrote " << unitPath(SystemdUnits::kTimerName) << " (every " << interval
             << " min; missed ticks run at start-up)" << Qt::endl;
    if (parser.isSet(QStringLiteral("no-enable"))) {
        cliOut() << "not enabled (--no-enable): run " << activateCommand() << Qt::endl;
        return 0;
    }
    if (!userSystemdReachable()) {
        cliOut() << "no systemd user instance is reachable from here: to activate the timer, run in your "
                    "login session:\n  "
                 << activateCommand() << Qt::endl;
        return 0;
    }
    const SystemctlResult reload = systemctlUser({QStringLiteral("daemon-reload")});
    const SystemctlResult enable = systemctlUser(
        {QStringLiteral("enable"), QStringLiteral("--now"), QLatin1String(SystemdUnits::kTimerName)});
    if (reload.exitCode != 0 || enable.exitCode != 0)
        return context.fail(
            makeError(QStringLiteral("schedule.install"),
                      QStringLiteral("the units are written, but systemctl could not enable the timer "
                                     "(%1): run %2")
                          .arg(enable.output.isEmpty() ? reload.output : enable.output, activateCommand())));
    cliOut() << "enabled and started " << SystemdUnits::kTimerName << Qt::endl;
    return 0;
}

int ScheduleCommand::uninstall(CliContext &context, const CliArguments &parser)
{
    const QString dir = SystemdUnits::unitDirectory();
    const bool present = QFile::exists(unitPath(SystemdUnits::kTimerName)) ||
                         QFile::exists(unitPath(SystemdUnits::kServiceName));
    if (!parser.isSet(QStringLiteral("no-enable")) && present && userSystemdReachable())
        systemctlUser(
            {QStringLiteral("disable"), QStringLiteral("--now"), QLatin1String(SystemdUnits::kTimerName)});
    if (Status s = SystemdUnits::remove(dir); !s)
        return context.fail(s.error());
    if (!parser.isSet(QStringLiteral("no-enable")) && present && userSystemdReachable())
        systemctlUser({QStringLiteral("daemon-reload")});
    cliOut() << (present ? "removed " : "nothing to remove in ") << dir << "/lifeboat-run-due.{service,timer}"
             << Qt::endl;
    return 0;
}

ScheduleCommand::TimerState ScheduleCommand::timerState()
{
    TimerState t;
    const QString timerPath = unitPath(SystemdUnits::kTimerName);
    t.installed = QFile::exists(timerPath) && QFile::exists(unitPath(SystemdUnits::kServiceName));
    if (!t.installed)
        return t;
    QFile f(timerPath);
    if (f.open(QIODevice::ReadOnly)) {
        static const QRegularExpression re(QStringLiteral("OnCalendar=\\*-\\*-\\* \\*:00/(\\d+):00"));
        t.interval = re.match(QString::fromUtf8(f.readAll())).captured(1);
    }
    if (userSystemdReachable()) {
        t.enabled =
            systemctlUser({QStringLiteral("is-enabled"), QLatin1String(SystemdUnits::kTimerName)}).output;
        t.active =
            systemctlUser({QStringLiteral("is-active"), QLatin1String(SystemdUnits::kTimerName)}).output;
    }
    return t;
}

int ScheduleCommand::status(CliContext &context)
{
    const TimerState timer = timerState();
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    DueEvaluator::Options options;
    options.nowUtc = Clock::instance().nowUtc();
    options.watchingSinceUtc = ScheduleReport::bootTimeUtc(options.nowUtc);
    options.checkConditions = false;
    auto entries = DueEvaluator::evaluate(context.catalog(), context.paths(), options);
    if (!entries)
        return context.fail(entries.error());
    if (context.json())
        printStatusJson(context, timer, *entries);
    else
        printStatusText(timer, *entries);
    return 0;
}

void ScheduleCommand::printStatusJson(CliContext &context, const TimerState &timer,
                                      const QList<DueEvaluator::Entry> &entries)
{
    QJsonObject o;
    o.insert(QLatin1String("installed"), timer.installed);
    o.insert(QLatin1String("unitDirectory"), SystemdUnits::unitDirectory());
    if (!timer.interval.isEmpty())
        o.insert(QLatin1String("intervalMinutes"), timer.interval.toInt());
    if (!timer.enabled.isEmpty())
        o.insert(QLatin1String("enabled"), timer.enabled);
    if (!timer.active.isEmpty())
        o.insert(QLatin1String("active"), timer.active);
    QJsonArray profiles;
    for (const DueEvaluator::Entry &e : entries)
        profiles.append(ScheduleReport::entryJson(e));
    o.insert(QLatin1String("profiles"), profiles);
    context.printJson(o);
}

void ScheduleCommand::printStatusText(const TimerState &timer, const QList<DueEvaluator::Entry> &entries)
{
    if (timer.installed) {
        cliOut() << "timer:    " << unitPath(SystemdUnits::kTimerName) << " (every "
                 << (timer.interval.isEmpty() ? QStringLiteral("?") : timer.interval) << " min)";
        if (!timer.enabled.isEmpty())
            cliOut() << ", " << timer.enabled << ", " << timer.active;
        else
            cliOut()
                << " — systemd user instance not reachable from here; check with systemctl --user status "
                << SystemdUnits::kTimerName;
        cliOut() << "\nservice:  " << unitPath(SystemdUnits::kServiceName) << Qt::endl;
    } else {
        cliOut() << "timer:    not installed (lifeboat-cli schedule install sets it up; or keep the app open)"
                 << Qt::endl;
    }
    bool any = false;
    for (const DueEvaluator::Entry &e : entries) {
        if (e.decision.state == ScheduleDue::State::Manual)
            continue;
        if (!any)
            cliOut() << "\nPROFILE\tSTATE\tNEXT RUN\tSCHEDULE" << Qt::endl;
        any = true;
        QString description = e.profile.schedule;
        if (auto rule = ScheduleRule::parse(e.profile.schedule))
            description = rule->describe();
        const QString when = e.decision.state == ScheduleDue::State::Due
                                 ? QStringLiteral("now")
                                 : ScheduleReport::localTime(e.decision.nextRunUtc);
        cliOut() << e.profile.name << "\t" << ScheduleDue::stateName(e.decision.state) << "\t" << when << "\t"
                 << description << Qt::endl;
    }
    if (!any)
        cliOut() << "no profile has a schedule (profile edit NAME --schedule daily@02:00)" << Qt::endl;
}

} // namespace lifeboat::cli
