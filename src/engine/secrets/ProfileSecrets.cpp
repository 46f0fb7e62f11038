#include "engine/secrets/ProfileSecrets.h"

#include "core/Clock.h"
#include "core/SecretRedactor.h"
#include "engine/secrets/RecoveryKit.h"
#include "engine/secrets/SecretsLog.h"

#include <QFileInfo>
#include <QHostInfo>

namespace lifeboat {

namespace {

QString quoted(const QString &profileName)
{
    return RecoveryKit::shellQuote(profileName);
}

Error missingPassphrase(const QString &profileName)
{
    return makeError(
        QStringLiteral("secret.missing"),
        QStringLiteral("profile '%1' encrypts with a passphrase, but the keychain holds none for it: "
                       "store it with `%2`")
            .arg(profileName, ProfileSecrets::setCommand(profileName, SecretKind::Passphrase)));
}

Error passphraseProfileError(const QString &profileName)
{
    return makeError(
        QStringLiteral("key.passphrase-profile"),
        QStringLiteral("profile '%1' encrypts with a passphrase, and an age file encrypted with a "
                       "passphrase can have no recipients: make a new profile without --passphrase "
                       "to use keys")
            .arg(profileName));
}

Error damagedIdentity(const QString &profileName)
{
    // Never quotes the stored text: it may be (most of) a secret key.
    return makeError(
        QStringLiteral("secret.corrupt"),
        QStringLiteral("the age identity of profile '%1' in the keychain is damaged (it is not an "
                       "AGE-SECRET-KEY-1… key): restore it from the profile's recovery kit with "
                       "`lifeboat-cli key import %2 KIT-FILE`")
            .arg(profileName, quoted(profileName)));
}

} // namespace

ProfileSecrets::ProfileSecrets(SecretStore &store, Catalog &catalog)
    : m_store(store)
    , m_catalog(catalog)
{}

QString ProfileSecrets::setCommand(const QString &profileName, SecretKind kind)
{
    return QStringLiteral("lifeboat-cli secret set %1 %2").arg(quoted(profileName), secretKindName(kind));
}

Status ProfileSecrets::set(const QString &profileName, SecretKind kind, const QByteArray &value)
{
    if (QString::fromUtf8(value).size() < SecretRedactor::kMinimumLength)
        return makeError(
            QStringLiteral("secret.short"),
            QStringLiteral("the %1 for profile '%2' is shorter than %3 characters: use a longer one")
                .arg(secretKindDescription(kind), profileName)
                .arg(SecretRedactor::kMinimumLength));
    if (Status s = m_store.writeNow(key(profileName, kind), value); !s)
        return s;
    if (Status s = m_catalog.recordSecret(profileName, secretKindName(kind)); !s) {
        (void)m_store.removeNow(key(profileName, kind));
        return s;
    }
    return {};
}

Result<bool> ProfileSecrets::remove(const QString &profileName, SecretKind kind)
{
    auto indexed = m_catalog.secret(profileName, secretKindName(kind));
    if (!indexed)
        return indexed.error();
    if (Status s = m_store.removeNow(key(profileName, kind)); !s)
        return s.error();
    if (Status s = m_catalog.forgetSecret(profileName, secretKindName(kind)); !s)
        return s.error();
    return indexed->has_value();
}

Status ProfileSecrets::removeAll(const QString &profileName)
{
    auto entries = m_catalog.secrets(profileName);
    if (!entries)
        return entries.error();
    for (const Catalog::SecretEntry &entry : *entries) {
        const std::optional<SecretKind> kind = secretKindFromName(entry.kind);
        if (kind) {
            if (Status s = m_store.removeNow(key(profileName, *kind)); !s)
                return s;
        }
        if (Status s = m_catalog.forgetSecret(profileName, entry.kind); !s)
            return s;
        qCInfo(lcSecrets) << "deleted the" << entry.kind << "of profile" << profileName;
    }
    return {};
}

SecretStore::ReadResult ProfileSecrets::get(const QString &profileName, SecretKind kind)
{
    return m_store.readNow(key(profileName, kind));
}

Result<QByteArray> ProfileSecrets::passphrase(const QString &profileName)
{
    auto value = m_store.readNow(key(profileName, SecretKind::Passphrase));
    if (!value)
        return value.error();
    if (!value->has_value())
        return missingPassphrase(profileName);
    return **value;
}

Result<AgeIdentity> ProfileSecrets::identity(const QString &profileName)
{
    auto value = m_store.readNow(key(profileName, SecretKind::AgeIdentity));
    if (!value)
        return value.error();
    if (!value->has_value())
        return makeError(
            QStringLiteral("secret.missing"),
            QStringLiteral("profile '%1' has no age identity in the keychain: create one with "
                           "`lifeboat-cli key generate %2`, or restore it from its recovery kit with "
                           "`lifeboat-cli key import %2 KIT-FILE`")
                .arg(profileName, quoted(profileName)));
    QByteArray bytes = **value;
    QString text = QString::fromUtf8(bytes);
    bytes.fill('\0');
    Result<AgeIdentity> identity = AgeIdentity::parse(text);
    text.fill(QLatin1Char('\0'));
    if (!identity || !identity->isValid())
        return damagedIdentity(profileName);
    return identity;
}

Result<AgeRecipient> ProfileSecrets::generateIdentity(const QString &profileName)
{
    auto profile = m_catalog.profile(profileName);
    if (!profile)
        return profile.error();
    if (profile->passphrase)
        return passphraseProfileError(profileName);
    auto existing = m_store.readNow(key(profileName, SecretKind::AgeIdentity));
    if (!existing)
        return existing.error();
    if (existing->has_value()) {
        (*existing)->fill('\0');
        auto current = identity(profileName);
        if (!current)
            return current.error(); // damaged: says how to restore it
        return makeError(
            QStringLiteral("key.exists"),
            QStringLiteral("profile '%1' already has an age identity in the keychain (%2): it is kept, "
                           "since replacing it would make its backups unreadable; `lifeboat-cli key "
                           "export %3 --out FILE` saves it")
                .arg(profileName, current->recipient().toString(), quoted(profileName)));
    }
    const AgeIdentity generated = AgeIdentity::generate();
    if (!generated.isValid())
        return makeError(
            QStringLiteral("key.generate"),
            QStringLiteral("cannot generate an age identity: the system's random number generator "
                           "failed"));
    AgeRecipient recipient = generated.recipient();
    QString text = generated.toString();
    QByteArray bytes = text.toUtf8();
    text.fill(QLatin1Char('\0'));
    const Status stored = m_store.writeNow(key(profileName, SecretKind::AgeIdentity), bytes);
    bytes.fill('\0');
    if (!stored)
        return stored.error();
    auto rollback = [&] {
        (void)m_store.removeNow(key(profileName, SecretKind::AgeIdentity));
        (void)m_catalog.forgetSecret(profileName, secretKindName(SecretKind::AgeIdentity));
    };
    if (Status s = m_catalog.recordSecret(profileName, secretKindName(SecretKind::AgeIdentity),
                                          recipient.toString());
        !s) {
        rollback();
        return s.error();
    }
    if (!profile->recipients.contains(recipient.toString())) {
        profile->recipients << recipient.toString();
        if (Status s = m_catalog.updateProfile(*profile); !s) {
            rollback();
            return s.error();
        }
    }
    return recipient;
}

Result<AgeRecipient> ProfileSecrets::importIdentity(const QString &profileName,
                                                    const QByteArray &identityFile)
{
    auto profile = m_catalog.profile(profileName);
    if (!profile)
        return profile.error();
    if (profile->passphrase)
        return passphraseProfileError(profileName);
    auto identities = AgeIdentity::parseIdentityFile(identityFile);
    if (!identities)
        return makeError(
            QStringLiteral("key.import"),
            QStringLiteral("the file holds no usable age identity: give a recovery kit or an age "
                           "identity file (age-keygen makes them)"));
    if (identities->size() != 1)
        return makeError(QStringLiteral("key.import"),
                         QStringLiteral("the file holds %1 age identities: give a file with exactly one")
                             .arg(identities->size()));
    const AgeIdentity &imported = identities->first();
    AgeRecipient recipient = imported.recipient();

    auto existing = m_store.readNow(key(profileName, SecretKind::AgeIdentity));
    if (!existing)
        return existing.error();
    if (existing->has_value()) {
        (*existing)->fill('\0');
        auto current = identity(profileName);
        if (current && !(current->recipient() == recipient))
            return makeError(
                QStringLiteral("key.exists"),
                QStringLiteral("profile '%1' already has a different age identity in the keychain (%2): "
                               "it is kept; remove the profile's identity first if you really mean to "
                               "replace it")
                    .arg(profileName, current->recipient().toString()));
        // The same identity, or a damaged one: (re)write it.
    }
    QString text = imported.toString();
    QByteArray bytes = text.toUtf8();
    text.fill(QLatin1Char('\0'));
    const Status stored = m_store.writeNow(key(profileName, SecretKind::AgeIdentity), bytes);
    bytes.fill('\0');
    if (!stored)
        return stored.error();
    if (Status s = m_catalog.recordSecret(profileName, secretKindName(SecretKind::AgeIdentity),
                                          recipient.toString());
        !s)
        return s.error();
    // It came from a kit or a key file: a copy exists outside this machine.
    (void)m_catalog.markSecretExported(profileName, secretKindName(SecretKind::AgeIdentity),
                                       Clock::instance().nowUtc());
    if (!profile->recipients.contains(recipient.toString())) {
        profile->recipients << recipient.toString();
        if (Status s = m_catalog.updateProfile(*profile); !s)
            return s.error();
    }
    return recipient;
}

Status ProfileSecrets::exportRecoveryKit(const QString &profileName, const QString &path, bool overwrite)
{
    auto profile = m_catalog.profile(profileName);
    if (!profile)
        return profile.error();
    if (profile->passphrase)
        return makeError(
            QStringLiteral("key.passphrase-profile"),
            QStringLiteral("profile '%1' encrypts with a passphrase, so there is no key to export: keep "
                           "the passphrase itself somewhere safe (age -d asks for it)")
                .arg(profileName));
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // Refuse an existing file before touching the keychain.
    if (!overwrite && (QFileInfo::exists(absolute) || QFileInfo(absolute).isSymLink()))
        return makeError(
            QStringLiteral("kit.exists"),
            QStringLiteral("%1 already exists: choose another file, or pass --force to overwrite it")
                .arg(absolute));
    auto id = identity(profileName);
    if (!id)
        return id.error();
    RecoveryKit::Input input;
    input.profile = *profile;
    input.identity = id->toString();
    input.recipient = id->recipient().toString();
    input.kitPath = absolute;
    input.createdUtc = Clock::instance().nowUtc();
    input.hostName = QHostInfo::localHostName();
    QByteArray contents = RecoveryKit::render(input);
    input.identity.fill(QLatin1Char('\0'));
    Status written = RecoveryKit::write(absolute, contents, overwrite);
    contents.fill('\0');
    if (!written)
        return written;
    const QString kind = secretKindName(SecretKind::AgeIdentity);
    auto entry = m_catalog.secret(profileName, kind);
    if (entry && !entry->has_value())
        (void)m_catalog.recordSecret(profileName, kind, input.recipient);
    return m_catalog.markSecretExported(profileName, kind, Clock::instance().nowUtc());
}

Result<QByteArray> ProfileSecrets::storedS3Secret(const QString &profileName)
{
    auto indexed = m_catalog.secret(profileName, secretKindName(SecretKind::S3Secret));
    if (!indexed)
        return indexed.error();
    if (!indexed->has_value())
        return QByteArray();
    auto value = get(profileName, SecretKind::S3Secret);
    if (!value)
        return value.error();
    return value->value_or(QByteArray());
}

bool ProfileSecrets::identityNeverExported(const QString &profileName) const
{
    auto entry = m_catalog.secret(profileName, secretKindName(SecretKind::AgeIdentity));
    return entry && entry->has_value() && !(*entry)->exportedUtc.isValid();
}

} // namespace lifeboat
