#pragma once

#include "core/ConfigPaths.h"
#include "engine/schedule/DueEvaluator.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace lifeboat {

class Catalog;

// The Scheduler's hands on its own thread: owns a Catalog connection for that thread, evaluates
// the profiles (catalog, lock files, sysfs, network pings) and saves the enabled switch, then
// hands the result back to the Scheduler's thread through a queued call.
class SchedulerWorker : public QObject
{
    Q_OBJECT
public:
    explicit SchedulerWorker(ConfigPaths paths);
    ~SchedulerWorker() override;

    using EvaluationDone = std::function<void(Result<QList<DueEvaluator::Entry>>)>;
    using SaveDone = std::function<void(Status)>;

    // Run on the worker's thread; `done` is queued to `receiver`'s thread (dropped if it is gone).
    void evaluate(const DueEvaluator::Options &options, QPointer<QObject> receiver, EvaluationDone done);
    void setScheduleEnabled(const QString &profileName, bool enabled, QPointer<QObject> receiver,
                            SaveDone done);

private:
    Status ensureCatalog();

    ConfigPaths m_paths;
    std::unique_ptr<Catalog> m_catalog;
};

} // namespace lifeboat
