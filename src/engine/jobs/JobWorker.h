#pragma once

#include "core/ConfigPaths.h"
#include "core/JobInfo.h"
#include "engine/jobs/Job.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

namespace lifeboat {

class Catalog;
class JobRunner;

// Lives in one worker thread and runs that thread's jobs in order (queued calls are FIFO).
// Owns the thread's catalog connection. Reports to the runner through queued calls only.
class JobWorker : public QObject
{
    Q_OBJECT
public:
    JobWorker(ConfigPaths paths, JobRunner *runner);
    ~JobWorker() override;

    // Runs in the worker thread.
    void execute(std::shared_ptr<Job> job, std::shared_ptr<std::atomic<bool>> cancelled, JobInfo info);

private:
    ConfigPaths m_paths;
    QPointer<JobRunner> m_runner;
    std::unique_ptr<Catalog> m_catalog;
};

} // namespace lifeboat
