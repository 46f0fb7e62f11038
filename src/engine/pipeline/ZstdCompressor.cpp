#include "engine/pipeline/ZstdCompressor.h"

#include <QThread>

#include <zstd.h>

namespace lifeboat {

ZstdCompressor::ZstdCompressor(ZSTD_CCtx *ctx, ByteSink *next, qint64 frameBytes)
    : m_ctx(ctx)
    , m_next(next)
    , m_frameBytes(qMax<qint64>(0, frameBytes))
{
    m_outBuffer.resize(qsizetype(ZSTD_CStreamOutSize()));
}

ZstdCompressor::~ZstdCompressor()
{
    ZSTD_freeCCtx(m_ctx);
}

int ZstdCompressor::effectiveThreads(int requested)
{
    if (requested > 0)
        return requested;
    return qBound(1, QThread::idealThreadCount(), 4);
}

Result<std::unique_ptr<ZstdCompressor>> ZstdCompressor::create(int level, int threads, ByteSink *next,
                                                               qint64 frameBytes)
{
    ZSTD_CCtx *ctx = ZSTD_createCCtx();
    if (!ctx)
        return makeError(QStringLiteral("zstd.init"),
                         QStringLiteral("cannot create a zstd compressor (out of memory)"));
    auto check = [](size_t rc) {
        return !ZSTD_isError(rc);
    };
    if (!check(ZSTD_CCtx_setParameter(ctx, ZSTD_c_compressionLevel, level)) ||
        !check(ZSTD_CCtx_setParameter(ctx, ZSTD_c_checksumFlag, 1))) {
        ZSTD_freeCCtx(ctx);
        return makeError(QStringLiteral("zstd.init"),
                         QStringLiteral("zstd rejected compression level %1").arg(level));
    }
    const int workers = effectiveThreads(threads);
    // nbWorkers >= 1 moves compression to libzstd's own threads, overlapping it with reading.
    // A libzstd built without threads refuses: then compress on this thread.
    if (workers >= 1)
        (void)ZSTD_CCtx_setParameter(ctx, ZSTD_c_nbWorkers, workers);
    return std::unique_ptr<ZstdCompressor>(new ZstdCompressor(ctx, next, frameBytes));
}

Status ZstdCompressor::drain(int mode, const char *data, qint64 size)
{
    ZSTD_inBuffer in{data, size_t(size), 0};
    for (;;) {
        ZSTD_outBuffer out{m_outBuffer.data(), size_t(m_outBuffer.size()), 0};
        const size_t remaining = ZSTD_compressStream2(m_ctx, &out, &in, ZSTD_EndDirective(mode));
        if (ZSTD_isError(remaining))
            return makeError(QStringLiteral("zstd.compress"),
                             QStringLiteral("zstd compression failed: %1")
                                 .arg(QString::fromLatin1(ZSTD_getErrorName(remaining))));
        if (out.pos > 0) {
            m_out += qint64(out.pos);
            if (Status s = m_next->write(m_outBuffer.constData(), qint64(out.pos)); !s)
                return s;
        }
        if (mode == ZSTD_e_continue) {
            if (in.pos == in.size)
                return {};
        } else if (remaining == 0) {
            return {};
        }
    }
}

Status ZstdCompressor::write(const char *data, qint64 size)
{
    m_in += size;
    if (m_frameBytes == 0)
        return drain(ZSTD_e_continue, data, size);
    while (size > 0) {
        const qint64 n = qMin(size, m_frameBytes - m_inFrame);
        if (Status s = drain(ZSTD_e_continue, data, n); !s)
            return s;
        data += n;
        size -= n;
        m_inFrame += n;
        if (m_inFrame == m_frameBytes) {
            if (Status s = drain(ZSTD_e_end, nullptr, 0); !s)
                return s;
            m_inFrame = 0;
            ++m_frames;
        }
    }
    return {};
}

Status ZstdCompressor::finish()
{
    // The last frame is already closed when the input ended on a frame boundary; ending again
    // would add an empty frame. No input at all still gives one (empty) frame.
    if (m_inFrame > 0 || m_frames == 0) {
        if (Status s = drain(ZSTD_e_end, nullptr, 0); !s)
            return s;
        ++m_frames;
    }
    return m_next->finish();
}

void ZstdCompressor::abort()
{
    ZSTD_CCtx_reset(m_ctx, ZSTD_reset_session_only);
    m_next->abort();
}

} // namespace lifeboat
