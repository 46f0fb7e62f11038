#pragma once

#include "engine/jobs/Job.h"
#include "engine/restore/DecryptionKeys.h"

#include <QStringList>

#include <memory>

namespace lifeboat {

class SecretStore;

// `lifeboat-cli verify ID`: the integrity check alone (no restore), recorded as a verify run.
class IntegrityJob final : public Job
{
public:
    IntegrityJob(QString profileName, QString serverKey, qint64 artifactId, DecryptionKeys keys);
    // The GUI's form: with no keys given, the job reads `identityFiles`, else the profile's key from
    // `store`, on its own thread.
    IntegrityJob(QString profileName, QString serverKey, qint64 artifactId,
                 std::shared_ptr<SecretStore> store, QStringList identityFiles = {});

    // The keychain, for the profile's S3 secret key (and, with no keys given, its decryption key).
    void setSecretStore(std::shared_ptr<SecretStore> store) { m_store = std::move(store); }

    QString kind() const override { return QStringLiteral("integrity"); }
    QString profileName() const override { return m_profileName; }
    QString serverKey() const override { return m_serverKey; }
    Status run(JobContext &ctx) override;

private:
    QString m_profileName;
    QString m_serverKey;
    qint64 m_artifactId;
    DecryptionKeys m_keys;
    std::shared_ptr<SecretStore> m_store;
    QStringList m_identityFiles;
};

} // namespace lifeboat
