#include "engine/crypto/AgeRecipient.h"

#include "engine/crypto/AgeBase64.h"
#include "engine/crypto/AgeFormat.h"
#include "engine/crypto/Bech32.h"
#include "engine/crypto/CryptoPrimitives.h"

namespace lifeboat {

namespace {

Error recipientError(const QString &text, const QString &why)
{
    const QString shown = text.size() > 80 ? text.left(77) + QStringLiteral("...") : text;
    return makeError(QStringLiteral("age.recipient"),
                     QStringLiteral("'%1' is not a valid age recipient: %2.").arg(shown, why));
}

} // namespace

AgeRecipient::AgeRecipient(QByteArray publicKey)
    : m_publicKey(std::move(publicKey))
{}

Result<AgeRecipient> AgeRecipient::parse(const QString &input)
{
    const QString text = input.trimmed();
    // Never echo a secret key back into a message (messages end up in logs and dialogs).
    if (text.startsWith(QLatin1String("AGE-SECRET-KEY-"), Qt::CaseInsensitive) ||
        text.startsWith(QLatin1String("AGE-PLUGIN-"), Qt::CaseInsensitive))
        return makeError(
            QStringLiteral("age.recipient"),
            QStringLiteral("This is an age secret key (identity), not a recipient: use its public key, "
                           "which starts with 'age1' (age-keygen -y prints it), and keep the secret "
                           "key private."));
    if (text.isEmpty())
        return makeError(QStringLiteral("age.recipient"), QStringLiteral("The age recipient is empty."));
    if (text.startsWith(QLatin1String("ssh-")))
        return recipientError(
            text, QStringLiteral("SSH keys are not supported, use an X25519 recipient (age1...)"));
    if (text.startsWith(QLatin1String("age1pq1"), Qt::CaseInsensitive))
        return recipientError(text,
                              QStringLiteral("post-quantum (ML-KEM hybrid) recipients are not supported, "
                                             "use an X25519 recipient"));

    const Result<Bech32::Decoded> decoded = Bech32::decode(text);
    if (!decoded)
        return recipientError(text, decoded.error().message);
    if (decoded->hrp == QLatin1String("AGE"))
        return recipientError(text, QStringLiteral("age recipients are written in lowercase"));
    if (decoded->hrp != QLatin1String(age::RecipientHrp)) {
        if (decoded->hrp.startsWith(QLatin1String("age1")))
            return recipientError(text, QStringLiteral("age plugin recipients are not supported"));
        return recipientError(text, QStringLiteral("it does not start with 'age1'"));
    }
    if (decoded->data.size() != crypto::X25519KeySize)
        return recipientError(
            text, QStringLiteral("the key is %1 bytes long instead of 32").arg(decoded->data.size()));
    return AgeRecipient(decoded->data);
}

Result<AgeRecipient> AgeRecipient::fromPublicKey(const QByteArray &publicKey)
{
    if (publicKey.size() != crypto::X25519KeySize)
        return makeError(QStringLiteral("age.recipient"),
                         QStringLiteral("An X25519 public key must be 32 bytes."));
    return AgeRecipient(publicKey);
}

QString AgeRecipient::toString() const
{
    if (!isValid())
        return QString();
    const Result<QString> text = Bech32::encode(QLatin1String(age::RecipientHrp), m_publicKey);
    return text ? *text : QString();
}

Result<AgeStanza> AgeRecipient::wrap(const SecretBytes &fileKey) const
{
    if (!isValid())
        return makeError(QStringLiteral("age.recipient"), QStringLiteral("The age recipient is not set."));
    SecretBytes ephemeral(crypto::X25519KeySize);
    if (const Status random = crypto::randomBytes(ephemeral.data(), ephemeral.size()); !random)
        return random.error();
    const Result<QByteArray> share = crypto::x25519PublicKey(ephemeral);
    if (!share)
        return share.error();
    const Result<SecretBytes> shared = crypto::x25519(ephemeral, m_publicKey);
    if (!shared)
        return shared.error();
    const Result<SecretBytes> wrappingKey = crypto::hkdfSha256(
        *shared, *share + m_publicKey, QByteArray(age::X25519Label), ChaCha20Poly1305::KeySize);
    if (!wrappingKey)
        return wrappingKey.error();
    Result<QByteArray> body = age::sealFileKey(*wrappingKey, fileKey);
    if (!body)
        return body.error();
    return AgeStanza{QByteArray(age::X25519Type), {AgeBase64::encode(*share)}, std::move(body).value()};
}

} // namespace lifeboat
