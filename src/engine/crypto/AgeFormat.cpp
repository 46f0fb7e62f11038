#include "engine/crypto/AgeFormat.h"

#include "engine/crypto/CryptoPrimitives.h"

namespace lifeboat::age {

Result<QByteArray> headerMac(const SecretBytes &fileKey, const QByteArray &macInput)
{
    const Result<SecretBytes> key =
        crypto::hkdfSha256(fileKey, QByteArray(), QByteArrayLiteral("header"), 32);
    if (!key)
        return key.error();
    return crypto::hmacSha256(*key, macInput);
}

Result<SecretBytes> payloadKey(const SecretBytes &fileKey, const QByteArray &nonce)
{
    return crypto::hkdfSha256(fileKey, nonce, QByteArrayLiteral("payload"), ChaCha20Poly1305::KeySize);
}

ChaCha20Poly1305::Nonce chunkNonce(quint64 counter, bool last)
{
    ChaCha20Poly1305::Nonce nonce{};
    for (int i = 0; i < 8; ++i)
        nonce[10 - i] = static_cast<unsigned char>((counter >> (8 * i)) & 0xff);
    nonce[11] = last ? 1 : 0;
    return nonce;
}

Result<QByteArray> sealFileKey(const SecretBytes &wrappingKey, const SecretBytes &fileKey)
{
    ChaCha20Poly1305 aead(wrappingKey);
    QByteArray body(fileKey.size() + ChaCha20Poly1305::TagSize, Qt::Uninitialized);
    const Status sealed =
        aead.seal(ChaCha20Poly1305::Nonce{}, fileKey.constChars(), fileKey.size(), body.data());
    if (!sealed)
        return sealed.error();
    return body;
}

std::optional<SecretBytes> openFileKey(const SecretBytes &wrappingKey, const QByteArray &body)
{
    if (body.size() != WrappedFileKeySize)
        return std::nullopt;
    ChaCha20Poly1305 aead(wrappingKey);
    SecretBytes fileKey(FileKeySize);
    if (!aead.open(ChaCha20Poly1305::Nonce{}, body.constData(), body.size(),
                   reinterpret_cast<char *>(fileKey.data())))
        return std::nullopt;
    return fileKey;
}

bool isValidArgument(QByteArrayView argument)
{
    if (argument.isEmpty())
        return false;
    for (const char c : argument) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

} // namespace lifeboat::age
