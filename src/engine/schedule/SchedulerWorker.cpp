#include "engine/schedule/SchedulerWorker.h"

#include "core/Catalog.h"
#include "engine/profiles/ProfileStore.h"

#include <QMetaObject>

namespace lifeboat {

SchedulerWorker::SchedulerWorker(ConfigPaths paths)
    : m_paths(std::move(paths))
{}

SchedulerWorker::~SchedulerWorker() = default;

Status SchedulerWorker::ensureCatalog()
{
    return Catalog::ensureOpen(m_catalog, m_paths);
}

void SchedulerWorker::evaluate(const DueEvaluator::Options &options, QPointer<QObject> receiver,
                               EvaluationDone done)
{
    Result<QList<DueEvaluator::Entry>> result = [&]() -> Result<QList<DueEvaluator::Entry>> {
        if (Status s = ensureCatalog(); !s)
            return s.error();
        return DueEvaluator::evaluate(*m_catalog, m_paths, options);
    }();
    if (QObject *r = receiver.data())
        QMetaObject::invokeMethod(
            r, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
            Qt::QueuedConnection);
}

void SchedulerWorker::setScheduleEnabled(const QString &profileName, bool enabled, QPointer<QObject> receiver,
                                         SaveDone done)
{
    Status result = [&]() -> Status {
        if (Status s = ensureCatalog(); !s)
            return s;
        return ProfileStore::setScheduleEnabled(*m_catalog, profileName, enabled);
    }();
    if (QObject *r = receiver.data())
        QMetaObject::invokeMethod(
            r, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
            Qt::QueuedConnection);
}

} // namespace lifeboat
