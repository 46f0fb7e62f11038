#include "engine/io/Sha256Sink.h"

#include <openssl/evp.h>

namespace lifeboat {

Sha256Sink::Sha256Sink(ByteSink *next)
    : m_ctx(EVP_MD_CTX_new())
    , m_next(next)
{
    EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr);
}

Sha256Sink::~Sha256Sink()
{
    EVP_MD_CTX_free(m_ctx);
}

Status Sha256Sink::write(const char *data, qint64 size)
{
    EVP_DigestUpdate(m_ctx, data, size_t(size));
    m_bytes += size;
    return m_next ? m_next->write(data, size) : Status();
}

Status Sha256Sink::finish()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(m_ctx, digest, &len);
    m_hex = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(len)).toHex());
    return m_next ? m_next->finish() : Status();
}

void Sha256Sink::abort()
{
    if (m_next)
        m_next->abort();
}

} // namespace lifeboat
