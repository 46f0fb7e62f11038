#pragma once

#include "core/Result.h"
#include "engine/crypto/AgeStanza.h"
#include "engine/crypto/SecretBytes.h"

#include <QByteArray>
#include <QString>

namespace lifeboat {

// An age X25519 recipient: the public key a backup is encrypted to, written "age1…" (Bech32).
class AgeRecipient
{
public:
    AgeRecipient() = default;

    // Parses "age1…". Errors (code "age.recipient") say what is wrong without echoing secrets.
    static Result<AgeRecipient> parse(const QString &text);
    // From the 32-byte X25519 public key.
    static Result<AgeRecipient> fromPublicKey(const QByteArray &publicKey);

    bool isValid() const { return m_publicKey.size() == 32; }
    QString toString() const;
    QByteArray publicKey() const { return m_publicKey; }

    // Wraps a file key in an "X25519" recipient stanza (fresh ephemeral key each time).
    Result<AgeStanza> wrap(const SecretBytes &fileKey) const;

    friend bool operator==(const AgeRecipient &a, const AgeRecipient &b)
    {
        return a.m_publicKey == b.m_publicKey;
    }

private:
    explicit AgeRecipient(QByteArray publicKey);

    QByteArray m_publicKey;
};

} // namespace lifeboat
