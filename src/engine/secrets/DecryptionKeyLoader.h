#pragma once

#include "core/Result.h"
#include "engine/secrets/DecryptionKeys.h"

#include <QStringList>

namespace lifeboat {

class Catalog;
class SecretStore;

// Gathers what opens a profile's encrypted backups: the identity files the user chose (as
// `age -i` takes them) or, without any, the profile's own key from the keychain — its age
// identity or its passphrase. Blocks on the keychain: call it on a worker thread.
class DecryptionKeyLoader
{
public:
    static Result<DecryptionKeys> load(SecretStore &store, Catalog &catalog, const QString &profileName,
                                       const QStringList &identityFiles = {});
    static Result<DecryptionKeys> loadIdentityFiles(const QStringList &identityFiles);
};

} // namespace lifeboat
