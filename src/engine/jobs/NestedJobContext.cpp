#include "engine/jobs/NestedJobContext.h"

#include "core/Catalog.h"
#include "core/SecretRedactor.h"

namespace lifeboat {

NestedJobContext::NestedJobContext(JobContext &outer, QString prefix, LogMode logMode, Cancel cancel)
    : m_outer(outer)
    , m_prefix(std::move(prefix))
    , m_logMode(logMode)
    , m_cancel(cancel)
{}

void NestedJobContext::setPhase(const QString &phase)
{
    m_outer.setPhase(m_prefix + phase);
}

void NestedJobContext::log(LogLevel level, const QString &message)
{
    switch (m_logMode) {
    case LogMode::OuterRun:
        m_outer.log(level, message);
        return;
    case LogMode::OuterRunPrefixed:
        m_outer.log(level, m_prefix + message);
        return;
    case LogMode::OwnRun:
        if (m_runId)
            (void)m_outer.catalog().addEvent(m_runId, level, SecretRedactor::redact(message));
        return;
    }
}

bool NestedJobContext::isCancelled() const
{
    return m_cancel == Cancel::WithOuter && m_outer.isCancelled();
}

void NestedJobContext::finish(const Status &status, const QString &message)
{
    if (!m_runId)
        return;
    (void)m_outer.catalog().finishRun(
        m_runId, status.ok() ? RunRecord::State::Succeeded : RunRecord::State::Failed,
        status.ok() ? message : status.error().message, 0, status.ok() ? QString() : status.error().code);
}

} // namespace lifeboat
