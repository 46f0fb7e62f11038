#pragma once

#include "engine/io/ByteSink.h"

namespace lifeboat {

class ChildProcess;

// Feeds a child's stdin (pg_restore reading an archive from a pipe). finish() closes stdin;
// the caller waits for the child and judges its exit status (a child that stops reading early
// is not an error here: its exit status decides).
class ProcessSink final : public ByteSink
{
public:
    explicit ProcessSink(ChildProcess *child)
        : m_child(child)
    {}
    Status write(const char *data, qint64 size) override;
    Status finish() override;
    void abort() override;

private:
    ChildProcess *m_child;
    bool m_readerClosed = false;
};

} // namespace lifeboat
