#pragma once

#include "core/Result.h"
#include "engine/crypto/AgeHeaderParser.h"
#include "engine/crypto/AgeIdentity.h"
#include "engine/crypto/AgeScrypt.h"
#include "engine/crypto/SecretBytes.h"
#include "engine/io/ByteSink.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <optional>

namespace lifeboat {

class ChaCha20Poly1305;

// Pipeline stage that decrypts an age v1 file: ciphertext is written in (in pieces of any size) and
// the plaintext goes to `next`. Only authenticated plaintext is passed on: the header MAC is checked
// before any payload, and each 64 KiB chunk is decrypted and its tag verified before it is written.
// A full-size chunk is held back until the next byte (or finish()) tells whether it is the last.
//
// Errors (one sentence each) and their codes:
//   age.header       malformed header, or the file ends inside it / before the payload nonce
//   age.no-identity  no given identity matches (or passphrase vs. public-key mismatch)
//   age.passphrase   the passphrase is wrong
//   age.mac          the header MAC does not match
//   age.chunk        a payload chunk (numbered from 1) failed authentication
//   age.truncated    the file ends before the final chunk
//   age.trailing     data follows the final chunk
// After an error every further call returns it; the caller then abort()s the pipeline (abort() is
// forwarded to `next`). Plaintext already passed on before a payload error was authentic.
class AgeDecryptor final : public ByteSink
{
public:
    static std::unique_ptr<AgeDecryptor> withIdentities(QList<AgeIdentity> identities, ByteSink *next);
    static std::unique_ptr<AgeDecryptor> withPassphrase(QByteArray passphrase, ByteSink *next,
                                                        int maxScryptLogN = AgeScrypt::MaxLogN);
    ~AgeDecryptor() override;

    Status write(const char *data, qint64 size) override;
    Status finish() override;
    void abort() override;

    // Authenticated plaintext passed to `next` so far.
    qint64 plaintextBytes() const { return m_plaintextBytes; }
    // Ciphertext taken in so far.
    qint64 ciphertextBytes() const { return m_ciphertextBytes; }

private:
    enum class State
    {
        Header,
        Nonce,
        Payload,
        Finished,
    };

    AgeDecryptor(ByteSink *next, QList<AgeIdentity> identities, std::optional<SecretBytes> passphrase,
                 int maxScryptLogN);

    Status unlock(const AgeHeader &header);
    Result<SecretBytes> findFileKey(const AgeHeader &header) const;
    Status startPayload();
    Status decryptFullChunkFollowedByMore();
    Status decryptFinalChunk();
    bool openChunk(qint64 size, bool last);
    Status release(qint64 size);
    qint64 chunkOffset() const;
    Error chunkError() const;
    Status fail(Error error);

    ByteSink *m_next;
    QList<AgeIdentity> m_identities;
    std::optional<SecretBytes> m_passphrase;
    int m_maxScryptLogN;
    AgeHeaderParser m_parser;
    State m_state = State::Header;
    SecretBytes m_fileKey;
    qint64 m_headerSize = 0;
    QByteArray m_nonce;
    std::unique_ptr<ChaCha20Poly1305> m_aead;
    QByteArray m_chunk;
    qint64 m_fill = 0;
    QByteArray m_plain;
    quint64 m_counter = 0;
    qint64 m_plaintextBytes = 0;
    qint64 m_ciphertextBytes = 0;
    std::optional<Error> m_error;
};

} // namespace lifeboat
