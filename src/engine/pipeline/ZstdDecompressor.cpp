#include "engine/pipeline/ZstdDecompressor.h"

#include <zstd.h>

namespace lifeboat {

ZstdDecompressor::ZstdDecompressor(ByteSink *next)
    : m_ctx(ZSTD_createDCtx())
    , m_next(next)
{
    m_outBuffer.resize(qsizetype(ZSTD_DStreamOutSize()));
}

ZstdDecompressor::~ZstdDecompressor()
{
    ZSTD_freeDCtx(m_ctx);
}

Status ZstdDecompressor::write(const char *data, qint64 size)
{
    ZSTD_inBuffer in{data, size_t(size), 0};
    while (in.pos < in.size) {
        ZSTD_outBuffer out{m_outBuffer.data(), size_t(m_outBuffer.size()), 0};
        const size_t hint = ZSTD_decompressStream(m_ctx, &out, &in);
        if (ZSTD_isError(hint))
            return makeError(QStringLiteral("zstd.corrupt"),
                             QStringLiteral("the zstd data is corrupt near compressed byte %1 (%2)")
                                 .arg(m_in + qint64(in.pos))
                                 .arg(QString::fromLatin1(ZSTD_getErrorName(hint))));
        m_lastHint = hint;
        if (out.pos > 0) {
            m_out += qint64(out.pos);
            if (Status s = m_next->write(m_outBuffer.constData(), qint64(out.pos)); !s)
                return s;
        }
    }
    m_in += size;
    return {};
}

Status ZstdDecompressor::finish()
{
    // Flush whatever is buffered inside the decoder.
    for (;;) {
        ZSTD_inBuffer in{nullptr, 0, 0};
        ZSTD_outBuffer out{m_outBuffer.data(), size_t(m_outBuffer.size()), 0};
        const size_t hint = ZSTD_decompressStream(m_ctx, &out, &in);
        if (ZSTD_isError(hint))
            return makeError(QStringLiteral("zstd.corrupt"),
                             QStringLiteral("the zstd data is corrupt at its end (%1)")
                                 .arg(QString::fromLatin1(ZSTD_getErrorName(hint))));
        // A call that produced nothing says nothing about the frame (an idle decoder asks for a
        // next frame's header); keep the hint of the last call that did work.
        if (out.pos == 0)
            break;
        m_lastHint = hint;
        m_out += qint64(out.pos);
        if (Status s = m_next->write(m_outBuffer.constData(), qint64(out.pos)); !s)
            return s;
    }
    if (m_lastHint != 0 || m_in == 0)
        return makeError(
            QStringLiteral("zstd.truncated"),
            QStringLiteral("the zstd data ends in the middle of a frame after %1 compressed bytes: the "
                           "file is truncated")
                .arg(m_in));
    return m_next->finish();
}

void ZstdDecompressor::abort()
{
    m_next->abort();
}

} // namespace lifeboat
