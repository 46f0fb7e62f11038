#pragma once

#include "engine/jobs/Job.h"
#include "engine/restore/DecryptionKeys.h"

namespace lifeboat {

// `lifeboat-cli verify ID`: the integrity check alone (no restore), recorded as a verify run.
class IntegrityJob final : public Job
{
public:
    IntegrityJob(QString profileName, QString serverKey, qint64 artifactId, DecryptionKeys keys);

    QString kind() const override { return QStringLiteral("integrity"); }
    QString profileName() const override { return m_profileName; }
    QString serverKey() const override { return m_serverKey; }
    Status run(JobContext &ctx) override;

private:
    QString m_profileName;
    QString m_serverKey;
    qint64 m_artifactId;
    DecryptionKeys m_keys;
};

} // namespace lifeboat
