#pragma once

#include "engine/jobs/Job.h"
#include "engine/restore/IntegrityChecker.h"
#include "engine/secrets/JobSecrets.h"

#include <QStringList>

#include <memory>

namespace lifeboat {

// `lifeboat-cli verify ID`: the integrity check alone (no restore), recorded as a verify run.
class IntegrityJob final : public Job
{
public:
    // `secrets`: what opens the backup (its keys, else identity files, else the profile's own key)
    // and the profile's S3 secret key, read on the job's thread.
    IntegrityJob(QString profileName, QString serverKey, qint64 artifactId, JobSecrets secrets);

    RunKind kind() const override { return RunKind::Integrity; }
    QString profileName() const override { return m_profileName; }
    QString serverKey() const override { return m_serverKey; }
    Status run(JobContext &ctx) override;

    // Records a check's outcome on the artifact (Catalog::setIntegrity): "ok", or "failed" with
    // the first problem when the check proved damage; a check that could not be made records nothing.
    // A record the catalog refuses is a warning in the job's log; the check's own outcome stands.
    static void recordOutcome(JobContext &ctx, qint64 artifactId,
                              const Result<IntegrityChecker::Report> &outcome);

private:
    QString m_profileName;
    QString m_serverKey;
    qint64 m_artifactId;
    JobSecrets m_secrets;
};

} // namespace lifeboat
