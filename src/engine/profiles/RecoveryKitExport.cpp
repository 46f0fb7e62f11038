#include "engine/profiles/RecoveryKitExport.h"

#include "core/Catalog.h"
#include "core/SecretStore.h"
#include "engine/secrets/ProfileSecrets.h"

namespace lifeboat {

Status RecoveryKitExport::write(const ConfigPaths &paths, SecretStore &store, const QString &profileName,
                                const QString &path, bool overwrite)
{
    auto catalog = Catalog::open(paths.catalogPath());
    if (!catalog)
        return catalog.error();
    return write(**catalog, store, profileName, path, overwrite);
}

Status RecoveryKitExport::write(Catalog &catalog, SecretStore &store, const QString &profileName,
                                const QString &path, bool overwrite)
{
    ProfileSecrets secrets(store, catalog);
    return secrets.exportRecoveryKit(profileName, path, overwrite);
}

} // namespace lifeboat
