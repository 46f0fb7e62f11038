#include "engine/pipeline/ParallelZstdDecompressor.h"

#include <QThread>

#include <pthread.h>
#include <zstd.h>
#include <zstd_errors.h>

namespace lifeboat {

namespace {

constexpr int kFirstFrameChunks = 4;

Error corruptAt(qint64 offset, const QString &why)
{
    return makeError(
        QStringLiteral("zstd.corrupt"),
        QStringLiteral("the zstd data is corrupt near compressed byte %1 (%2)").arg(offset).arg(why));
}

Error tooLarge(qint64 offset, qint64 maxFrameBytes)
{
    return makeError(
        QStringLiteral("zstd.corrupt"),
        QStringLiteral("the zstd data is corrupt near compressed byte %1 (a frame longer than the "
                       "%2 bytes this backup's frames hold)")
            .arg(offset)
            .arg(maxFrameBytes));
}

} // namespace

int ParallelZstdDecompressor::defaultWorkers()
{
    return qBound(1, QThread::idealThreadCount(), 4);
}

ParallelZstdDecompressor::ParallelZstdDecompressor(ByteSink *next, qint64 maxFrameBytes, int workers)
    : m_next(next)
    , m_maxFrameBytes(qMax<qint64>(1, maxFrameBytes))
    , m_maxCompressedFrame(qint64(ZSTD_compressBound(size_t(m_maxFrameBytes))) + (qint64(64) << 10))
    , m_chunkBytes(qBound<qint64>(qint64(64) << 10, m_maxFrameBytes, qint64(1) << 20))
    , m_workers(qMax(1, workers))
    , m_maxFrames(m_workers)
    , m_maxWaitingChunks(
          int(qMax(1, m_workers - 1) * ((m_maxFrameBytes / 2 + m_chunkBytes - 1) / m_chunkBytes)))
{
    m_threads.emplace_back([this] { writeLoop(); });
    for (int i = 0; i < m_workers; ++i)
        m_threads.emplace_back([this] { decodeLoop(); });
}

ParallelZstdDecompressor::~ParallelZstdDecompressor()
{
    (void)stop(false);
}

Status ParallelZstdDecompressor::failure() const
{
    std::lock_guard lock(m_mutex);
    if (m_error)
        return *m_error;
    return {};
}

int ParallelZstdDecompressor::waitingChunks() const
{
    int n = 0;
    for (size_t i = 1; i < m_frames.size(); ++i)
        n += int(m_frames[i]->decoded.size());
    return n;
}

std::unique_ptr<char[]> ParallelZstdDecompressor::takeChunk(const Frame *frame)
{
    std::unique_lock lock(m_mutex);
    // The first frame's chunks go to the writer as they come, a few at most waiting; the frames
    // after it share a bounded number. A slow writer so holds memory at a bound, and the first
    // frame never waits for the others.
    m_changed.wait(lock, [&] {
        if (m_abort || m_frames.empty())
            return true;
        if (m_frames.front().get() == frame)
            return int(frame->decoded.size()) < kFirstFrameChunks;
        return waitingChunks() < m_maxWaitingChunks;
    });
    if (m_abort)
        return nullptr;
    if (!m_freeChunks.empty()) {
        auto chunk = std::move(m_freeChunks.back());
        m_freeChunks.pop_back();
        return chunk;
    }
    return std::make_unique<char[]>(size_t(m_chunkBytes));
}

void ParallelZstdDecompressor::decodeFrame(Frame &frame, ZSTD_DCtx *dctx)
{
    auto fail = [&](const Error &e) {
        std::lock_guard lock(m_mutex);
        frame.error = e;
    };
    auto recycle = [&](Chunk &chunk) {
        if (!chunk.data)
            return;
        std::lock_guard lock(m_mutex);
        m_freeChunks.push_back(std::move(chunk.data));
    };
    auto hand = [&](Chunk &chunk) {
        {
            std::lock_guard lock(m_mutex);
            frame.decoded.push_back(std::move(chunk));
        }
        m_changed.notify_all();
        chunk = Chunk();
    };
    (void)ZSTD_DCtx_reset(dctx, ZSTD_reset_session_only);
    ZSTD_inBuffer in{frame.compressed.data(), frame.compressed.size(), 0};
    Chunk current;
    qint64 total = 0;
    for (;;) {
        if (!current.data) {
            current.data = takeChunk(&frame);
            if (!current.data)
                return; // aborted
            current.size = 0;
        }
        ZSTD_outBuffer out{current.data.get() + current.size, size_t(m_chunkBytes - current.size), 0};
        const size_t hint = ZSTD_decompressStream(dctx, &out, &in);
        if (ZSTD_isError(hint)) {
            fail(corruptAt(frame.offset + qint64(in.pos), QString::fromLatin1(ZSTD_getErrorName(hint))));
            recycle(current);
            return;
        }
        current.size += qint64(out.pos);
        total += qint64(out.pos);
        if (total > m_maxFrameBytes) {
            fail(tooLarge(frame.offset, m_maxFrameBytes));
            recycle(current);
            return;
        }
        if (current.size == m_chunkBytes)
            hand(current);
        if (hint == 0)
            break; // the frame is decoded, its checksum checked, and everything flushed
        if (in.pos == in.size && out.pos == 0) {
            // The block headers said the frame ends here, but the decoder wants more: corrupt.
            fail(corruptAt(frame.offset + qint64(in.pos), QStringLiteral("the frame ends early")));
            recycle(current);
            return;
        }
    }
    if (in.pos != in.size) {
        fail(corruptAt(frame.offset + qint64(in.pos), QStringLiteral("bytes after the end of a frame")));
        recycle(current);
        return;
    }
    if (current.size > 0)
        hand(current);
    else
        recycle(current);
}

void ParallelZstdDecompressor::decodeLoop()
{
    ::pthread_setname_np(::pthread_self(), "lifeboat-unzstd");
    ZSTD_DCtx *dctx = ZSTD_createDCtx();
    std::unique_lock lock(m_mutex);
    for (;;) {
        std::shared_ptr<Frame> frame;
        m_changed.wait(lock, [&] {
            if (m_abort)
                return true;
            for (const auto &f : m_frames) {
                if (!f->taken) {
                    frame = f;
                    return true;
                }
            }
            return m_noMoreFrames;
        });
        if (m_abort || !frame)
            break;
        frame->taken = true;
        if (!dctx)
            frame->error = makeError(QStringLiteral("zstd.init"),
                                     QStringLiteral("cannot create a zstd decompressor (out of memory)"));
        // After a failure earlier in the stream nothing later is written: don't decode it.
        const bool skip = m_error.has_value() || frame->error.has_value();
        lock.unlock();
        if (!skip)
            decodeFrame(*frame, dctx);
        lock.lock();
        // The buffer goes back for a later frame: fresh memory costs page faults, reused does not.
        frame->compressed.clear();
        if (int(m_freeBuffers.size()) <= m_maxFrames)
            m_freeBuffers.push_back(std::move(frame->compressed));
        frame->compressed = std::vector<char>();
        frame->done = true;
        m_changed.notify_all();
    }
    lock.unlock();
    ZSTD_freeDCtx(dctx);
}

void ParallelZstdDecompressor::writeLoop()
{
    ::pthread_setname_np(::pthread_self(), "lifeboat-write");
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] {
            return m_abort || (m_frames.empty() && m_noMoreFrames) ||
                   (!m_frames.empty() && (!m_frames.front()->decoded.empty() || m_frames.front()->done));
        });
        if (m_abort || m_frames.empty())
            return;
        Frame &frame = *m_frames.front();
        if (!frame.decoded.empty()) {
            Chunk chunk = std::move(frame.decoded.front());
            frame.decoded.pop_front();
            const bool failed = m_error.has_value();
            lock.unlock();
            // After a failure the chunks are only recycled, so no thread waits forever.
            const Status s = failed ? Status() : m_next->write(chunk.data.get(), chunk.size);
            lock.lock();
            if (!s && !m_error)
                m_error = s.error();
            m_freeChunks.push_back(std::move(chunk.data));
            m_changed.notify_all();
            continue;
        }
        // The first frame is decoded and written: its problem, if any, is the first in the stream.
        if (frame.error && !m_error)
            m_error = frame.error;
        m_frames.pop_front();
        m_changed.notify_all();
    }
}

std::vector<char> ParallelZstdDecompressor::takeBuffer()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_freeBuffers.empty()) {
            std::vector<char> buffer = std::move(m_freeBuffers.back());
            m_freeBuffers.pop_back();
            return buffer;
        }
    }
    // Room for the largest frame up front: growing by doubling would copy and touch fresh pages
    // every time (a reservation alone touches none).
    std::vector<char> buffer;
    buffer.reserve(size_t(m_maxCompressedFrame));
    return buffer;
}

Status ParallelZstdDecompressor::queueFrame(std::vector<char> compressed, qint64 offset)
{
    auto frame = std::make_shared<Frame>();
    frame->offset = offset;
    frame->compressed = std::move(compressed);
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock,
                   [&] { return int(m_frames.size()) < m_maxFrames || m_error.has_value() || m_abort; });
    if (m_error)
        return *m_error;
    if (m_abort)
        return makeError(QStringLiteral("zstd.stopped"), QStringLiteral("the zstd decoder was stopped"));
    m_frames.push_back(std::move(frame));
    lock.unlock();
    m_changed.notify_all();
    return {};
}

Status ParallelZstdDecompressor::cutFrames()
{
    Status result;
    while (!m_pending.empty()) {
        const qint64 offset = m_in - qint64(m_pending.size()); // of the frame being cut
        const char *p = m_pending.data();
        const size_t available = m_pending.size();
        const size_t n = ZSTD_findFrameCompressedSize(p, available);
        if (ZSTD_isError(n)) {
            if (ZSTD_getErrorCode(n) == ZSTD_error_srcSize_wrong) {
                if (qint64(available) > m_maxCompressedFrame)
                    result = tooLarge(offset, m_maxFrameBytes);
                break; // the rest of the frame is still to come
            }
            result = corruptAt(offset, QString::fromLatin1(ZSTD_getErrorName(n)));
            break;
        }
        const unsigned long long declared = ZSTD_getFrameContentSize(p, available);
        if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != ZSTD_CONTENTSIZE_ERROR &&
            declared > quint64(m_maxFrameBytes)) {
            result = tooLarge(offset, m_maxFrameBytes);
            break;
        }
        // The frame keeps the buffer it arrived in; the bytes after it start the next one.
        std::vector<char> frame = takeBuffer();
        frame.assign(m_pending.begin() + qint64(n), m_pending.end());
        frame.swap(m_pending);
        frame.resize(n);
        if (Status s = queueFrame(std::move(frame), offset); !s) {
            result = s;
            break;
        }
    }
    if (result.ok())
        return {};
    // Frames before this point may hold an earlier problem: let them be written first.
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_frames.empty() || m_error.has_value() || m_abort; });
    if (m_error)
        return *m_error;
    return result;
}

Status ParallelZstdDecompressor::write(const char *data, qint64 size)
{
    if (m_stopped)
        return failure();
    if (Status s = failure(); !s)
        return s;
    m_in += size;
    if (m_pending.capacity() == 0)
        m_pending = takeBuffer();
    m_pending.insert(m_pending.end(), data, data + size);
    return cutFrames();
}

Status ParallelZstdDecompressor::stop(bool finishQueued)
{
    if (m_stopped)
        return failure();
    {
        std::lock_guard lock(m_mutex);
        if (finishQueued)
            m_noMoreFrames = true;
        else
            m_abort = true;
    }
    m_changed.notify_all();
    for (std::thread &t : m_threads)
        t.join();
    m_threads.clear();
    m_stopped = true;
    return failure();
}

Status ParallelZstdDecompressor::drain()
{
    return stop(true);
}

Status ParallelZstdDecompressor::finish()
{
    if (Status s = stop(true); !s)
        return s;
    if (m_abort) // stopped by abort() before: the threads are gone, so no lock is needed
        return makeError(QStringLiteral("zstd.stopped"), QStringLiteral("the zstd decoder was stopped"));
    if (!m_pending.empty() || m_in == 0)
        return makeError(
            QStringLiteral("zstd.truncated"),
            QStringLiteral("the zstd data ends in the middle of a frame after %1 compressed bytes: "
                           "the file is truncated")
                .arg(m_in));
    return m_next->finish();
}

void ParallelZstdDecompressor::abort()
{
    (void)stop(false);
    m_next->abort();
}

} // namespace lifeboat
