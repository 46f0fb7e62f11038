#pragma once

#include "core/ArtifactRecord.h"
#include "core/ConfigPaths.h"
#include "core/ConnectionSpec.h"
#include "core/Manifest.h"
#include "core/Profile.h"
#include "engine/restore/RestoreRequest.h"
#include "gui/ThreadDeleter.h"
#include "gui/restore/RestoreWizardWorker.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace lifeboat {

class JobRunner;
class SecretStore;

// What the restore wizard's pages share: the backups read so far, the chosen backup (with its
// manifest and profile), the identity files, the target and options chosen, the ids of the
// integrity check and restore jobs — and the RestoreWizardWorker thread that reads the catalog and
// runs the pre-flight. The wizard creates one and hands it to each page at construction, so a page
// never reaches back into the wizard.
class RestoreSession : public QObject
{
    Q_OBJECT
public:
    struct Target
    {
        enum class Mode
        {
            NewDatabase, // on the profile's server
            OtherServer, // a new database on a server given by URI
            ReplaceExisting
        };
        Mode mode = Mode::NewDatabase;
        ConnectionSpec connection;
        QString database;
        QString confirm;
    };

    struct Options
    {
        QStringList schemas;
        QStringList tables; // schema.table
        int jobs = 1;
        bool noOwner = false;
        bool dataOnly = false;
        bool schemaOnly = false;
    };

    RestoreSession(ConfigPaths paths, JobRunner *runner, std::shared_ptr<SecretStore> secrets,
                   QObject *parent = nullptr);
    ~RestoreSession() override;

    ConfigPaths paths() const { return m_paths; }
    JobRunner *runner() const { return m_runner; }
    std::shared_ptr<SecretStore> secrets() const { return m_secrets; }
    RestoreWizardWorker *worker() const { return m_worker; }

    // Reads the list of backups again (backupsChanged() when it is in).
    void reloadBackups();
    const RestoreWizardWorker::Backups &backups() const { return m_backups; }

    // The backup to select once the list has loaded (0: none).
    void setPreselectedArtifact(qint64 artifactId) { m_preselect = artifactId; }
    qint64 preselectedArtifact() const { return m_preselect; }
    void clearPreselect() { m_preselect = 0; }

    // The chosen backup (with its manifest) and its profile.
    void setArtifact(const ArtifactRecord &artifact);
    const ArtifactRecord &artifact() const { return m_artifact; }
    const Manifest &manifest() const { return m_manifest; }
    std::optional<Profile> profile() const;
    QString serverKey() const;
    QStringList identityFiles() const { return m_identityFiles; }
    void setIdentityFiles(const QStringList &files) { m_identityFiles = files; }

    Target target;
    Options options;
    // The restore job's request from the choices so far.
    RestoreRequest request() const;
    // The job ids of this session's integrity check and restore ("" = none yet).
    QString integrityJobId;
    QString restoreJobId;

    // True while its integrity check or restore job is queued or running.
    bool isBusy() const;
    // Cancels those jobs that have not finished (a cancelled restore drops its new database, or puts
    // a replaced one back) and forgets both ids.
    void cancelJobs();

Q_SIGNALS:
    void backupsChanged();
    void statusMessage(const QString &message);

private:
    ConfigPaths m_paths;
    JobRunner *m_runner;
    std::shared_ptr<SecretStore> m_secrets;
    ThreadPtr m_thread;
    RestoreWizardWorker *m_worker = nullptr;
    RestoreWizardWorker::Backups m_backups;
    ArtifactRecord m_artifact;
    Manifest m_manifest;
    QStringList m_identityFiles;
    qint64 m_preselect = 0;
};

} // namespace lifeboat
