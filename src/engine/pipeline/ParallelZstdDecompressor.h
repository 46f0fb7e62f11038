#pragma once

#include "engine/io/ByteSink.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

typedef struct ZSTD_DCtx_s ZSTD_DCtx;

namespace lifeboat {

// Decodes a series of independent zstd frames, each at most `maxFrameBytes` long once decoded
// (what ZstdCompressor writes with a frame size), on `workers` threads at once, and hands the
// bytes on to `next` in order, on a thread of its own. Every frame's content checksum is checked,
// as with ZstdDecompressor, and a problem is reported with the compressed offset where it was
// found. The first problem in the order of the stream wins, whichever thread saw it first.
//
// write() cuts the compressed bytes into whole frames (zstd's block headers say where a frame
// ends) and queues them; it waits while `workers` frames are being decoded or written. The first
// frame's bytes go to the writer as they are decoded; the frames after it may hold half a frame's
// worth each (workers - 1 of them) until their turn. Memory so stays near `workers` compressed
// frames + (workers - 1) half frames + a few 1 MiB chunks (about 65 MiB with 32 MiB frames and
// two workers); every buffer is reused, since fresh pages cost a fault each. A frame that is
// larger than `maxFrameBytes`, or a run of bytes that is longer than any such frame could be, is
// corrupt: it is refused rather than held in memory.
//
// The sink must be destroyed before `next` (declare it after `next`): its destructor stops and
// joins its threads.
class ParallelZstdDecompressor final : public ByteSink
{
public:
    ParallelZstdDecompressor(ByteSink *next, qint64 maxFrameBytes, int workers);
    ~ParallelZstdDecompressor() override;
    ParallelZstdDecompressor(const ParallelZstdDecompressor &) = delete;
    ParallelZstdDecompressor &operator=(const ParallelZstdDecompressor &) = delete;

    Status write(const char *data, qint64 size) override;
    // Waits until every frame is decoded and written, then calls next->finish() (on the caller's
    // thread) unless something failed. Bytes left that are not a whole frame mean truncation.
    Status finish() override;
    // Drops whatever is queued, stops the threads, then aborts the next stage.
    void abort() override;
    // After something upstream failed: decodes and writes the whole frames already queued, stops
    // the threads, and returns their failure (about earlier bytes than the upstream one) if there
    // was one. Does not call next->finish() or next->abort().
    Status drain();

    // Workers for a machine: min(cores, 4), at least 1.
    static int defaultWorkers();

private:
    struct Chunk
    {
        std::unique_ptr<char[]> data;
        qint64 size = 0;
    };
    struct Frame
    {
        qint64 offset = 0; // of its first compressed byte in the stream
        std::vector<char> compressed;
        std::deque<Chunk> decoded; // ready for the writer, in order
        bool taken = false;        // a worker is decoding it
        bool done = false;         // decoded to its end (or failed)
        std::optional<Error> error;
    };

    void decodeLoop();
    void writeLoop();
    void decodeFrame(Frame &frame, ZSTD_DCtx *dctx);
    int waitingChunks() const; // decoded chunks of the frames after the first; lock held
    Status cutFrames();
    Status queueFrame(std::vector<char> compressed, qint64 offset);
    std::vector<char> takeBuffer(); // a reused buffer for compressed bytes, or a new one
    Status failure() const;         // takes the lock
    Status stop(bool finishQueued);
    // A chunk for `frame`'s worker; waits while frames after the first hold their share.
    std::unique_ptr<char[]> takeChunk(const Frame *frame);

    ByteSink *m_next;
    const qint64 m_maxFrameBytes;
    const qint64 m_maxCompressedFrame;
    const qint64 m_chunkBytes;
    const int m_workers;
    const int m_maxFrames;
    const int m_maxWaitingChunks;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::shared_ptr<Frame>> m_frames; // queued, being decoded or written, in order
    std::vector<std::unique_ptr<char[]>> m_freeChunks;
    std::vector<std::vector<char>> m_freeBuffers; // compressed frames' buffers, for reuse
    int m_waitingChunks = 0;                      // decoded chunks of frames after the first
    bool m_noMoreFrames = false;
    bool m_abort = false;
    std::optional<Error> m_error; // the first failure in stream order

    std::vector<char> m_pending; // compressed bytes not yet a whole frame (producer only)
    qint64 m_in = 0;             // compressed bytes written; m_pending starts at m_in - m_pending.size()
    bool m_stopped = false;
    std::vector<std::thread> m_threads;
};

} // namespace lifeboat
