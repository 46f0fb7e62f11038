#include "engine/jobs/JobRunner.h"

#include "core/Clock.h"
#include "engine/io/EngineLog.h"
#include "engine/jobs/JobWorker.h"

#include <QThread>

namespace lifeboat {

JobRunner::JobRunner(ConfigPaths paths, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
{
    qRegisterMetaType<lifeboat::JobInfo>();
}

JobRunner::~JobRunner()
{
    cancelAll();
    for (QThread *thread : std::as_const(m_threads)) {
        thread->quit();
        thread->wait();
        delete thread;
    }
    // Workers were deleted by their threads' finished signal (deleteLater) or now.
}

JobWorker *JobRunner::workerFor(const QString &serverKey)
{
    if (JobWorker *w = m_workers.value(serverKey))
        return w;
    auto *thread = new QThread;
    thread->setObjectName(QStringLiteral("lifeboat-jobs"));
    auto *worker = new JobWorker(m_paths, this);
    worker->moveToThread(thread);
    connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    thread->start();
    m_threads.append(thread);
    m_workers.insert(serverKey, worker);
    return worker;
}

QString JobRunner::submit(std::shared_ptr<Job> job)
{
    JobInfo info;
    info.id = QStringLiteral("job-%1").arg(++m_counter);
    info.kind = job->kind();
    info.profileName = job->profileName();
    info.serverKey = job->serverKey();
    info.state = JobInfo::State::Queued;
    info.phase = QStringLiteral("queued");
    info.queuedUtc = Clock::instance().nowUtc();
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_entries.insert(info.id, {job, cancelled});
    m_jobs.insert(info.id, info);
    m_order.append(info.id);
    Q_EMIT jobAdded(info);

    JobWorker *worker = workerFor(info.serverKey);
    QMetaObject::invokeMethod(
        worker, [worker, job, cancelled, info] { worker->execute(job, cancelled, info); },
        Qt::QueuedConnection);
    return info.id;
}

void JobRunner::cancel(const QString &jobId)
{
    const auto it = m_entries.constFind(jobId);
    if (it == m_entries.constEnd())
        return;
    it->cancelled->store(true);
    it->job->onCancel();
}

void JobRunner::cancelAll()
{
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!m_jobs.value(it.key()).isFinished())
            cancel(it.key());
    }
}

QList<JobInfo> JobRunner::jobs() const
{
    QList<JobInfo> out;
    for (const QString &id : m_order)
        out.append(m_jobs.value(id));
    return out;
}

bool JobRunner::hasActiveJobs() const
{
    for (const JobInfo &info : m_jobs) {
        if (!info.isFinished())
            return true;
    }
    return false;
}

void JobRunner::onWorkerUpdate(const JobInfo &info)
{
    const JobInfo previous = m_jobs.value(info.id);
    if (previous.isFinished())
        return;
    m_jobs.insert(info.id, info);
    Q_EMIT jobUpdated(info);
    if (info.isFinished()) {
        m_entries.remove(info.id); // drop the job object; the JobInfo stays
        Q_EMIT jobFinished(info);
    }
}

} // namespace lifeboat
