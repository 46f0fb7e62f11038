#include "engine/io/ThreadedSink.h"

#include <pthread.h>

#include <cstring>

namespace lifeboat {

ThreadedSink::ThreadedSink(ByteSink *next, const char *threadName, qint64 blockSize, int depth)
    : m_next(next)
    , m_blockSize(qMax<qint64>(4096, blockSize))
    , m_depth(qMax(1, depth))
    , m_threadName(threadName)
{
    m_thread = std::thread([this] { run(); });
}

ThreadedSink::~ThreadedSink()
{
    (void)stopThread(Stop::Abort);
}

void ThreadedSink::run()
{
    if (m_threadName)
        ::pthread_setname_np(::pthread_self(), m_threadName);
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return !m_queue.empty() || m_stop != Stop::Running; });
        if (m_stop == Stop::Abort || (m_queue.empty() && m_stop == Stop::Finish))
            return;
        Block block = std::move(m_queue.front());
        m_queue.pop_front();
        const bool failed = m_error.has_value();
        lock.unlock();
        m_changed.notify_all(); // room in the queue
        // After a failure the blocks are only recycled, so the producer never waits forever.
        Status s = failed ? Status() : m_next->write(block.data.get(), block.size);
        lock.lock();
        if (!s && !m_error)
            m_error = s.error();
        m_free.push_back(std::move(block.data));
        if (!s)
            m_changed.notify_all();
    }
}

Status ThreadedSink::failure() const
{
    std::lock_guard lock(m_mutex);
    if (m_error)
        return *m_error;
    return {};
}

Status ThreadedSink::pushCurrent()
{
    if (!m_current.data || m_current.size == 0)
        return failure();
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return int(m_queue.size()) < m_depth || m_error.has_value(); });
    if (m_error)
        return *m_error;
    m_queue.push_back(std::move(m_current));
    m_current = Block();
    lock.unlock();
    m_changed.notify_all();
    return {};
}

Status ThreadedSink::write(const char *data, qint64 size)
{
    while (size > 0) {
        if (!m_current.data) {
            std::unique_lock lock(m_mutex);
            m_changed.wait(
                lock, [this] { return !m_free.empty() || m_allocated < m_depth + 2 || m_error.has_value(); });
            if (m_error)
                return *m_error;
            if (!m_free.empty()) {
                m_current.data = std::move(m_free.back());
                m_free.pop_back();
            } else {
                m_current.data = std::make_unique<char[]>(size_t(m_blockSize));
                ++m_allocated;
            }
            m_current.size = 0;
        }
        const qint64 n = qMin(size, m_blockSize - m_current.size);
        std::memcpy(m_current.data.get() + m_current.size, data, size_t(n));
        m_current.size += n;
        data += n;
        size -= n;
        if (m_current.size == m_blockSize) {
            if (Status s = pushCurrent(); !s)
                return s;
        }
    }
    return failure();
}

Status ThreadedSink::stopThread(Stop how)
{
    if (m_thread.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_stop = how;
        }
        m_changed.notify_all();
        m_thread.join();
    }
    return failure();
}

Status ThreadedSink::drain()
{
    if (m_thread.joinable())
        (void)pushCurrent();
    return stopThread(Stop::Finish);
}

Status ThreadedSink::finish()
{
    if (Status s = drain(); !s)
        return s;
    return m_next->finish();
}

void ThreadedSink::abort()
{
    (void)stopThread(Stop::Abort);
    m_next->abort();
}

} // namespace lifeboat
