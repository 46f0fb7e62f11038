#include "engine/jobs/JobContext.h"

#include "core/ArtifactRecord.h"
#include "core/Catalog.h"
#include "core/Clock.h"
#include "core/Profile.h"

#include <unistd.h>

namespace lifeboat {

Result<qint64> JobContext::beginRun(const Profile &profile, RunKind kind, const QString &trigger)
{
    RunRecord run;
    run.profileId = profile.id;
    run.profileName = profile.name;
    run.kind = kind;
    run.trigger = trigger;
    run.databases = profile.databasesText();
    return beginRun(run);
}

Result<qint64> JobContext::beginRun(const ArtifactRecord &artifact, RunKind kind)
{
    RunRecord run;
    run.profileId = artifact.profileId;
    run.profileName = artifact.profileName;
    run.kind = kind;
    run.databases = artifact.database;
    return beginRun(run);
}

Result<qint64> JobContext::beginRun(RunRecord run)
{
    run.state = RunRecord::State::Running;
    run.startedUtc = Clock::instance().nowUtc();
    run.pid = ::getpid();
    auto runId = catalog().beginRun(run);
    if (runId)
        setRunId(*runId);
    return runId;
}

} // namespace lifeboat
