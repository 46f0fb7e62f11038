#pragma once

#include "engine/io/ByteSink.h"

#include <QByteArray>

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace lifeboat {

// Hashes (SHA-256, OpenSSL) and counts the bytes passing through, then forwards them. With no
// `next`, it is a terminal sink (used to verify stored objects).
class Sha256Sink final : public ByteSink
{
public:
    explicit Sha256Sink(ByteSink *next = nullptr);
    ~Sha256Sink() override;

    Status write(const char *data, qint64 size) override;
    Status finish() override;
    void abort() override;

    qint64 bytes() const { return m_bytes; }
    // Lower-case hex; valid after finish().
    QString hexDigest() const { return m_hex; }

private:
    EVP_MD_CTX *m_ctx = nullptr;
    ByteSink *m_next = nullptr;
    qint64 m_bytes = 0;
    QString m_hex;
};

} // namespace lifeboat
