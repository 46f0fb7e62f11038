#include "engine/crypto/AgeIdentity.h"

#include "engine/crypto/AgeBase64.h"
#include "engine/crypto/AgeFormat.h"
#include "engine/crypto/Bech32.h"
#include "engine/crypto/CryptoLog.h"
#include "engine/crypto/CryptoPrimitives.h"

#include <openssl/crypto.h>

namespace lifeboat {

namespace {

Error identityError(const QString &message)
{
    return makeError(QStringLiteral("age.identity"), message);
}

Error stanzaError(const QString &what)
{
    return makeError(QStringLiteral("age.header"),
                     QStringLiteral("The age header is malformed: %1.").arg(what));
}

// Why `text` is not an X25519 identity, as the end of a sentence; empty if it is one.
QString whyNotAnIdentity(const QString &text, SecretBytes *secretKey)
{
    if (text.startsWith(QLatin1String("AGE-SECRET-KEY-PQ-1"), Qt::CaseInsensitive))
        return QStringLiteral(
            "it is a post-quantum (ML-KEM hybrid) identity, which Lifeboat does not support");
    if (text.startsWith(QLatin1String("AGE-PLUGIN-"), Qt::CaseInsensitive))
        return QStringLiteral("it is an age plugin identity, which Lifeboat does not support");
    if (text.startsWith(QLatin1String("-----BEGIN")) || text.startsWith(QLatin1String("ssh-")))
        return QStringLiteral("SSH keys are not supported, only age X25519 identities");
    if (text.startsWith(QLatin1String("age1")))
        return QStringLiteral("it is a recipient (public key), not an identity (secret key)");
    const Result<Bech32::Decoded> decoded = Bech32::decode(text);
    if (!decoded)
        return QStringLiteral("it is not a valid Bech32 string (%1)").arg(decoded.error().message);
    if (decoded->hrp != QLatin1String(age::IdentityHrp))
        return QStringLiteral("it does not start with 'AGE-SECRET-KEY-1' in uppercase");
    QByteArray data = decoded->data;
    if (data.size() != crypto::X25519KeySize)
        return QStringLiteral("the key is %1 bytes long instead of 32").arg(data.size());
    *secretKey = SecretBytes::takeFrom(data);
    return QString();
}

} // namespace

AgeIdentity AgeIdentity::generate()
{
    SecretBytes secretKey(crypto::X25519KeySize);
    if (const Status random = crypto::randomBytes(secretKey.data(), secretKey.size()); !random) {
        qCCritical(lcCrypto) << "Cannot generate an age identity:" << random.error().message;
        return AgeIdentity();
    }
    Result<AgeIdentity> identity = fromSecretKey(std::move(secretKey));
    if (!identity) {
        qCCritical(lcCrypto) << "Cannot generate an age identity:" << identity.error().message;
        return AgeIdentity();
    }
    return std::move(identity).value();
}

Result<AgeIdentity> AgeIdentity::parse(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return identityError(QStringLiteral("The age identity is empty."));
    SecretBytes secretKey;
    const QString why = whyNotAnIdentity(text, &secretKey);
    if (!why.isEmpty())
        return identityError(QStringLiteral("The text is not a valid age identity: %1.").arg(why));
    return fromSecretKey(std::move(secretKey));
}

Result<QList<AgeIdentity>> AgeIdentity::parseIdentityFile(const QByteArray &contents)
{
    QList<AgeIdentity> identities;
    const QList<QByteArray> lines = contents.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        SecretBytes secretKey;
        const QString why = whyNotAnIdentity(line, &secretKey);
        if (!why.isEmpty())
            return identityError(QStringLiteral("Line %1 of the identity file is not an age identity: %2.")
                                     .arg(i + 1)
                                     .arg(why));
        Result<AgeIdentity> identity = fromSecretKey(std::move(secretKey));
        if (!identity)
            return identity.error();
        identities.append(std::move(identity).value());
    }
    if (identities.isEmpty())
        return identityError(QStringLiteral("The identity file contains no age identities."));
    return identities;
}

Result<AgeIdentity> AgeIdentity::fromSecretKey(SecretBytes secretKey)
{
    Result<QByteArray> publicKey = crypto::x25519PublicKey(secretKey);
    if (!publicKey)
        return publicKey.error();
    AgeIdentity identity;
    identity.m_secretKey = std::move(secretKey);
    identity.m_publicKey = std::move(publicKey).value();
    return identity;
}

QString AgeIdentity::toString() const
{
    if (!isValid())
        return QString();
    QByteArray data(m_secretKey.constChars(), m_secretKey.size());
    const Result<QString> text = Bech32::encode(QLatin1String(age::IdentityHrp), data);
    OPENSSL_cleanse(data.data(), size_t(data.size()));
    return text ? *text : QString();
}

AgeRecipient AgeIdentity::recipient() const
{
    const Result<AgeRecipient> recipient = AgeRecipient::fromPublicKey(m_publicKey);
    return recipient ? *recipient : AgeRecipient();
}

Result<std::optional<SecretBytes>> AgeIdentity::unwrap(const AgeStanza &stanza) const
{
    if (stanza.type != age::X25519Type || !isValid())
        return std::optional<SecretBytes>();
    if (stanza.args.size() != 1)
        return stanzaError(QStringLiteral("an X25519 stanza must have exactly one argument, it has %1")
                               .arg(stanza.args.size()));
    const std::optional<QByteArray> share = AgeBase64::decode(stanza.args.first());
    if (!share || share->size() != crypto::X25519KeySize)
        return stanzaError(
            QStringLiteral("the ephemeral share of an X25519 stanza is not 32 bytes of canonical "
                           "base64"));
    if (stanza.body.size() != age::WrappedFileKeySize)
        return stanzaError(QStringLiteral("the body of an X25519 stanza is %1 bytes instead of %2")
                               .arg(stanza.body.size())
                               .arg(age::WrappedFileKeySize));
    const Result<SecretBytes> shared = crypto::x25519(m_secretKey, *share);
    if (!shared) {
        if (shared.error().code == QLatin1String("crypto.x25519-low-order"))
            return stanzaError(QStringLiteral("an X25519 stanza has a low-order ephemeral share"));
        return shared.error();
    }
    const Result<SecretBytes> wrappingKey = crypto::hkdfSha256(
        *shared, *share + m_publicKey, QByteArray(age::X25519Label), ChaCha20Poly1305::KeySize);
    if (!wrappingKey)
        return wrappingKey.error();
    return age::openFileKey(*wrappingKey, stanza.body);
}

} // namespace lifeboat
