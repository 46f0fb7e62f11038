#pragma once

#include "core/ConfigPaths.h"
#include "core/Result.h"

namespace lifeboat {

class Catalog;

// After a crash or power loss: runs still marked "running" whose profile lock nobody holds
// were interrupted. Marks them so (History shows it) and removes the hidden temporary files
// Lifeboat was writing in local destinations. Called when the app or the CLI starts.
class RunRecovery
{
public:
    static Result<int> recover(Catalog &catalog, const ConfigPaths &paths);
};

} // namespace lifeboat
