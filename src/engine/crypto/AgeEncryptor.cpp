#include "engine/crypto/AgeEncryptor.h"

#include "engine/crypto/AgeFormat.h"
#include "engine/crypto/AgeHeader.h"
#include "engine/crypto/AgeScrypt.h"
#include "engine/crypto/ChaCha20Poly1305.h"
#include "engine/crypto/CryptoLog.h"
#include "engine/crypto/CryptoPrimitives.h"

#include <openssl/crypto.h>

#include <cstring>

namespace lifeboat {

namespace {

Result<SecretBytes> newFileKey()
{
    SecretBytes fileKey(age::FileKeySize);
    if (const Status random = crypto::randomBytes(fileKey.data(), fileKey.size()); !random)
        return random.error();
    return fileKey;
}

Error encryptError(const QString &message)
{
    return makeError(QStringLiteral("age.encrypt"), message);
}

} // namespace

AgeEncryptor::AgeEncryptor(ByteSink *next, QByteArray headerAndNonce, std::unique_ptr<ChaCha20Poly1305> aead)
    : m_next(next)
    , m_headerAndNonce(std::move(headerAndNonce))
    , m_aead(std::move(aead))
    , m_plain(age::ChunkSize, Qt::Uninitialized)
    , m_sealed(age::EncryptedChunkSize, Qt::Uninitialized)
{}

AgeEncryptor::~AgeEncryptor()
{
    OPENSSL_cleanse(m_plain.data(), size_t(m_plain.size()));
}

Result<std::unique_ptr<AgeEncryptor>> AgeEncryptor::forRecipients(const QList<AgeRecipient> &recipients,
                                                                  ByteSink *next)
{
    if (!next)
        return encryptError(QStringLiteral("The age encryptor has nowhere to write."));
    if (recipients.isEmpty())
        return encryptError(QStringLiteral("Cannot encrypt: no age recipients were given."));
    for (const AgeRecipient &recipient : recipients) {
        if (!recipient.isValid())
            return encryptError(QStringLiteral("Cannot encrypt: one of the age recipients is not set."));
    }
    const Result<SecretBytes> fileKey = newFileKey();
    if (!fileKey)
        return fileKey.error();
    QList<AgeStanza> stanzas;
    for (const AgeRecipient &recipient : recipients) {
        Result<AgeStanza> stanza = recipient.wrap(*fileKey);
        if (!stanza)
            return encryptError(
                QStringLiteral("Cannot encrypt to %1: %2").arg(recipient.toString(), stanza.error().message));
        stanzas.append(std::move(stanza).value());
    }
    qCDebug(lcCrypto) << "age: encrypting to" << recipients.size() << "recipient(s)";
    return create(stanzas, *fileKey, next);
}

Result<std::unique_ptr<AgeEncryptor>> AgeEncryptor::forPassphrase(const QByteArray &passphrase,
                                                                  int scryptLogN, ByteSink *next)
{
    if (!next)
        return encryptError(QStringLiteral("The age encryptor has nowhere to write."));
    if (passphrase.isEmpty())
        return encryptError(QStringLiteral("Cannot encrypt with an empty passphrase."));
    if (scryptLogN < AgeScrypt::MinEncryptLogN || scryptLogN > AgeScrypt::MaxLogN)
        return encryptError(
            QStringLiteral("The scrypt work factor 2^%1 is outside the supported range 2^%2 to 2^%3.")
                .arg(scryptLogN)
                .arg(AgeScrypt::MinEncryptLogN)
                .arg(AgeScrypt::MaxLogN));
    const Result<SecretBytes> fileKey = newFileKey();
    if (!fileKey)
        return fileKey.error();
    const SecretBytes secret(passphrase.constData(), passphrase.size());
    Result<AgeStanza> stanza = AgeScrypt::wrap(*fileKey, secret, scryptLogN);
    if (!stanza)
        return stanza.error();
    qCDebug(lcCrypto) << "age: encrypting with a passphrase, scrypt work factor 2^" << scryptLogN;
    return create({std::move(stanza).value()}, *fileKey, next);
}

Result<std::unique_ptr<AgeEncryptor>> AgeEncryptor::create(const QList<AgeStanza> &stanzas,
                                                           const SecretBytes &fileKey, ByteSink *next)
{
    const QByteArray macInput = AgeHeader::serialiseForMac(stanzas);
    const Result<QByteArray> mac = age::headerMac(fileKey, macInput);
    if (!mac)
        return mac.error();
    QByteArray nonce(age::StreamNonceSize, Qt::Uninitialized);
    if (const Status random = crypto::randomBytes(nonce.data(), nonce.size()); !random)
        return random.error();
    const Result<SecretBytes> payloadKey = age::payloadKey(fileKey, nonce);
    if (!payloadKey)
        return payloadKey.error();
    return std::unique_ptr<AgeEncryptor>(new AgeEncryptor(next, AgeHeader::serialise(macInput, *mac) + nonce,
                                                          std::make_unique<ChaCha20Poly1305>(*payloadKey)));
}

Status AgeEncryptor::write(const char *data, qint64 size)
{
    if (m_error)
        return *m_error;
    if (m_finished)
        return fail(
            encryptError(QStringLiteral("Internal error: data was written to the age encryptor after it "
                                        "finished.")));
    if (size < 0)
        return fail(encryptError(QStringLiteral("Internal error: negative write size.")));
    if (Status header = emitHeader(); !header)
        return header;
    while (size > 0) {
        // A full buffer is sealed only once more data arrives: the last chunk may be full.
        if (m_fill == age::ChunkSize) {
            if (Status sealed = sealChunk(false); !sealed)
                return sealed;
        }
        const qint64 take = qMin(size, age::ChunkSize - m_fill);
        std::memcpy(m_plain.data() + m_fill, data, size_t(take));
        m_fill += take;
        data += take;
        size -= take;
        m_plaintextBytes += take;
    }
    return {};
}

Status AgeEncryptor::finish()
{
    if (m_error)
        return *m_error;
    if (m_finished)
        return fail(encryptError(QStringLiteral("Internal error: the age encryptor was finished twice.")));
    if (Status header = emitHeader(); !header)
        return header;
    if (Status sealed = sealChunk(true); !sealed)
        return sealed;
    m_finished = true;
    m_aead.reset();
    if (const Status finished = m_next->finish(); !finished)
        return fail(finished.error());
    return {};
}

void AgeEncryptor::abort()
{
    m_aead.reset();
    OPENSSL_cleanse(m_plain.data(), size_t(m_plain.size()));
    m_fill = 0;
    if (!m_error)
        m_error = encryptError(QStringLiteral("The age encryption was aborted."));
    m_next->abort();
}

Status AgeEncryptor::emitHeader()
{
    if (m_headerWritten)
        return {};
    m_headerWritten = true;
    return push(m_headerAndNonce.constData(), m_headerAndNonce.size());
}

Status AgeEncryptor::sealChunk(bool last)
{
    if (!m_aead)
        return fail(encryptError(QStringLiteral("Internal error: the age encryptor has no key.")));
    const Status sealed =
        m_aead->seal(age::chunkNonce(m_counter, last), m_plain.constData(), m_fill, m_sealed.data());
    if (!sealed)
        return fail(sealed.error());
    const qint64 size = m_fill + ChaCha20Poly1305::TagSize;
    m_fill = 0;
    ++m_counter;
    return push(m_sealed.constData(), size);
}

Status AgeEncryptor::push(const char *data, qint64 size)
{
    const Status written = m_next->write(data, size);
    if (!written)
        return fail(written.error());
    m_ciphertextBytes += size;
    return {};
}

Status AgeEncryptor::fail(Error error)
{
    m_error = error;
    return error;
}

} // namespace lifeboat
