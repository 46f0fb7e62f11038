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

    virtual RunKind kind() const = 0;
    virtual QString profileName() const = 0;
    // Jobs with the same key run one at a time (one queue per server).
    virtual QString serverKey() const = 0;
    virtual Status run(JobContext &ctx) = 0;

    // Called from any thread when the user cancels: stop blocking work promptly (kill children).
    virtual void onCancel() {}

    // After a successful run: its outcome in one sentence for the run record ("deleted 3 backups
    // (1.2 GiB)…"); empty = the runner's generic "KIND of 'PROFILE' finished in N s".
    virtual QString outcome() const { return {}; }

    // The bytes the run record keeps (RunRecord::bytes): a backup's stored bytes; -1 = the
    // progress counter's bytes (what was read, for verify and restore).
    virtual qint64 recordedBytes() const { return -1; }
};

} // namespace lifeboat
