#pragma once

#include "engine/io/ByteSink.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace lifeboat {

// Runs the next stage of a pipeline on a thread of its own, so that two stages work at the same
// time on two cores (a restore: SHA-256 and age on one, zstd on another, the archive scan and the
// writes on a third). write() copies the bytes into blocks of `blockSize` and queues them; it
// waits while `depth` full blocks are queued (backpressure, and memory stays at (depth + 2)
// blocks). A failure of the next stage comes back from the following write() or from finish().
//
// The sink must be destroyed before `next` (declare it after `next`): its destructor stops and
// joins the thread.
class ThreadedSink final : public ByteSink
{
public:
    explicit ThreadedSink(ByteSink *next, const char *threadName, qint64 blockSize = qint64(256) << 10,
                          int depth = 6);
    ~ThreadedSink() override;
    ThreadedSink(const ThreadedSink &) = delete;
    ThreadedSink &operator=(const ThreadedSink &) = delete;

    Status write(const char *data, qint64 size) override;
    // Hands over the last partial block, waits until the thread has written everything, then
    // calls next->finish() (on the caller's thread) unless the next stage failed.
    Status finish() override;
    // Drops whatever is queued, stops the thread, then aborts the next stage.
    void abort() override;

    // After something upstream failed: lets the thread write what is already queued (bytes that
    // passed every check upstream), stops it, and returns the next stage's failure if it had one.
    // The next stage's failure is then about earlier bytes than the upstream one, so it is the
    // first problem in the order of the stream. Does not call next->finish() or next->abort().
    Status drain();

private:
    struct Block
    {
        std::unique_ptr<char[]> data;
        qint64 size = 0;
    };
    enum class Stop
    {
        Running,
        Finish, // write what is queued, then end
        Abort   // drop what is queued, end now
    };

    void run();
    Status failure() const; // the next stage's error, or ok; takes the lock
    Status pushCurrent();   // queues the block being filled
    Status stopThread(Stop how);

    ByteSink *m_next;
    const qint64 m_blockSize;
    const int m_depth;
    const char *m_threadName;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Block> m_queue; // at most m_depth full blocks, oldest first
    std::vector<std::unique_ptr<char[]>> m_free;
    int m_allocated = 0;
    Stop m_stop = Stop::Running;
    std::optional<Error> m_error;

    Block m_current; // being filled by the producer (no lock needed)
    std::thread m_thread;
};

} // namespace lifeboat
