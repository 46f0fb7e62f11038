#include "engine/io/ProcessSink.h"

#include "engine/io/ChildProcess.h"

namespace lifeboat {

Status ProcessSink::write(const char *data, qint64 size)
{
    // A reader may stop early on purpose (pg_restore --table stops once it has what it needs):
    // stop feeding it; its exit status, judged by the caller, says whether it succeeded.
    if (m_readerClosed)
        return {};
    if (!m_child->writeStdin(data, size).ok())
        m_readerClosed = true;
    return {};
}

Status ProcessSink::finish()
{
    m_child->closeStdin();
    return {};
}

void ProcessSink::abort()
{
    m_child->terminate();
    m_child->closeStdin();
}

} // namespace lifeboat
