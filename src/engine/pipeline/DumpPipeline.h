#pragma once

#include "core/Result.h"
#include "engine/pg/ArchiveScanner.h"
#include "engine/pipeline/StoreChain.h"

#include <QMutex>
#include <QStringList>

#include <atomic>
#include <functional>

namespace lifeboat {

class ChildProcess;

// Streams one program's stdout (pg_dump, pg_dumpall) into a StoreChain: read a block, hand it on,
// read the next — the child blocks on a full pipe while the chain is busy (backpressure), so
// memory stays at one read block plus each stage's fixed buffer whatever the database size.
// For custom-format dumps it also feeds the ArchiveScanner (TOC and exact row counts).
// Runs on a worker thread; cancel() may be called from any thread.
class DumpPipeline
{
public:
    struct Request
    {
        QString program;
        QStringList arguments;
        QStringList environment; // empty = inherit
        bool scanArchive = true;
        QString what; // "pg_dump of database 'shop'", for messages
        // false: leave the chain flushed but not committed (the caller commits in its own order).
        bool commit = true;
    };
    using ProgressFn = std::function<void(qint64 bytesRead)>;

    // On success the chain is finished (objects durable and visible). On failure or
    // cancellation the chain is aborted (temporary objects removed).
    Status run(const Request &request, StoreChain &chain, const ProgressFn &progress = {});
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    qint64 bytesRead() const { return m_bytesRead; }
    const ArchiveScanner &scanner() const { return m_scanner; }

    static constexpr qint64 kReadBlock = 256 * 1024;

private:
    ArchiveScanner m_scanner;
    qint64 m_bytesRead = 0;
    std::atomic<bool> m_cancelled{false};
    QMutex m_childMutex;
    ChildProcess *m_child = nullptr;
};

} // namespace lifeboat
