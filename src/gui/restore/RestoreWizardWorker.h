#pragma once

#include "core/ArtifactRecord.h"
#include "core/ConfigPaths.h"
#include "core/Profile.h"
#include "engine/restore/RestorePreflight.h"

#include <QMetaType>
#include <QObject>

#include <memory>

namespace lifeboat {

class Catalog;
class SecretStore;

// The restore wizard's reads, on a thread of its own (with its own Catalog connection): the
// backups to choose from, one backup's manifest, and the pre-flight checks on the target
// (libpq, and the keychain for the profile's database password). Call its functions on its
// thread (queued); answers come through queued signals. Long work (integrity check, restore)
// runs as jobs on the JobRunner instead.
class RestoreWizardWorker : public QObject
{
    Q_OBJECT
public:
    struct Backups
    {
        QList<Profile> profiles;
        QList<ArtifactRecord> artifacts; // newest first, manifests left out
        QString error;
    };
    struct Preflight
    {
        RestorePreflight::Report report;
        QString error; // the checks could not run (e.g. the server is unreachable)
    };

    RestoreWizardWorker(ConfigPaths paths, std::shared_ptr<SecretStore> secrets, QObject *parent = nullptr);
    ~RestoreWizardWorker() override;

    void loadBackups();
    void loadArtifact(qint64 artifactId);
    // `useProfilePassword`: the target is the profile's own server, so its keychain password applies.
    void runPreflight(const lifeboat::RestorePreflight::Input &input, const QString &profileName,
                      bool useProfilePassword);

Q_SIGNALS:
    void backupsLoaded(const lifeboat::RestoreWizardWorker::Backups &backups);
    void artifactLoaded(const lifeboat::ArtifactRecord &artifact, const QString &error);
    void preflightDone(const lifeboat::RestoreWizardWorker::Preflight &result);

private:
    Status open();

    ConfigPaths m_paths;
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<Catalog> m_catalog;
};

} // namespace lifeboat

Q_DECLARE_METATYPE(lifeboat::RestoreWizardWorker::Backups)
Q_DECLARE_METATYPE(lifeboat::RestoreWizardWorker::Preflight)
Q_DECLARE_METATYPE(lifeboat::ArtifactRecord)
