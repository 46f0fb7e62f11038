// Schedules without the GUI: `profile edit`, `run-due` and `schedule install|uninstall|status`.

#include "cli/Cli.h"

#include "cli/CliArguments.h"
#include "cli/CliOutput.h"
#include "cli/ProfileOptions.h"
#include "core/Catalog.h"
#include "core/Clock.h"
#include "core/JobInfo.h"
#include "core/Profile.h"
#include "core/ScheduleDue.h"
#include "core/ScheduleRule.h"
#include "core/SecretRedactor.h"
#include "engine/alerts/AlertService.h"
#include "engine/crypto/AgeRecipient.h"
#include "engine/crypto/AgeScrypt.h"
#include "engine/jobs/BackupJob.h"
#include "engine/jobs/JobRunner.h"
#include "engine/pg/ConnectionParser.h"
#include "engine/schedule/DueEvaluator.h"
#include "engine/schedule/SystemdUnits.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>

namespace lifeboat {

namespace {

QString localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("—");
    return utc.toTimeZone(QTimeZone::systemTimeZone()).toString(QStringLiteral("ddd yyyy-MM-dd HH:mm t"));
}

QString isoUtc(const QDateTime &utc)
{
    return utc.isValid() ? utc.toUTC().toString(Qt::ISODate) : QString();
}

// When the machine started (wall clock): the catch-up delay of run-due counts from here.
QDateTime bootTimeUtc(const QDateTime &now)
{
    QFile f(QStringLiteral("/proc/uptime"));
    if (!f.open(QIODevice::ReadOnly))
        return QDateTime();
    bool ok = false;
    const double seconds = QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 0).toDouble(&ok);
    return ok ? now.addSecs(-qint64(seconds)) : QDateTime();
}

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

QJsonObject entryJson(const DueEvaluator::Entry &e)
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

} // namespace

// The state of one `run-due`: the due profiles, run one after another.
struct Cli::RunDueState
{
    QList<DueEvaluator::Entry> queue;
    qsizetype next = 0;
    QString jobId;
    QString currentProfile;
    QJsonArray report;
    int failed = 0;
    int ran = 0;
    bool interrupted = false;
};

int Cli::cmdProfileEdit(const QStringList &args)
{
    CliArguments parser(cli::ProfileOptions::valueOptions(), cli::ProfileOptions::flagOptions());
    if (Status s = parser.parse(args); !s)
        return usage(s.error().message);
    if (parser.positional().size() != 1)
        return usage(QStringLiteral("profile edit needs exactly one NAME and the options to change"));
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto p = m_catalog->profile(parser.positional().first());
    if (!p)
        return fail(p.error());
    const Profile before = *p;
    if (Status s = cli::ProfileOptions::apply(parser, *p, true); !s)
        return s.error().code == QLatin1String("cli.usage") ? usage(s.error().message) : fail(s.error(), 2);
    if (Status s = p->validate(); !s)
        return fail(s.error(), 2);
    if (Status s = m_catalog->updateProfile(*p); !s)
        return fail(s.error());
    if (m_json) {
        printJson(p->toJson());
        return 0;
    }
    if (p->toJson() == before.toJson())
        cliOut() << "profile '" << p->name << "' unchanged (no options given)" << Qt::endl;
    else
        cliOut() << "profile '" << p->name << "' updated" << Qt::endl;
    if (p->schedule != before.schedule || p->scheduleEnabled != before.scheduleEnabled)
        printScheduleSummary(*p);
    if (p->passphrase && !before.passphrase)
        cliErr() << "lifeboat-cli: store the passphrase with `lifeboat-cli secret set " << p->name
                 << " passphrase` (it is kept in the keychain)" << Qt::endl;
    return 0;
}

void Cli::printScheduleSummary(const Profile &p)
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

int Cli::cmdRunDue(const QStringList &args)
{
    CliArguments parser({}, {});
    if (Status s = parser.parse(args); !s)
        return usage(s.error().message);
    if (!parser.positional().isEmpty())
        return usage(QStringLiteral("run-due takes no arguments"));
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    DueEvaluator::Options options;
    options.nowUtc = Clock::instance().nowUtc();
    options.watchingSinceUtc = bootTimeUtc(options.nowUtc);
    auto entries = DueEvaluator::evaluate(*m_catalog, m_paths, options);
    if (!entries)
        return fail(entries.error());

    m_runDue = std::make_shared<RunDueState>();
    for (const DueEvaluator::Entry &e : *entries) {
        QJsonObject o = entryJson(e);
        if (e.decision.state == ScheduleDue::State::Invalid) {
            o.insert(QLatin1String("action"), QStringLiteral("skipped"));
            o.insert(QLatin1String("reason"), e.decision.message);
            if (!m_json)
                cliOut() << e.profile.name << ": skipped: " << e.decision.message << Qt::endl;
        } else if (e.decision.isDue() && !e.shouldRun()) {
            o.insert(QLatin1String("action"), QStringLiteral("skipped"));
            o.insert(QLatin1String("reason"), e.blockedReason);
            o.insert(QLatin1String("reasonCode"), e.blockedCode);
            if (!m_json)
                cliOut() << e.profile.name << ": skipped: " << e.blockedReason << Qt::endl;
        } else if (e.shouldRun()) {
            m_runDue->queue.append(e);
            continue; // reported when it finishes
        } else if (e.decision.state == ScheduleDue::State::CatchUpPending) {
            o.insert(QLatin1String("action"), QStringLiteral("waiting"));
            if (!m_json)
                cliOut() << e.profile.name << ": " << e.decision.message << " (at "
                         << localTime(e.decision.nextRunUtc) << ")" << Qt::endl;
        } else {
            o.insert(QLatin1String("action"), QStringLiteral("none"));
        }
        m_runDue->report.append(o);
    }
    if (m_runDue->queue.isEmpty()) {
        if (m_json) {
            QJsonObject o;
            o.insert(QLatin1String("profiles"), m_runDue->report);
            o.insert(QLatin1String("ran"), 0);
            o.insert(QLatin1String("failed"), 0);
            printJson(o);
        } else {
            bool anyReported = false;
            for (const auto &v : std::as_const(m_runDue->report))
                anyReported = anyReported ||
                              v.toObject().value(QLatin1String("action")).toString() != QLatin1String("none");
            if (!anyReported)
                cliOut() << "nothing is due" << Qt::endl;
        }
        m_runDue.reset();
        // Nothing ran, but silence is what health checks notice: a staleness pass (alerts).
        alertService()->check();
        finishAfterAlerts(0);
        return -1;
    }
    m_runner = std::make_unique<JobRunner>(m_paths);
    watchAlerts();
    connect(m_runner.get(), &JobRunner::jobUpdated, this, &Cli::onJobUpdated);
    connect(m_runner.get(), &JobRunner::jobFinished, this, [this](const JobInfo &job) {
        if (!m_runDue || job.id != m_runDue->jobId)
            return;
        QJsonObject o = entryJson(m_runDue->queue.at(m_runDue->next - 1));
        o.insert(QLatin1String("runId"), job.runId);
        o.insert(QLatin1String("message"), SecretRedactor::redact(job.message));
        if (job.state == JobInfo::State::Succeeded) {
            ++m_runDue->ran;
            o.insert(QLatin1String("action"), QStringLiteral("ran"));
            if (!m_json)
                cliOut() << job.profileName << ": backed up (" << o.value(QLatin1String("trigger")).toString()
                         << ")" << Qt::endl;
        } else if (job.errorCode == QLatin1String(BackupJob::kSkippedCode)) {
            o.insert(QLatin1String("action"), QStringLiteral("skipped"));
            o.insert(QLatin1String("reason"), job.message);
            o.insert(QLatin1String("reasonCode"), QStringLiteral("running-elsewhere"));
            if (!m_json)
                cliOut() << job.profileName << ": " << job.message << Qt::endl;
        } else if (job.state == JobInfo::State::Cancelled) {
            m_runDue->interrupted = true;
            o.insert(QLatin1String("action"), QStringLiteral("cancelled"));
        } else {
            ++m_runDue->failed;
            o.insert(QLatin1String("action"), QStringLiteral("failed"));
            if (!job.errorCode.isEmpty())
                o.insert(QLatin1String("code"), job.errorCode);
            if (!m_json)
                cliOut() << job.profileName << ": FAILED: " << SecretRedactor::redact(job.message)
                         << Qt::endl;
        }
        m_runDue->report.append(o);
        runDueNext();
    });
    runDueNext();
    return -1;
}

void Cli::runDueNext()
{
    RunDueState &st = *m_runDue;
    if (st.interrupted || st.next >= st.queue.size()) {
        if (m_json) {
            QJsonObject o;
            o.insert(QLatin1String("profiles"), st.report);
            o.insert(QLatin1String("ran"), st.ran);
            o.insert(QLatin1String("failed"), st.failed);
            printJson(o);
        } else if (st.failed > 0) {
            cliErr() << "lifeboat-cli: " << st.failed << " scheduled backup(s) failed" << Qt::endl;
        }
        const int code = st.interrupted ? 130 : (st.failed > 0 ? 1 : 0);
        QMetaObject::invokeMethod(
            this,
            [this, code] {
                alertService()->check(); // staleness of the profiles that did not run
                finishAfterAlerts(code);
            },
            Qt::QueuedConnection);
        return;
    }
    const DueEvaluator::Entry &e = st.queue.at(st.next++);
    if (!m_json)
        cliOut() << e.profile.name << ": " << e.decision.message << " — backing up" << Qt::endl;
    BackupJob::Options options;
    options.trigger = e.decision.trigger;
    options.scheduled = true;
    options.lastRunIdSeen = e.lastRun.id;
    attachBackupSecrets(e.profile, options);
    st.jobId = m_runner->submit(std::make_shared<BackupJob>(e.profile, m_paths, options));
}

int Cli::cmdSchedule(const QStringList &args)
{
    if (args.isEmpty())
        return usage(QStringLiteral("schedule needs a subcommand: install, uninstall or status"));
    const QString sub = args.first();
    CliArguments parser({QStringLiteral("interval")}, {QStringLiteral("no-enable")});
    if (Status s = parser.parse(args.mid(1)); !s)
        return usage(s.error().message);
    if (!parser.positional().isEmpty())
        return usage(QStringLiteral("schedule %1 takes no arguments").arg(sub));
    const QString dir = SystemdUnits::unitDirectory();
    const QString timerPath = QDir(dir).filePath(QLatin1String(SystemdUnits::kTimerName));
    const QString servicePath = QDir(dir).filePath(QLatin1String(SystemdUnits::kServiceName));
    const QString activate =
        QStringLiteral("systemctl --user daemon-reload && systemctl --user enable --now %1")
            .arg(QLatin1String(SystemdUnits::kTimerName));

    if (sub == QLatin1String("install")) {
        int interval = 5;
        if (parser.isSet(QStringLiteral("interval"))) {
            auto v = parser.intValue(QStringLiteral("interval"), 1, 59);
            if (!v)
                return usage(v.error().message);
            interval = *v;
        }
        if (Status s = m_paths.ensureExists(); !s)
            return fail(s.error());
        const QString defaultRoot = QDir::homePath() + QStringLiteral("/.config/lifeboat");
        const QString root = QFileInfo(m_paths.root()).absoluteFilePath();
        const QString configDir = QDir::cleanPath(root) == QDir::cleanPath(defaultRoot) ? QString() : root;
        const QString cli = QCoreApplication::applicationFilePath();
        if (Status s = SystemdUnits::write(dir, cli, configDir, interval); !s)
            return fail(s.error());
        cliOut() << "wrote " << servicePath << "\n"
                 << "wrote " << timerPath << " (every " << interval << " min; missed ticks run at start-up)"
                 << Qt::endl;
        if (parser.isSet(QStringLiteral("no-enable"))) {
            cliOut() << "not enabled (--no-enable): run " << activate << Qt::endl;
            return 0;
        }
        if (!userSystemdReachable()) {
            cliOut() << "no systemd user instance is reachable from here: to activate the timer, run in your "
                        "login session:\n  "
                     << activate << Qt::endl;
            return 0;
        }
        const SystemctlResult reload = systemctlUser({QStringLiteral("daemon-reload")});
        const SystemctlResult enable = systemctlUser(
            {QStringLiteral("enable"), QStringLiteral("--now"), QLatin1String(SystemdUnits::kTimerName)});
        if (reload.exitCode != 0 || enable.exitCode != 0)
            return fail(
                makeError(QStringLiteral("schedule.install"),
                          QStringLiteral("the units are written, but systemctl could not enable the timer "
                                         "(%1): run %2")
                              .arg(enable.output.isEmpty() ? reload.output : enable.output, activate)));
        cliOut() << "enabled and started " << SystemdUnits::kTimerName << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("uninstall")) {
        const bool present = QFile::exists(timerPath) || QFile::exists(servicePath);
        if (!parser.isSet(QStringLiteral("no-enable")) && present && userSystemdReachable())
            systemctlUser({QStringLiteral("disable"), QStringLiteral("--now"),
                           QLatin1String(SystemdUnits::kTimerName)});
        if (Status s = SystemdUnits::remove(dir); !s)
            return fail(s.error());
        if (!parser.isSet(QStringLiteral("no-enable")) && present && userSystemdReachable())
            systemctlUser({QStringLiteral("daemon-reload")});
        cliOut() << (present ? "removed " : "nothing to remove in ") << dir
                 << "/lifeboat-run-due.{service,timer}" << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("status")) {
        const bool installed = QFile::exists(timerPath) && QFile::exists(servicePath);
        QString interval;
        if (installed) {
            QFile f(timerPath);
            if (f.open(QIODevice::ReadOnly)) {
                static const QRegularExpression re(QStringLiteral("OnCalendar=\\*-\\*-\\* \\*:00/(\\d+):00"));
                interval = re.match(QString::fromUtf8(f.readAll())).captured(1);
            }
        }
        QString enabled, active;
        if (installed && userSystemdReachable()) {
            enabled =
                systemctlUser({QStringLiteral("is-enabled"), QLatin1String(SystemdUnits::kTimerName)}).output;
            active =
                systemctlUser({QStringLiteral("is-active"), QLatin1String(SystemdUnits::kTimerName)}).output;
        }
        if (Status s = openCatalog(); !s)
            return fail(s.error());
        DueEvaluator::Options options;
        options.nowUtc = Clock::instance().nowUtc();
        options.watchingSinceUtc = bootTimeUtc(options.nowUtc);
        options.checkConditions = false;
        auto entries = DueEvaluator::evaluate(*m_catalog, m_paths, options);
        if (!entries)
            return fail(entries.error());
        if (m_json) {
            QJsonObject o;
            o.insert(QLatin1String("installed"), installed);
            o.insert(QLatin1String("unitDirectory"), dir);
            if (!interval.isEmpty())
                o.insert(QLatin1String("intervalMinutes"), interval.toInt());
            if (!enabled.isEmpty())
                o.insert(QLatin1String("enabled"), enabled);
            if (!active.isEmpty())
                o.insert(QLatin1String("active"), active);
            QJsonArray profiles;
            for (const DueEvaluator::Entry &e : *entries)
                profiles.append(entryJson(e));
            o.insert(QLatin1String("profiles"), profiles);
            printJson(o);
            return 0;
        }
        if (installed) {
            cliOut() << "timer:    " << timerPath << " (every "
                     << (interval.isEmpty() ? QStringLiteral("?") : interval) << " min)";
            if (!enabled.isEmpty())
                cliOut() << ", " << enabled << ", " << active;
            else
                cliOut()
                    << " — systemd user instance not reachable from here; check with systemctl --user status "
                    << SystemdUnits::kTimerName;
            cliOut() << "\nservice:  " << servicePath << Qt::endl;
        } else {
            cliOut()
                << "timer:    not installed (lifeboat-cli schedule install sets it up; or keep the app open)"
                << Qt::endl;
        }
        bool any = false;
        for (const DueEvaluator::Entry &e : *entries) {
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
                                     : localTime(e.decision.nextRunUtc);
            cliOut() << e.profile.name << "\t" << ScheduleDue::stateName(e.decision.state) << "\t" << when
                     << "\t" << description << Qt::endl;
        }
        if (!any)
            cliOut() << "no profile has a schedule (profile edit NAME --schedule daily@02:00)" << Qt::endl;
        return 0;
    }
    return usage(QStringLiteral("unknown schedule subcommand '%1'").arg(sub));
}

} // namespace lifeboat
