#pragma once

#include "core/ArtifactRecord.h"
#include "core/ConfigPaths.h"
#include "core/ConnectionSpec.h"
#include "core/Manifest.h"
#include "core/Profile.h"
#include "engine/restore/RestoreRequest.h"
#include "gui/ThreadDeleter.h"
#include "gui/restore/RestoreWizardWorker.h"

#include <QWizard>

#include <memory>
#include <optional>

namespace lifeboat {

class JobRunner;
class SecretStore;

// The guided restore: pick a backup (profile → database → point in time) → integrity check →
// target (a new database on the profile's server by default, another server, or replacing a
// database once its name is typed) → options (tables, parallel jobs, owners, data/schema only) →
// pre-flight checks → the restore with progress and cancel → the report. Reads run on a
// RestoreWizardWorker thread; the integrity check and the restore are jobs on the JobRunner
// (they show in the Jobs panel too). The wizard never reads a secret itself: the jobs take the
// profile's keys from the keychain (or an identity file the user picks) on their own threads.
class RestoreWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        PickPage,
        IntegrityPage,
        TargetPage,
        OptionsPage,
        PreflightPage,
        RunPage,
        ReportPage
    };

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

    RestoreWizard(ConfigPaths paths, JobRunner *runner, std::shared_ptr<SecretStore> secrets,
                  QWidget *parent = nullptr);
    ~RestoreWizard() override;

    // Starts over with this backup selected (once the list has loaded).
    void preselect(qint64 artifactId);
    qint64 preselectedArtifact() const { return m_preselect; }
    void clearPreselect() { m_preselect = 0; }
    // Reads the list of backups again.
    void reloadBackups();
    // True while its integrity check or restore job is queued or running.
    bool isBusy() const;

    ConfigPaths paths() const { return m_paths; }
    JobRunner *runner() const { return m_runner; }
    RestoreWizardWorker *worker() const { return m_worker; }
    const RestoreWizardWorker::Backups &backups() const { return m_backups; }

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
    std::shared_ptr<SecretStore> secrets() const { return m_secrets; }
    // The job ids of this wizard's integrity check and restore ("" = none yet).
    QString integrityJobId;
    QString restoreJobId;

Q_SIGNALS:
    void backupsChanged();
    void statusMessage(const QString &message);

protected:
    void done(int result) override;

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
