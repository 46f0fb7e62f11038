#pragma once

#include "core/Result.h"

#include <QtGlobal>

namespace lifeboat {

// One stage of the streaming pipeline. Stages push bytes downstream synchronously: a write
// returns only when the next stage has taken the bytes, so a slow destination slows the
// producer (backpressure) and no stage buffers more than its own fixed-size block.
class ByteSink
{
public:
    virtual ~ByteSink() = default;
    virtual Status write(const char *data, qint64 size) = 0;
    // All bytes have been written: flush, write trailers, make durable. Called once.
    virtual Status finish() = 0;
    // Something upstream failed: drop whatever is partial. Must be safe to call at any time.
    virtual void abort() {}
};

} // namespace lifeboat
