#include "cli/commands/RunDueCommand.h"

#include "cli/CliArguments.h"
#include "cli/CliContext.h"
#include "cli/CliOutput.h"
#include "cli/ScheduleReport.h"
#include "core/Catalog.h"
#include "core/Clock.h"
#include "core/JobInfo.h"
#include "core/ScheduleDue.h"
#include "core/SecretRedactor.h"
#include "engine/alerts/AlertService.h"
#include "engine/jobs/BackupJob.h"
#include "engine/jobs/JobRunner.h"

#include <QJsonObject>

namespace lifeboat::cli {

QString RunDueCommand::name() const
{
    return QStringLiteral("run-due");
}

QString RunDueCommand::summary() const
{
    return QStringLiteral("run every scheduled backup that is due, once, one after another");
}

QString RunDueCommand::usage() const
{
    return QStringLiteral(
        "  run-due                         run every scheduled backup that is due, once, one after another;\n"
        "                                  exit 0 when all ran or nothing was due, 1 when one failed\n");
}

int RunDueCommand::run(CliContext &context, const QStringList &args)
{
    CliArguments parser({}, {});
    if (Status s = parser.parse(args); !s)
        return context.usage(s.error().message);
    if (!parser.positional().isEmpty())
        return context.usage(QStringLiteral("run-due takes no arguments"));
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    DueEvaluator::Options options;
    options.nowUtc = Clock::instance().nowUtc();
    options.watchingSinceUtc = ScheduleReport::bootTimeUtc(options.nowUtc);
    auto entries = DueEvaluator::evaluate(context.catalog(), context.paths(), options);
    if (!entries)
        return context.fail(entries.error());

    plan(context, *entries);
    if (m_queue.isEmpty()) {
        finishNothingDue(context);
        return -1;
    }
    JobRunner *runner = context.createRunner();
    context.watchAlerts();
    QObject::connect(runner, &JobRunner::jobUpdated, &context, &CliContext::showProgress);
    QObject::connect(runner, &JobRunner::jobFinished, &context,
                     [this, &context](const JobInfo &job) { onJobFinished(context, job); });
    runNext(context);
    return -1;
}

void RunDueCommand::plan(CliContext &context, const QList<DueEvaluator::Entry> &entries)
{
    const bool text = !context.json();
    for (const DueEvaluator::Entry &e : entries) {
        QJsonObject o = ScheduleReport::entryJson(e);
        if (e.decision.state == ScheduleDue::State::Invalid) {
            o.insert(QLatin1String("action"), QStringLiteral("skipped"));
            o.insert(QLatin1String("reason"), e.decision.message);
            if (text)
                cliOut() << e.profile.name << ": skipped: " << e.decision.message << Qt::endl;
        } else if (e.decision.isDue() && !e.shouldRun()) {
            o.insert(QLatin1String("action"), QStringLiteral("skipped"));
            o.insert(QLatin1String("reason"), e.blockedReason);
            o.insert(QLatin1String("reasonCode"), e.blockedCode);
            if (text)
                cliOut() << e.profile.name << ": skipped: " << e.blockedReason << Qt::endl;
        } else if (e.shouldRun()) {
            m_queue.append(e);
            continue; // reported when it finishes
        } else if (e.decision.state == ScheduleDue::State::CatchUpPending) {
            o.insert(QLatin1String("action"), QStringLiteral("waiting"));
            if (text)
                cliOut() << e.profile.name << ": " << e.decision.message << " (at "
                         << ScheduleReport::localTime(e.decision.nextRunUtc) << ")" << Qt::endl;
        } else {
            o.insert(QLatin1String("action"), QStringLiteral("none"));
        }
        m_report.append(o);
    }
}

void RunDueCommand::finishNothingDue(CliContext &context)
{
    if (context.json()) {
        QJsonObject o;
        o.insert(QLatin1String("profiles"), m_report);
        o.insert(QLatin1String("ran"), 0);
        o.insert(QLatin1String("failed"), 0);
        context.printJson(o);
    } else {
        bool anyReported = false;
        for (const auto &v : std::as_const(m_report))
            anyReported = anyReported ||
                          v.toObject().value(QLatin1String("action")).toString() != QLatin1String("none");
        if (!anyReported)
            cliOut() << "nothing is due" << Qt::endl;
    }
    // Nothing ran, but silence is what health checks notice: a staleness pass (alerts).
    context.alertService()->check();
    context.finishAfterAlerts(0);
}

void RunDueCommand::onJobFinished(CliContext &context, const JobInfo &job)
{
    if (job.id != m_jobId)
        return;
    const bool text = !context.json();
    QJsonObject o = ScheduleReport::entryJson(m_queue.at(m_next - 1));
    o.insert(QLatin1String("runId"), job.runId);
    o.insert(QLatin1String("message"), SecretRedactor::redact(job.message));
    if (job.state == JobInfo::State::Succeeded) {
        ++m_ran;
        o.insert(QLatin1String("action"), QStringLiteral("ran"));
        if (text)
            cliOut() << job.profileName << ": backed up (" << o.value(QLatin1String("trigger")).toString()
                     << ")" << Qt::endl;
    } else if (job.errorCode == QLatin1String(BackupJob::kSkippedCode)) {
        o.insert(QLatin1String("action"), QStringLiteral("skipped"));
        o.insert(QLatin1String("reason"), job.message);
        o.insert(QLatin1String("reasonCode"), QStringLiteral("running-elsewhere"));
        if (text)
            cliOut() << job.profileName << ": " << job.message << Qt::endl;
    } else if (job.state == JobInfo::State::Cancelled) {
        m_interrupted = true;
        o.insert(QLatin1String("action"), QStringLiteral("cancelled"));
    } else {
        ++m_failed;
        o.insert(QLatin1String("action"), QStringLiteral("failed"));
        if (!job.errorCode.isEmpty())
            o.insert(QLatin1String("code"), job.errorCode);
        if (text)
            cliOut() << job.profileName << ": FAILED: " << SecretRedactor::redact(job.message) << Qt::endl;
    }
    m_report.append(o);
    runNext(context);
}

void RunDueCommand::runNext(CliContext &context)
{
    if (m_interrupted || m_next >= m_queue.size()) {
        finishRan(context);
        return;
    }
    const DueEvaluator::Entry &e = m_queue.at(m_next++);
    if (!context.json())
        cliOut() << e.profile.name << ": " << e.decision.message << " — backing up" << Qt::endl;
    BackupJob::Options options;
    options.trigger = e.decision.trigger;
    options.scheduled = true;
    options.lastRunIdSeen = e.lastRun.id;
    context.attachBackupSecrets(e.profile, options);
    m_jobId = context.runner()->submit(std::make_shared<BackupJob>(e.profile, context.paths(), options));
}

void RunDueCommand::finishRan(CliContext &context)
{
    if (context.json()) {
        QJsonObject o;
        o.insert(QLatin1String("profiles"), m_report);
        o.insert(QLatin1String("ran"), m_ran);
        o.insert(QLatin1String("failed"), m_failed);
        context.printJson(o);
    } else if (m_failed > 0) {
        cliErr() << "lifeboat-cli: " << m_failed << " scheduled backup(s) failed" << Qt::endl;
    }
    const int code = m_interrupted ? 130 : (m_failed > 0 ? 1 : 0);
    QMetaObject::invokeMethod(
        &context,
        [&context, code] {
            context.alertService()->check(); // staleness of the profiles that did not run
            context.finishAfterAlerts(code);
        },
        Qt::QueuedConnection);
}

} // namespace lifeboat::cli
