#include "engine/crypto/AgeDecryptor.h"

#include "engine/crypto/AgeFormat.h"
#include "engine/crypto/ChaCha20Poly1305.h"
#include "engine/crypto/CryptoLog.h"
#include "engine/crypto/CryptoPrimitives.h"

#include <openssl/crypto.h>

#include <cstring>

namespace lifeboat {

namespace {

bool hasScryptStanza(const AgeHeader &header)
{
    for (const AgeStanza &stanza : header.stanzas) {
        if (stanza.type == age::ScryptType)
            return true;
    }
    return false;
}

} // namespace

AgeDecryptor::AgeDecryptor(ByteSink *next, QList<AgeIdentity> identities,
                           std::optional<SecretBytes> passphrase, int maxScryptLogN)
    : m_next(next)
    , m_identities(std::move(identities))
    , m_passphrase(std::move(passphrase))
    , m_maxScryptLogN(maxScryptLogN)
{}

AgeDecryptor::~AgeDecryptor()
{
    if (!m_plain.isEmpty())
        OPENSSL_cleanse(m_plain.data(), size_t(m_plain.size()));
}

std::unique_ptr<AgeDecryptor> AgeDecryptor::withIdentities(QList<AgeIdentity> identities, ByteSink *next)
{
    return std::unique_ptr<AgeDecryptor>(new AgeDecryptor(next, std::move(identities), std::nullopt, 0));
}

std::unique_ptr<AgeDecryptor> AgeDecryptor::withPassphrase(QByteArray passphrase, ByteSink *next,
                                                           int maxScryptLogN)
{
    return std::unique_ptr<AgeDecryptor>(
        new AgeDecryptor(next, {}, SecretBytes::takeFrom(passphrase), qBound(1, maxScryptLogN, 30)));
}

Status AgeDecryptor::write(const char *data, qint64 size)
{
    if (m_error)
        return *m_error;
    if (m_state == State::Finished)
        return fail(makeError(QStringLiteral("age.decrypt"),
                              QStringLiteral("Internal error: data was written to the age decryptor after it "
                                             "finished.")));
    if (!m_next)
        return fail(makeError(QStringLiteral("age.decrypt"),
                              QStringLiteral("Internal error: the age decryptor has nowhere to write.")));
    if (size <= 0)
        return {};
    m_ciphertextBytes += size;
    while (size > 0) {
        switch (m_state) {
        case State::Header: {
            qint64 used = 0;
            const AgeHeaderParser::Progress progress = m_parser.feed(data, size, &used);
            data += used;
            size -= used;
            if (progress == AgeHeaderParser::Progress::Failed)
                return fail(m_parser.error());
            if (progress == AgeHeaderParser::Progress::NeedMore && used == 0)
                return {};
            if (progress == AgeHeaderParser::Progress::Complete) {
                if (Status unlocked = unlock(m_parser.header()); !unlocked)
                    return unlocked;
                m_state = State::Nonce;
            }
            break;
        }
        case State::Nonce: {
            const qint64 take = qMin<qint64>(size, age::StreamNonceSize - m_nonce.size());
            m_nonce.append(data, take);
            data += take;
            size -= take;
            if (m_nonce.size() == age::StreamNonceSize) {
                if (Status started = startPayload(); !started)
                    return started;
            }
            break;
        }
        case State::Payload: {
            // A full chunk with more data after it is not the last one (unless the file is bad).
            if (m_fill == age::EncryptedChunkSize) {
                if (Status decrypted = decryptFullChunkFollowedByMore(); !decrypted)
                    return decrypted;
            }
            const qint64 take = qMin(size, age::EncryptedChunkSize - m_fill);
            std::memcpy(m_chunk.data() + m_fill, data, size_t(take));
            m_fill += take;
            data += take;
            size -= take;
            break;
        }
        case State::Finished:
            return {};
        }
    }
    return {};
}

Status AgeDecryptor::finish()
{
    if (m_error)
        return *m_error;
    switch (m_state) {
    case State::Header:
        return fail(m_parser.endOfInputError());
    case State::Nonce:
        return fail(
            makeError(QStringLiteral("age.header"),
                      QStringLiteral("The file ends before the 16-byte payload nonce that follows the age "
                                     "header: it was truncated.")));
    case State::Finished:
        return fail(makeError(QStringLiteral("age.decrypt"),
                              QStringLiteral("Internal error: the age decryptor was finished twice.")));
    case State::Payload:
        break;
    }
    if (Status decrypted = decryptFinalChunk(); !decrypted)
        return decrypted;
    m_state = State::Finished;
    m_aead.reset();
    qCDebug(lcCrypto) << "age: decrypted" << m_plaintextBytes << "bytes in" << m_counter << "chunk(s)";
    if (const Status finished = m_next->finish(); !finished)
        return fail(finished.error());
    return {};
}

void AgeDecryptor::abort()
{
    m_aead.reset();
    m_fileKey.clear();
    if (!m_error)
        m_error = makeError(QStringLiteral("age.decrypt"), QStringLiteral("The age decryption was aborted."));
    if (m_next)
        m_next->abort();
}

Status AgeDecryptor::unlock(const AgeHeader &header)
{
    Result<SecretBytes> fileKey = findFileKey(header);
    if (!fileKey)
        return fail(fileKey.error());
    const Result<QByteArray> mac = age::headerMac(*fileKey, header.macInput);
    if (!mac)
        return fail(mac.error());
    if (!crypto::constantTimeEquals(*mac, header.mac))
        return fail(
            makeError(QStringLiteral("age.mac"),
                      QStringLiteral("The age header's MAC does not match: the key opened the file, but its "
                                     "header was modified or is corrupt.")));
    m_fileKey = std::move(fileKey).value();
    m_headerSize = header.size;
    qCDebug(lcCrypto) << "age: header with" << header.stanzas.size() << "stanza(s) verified";
    return {};
}

Result<SecretBytes> AgeDecryptor::findFileKey(const AgeHeader &header) const
{
    const bool passphraseProtected = hasScryptStanza(header);
    if (m_passphrase) {
        if (!passphraseProtected)
            return makeError(
                QStringLiteral("age.no-identity"),
                QStringLiteral("This file is not protected by a passphrase: it was encrypted to age "
                               "public keys, so decrypting it needs an identity (secret key)."));
        for (const AgeStanza &stanza : header.stanzas) {
            Result<std::optional<SecretBytes>> fileKey =
                AgeScrypt::unwrap(stanza, *m_passphrase, m_maxScryptLogN);
            if (!fileKey)
                return fileKey.error();
            if (*fileKey)
                return std::move(**fileKey);
        }
        return makeError(QStringLiteral("age.passphrase"),
                         QStringLiteral("The passphrase is wrong: it does not unlock this file."));
    }

    if (m_identities.isEmpty())
        return makeError(QStringLiteral("age.no-identity"),
                         QStringLiteral("No age identity was given to decrypt this file with."));
    for (const AgeIdentity &identity : m_identities) {
        for (const AgeStanza &stanza : header.stanzas) {
            Result<std::optional<SecretBytes>> fileKey = identity.unwrap(stanza);
            if (!fileKey)
                return fileKey.error();
            if (*fileKey)
                return std::move(**fileKey);
        }
    }
    if (passphraseProtected)
        return makeError(
            QStringLiteral("age.no-identity"),
            QStringLiteral("This file is protected by a passphrase, not encrypted to a public key: "
                           "decrypt it with its passphrase."));
    return makeError(
        QStringLiteral("age.no-identity"),
        QStringLiteral("None of the given identities can decrypt this file (it was encrypted to other "
                       "recipients)."));
}

Status AgeDecryptor::startPayload()
{
    const Result<SecretBytes> key = age::payloadKey(m_fileKey, m_nonce);
    m_fileKey.clear();
    if (!key)
        return fail(key.error());
    m_aead = std::make_unique<ChaCha20Poly1305>(*key);
    m_chunk = QByteArray(age::EncryptedChunkSize, Qt::Uninitialized);
    m_plain = QByteArray(age::ChunkSize, Qt::Uninitialized);
    m_state = State::Payload;
    return {};
}

Status AgeDecryptor::decryptFullChunkFollowedByMore()
{
    if (openChunk(m_fill, false))
        return release(m_fill - ChaCha20Poly1305::TagSize);
    if (openChunk(m_fill, true)) {
        // A full-size final chunk with data after it: what it holds is authentic, the rest is not.
        const qint64 offset = chunkOffset();
        if (Status released = release(m_fill - ChaCha20Poly1305::TagSize); !released)
            return released;
        return fail(
            makeError(QStringLiteral("age.trailing"),
                      QStringLiteral("The file continues after its final payload chunk (which ends at "
                                     "ciphertext offset %1): data was appended or the file is corrupt.")
                          .arg(offset + age::EncryptedChunkSize)));
    }
    return fail(chunkError());
}

Status AgeDecryptor::decryptFinalChunk()
{
    const quint64 number = m_counter + 1;
    if (m_fill == 0) {
        return fail(
            makeError(QStringLiteral("age.truncated"),
                      m_counter == 0
                          ? QStringLiteral("The file ends right after its header: the encrypted payload is "
                                           "missing, so it was truncated.")
                          : QStringLiteral("The file ends after payload chunk %1 without the final chunk: it "
                                           "was truncated.")
                                .arg(m_counter)));
    }
    if (m_fill < ChaCha20Poly1305::TagSize)
        return fail(
            makeError(QStringLiteral("age.truncated"),
                      QStringLiteral("The file ends inside payload chunk %1 (at ciphertext offset %2), "
                                     "before its authentication tag: it was truncated.")
                          .arg(number)
                          .arg(chunkOffset())));
    if (m_fill == ChaCha20Poly1305::TagSize && m_counter > 0)
        return fail(
            makeError(QStringLiteral("age.chunk"),
                      QStringLiteral("The final payload chunk %1 (at ciphertext offset %2) is empty, which "
                                     "age allows only for an empty file: the file is corrupt or was "
                                     "modified.")
                          .arg(number)
                          .arg(chunkOffset())));
    if (openChunk(m_fill, true))
        return release(m_fill - ChaCha20Poly1305::TagSize);
    if (m_fill == age::EncryptedChunkSize && openChunk(m_fill, false)) {
        // An authentic chunk that is not marked last: the chunks after it are missing.
        if (Status released = release(m_fill - ChaCha20Poly1305::TagSize); !released)
            return released;
        return fail(
            makeError(QStringLiteral("age.truncated"),
                      QStringLiteral("The file ends after payload chunk %1 without the final chunk: it was "
                                     "truncated.")
                          .arg(number)));
    }
    return fail(chunkError());
}

bool AgeDecryptor::openChunk(qint64 size, bool last)
{
    return m_aead->open(age::chunkNonce(m_counter, last), m_chunk.constData(), size, m_plain.data());
}

Status AgeDecryptor::release(qint64 size)
{
    ++m_counter;
    m_fill = 0;
    if (size == 0)
        return {};
    const Status written = m_next->write(m_plain.constData(), size);
    if (!written)
        return fail(written.error());
    m_plaintextBytes += size;
    return {};
}

qint64 AgeDecryptor::chunkOffset() const
{
    return m_headerSize + age::StreamNonceSize + qint64(m_counter) * age::EncryptedChunkSize;
}

Error AgeDecryptor::chunkError() const
{
    return makeError(
        QStringLiteral("age.chunk"),
        QStringLiteral("Payload chunk %1 failed authentication at ciphertext offset %2: the file is "
                       "corrupt or was modified.")
            .arg(m_counter + 1)
            .arg(chunkOffset()));
}

Status AgeDecryptor::fail(Error error)
{
    qCDebug(lcCrypto) << "age: decryption failed:" << error.code;
    m_aead.reset();
    m_fileKey.clear();
    m_error = error;
    return error;
}

} // namespace lifeboat
