#include "engine/jobs/JobWorker.h"

#include "core/Catalog.h"
#include "core/Clock.h"
#include "core/SecretRedactor.h"
#include "engine/io/EngineLog.h"
#include "engine/jobs/JobRunner.h"

#include <QMetaObject>

namespace lifeboat {

namespace {

// The context a job sees: updates its JobInfo, writes events to the catalog, and forwards a
// snapshot to the runner at most every 100 ms (and always on phase changes).
class WorkerContext final : public JobContext
{
public:
    WorkerContext(JobInfo &info, Catalog &catalog, std::atomic<bool> &cancelled, QPointer<JobRunner> runner)
        : m_info(info)
        , m_catalog(catalog)
        , m_cancelled(cancelled)
        , m_runner(std::move(runner))
        , m_startMs(Clock::instance().monotonicMs())
    {}

    void setPhase(const QString &phase) override
    {
        m_info.phase = phase;
        publish(true);
    }
    void setProgress(qint64 done, qint64 expected) override
    {
        m_info.bytesDone = done;
        m_info.bytesExpected = expected;
        const qint64 elapsed = Clock::instance().monotonicMs() - m_startMs;
        if (done > 0 && expected > done && elapsed > 1000)
            m_info.etaSeconds = double(elapsed) / 1000.0 * double(expected - done) / double(done);
        else
            m_info.etaSeconds = expected > 0 && done >= expected ? 0 : -1;
        publish(false);
    }
    void log(LogLevel level, const QString &rawMessage) override
    {
        // Events belong to the run (catalog, History); the log category has them for debugging.
        // Neither ever shows a secret.
        const QString message = SecretRedactor::redact(rawMessage);
        qCInfo(lcJobs).noquote() << m_info.profileName << logLevelName(level) << message;
        if (m_info.runId)
            (void)m_catalog.addEvent(m_info.runId, level, message);
        else
            m_pending.append({level, message});
    }
    void addOutput(const QString &output) override
    {
        m_info.outputs << output;
        publish(true);
    }
    void addArtifact(qint64 id) override { m_info.artifactIds << id; }
    bool isCancelled() const override { return m_cancelled.load(); }
    Catalog &catalog() override { return m_catalog; }
    void setRunId(qint64 runId) override
    {
        m_info.runId = runId;
        for (const auto &[level, message] : m_pending)
            (void)m_catalog.addEvent(runId, level, message);
        m_pending.clear();
        publish(true);
    }

    void publish(bool force)
    {
        const qint64 now = Clock::instance().monotonicMs();
        if (!force && now - m_lastPublishMs < 100)
            return;
        m_lastPublishMs = now;
        JobRunner *runner = m_runner.data();
        if (!runner)
            return;
        QMetaObject::invokeMethod(
            runner, [runner, info = m_info] { runner->onWorkerUpdate(info); }, Qt::QueuedConnection);
    }

private:
    JobInfo &m_info;
    Catalog &m_catalog;
    std::atomic<bool> &m_cancelled;
    QPointer<JobRunner> m_runner;
    qint64 m_startMs = 0;
    qint64 m_lastPublishMs = -1000;
    QList<std::pair<LogLevel, QString>> m_pending;
};

} // namespace

JobWorker::JobWorker(ConfigPaths paths, JobRunner *runner)
    : m_paths(std::move(paths))
    , m_runner(runner)
{}

JobWorker::~JobWorker() = default;

void JobWorker::execute(std::shared_ptr<Job> job, std::shared_ptr<std::atomic<bool>> cancelled, JobInfo info)
{
    auto report = [this](const JobInfo &snapshot) {
        JobRunner *runner = m_runner.data();
        if (runner)
            QMetaObject::invokeMethod(
                runner, [runner, snapshot] { runner->onWorkerUpdate(snapshot); }, Qt::QueuedConnection);
    };
    if (cancelled->load()) {
        info.state = JobInfo::State::Cancelled;
        info.message = QStringLiteral("cancelled before it started");
        info.finishedUtc = Clock::instance().nowUtc();
        report(info);
        return;
    }
    if (Status s = Catalog::ensureOpen(m_catalog, m_paths); !s) {
        info.state = JobInfo::State::Failed;
        info.message = s.error().message;
        info.errorCode = s.error().code;
        info.finishedUtc = Clock::instance().nowUtc();
        report(info);
        return;
    }
    info.state = JobInfo::State::Running;
    info.startedUtc = Clock::instance().nowUtc();
    WorkerContext ctx(info, *m_catalog, *cancelled, m_runner);
    ctx.publish(true);

    const Status result = job->run(ctx);

    info.finishedUtc = Clock::instance().nowUtc();
    if (cancelled->load() && !result.ok() && result.error().code == QLatin1String("restore.rollback")) {
        // A cancelled --replace restore whose original could not be put back: the user has to act.
        info.state = JobInfo::State::Failed;
        info.message = SecretRedactor::redact(result.error().message);
        info.errorCode = result.error().code;
    } else if (cancelled->load()) {
        info.state = JobInfo::State::Cancelled;
        // A job that says what its cancellation left ("cancelled; 'db' was put back from its
        // safety backup 12") is believed; otherwise nothing of the run was kept.
        const bool told = !result.ok() && result.error().code == QLatin1String("cancelled") &&
                          result.error().message.startsWith(QLatin1String("cancelled;"));
        info.message = told ? SecretRedactor::redact(result.error().message)
                            : QStringLiteral("cancelled; nothing of this run was kept");
    } else if (!result.ok() && result.error().code == QLatin1String("job.skipped")) {
        // A scheduled run that another process is running or already ran: not a failure, and it
        // never started a run record.
        info.state = JobInfo::State::Cancelled;
        info.message = result.error().message;
        info.errorCode = result.error().code;
    } else if (result.ok()) {
        info.state = JobInfo::State::Succeeded;
        const qint64 seconds = info.startedUtc.secsTo(info.finishedUtc);
        const QString outcome = job->outcome();
        info.message = !outcome.isEmpty() ? SecretRedactor::redact(outcome)
                                          : QStringLiteral("%1 of '%2' finished in %3 s")
                                                .arg(runKindName(job->kind()), job->profileName())
                                                .arg(seconds);
    } else {
        info.state = JobInfo::State::Failed;
        info.message = SecretRedactor::redact(result.error().message);
        info.errorCode = result.error().code;
    }
    if (info.runId) {
        ctx.log(info.state == JobInfo::State::Succeeded ? LogLevel::Info : LogLevel::Error, info.message);
        const qint64 recorded = job->recordedBytes();
        (void)m_catalog->finishRun(info.runId, info.state, info.message,
                                   recorded >= 0 ? recorded : info.bytesDone, info.errorCode);
    }
    info.phase = RunRecord::stateName(info.state);
    report(info);
}

} // namespace lifeboat
