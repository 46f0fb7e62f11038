#pragma once

#include "core/ConfigPaths.h"
#include "core/JobInfo.h"
#include "engine/jobs/Job.h"

#include <QHash>
#include <QObject>

#include <memory>

class QThread;

namespace lifeboat {

class JobWorker;

// Runs jobs on worker threads, one queue (and thread) per server, so two jobs against one
// server never overlap while different servers proceed in parallel. Lives in the thread that
// created it (the GUI or the CLI's main thread) and never blocks it: jobs report through
// queued signals, throttled to a few updates a second.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    explicit JobRunner(ConfigPaths paths, QObject *parent = nullptr);
    ~JobRunner() override; // cancels what is running and waits for the workers to stop

    // Queues a job; returns its id.
    QString submit(std::shared_ptr<Job> job);
    // Cancels a queued or running job (a running one stops at its next checkpoint).
    void cancel(const QString &jobId);
    void cancelAll();

    QList<JobInfo> jobs() const;
    JobInfo job(const QString &jobId) const { return m_jobs.value(jobId); }
    bool hasActiveJobs() const;

    // Internal: a worker's report (delivered to this object's thread by a queued call).
    void onWorkerUpdate(const JobInfo &info);

Q_SIGNALS:
    void jobAdded(const lifeboat::JobInfo &job);
    void jobUpdated(const lifeboat::JobInfo &job);
    void jobFinished(const lifeboat::JobInfo &job);

private:
    JobWorker *workerFor(const QString &serverKey);

    struct Entry
    {
        std::shared_ptr<Job> job;
        std::shared_ptr<std::atomic<bool>> cancelled;
    };

    ConfigPaths m_paths;
    QHash<QString, JobInfo> m_jobs;
    QList<QString> m_order;
    QHash<QString, Entry> m_entries;
    QHash<QString, JobWorker *> m_workers;
    QList<QThread *> m_threads;
    int m_counter = 0;
};

} // namespace lifeboat
