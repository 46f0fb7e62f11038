#pragma once

#include "core/ConfigPaths.h"
#include "core/Result.h"
#include "engine/jobs/BackupJob.h"

#include <QObject>

#include <memory>

namespace lifeboat {
class AlertService;
class Catalog;
class Job;
class JobRunner;
class SecretStore;
struct JobInfo;
struct Profile;
} // namespace lifeboat

namespace lifeboat::cli {

// What lifeboat-cli's commands share: the config paths, the output mode (--json, a terminal on
// stderr), the catalog (opened on first use), the job runner with its progress line, the keychain's
// secret store and the alert service; and the ways of ending: fail (1 or given), usage (2).
class CliContext : public QObject
{
    Q_OBJECT
public:
    explicit CliContext(QObject *parent = nullptr);
    ~CliContext() override;

    const ConfigPaths &paths() const { return m_paths; }
    void setPaths(const ConfigPaths &paths) { m_paths = paths; }
    bool json() const { return m_json; }
    void setJson(bool json) { m_json = json; }
    bool tty() const { return m_tty; }

    int fail(const Error &error, int code = 1);
    int usage(const QString &message);
    void printJson(const QJsonValue &value) const;

    // Opens the catalog once (marking interrupted runs); catalog() is valid after it succeeded.
    Status openCatalog();
    Catalog &catalog() { return *m_catalog; }
    std::shared_ptr<SecretStore> secretStore();

    // A new job runner, owned here (jobs then cancel on interrupt()).
    JobRunner *createRunner();
    JobRunner *runner() { return m_runner.get(); }
    // Runs one job: its progress on the terminal, its result (outputs, or JSON) at the end, then
    // finished(0/1/130) once its alert pass is done. Returns -1.
    int startJob(std::shared_ptr<Job> job);
    void showProgress(const JobInfo &job); // the TTY progress line
    void clearProgress();                  // erases it
    void interrupt();                      // SIGINT/SIGTERM: cancel running jobs

    AlertService *alertService();
    void watchAlerts();               // the runner's finished jobs get an alert pass
    void finishAfterAlerts(int code); // emits finished(code) once those passes are done

    // The warnings and the keychain store a backup of `profile` needs.
    void attachBackupSecrets(const Profile &profile, BackupJob::Options &options);
    static QString neverExportedWarning(const QString &profileName);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onJobFinished(const JobInfo &job);

    ConfigPaths m_paths;
    bool m_json = false;
    bool m_tty = false;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<JobRunner> m_runner;
    std::unique_ptr<AlertService> m_alerts;
    std::shared_ptr<SecretStore> m_secrets;
    QString m_jobId;
    int m_lastProgressWidth = 0;
};

} // namespace lifeboat::cli
