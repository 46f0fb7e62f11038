#pragma once

#include "engine/io/ByteSink.h"

#include <QByteArray>

#include <memory>

typedef struct ZSTD_DCtx_s ZSTD_DCtx;

namespace lifeboat {

// Streams zstd frames back to the original bytes, checking every frame's content checksum.
// Reports corruption with the compressed offset where it was found.
class ZstdDecompressor final : public ByteSink
{
public:
    explicit ZstdDecompressor(ByteSink *next);
    ~ZstdDecompressor() override;

    Status write(const char *data, qint64 size) override;
    Status finish() override;
    void abort() override;

    qint64 bytesIn() const { return m_in; }
    qint64 bytesOut() const { return m_out; }

private:
    ZSTD_DCtx *m_ctx = nullptr;
    ByteSink *m_next = nullptr;
    QByteArray m_outBuffer;
    qint64 m_in = 0;
    qint64 m_out = 0;
    size_t m_lastHint = 0; // 0 = a frame just ended
};

} // namespace lifeboat
