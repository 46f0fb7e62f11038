#include "gui/restore/RestoreWizardWorker.h"

#include "core/Catalog.h"
#include "engine/secrets/ProfileSecrets.h"

namespace lifeboat {

RestoreWizardWorker::RestoreWizardWorker(ConfigPaths paths, std::shared_ptr<SecretStore> secrets,
                                         QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_secrets(std::move(secrets))
{}

RestoreWizardWorker::~RestoreWizardWorker() = default;

Status RestoreWizardWorker::open()
{
    return Catalog::ensureOpen(m_catalog, m_paths);
}

void RestoreWizardWorker::loadBackups()
{
    Backups backups;
    if (Status s = open(); !s) {
        backups.error = s.error().message;
        Q_EMIT backupsLoaded(backups);
        return;
    }
    auto profiles = m_catalog->profiles();
    auto artifacts = m_catalog->artifacts();
    if (!profiles)
        backups.error = profiles.error().message;
    else if (!artifacts)
        backups.error = artifacts.error().message;
    else {
        backups.profiles = *profiles;
        for (ArtifactRecord &a : *artifacts) {
            if (a.prunedUtc.isValid())
                continue; // deleted by retention: nothing left to restore
            a.manifestJson.clear();
            backups.artifacts << a;
        }
    }
    Q_EMIT backupsLoaded(backups);
}

void RestoreWizardWorker::loadArtifact(qint64 artifactId)
{
    if (Status s = open(); !s) {
        Q_EMIT artifactLoaded(ArtifactRecord(), s.error().message);
        return;
    }
    auto artifact = m_catalog->artifact(artifactId);
    if (!artifact) {
        Q_EMIT artifactLoaded(ArtifactRecord(), artifact.error().message);
        return;
    }
    Q_EMIT artifactLoaded(*artifact, QString());
}

void RestoreWizardWorker::runPreflight(const RestorePreflight::Input &input, const QString &profileName,
                                       bool useProfilePassword)
{
    Preflight result;
    QByteArray password;
    if (useProfilePassword && m_secrets && open().ok()) {
        auto indexed = m_catalog->secret(profileName, secretKindName(SecretKind::DbPassword));
        if (indexed && indexed->has_value()) {
            ProfileSecrets secrets(*m_secrets, *m_catalog);
            auto stored = secrets.get(profileName, SecretKind::DbPassword);
            if (!stored) {
                result.error = stored.error().message;
                Q_EMIT preflightDone(result);
                return;
            }
            if (stored->has_value()) {
                password = **stored;
                (*stored)->fill('\0');
            }
        }
    }
    auto report = RestorePreflight::connectAndRun(input, password);
    password.fill('\0');
    if (!report)
        result.error = report.error().message;
    else
        result.report = *report;
    Q_EMIT preflightDone(result);
}

} // namespace lifeboat
