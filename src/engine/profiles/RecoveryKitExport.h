#pragma once

#include "core/ConfigPaths.h"
#include "core/Result.h"

#include <QString>

namespace lifeboat {

class Catalog;
class SecretStore;

// Writes a profile's recovery kit (its age identity, see RecoveryKit) to a file, 0600, and records
// the export in the catalog's secret index. Blocks on the catalog, the keychain and the disk: run it
// on a worker thread (the GUI) or the CLI's thread.
class RecoveryKitExport
{
public:
    // Opens the catalog of the config folder for the export.
    static Status write(const ConfigPaths &paths, SecretStore &store, const QString &profileName,
                        const QString &path, bool overwrite);
    // The same with a catalog already open on this thread.
    static Status write(Catalog &catalog, SecretStore &store, const QString &profileName, const QString &path,
                        bool overwrite);
};

} // namespace lifeboat
