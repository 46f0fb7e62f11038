#pragma once

#include "gui/restore/RestoreSession.h"

#include <QWizard>

#include <memory>

namespace lifeboat {

class JobRunner;
class SecretStore;

// The guided restore: pick a backup (profile → database → point in time) → integrity check →
// target (a new database on the profile's server by default, another server, or replacing a
// database once its name is typed) → options (tables, parallel jobs, owners, data/schema only) →
// pre-flight checks → the restore with progress and cancel → the report. The pages share one
// RestoreSession, given to each at construction; reads run on its RestoreWizardWorker thread; the
// integrity check and the restore are jobs on the JobRunner (they show in the Jobs panel too). The
// wizard never reads a secret itself: the jobs take the profile's keys from the keychain (or an
// identity file the user picks) on their own threads.
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

    RestoreWizard(ConfigPaths paths, JobRunner *runner, std::shared_ptr<SecretStore> secrets,
                  QWidget *parent = nullptr);
    ~RestoreWizard() override;

    // Starts over with this backup selected (once the list has loaded).
    void preselect(qint64 artifactId);
    // Reads the list of backups again.
    void reloadBackups() { m_session->reloadBackups(); }
    // True while its integrity check or restore job is queued or running.
    bool isBusy() const { return m_session->isBusy(); }

    // What the pages share: the chosen backup, target, options, the jobs and the worker thread.
    RestoreSession *session() const { return m_session.get(); }
    const ArtifactRecord &artifact() const { return m_session->artifact(); }
    const Manifest &manifest() const { return m_session->manifest(); }
    void setIdentityFiles(const QStringList &files) { m_session->setIdentityFiles(files); }

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    void done(int result) override;

private:
    std::unique_ptr<RestoreSession> m_session;
};

} // namespace lifeboat
