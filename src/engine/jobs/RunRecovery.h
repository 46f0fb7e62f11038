#pragma once

#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "core/Result.h"

#include <memory>

namespace lifeboat {

class SecretStore;

// After a crash or power loss: runs still marked "running" whose profile lock nobody holds
// were interrupted. Marks them so (History shows it), removes the hidden temporary files
// Lifeboat was writing in local destinations, and aborts the S3 multipart uploads their events
// recorded (S3UploadEvent), so no orphaned parts are left (and billed) in a bucket; what happened
// to each upload becomes an event of the run. Called when the app or the CLI starts. `store`
// (optional): the keychain, for a profile whose S3 secret is kept there.
class RunRecovery
{
public:
    static Result<int> recover(Catalog &catalog, const ConfigPaths &paths,
                               const std::shared_ptr<SecretStore> &store = {});

    struct OpenedCatalog
    {
        std::unique_ptr<Catalog> catalog;
        // How many interrupted runs were found, or why recovery failed (the catalog is usable
        // either way).
        Result<int> recovered;
    };
    // What the app and the CLI do when they start: open the catalog of `paths` (creating the
    // config folder if needed), then recover() once.
    static Result<OpenedCatalog> openCatalog(const ConfigPaths &paths,
                                             const std::shared_ptr<SecretStore> &store = {});
};

} // namespace lifeboat
