#include "engine/secrets/DecryptionKeyLoader.h"

#include "core/Catalog.h"
#include "engine/secrets/ProfileSecrets.h"

#include <QFile>

namespace lifeboat {

Result<DecryptionKeys> DecryptionKeyLoader::loadIdentityFiles(const QStringList &identityFiles)
{
    DecryptionKeys keys;
    for (const QString &path : identityFiles) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(
                QStringLiteral("identity.read"),
                QStringLiteral("cannot read the identity file %1: %2").arg(path, f.errorString()));
        QByteArray content = f.readAll();
        auto identities = AgeIdentity::parseIdentityFile(content);
        content.fill('\0');
        if (!identities)
            return makeError(identities.error().code,
                             QStringLiteral("%1: %2").arg(path, identities.error().message));
        keys.identities += *identities;
    }
    return keys;
}

Result<DecryptionKeys> DecryptionKeyLoader::load(SecretStore &store, Catalog &catalog,
                                                 const QString &profileName, const QStringList &identityFiles)
{
    if (!identityFiles.isEmpty())
        return loadIdentityFiles(identityFiles);
    DecryptionKeys keys;
    auto profile = catalog.profile(profileName);
    if (!profile)
        return keys; // the profile is gone: only an identity file can open its backups
    ProfileSecrets secrets(store, catalog);
    if (profile->passphrase) {
        auto passphrase = secrets.passphrase(profileName);
        if (!passphrase)
            return passphrase.error();
        keys.passphrase = *passphrase;
        return keys;
    }
    auto indexed = catalog.secret(profileName, secretKindName(SecretKind::AgeIdentity));
    if (indexed && indexed->has_value()) {
        auto identity = secrets.identity(profileName);
        if (!identity)
            return identity.error();
        keys.identities << *identity;
    }
    return keys;
}

} // namespace lifeboat
