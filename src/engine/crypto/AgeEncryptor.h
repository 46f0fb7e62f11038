#pragma once

#include "core/Result.h"
#include "engine/crypto/AgeRecipient.h"
#include "engine/io/ByteSink.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <optional>

namespace lifeboat {

class ChaCha20Poly1305;

// Pipeline stage that encrypts its input into an age v1 file (age-encryption.org/v1) written to
// `next`: the header, the 16-byte payload nonce, then STREAM chunks of 64 KiB plaintext (65552 bytes
// each), the last one flagged. Holds one plaintext chunk; the header goes out with the first write
// (or at finish() for an empty payload). The file key never leaves this object and is wiped.
class AgeEncryptor final : public ByteSink
{
public:
    static Result<std::unique_ptr<AgeEncryptor>> forRecipients(const QList<AgeRecipient> &recipients,
                                                               ByteSink *next);
    // scryptLogN in [AgeScrypt::MinEncryptLogN, AgeScrypt::MaxLogN]; use AgeScrypt::calibrateLogN().
    static Result<std::unique_ptr<AgeEncryptor>> forPassphrase(const QByteArray &passphrase, int scryptLogN,
                                                               ByteSink *next);
    ~AgeEncryptor() override;

    Status write(const char *data, qint64 size) override;
    Status finish() override;
    void abort() override;

    qint64 plaintextBytes() const { return m_plaintextBytes; }
    qint64 ciphertextBytes() const { return m_ciphertextBytes; }

private:
    AgeEncryptor(ByteSink *next, QByteArray headerAndNonce, std::unique_ptr<ChaCha20Poly1305> aead);
    static Result<std::unique_ptr<AgeEncryptor>> create(const QList<AgeStanza> &stanzas,
                                                        const SecretBytes &fileKey, ByteSink *next);

    Status emitHeader();
    Status sealChunk(bool last);
    Status push(const char *data, qint64 size);
    Status fail(Error error);

    ByteSink *m_next;
    QByteArray m_headerAndNonce;
    std::unique_ptr<ChaCha20Poly1305> m_aead;
    QByteArray m_plain;
    QByteArray m_sealed;
    qint64 m_fill = 0;
    quint64 m_counter = 0;
    qint64 m_plaintextBytes = 0;
    qint64 m_ciphertextBytes = 0;
    bool m_headerWritten = false;
    bool m_finished = false;
    std::optional<Error> m_error;
};

} // namespace lifeboat
