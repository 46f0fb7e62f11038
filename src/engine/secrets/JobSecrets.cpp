#include "engine/secrets/JobSecrets.h"

#include "core/Catalog.h"
#include "engine/secrets/DecryptionKeyLoader.h"
#include "engine/secrets/ProfileSecrets.h"

namespace lifeboat {

Result<std::optional<QByteArray>> JobSecrets::dbPassword(Catalog &catalog, const QString &profileName) const
{
    if (!store)
        return std::optional<QByteArray>();
    auto indexed = catalog.secret(profileName, secretKindName(SecretKind::DbPassword));
    if (!indexed)
        return indexed.error();
    if (!indexed->has_value())
        return std::optional<QByteArray>();
    return ProfileSecrets(*store, catalog).get(profileName, SecretKind::DbPassword);
}

Result<QByteArray> JobSecrets::s3SecretKey(Catalog &catalog, const QString &profileName) const
{
    if (!s3Secret.isEmpty() || !store)
        return s3Secret;
    return ProfileSecrets(*store, catalog).storedS3Secret(profileName);
}

Result<QByteArray> JobSecrets::passphrase(Catalog &catalog, const QString &profileName) const
{
    if (!store)
        return makeError(
            QStringLiteral("secret.missing"),
            QStringLiteral("profile '%1' encrypts with a passphrase, but no passphrase is available: "
                           "store it with `%2`")
                .arg(profileName, ProfileSecrets::setCommand(profileName, SecretKind::Passphrase)));
    return ProfileSecrets(*store, catalog).passphrase(profileName);
}

Result<DecryptionKeys> JobSecrets::decryptionKeys(Catalog &catalog, const QString &profileName,
                                                  bool encrypted) const
{
    if (!keys.isEmpty())
        return keys;
    if (!identityFiles.isEmpty())
        return DecryptionKeyLoader::loadIdentityFiles(identityFiles);
    if (encrypted && store)
        return DecryptionKeyLoader::load(*store, catalog, profileName);
    return keys;
}

} // namespace lifeboat
