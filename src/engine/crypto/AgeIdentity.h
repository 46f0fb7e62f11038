#pragma once

#include "core/Result.h"
#include "engine/crypto/AgeRecipient.h"
#include "engine/crypto/AgeStanza.h"
#include "engine/crypto/SecretBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace lifeboat {

// An age X25519 identity (secret key), written "AGE-SECRET-KEY-1…" (Bech32, uppercase). The secret
// scalar is wiped from memory when the identity is destroyed.
class AgeIdentity
{
public:
    AgeIdentity() = default;

    // A new random identity; invalid (isValid() false) only if the system RNG fails.
    static AgeIdentity generate();
    // Parses "AGE-SECRET-KEY-1…". Errors (code "age.identity") never contain the key text.
    static Result<AgeIdentity> parse(const QString &text);
    // The age identity file format: one identity per line; empty lines and lines starting with '#'
    // are ignored; CRLF is accepted.
    static Result<QList<AgeIdentity>> parseIdentityFile(const QByteArray &contents);

    bool isValid() const { return m_secretKey.size() == 32; }
    QString toString() const;
    AgeRecipient recipient() const;

    // Tries to unwrap the file key from one stanza. nullopt: the stanza is not for this identity.
    // Error (code "age.header"): the stanza is an X25519 stanza but malformed, which makes the whole
    // file invalid.
    Result<std::optional<SecretBytes>> unwrap(const AgeStanza &stanza) const;

private:
    static Result<AgeIdentity> fromSecretKey(SecretBytes secretKey);

    SecretBytes m_secretKey;
    QByteArray m_publicKey;
};

} // namespace lifeboat
