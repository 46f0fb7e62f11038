#pragma once

#include "core/ConfigPaths.h"
#include "core/Result.h"

#include <memory>

namespace lifeboat {

class Catalog;
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
};

} // namespace lifeboat
