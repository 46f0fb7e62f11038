#pragma once

#include "core/Result.h"
#include "engine/jobs/JobContext.h"

#include <QString>

#include <atomic>
#include <functional>

namespace lifeboat {

// Something long that runs on a worker thread: a backup, a verification, a restore, a prune.
// run() must poll ctx.isCancelled() (and may be interrupted through onCancel()) and return a
// Status whose error is one clear sentence.
class Job
{
public:
    virtual ~Job() = default;

    virtual QString kind() const = 0;
    virtual QString profileName() const = 0;
    // Jobs with the same key run one at a time (one queue per server).
    virtual QString serverKey() const = 0;
    virtual Status run(JobContext &ctx) = 0;

    // Called from any thread when the user cancels: stop blocking work promptly (kill children).
    virtual void onCancel() {}
};

} // namespace lifeboat
