#pragma once

#include "engine/io/ByteSink.h"
#include "engine/pg/ArchiveScanner.h"

namespace lifeboat {

// Shows the bytes to an ArchiveScanner on their way to `next` (which may be null).
class ScanningSink final : public ByteSink
{
public:
    ScanningSink(ArchiveScanner *scanner, ByteSink *next)
        : m_scanner(scanner)
        , m_next(next)
    {}
    Status write(const char *data, qint64 size) override
    {
        m_scanner->feed(data, size);
        if (m_scanner->hasError())
            return *m_scanner->error();
        return m_next ? m_next->write(data, size) : Status();
    }
    Status finish() override
    {
        if (Status s = m_scanner->finish(); !s)
            return s;
        return m_next ? m_next->finish() : Status();
    }
    void abort() override
    {
        if (m_next)
            m_next->abort();
    }

private:
    ArchiveScanner *m_scanner;
    ByteSink *m_next;
};

} // namespace lifeboat
