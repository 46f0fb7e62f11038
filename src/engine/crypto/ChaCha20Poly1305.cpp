#include "engine/crypto/ChaCha20Poly1305.h"

#include "engine/crypto/CryptoPrimitives.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

namespace lifeboat {

ChaCha20Poly1305::ChaCha20Poly1305(const SecretBytes &key)
    : m_key(key)
    , m_ctx(EVP_CIPHER_CTX_new())
{
    Q_ASSERT(key.size() == KeySize);
}

ChaCha20Poly1305::~ChaCha20Poly1305()
{
    EVP_CIPHER_CTX_free(m_ctx);
}

Status ChaCha20Poly1305::seal(const Nonce &nonce, const char *plaintext, qsizetype size, char *out)
{
    const auto fail = [] {
        return makeError(QStringLiteral("crypto.openssl"),
                         QStringLiteral("ChaCha20-Poly1305 encryption failed in OpenSSL: ") +
                             crypto::takeOpenSslErrors());
    };
    if (!m_ctx || m_key.size() != KeySize)
        return fail();
    if (EVP_EncryptInit_ex(m_ctx, EVP_chacha20_poly1305(), nullptr, m_key.data(), nonce.data()) != 1)
        return fail();
    int length = 0;
    auto *outBytes = reinterpret_cast<unsigned char *>(out);
    if (size > 0 && (EVP_EncryptUpdate(m_ctx, outBytes, &length,
                                       reinterpret_cast<const unsigned char *>(plaintext), int(size)) != 1 ||
                     length != int(size)))
        return fail();
    int finalLength = 0;
    if (EVP_EncryptFinal_ex(m_ctx, outBytes + size, &finalLength) != 1 || finalLength != 0)
        return fail();
    if (EVP_CIPHER_CTX_ctrl(m_ctx, EVP_CTRL_AEAD_GET_TAG, TagSize, outBytes + size) != 1)
        return fail();
    return {};
}

bool ChaCha20Poly1305::open(const Nonce &nonce, const char *ciphertext, qsizetype size, char *out)
{
    if (!m_ctx || m_key.size() != KeySize || size < TagSize)
        return false;
    const qsizetype plainSize = size - TagSize;
    auto *outBytes = reinterpret_cast<unsigned char *>(out);
    const auto *in = reinterpret_cast<const unsigned char *>(ciphertext);
    bool ok = EVP_DecryptInit_ex(m_ctx, EVP_chacha20_poly1305(), nullptr, m_key.data(), nonce.data()) == 1;
    int length = 0;
    if (ok && plainSize > 0)
        ok = EVP_DecryptUpdate(m_ctx, outBytes, &length, in, int(plainSize)) == 1 && length == int(plainSize);
    if (ok)
        ok = EVP_CIPHER_CTX_ctrl(m_ctx, EVP_CTRL_AEAD_SET_TAG, TagSize,
                                 const_cast<unsigned char *>(in + plainSize)) == 1;
    int finalLength = 0;
    if (ok)
        ok = EVP_DecryptFinal_ex(m_ctx, outBytes + plainSize, &finalLength) == 1 && finalLength == 0;
    if (!ok) {
        ERR_clear_error();
        if (plainSize > 0)
            OPENSSL_cleanse(out, size_t(plainSize));
    }
    return ok;
}

} // namespace lifeboat
