#pragma once

#include "engine/io/ByteSink.h"

#include <QByteArray>

#include <memory>

typedef struct ZSTD_CCtx_s ZSTD_CCtx;

namespace lifeboat {

// Streams bytes into standard zstd frames (with content checksums, so `zstd -t`/`zstd -d` verify
// them), using libzstd's worker threads when `threads` > 0. Holds one output block at a time.
//
// With `frameBytes` > 0 it ends a frame after every `frameBytes` bytes of input and starts the
// next, so the output is a series of independent frames that can be decoded on several cores at
// once (ParallelZstdDecompressor); `zstd -d` reads the series as one stream, as the zstd format
// defines. 0 writes one frame.
class ZstdCompressor final : public ByteSink
{
public:
    // 32 MiB frames: as fast to write as one frame with libzstd's workers (a frame's end waits for
    // its jobs, and smaller frames made that wait show), and small enough to decode in parallel.
    static constexpr qint64 kDefaultFrameBytes = qint64(32) << 20;

    static Result<std::unique_ptr<ZstdCompressor>> create(int level, int threads, ByteSink *next,
                                                          qint64 frameBytes = 0);
    ~ZstdCompressor() override;

    Status write(const char *data, qint64 size) override;
    Status finish() override;
    void abort() override;

    qint64 bytesIn() const { return m_in; }
    qint64 bytesOut() const { return m_out; }
    // Worker threads for a level: 0 (automatic) becomes min(cores, 4).
    static int effectiveThreads(int requested);

private:
    ZstdCompressor(ZSTD_CCtx *ctx, ByteSink *next, qint64 frameBytes);
    Status drain(int mode, const char *data, qint64 size);

    ZSTD_CCtx *m_ctx = nullptr;
    ByteSink *m_next = nullptr;
    QByteArray m_outBuffer;
    qint64 m_in = 0;
    qint64 m_out = 0;
    const qint64 m_frameBytes;
    qint64 m_inFrame = 0; // input bytes of the frame being written
    int m_frames = 0;     // frames ended so far
};

} // namespace lifeboat
