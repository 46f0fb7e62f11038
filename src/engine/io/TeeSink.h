#pragma once

#include "engine/io/ByteSink.h"

#include <vector>

namespace lifeboat {

// Sends the same bytes to several sinks (one per destination): the database is read once.
// If any sink fails, the whole write fails and every sink is aborted by the caller.
class TeeSink final : public ByteSink
{
public:
    explicit TeeSink(std::vector<ByteSink *> sinks)
        : m_sinks(std::move(sinks))
    {}

    Status write(const char *data, qint64 size) override
    {
        for (ByteSink *s : m_sinks) {
            if (Status st = s->write(data, size); !st)
                return st;
        }
        return {};
    }
    Status finish() override
    {
        for (ByteSink *s : m_sinks) {
            if (Status st = s->finish(); !st)
                return st;
        }
        return {};
    }
    void abort() override
    {
        for (ByteSink *s : m_sinks)
            s->abort();
    }

private:
    std::vector<ByteSink *> m_sinks;
};

} // namespace lifeboat
