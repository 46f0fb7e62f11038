#include "engine/schedule/Scheduler.h"

#include "core/Clock.h"
#include "engine/io/EngineLog.h"
#include "engine/jobs/BackupJob.h"
#include "engine/jobs/JobRunner.h"
#include "engine/schedule/SchedulerWorker.h"

#include <QThread>

namespace lifeboat {

Scheduler::Scheduler(ConfigPaths paths, JobRunner *runner, std::shared_ptr<SecretStore> secrets,
                     QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_runner(runner)
    , m_secrets(std::move(secrets))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::tick);
    connect(m_runner, &JobRunner::jobFinished, this, &Scheduler::onJobFinished);
}

Scheduler::~Scheduler()
{
    stop();
}

void Scheduler::start()
{
    if (m_running)
        return;
    m_running = true;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("lifeboat-scheduler"));
    m_worker = new SchedulerWorker(m_paths);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    m_watchingSinceUtc = Clock::instance().nowUtc();
    m_lastTickWall = m_watchingSinceUtc;
    m_lastTickMonotonicMs = Clock::instance().monotonicMs();
    evaluate();
}

void Scheduler::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    m_thread->quit();
    m_thread->wait(); // an evaluation in progress finishes first (bounded by its timeouts)
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
}

void Scheduler::checkNow()
{
    if (m_running)
        evaluate();
}

void Scheduler::setScheduleEnabled(const QString &profileName, bool enabled)
{
    if (!m_running)
        return;
    SchedulerWorker *worker = m_worker;
    QPointer<QObject> self(this);
    QMetaObject::invokeMethod(
        worker,
        [worker, profileName, enabled, self] {
            worker->setScheduleEnabled(profileName, enabled, self, [self](Status status) {
                auto *s = qobject_cast<Scheduler *>(self.data());
                if (!s)
                    return;
                if (!status)
                    Q_EMIT s->errorOccurred(status.error().message);
                s->checkNow();
            });
        },
        Qt::QueuedConnection);
}

void Scheduler::tick()
{
    if (!m_running)
        return;
    const QDateTime wall = Clock::instance().nowUtc();
    const qint64 mono = Clock::instance().monotonicMs();
    const qint64 wallDelta = m_lastTickWall.msecsTo(wall);
    const qint64 monoDelta = mono - m_lastTickMonotonicMs;
    if (wallDelta - monoDelta > kWakeThresholdMs) {
        // The wall clock ran on while the monotonic clock stood still: the machine slept.
        qCInfo(lcJobs) << "scheduler: wake detected after" << (wallDelta - monoDelta) / 1000 << "s";
        m_watchingSinceUtc = wall;
    }
    m_lastTickWall = wall;
    m_lastTickMonotonicMs = mono;
    evaluate();
}

void Scheduler::evaluate()
{
    if (!m_running)
        return;
    if (m_evaluating) {
        m_evaluateAgain = true;
        return;
    }
    m_evaluating = true;
    DueEvaluator::Options options;
    options.nowUtc = Clock::instance().nowUtc();
    options.watchingSinceUtc = m_watchingSinceUtc;
    options.zone = m_zone;
    options.powerSupplyRoot = m_powerSupplyRoot;
    SchedulerWorker *worker = m_worker;
    QPointer<QObject> self(this);
    QMetaObject::invokeMethod(
        worker,
        [worker, options, self] {
            worker->evaluate(options, self, [self](Result<QList<DueEvaluator::Entry>> result) {
                if (auto *s = qobject_cast<Scheduler *>(self.data()))
                    s->onEvaluated(std::move(result));
            });
        },
        Qt::QueuedConnection);
}

bool Scheduler::runnerHasJobFor(const QString &profileName) const
{
    const QList<JobInfo> jobs = m_runner->jobs();
    for (const JobInfo &j : jobs) {
        if (j.profileName == profileName && !j.isFinished() && j.kind == RunKind::Backup)
            return true;
    }
    return false;
}

void Scheduler::onEvaluated(Result<QList<DueEvaluator::Entry>> result)
{
    m_evaluating = false;
    if (!m_running)
        return;
    if (m_evaluateAgain) {
        m_evaluateAgain = false;
        evaluate();
        return;
    }
    if (!result) {
        Q_EMIT errorOccurred(result.error().message);
        arm(QDateTime());
        return;
    }
    QHash<QString, ProfileState> states;
    QDateTime next;
    for (const DueEvaluator::Entry &e : *result) {
        ProfileState st;
        st.profileName = e.profile.name;
        st.schedule = e.profile.schedule;
        st.enabled = e.profile.scheduleEnabled;
        st.state = e.decision.state;
        st.trigger = e.decision.trigger;
        st.message = e.decision.message;
        st.blockedReason = e.blockedReason;
        st.catchUpPending = e.decision.isCatchUp();
        if (!e.profile.schedule.trimmed().isEmpty()) {
            auto rule = ScheduleRule::parse(e.profile.schedule);
            st.description = rule ? rule->describe() : rule.error().message;
        }
        st.nextRunUtc = e.decision.nextRunUtc;
        st.activeJobId = m_activeJobs.value(e.profile.name);
        if (e.shouldRun() && st.activeJobId.isEmpty() && !runnerHasJobFor(e.profile.name)) {
            BackupJob::Options options;
            options.secrets.store = m_secrets;
            options.trigger = e.decision.trigger;
            options.scheduled = true;
            options.lastRunIdSeen = e.lastRun.id;
            const QString jobId = m_runner->submit(std::make_shared<BackupJob>(e.profile, m_paths, options));
            m_activeJobs.insert(e.profile.name, jobId);
            st.activeJobId = jobId;
            qCInfo(lcJobs).noquote() << "scheduler: started" << e.decision.trigger << "backup of"
                                     << e.profile.name;
            Q_EMIT scheduledRunSubmitted(e.profile.name, jobId, e.decision.trigger);
        }
        if ((st.state == ScheduleDue::State::Waiting || st.state == ScheduleDue::State::CatchUpPending) &&
            st.nextRunUtc.isValid() && (!next.isValid() || st.nextRunUtc < next))
            next = st.nextRunUtc;
        states.insert(st.profileName, st);
    }
    m_states = states;
    Q_EMIT statesChanged();
    arm(next);
}

void Scheduler::arm(const QDateTime &nextUtc)
{
    qint64 waitMs = kMaxWaitMs;
    if (nextUtc.isValid())
        waitMs =
            std::clamp(Clock::instance().nowUtc().msecsTo(nextUtc) + 500, qint64(1000), qint64(kMaxWaitMs));
    m_timer.start(int(waitMs));
}

void Scheduler::onJobFinished(const JobInfo &job)
{
    bool ours = false;
    for (auto it = m_activeJobs.begin(); it != m_activeJobs.end(); ++it) {
        if (it.value() == job.id) {
            m_activeJobs.erase(it);
            ours = true;
            break;
        }
    }
    // Our run finished, or a manual one did (it moved the profile's last run): re-plan.
    if (ours || job.kind == RunKind::Backup)
        checkNow();
}

} // namespace lifeboat
