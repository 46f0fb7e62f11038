#pragma once

#include "engine/pipeline/ByteSink.h"

#include <QByteArray>

#include <memory>

typedef struct ZSTD_CCtx_s ZSTD_CCtx;

namespace lifeboat {

// Streams bytes into standard zstd frames (with content checksums, so `zstd -t`/`zstd -d` verify
// them), using libzstd's worker threads when `threads` > 0. Holds one output block at a time.
class ZstdCompressor final : public ByteSink
{
public:
    static Result<std::unique_ptr<ZstdCompressor>> create(int level, int threads, ByteSink *next);
    ~ZstdCompressor() override;

    Status write(const char *data, qint64 size) override;
    Status finish() override;
    void abort() override;

    qint64 bytesIn() const { return m_in; }
    qint64 bytesOut() const { return m_out; }
    // Worker threads for a level: 0 (automatic) becomes min(cores, 4).
    static int effectiveThreads(int requested);

private:
    ZstdCompressor(ZSTD_CCtx *ctx, ByteSink *next);
    Status drain(int mode, const char *data, qint64 size);

    ZSTD_CCtx *m_ctx = nullptr;
    ByteSink *m_next = nullptr;
    QByteArray m_outBuffer;
    qint64 m_in = 0;
    qint64 m_out = 0;
};

} // namespace lifeboat
