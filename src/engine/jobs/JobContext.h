#pragma once

#include "core/LogLevel.h"
#include "core/Result.h"
#include "core/RunRecord.h"

#include <QString>

namespace lifeboat {

struct ArtifactRecord;
class Catalog;
struct Profile;

// What a running job may tell the runner, and ask it. Called on the job's worker thread.
class JobContext
{
public:
    virtual ~JobContext() = default;

    virtual void setPhase(const QString &phase) = 0;
    virtual void setProgress(qint64 done, qint64 expected) = 0;
    // Appends to the job's event log (kept in the catalog with the run).
    virtual void log(LogLevel level, const QString &message) = 0;
    virtual void addOutput(const QString &output) = 0;
    virtual void addArtifact(qint64 artifactId) = 0;
    virtual bool isCancelled() const = 0;
    // The catalog, opened for this worker thread.
    virtual Catalog &catalog() = 0;
    // Called by the job once it has started its run record.
    virtual void setRunId(qint64 runId) = 0;

    // Records the start of the job's run in the catalog (running, in this process, started now)
    // and keeps its id (setRunId). For a job on a whole profile (backup, prune) and for one on a
    // single backup (verify, restore).
    Result<qint64> beginRun(const Profile &profile, RunKind kind, const QString &trigger);
    Result<qint64> beginRun(const ArtifactRecord &artifact, RunKind kind);

private:
    Result<qint64> beginRun(RunRecord run);
};

} // namespace lifeboat
