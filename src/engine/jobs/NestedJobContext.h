#pragma once

#include "engine/jobs/JobContext.h"

#include <QStringList>

namespace lifeboat {

// The context of a job run inside another (kpmcore's Report::newChild): the safety backup before a
// replace, the verification and the prune after a backup. Its phases show under the outer job's
// with a prefix, its events go where `LogMode` says, it keeps its outputs and artifact for the outer
// job to report, and finish() ends the nested job's own run record, which the nested job began.
class NestedJobContext final : public JobContext
{
public:
    enum class LogMode
    {
        OuterRun,         // events go into the outer job's run as they are
        OuterRunPrefixed, // ... prefixed like the phases
        OwnRun            // events go into the nested job's own run
    };
    enum class Cancel
    {
        WithOuter, // cancelling the outer job cancels this one
        Never      // runs to its end whatever happens (a safety backup always completes)
    };

    NestedJobContext(JobContext &outer, QString prefix, LogMode logMode, Cancel cancel = Cancel::WithOuter);

    void setPhase(const QString &phase) override;
    void setProgress(qint64, qint64) override {}
    void log(LogLevel level, const QString &message) override;
    void addOutput(const QString &output) override { m_outputs << output; }
    void addArtifact(qint64 artifactId) override { m_artifactId = artifactId; }
    bool isCancelled() const override;
    Catalog &catalog() override { return m_outer.catalog(); }
    void setRunId(qint64 runId) override { m_runId = runId; }

    // Finishes the nested job's run (when it began one): succeeded with `message`, or failed with
    // the status' message and error code.
    void finish(const Status &status, const QString &message);

    const QStringList &outputs() const { return m_outputs; }
    qint64 artifactId() const { return m_artifactId; } // the last artifact the nested job recorded
    qint64 runId() const { return m_runId; }

private:
    JobContext &m_outer;
    QString m_prefix;
    LogMode m_logMode;
    Cancel m_cancel;
    QStringList m_outputs;
    qint64 m_artifactId = 0;
    qint64 m_runId = 0;
};

} // namespace lifeboat
