#include "engine/crypto/CryptoPrimitives.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>

namespace lifeboat::crypto {

namespace {

struct OsslDeleter
{
    void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
    void operator()(EVP_KDF_CTX *ctx) const { EVP_KDF_CTX_free(ctx); }
    void operator()(EVP_MAC *mac) const { EVP_MAC_free(mac); }
    void operator()(EVP_MAC_CTX *ctx) const { EVP_MAC_CTX_free(ctx); }
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
    void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); }
};

template<typename T> using OsslPtr = std::unique_ptr<T, OsslDeleter>;

Error opensslError(const QString &what)
{
    return makeError(QStringLiteral("crypto.openssl"),
                     what + QStringLiteral(" failed in OpenSSL: ") + takeOpenSslErrors());
}

OsslPtr<EVP_PKEY> privateKey(const SecretBytes &secretKey)
{
    if (secretKey.size() != X25519KeySize)
        return nullptr;
    return OsslPtr<EVP_PKEY>(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, secretKey.data(), size_t(secretKey.size())));
}

} // namespace

QString takeOpenSslErrors()
{
    QString text;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!text.isEmpty())
            text += QStringLiteral("; ");
        text += QString::fromLatin1(buffer);
    }
    return text.isEmpty() ? QStringLiteral("unknown error") : text;
}

Status randomBytes(void *out, qsizetype size)
{
    if (size <= 0)
        return {};
    if (RAND_bytes(static_cast<unsigned char *>(out), int(size)) != 1)
        return makeError(QStringLiteral("crypto.random"),
                         QStringLiteral("The system random number generator failed: ") + takeOpenSslErrors());
    return {};
}

Result<SecretBytes> hkdfSha256(const SecretBytes &ikm, const QByteArray &salt, const QByteArray &info,
                               qsizetype length)
{
    OsslPtr<EVP_KDF> kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr));
    if (!kdf)
        return opensslError(QStringLiteral("Loading HKDF"));
    OsslPtr<EVP_KDF_CTX> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return opensslError(QStringLiteral("Creating an HKDF context"));

    // OSSL_PARAM wants non-const pointers; OpenSSL only reads through them. An empty salt is left out,
    // which RFC 5869 defines as HashLen zero bytes.
    char digest[] = "SHA256";
    OSSL_PARAM params[5];
    int count = 0;
    params[count++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[count++] = OSSL_PARAM_construct_octet_string(
        OSSL_KDF_PARAM_KEY, const_cast<unsigned char *>(ikm.data()), size_t(ikm.size()));
    if (!salt.isEmpty())
        params[count++] = OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.constData()), size_t(salt.size()));
    params[count++] = OSSL_PARAM_construct_octet_string(
        OSSL_KDF_PARAM_INFO, const_cast<char *>(info.constData()), size_t(info.size()));
    params[count] = OSSL_PARAM_construct_end();
    SecretBytes out(length);
    if (EVP_KDF_derive(ctx.get(), out.data(), size_t(out.size()), params) != 1)
        return opensslError(QStringLiteral("HKDF-SHA256"));
    return out;
}

Result<QByteArray> hmacSha256(const SecretBytes &key, const QByteArray &message)
{
    OsslPtr<EVP_MAC> mac(EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr));
    if (!mac)
        return opensslError(QStringLiteral("Loading HMAC"));
    OsslPtr<EVP_MAC_CTX> ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx)
        return opensslError(QStringLiteral("Creating an HMAC context"));
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_MAC_init(ctx.get(), key.data(), size_t(key.size()), params) != 1)
        return opensslError(QStringLiteral("HMAC-SHA256 initialisation"));
    if (EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char *>(message.constData()),
                       size_t(message.size())) != 1)
        return opensslError(QStringLiteral("HMAC-SHA256"));
    QByteArray out(Sha256Size, Qt::Uninitialized);
    size_t outLength = 0;
    if (EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLength,
                      size_t(out.size())) != 1 ||
        outLength != size_t(Sha256Size))
        return opensslError(QStringLiteral("HMAC-SHA256"));
    return out;
}

Result<QByteArray> x25519PublicKey(const SecretBytes &secretKey)
{
    const OsslPtr<EVP_PKEY> key = privateKey(secretKey);
    if (!key)
        return opensslError(QStringLiteral("Loading an X25519 secret key"));
    QByteArray out(X25519KeySize, Qt::Uninitialized);
    size_t length = size_t(out.size());
    if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(out.data()), &length) != 1 ||
        length != size_t(X25519KeySize))
        return opensslError(QStringLiteral("Computing an X25519 public key"));
    return out;
}

Result<SecretBytes> x25519(const SecretBytes &secretKey, const QByteArray &peerPublicKey)
{
    if (peerPublicKey.size() != X25519KeySize)
        return makeError(QStringLiteral("crypto.x25519"),
                         QStringLiteral("An X25519 public key must be 32 bytes."));
    const OsslPtr<EVP_PKEY> key = privateKey(secretKey);
    if (!key)
        return opensslError(QStringLiteral("Loading an X25519 secret key"));
    const OsslPtr<EVP_PKEY> peer(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_X25519, nullptr, reinterpret_cast<const unsigned char *>(peerPublicKey.constData()),
        size_t(peerPublicKey.size())));
    if (!peer)
        return opensslError(QStringLiteral("Loading an X25519 public key"));
    const OsslPtr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1)
        return opensslError(QStringLiteral("Starting X25519"));
    if (EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1)
        return opensslError(QStringLiteral("Setting the X25519 peer key"));
    SecretBytes shared(X25519KeySize);
    size_t length = size_t(shared.size());
    if (EVP_PKEY_derive(ctx.get(), shared.data(), &length) != 1 || length != size_t(X25519KeySize)) {
        // OpenSSL refuses an all-zero shared secret (a low-order point); so do we, below.
        ERR_clear_error();
        return makeError(QStringLiteral("crypto.x25519-low-order"),
                         QStringLiteral("The X25519 shared secret is all zeroes (a low-order public key)."));
    }
    static const unsigned char zeroes[X25519KeySize] = {};
    if (CRYPTO_memcmp(shared.data(), zeroes, X25519KeySize) == 0)
        return makeError(QStringLiteral("crypto.x25519-low-order"),
                         QStringLiteral("The X25519 shared secret is all zeroes (a low-order public key)."));
    return shared;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace lifeboat::crypto
