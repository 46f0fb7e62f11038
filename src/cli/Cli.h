#pragma once

#include "core/ConfigPaths.h"
#include "core/Result.h"
#include "engine/jobs/BackupJob.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace lifeboat {

class Catalog;
class JobRunner;
class SecretStore;
struct JobInfo;
struct Profile;

// lifeboat-cli: every headless operation. Commands that only read or write the catalog run
// directly; long ones (backup) run as jobs on the engine's worker thread while the main
// thread's event loop prints progress. Exit codes: 0 success, 1 failure, 2 usage.
class Cli : public QObject
{
    Q_OBJECT
public:
    explicit Cli(QObject *parent = nullptr);
    ~Cli() override;

    // Parses and starts the command; returns an exit code when finished synchronously, or -1
    // when a job runs (the event loop then ends with finished(code)).
    int start(const QStringList &arguments);
    void interrupt(); // SIGINT/SIGTERM: cancel running jobs

Q_SIGNALS:
    void finished(int exitCode);

private:
    int fail(const Error &error, int code = 1);
    int usage(const QString &message);
    void printJson(const QJsonValue &value) const;
    Status openCatalog();

    int cmdHelp();
    int cmdProfile(const QStringList &args);
    int cmdProfileAdd(const QStringList &args);
    int cmdProfileList();
    int cmdProfileShow(const QStringList &args);
    int cmdProfileRemove(const QStringList &args);
    int cmdProfileExport(const QStringList &args);
    int cmdProfileImport(const QStringList &args);
    int cmdBackup(const QStringList &args);
    int cmdList(const QStringList &args);
    // Retention (CliPrune.cpp)
    int cmdPrune(const QStringList &args);
    // Restore and proof (CliRestore.cpp)
    int cmdVerify(const QStringList &args);
    int cmdRestore(const QStringList &args);
    int cmdRunbook(const QStringList &args);
    int startJob(std::shared_ptr<class Job> job);
    // Secrets and keys (CliSecrets.cpp)
    int cmdSecret(const QStringList &args);
    int cmdKey(const QStringList &args);
    std::shared_ptr<SecretStore> secretStore();
    Status removeProfileSecrets(const QString &profileName, bool force);
    void attachBackupSecrets(const Profile &profile, BackupJob::Options &options);

    // Destinations (CliDest.cpp)
    int cmdDest(const QStringList &args);

    // Schedules (CliSchedule.cpp); the profile options are ProfileOptions'
    int cmdProfileEdit(const QStringList &args);
    void printScheduleSummary(const Profile &profile);
    int cmdRunDue(const QStringList &args);
    void runDueNext();
    int cmdSchedule(const QStringList &args);
    struct RunDueState;
    std::shared_ptr<RunDueState> m_runDue;

    // Health and alerts (CliStatus.cpp)
    int cmdStatus(const QStringList &args);
    int cmdAlerts(const QStringList &args);
    class AlertService *alertService();
    void watchAlerts();               // the runner's finished jobs get an alert pass
    void finishAfterAlerts(int code); // emits finished(code) once those passes are done
    std::unique_ptr<class AlertService> m_alerts;

    void onJobUpdated(const JobInfo &job);
    void onJobFinished(const JobInfo &job);

    ConfigPaths m_paths;
    bool m_json = false;
    bool m_tty = false;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<JobRunner> m_runner;
    QString m_jobId;
    int m_lastProgressWidth = 0;
    std::shared_ptr<SecretStore> m_secrets;
};

} // namespace lifeboat
