#pragma once

#include "core/ConfigPaths.h"
#include "core/JobInfo.h"
#include "core/ScheduleDue.h"
#include "engine/schedule/DueEvaluator.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

class QThread;

namespace lifeboat {

class JobRunner;
class SchedulerWorker;
class SecretStore;

// Runs scheduled backups while the app is open. Lives in the GUI thread and never blocks it: the
// catalog, lock files, power and reachability are read by a SchedulerWorker on its own thread.
//
// Timing: a single-shot QTimer re-armed for the next due time, but never longer than a minute,
// so a wall-clock jump or a sleep is noticed within a minute (no busy polling). A wake is seen
// when the wall clock advanced more than the monotonic clock (which stops during suspend); the
// time of the wake becomes "watching since", so slots missed while asleep run once as a
// catch-up after the profile's catch-up delay (ScheduleDue has the rules).
//
// One run per profile: a profile with a job of this app's JobRunner queued or running is not
// submitted again; another process's run (CLI, the systemd timer) holds the profile's lock and
// the evaluation reports "running elsewhere"; a race between the two is settled inside
// BackupJob (scheduled runs re-check the catalog under the lock and end as a skip).
//
// For the GUI: states() / state(name) give each profile's next run, whether a catch-up is
// pending and why a due run is held back; statesChanged() fires after every evaluation;
// setScheduleEnabled() saves profile.scheduleEnabled through the catalog; checkNow() after a
// profile was added or edited.
class Scheduler : public QObject
{
    Q_OBJECT
public:
    struct ProfileState
    {
        QString profileName;
        QString schedule;    // the rule as written ("" = manual only)
        QString description; // ScheduleRule::describe(), translated
        ScheduleDue::State state = ScheduleDue::State::Manual;
        QDateTime nextRunUtc; // invalid = none (manual, disabled, invalid)
        bool catchUpPending = false;
        QString trigger;       // of the pending/due run: "schedule" or "catch-up"
        QString message;       // ScheduleDue's message (why invalid, …)
        QString blockedReason; // "on battery", "not reachable: …", "running elsewhere"
        QString activeJobId;   // this app's job running the profile's scheduled backup, if any
        bool enabled = true;
    };

    Scheduler(ConfigPaths paths, JobRunner *runner, std::shared_ptr<SecretStore> secrets,
              QObject *parent = nullptr);
    ~Scheduler() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // Evaluates again soon (profiles changed, a manual run finished).
    void checkNow();

    QList<ProfileState> states() const { return m_states.values(); }
    ProfileState state(const QString &profileName) const { return m_states.value(profileName); }
    void setScheduleEnabled(const QString &profileName, bool enabled);

    // Seams for tests.
    void setPowerSupplyRoot(const QString &root) { m_powerSupplyRoot = root; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    QDateTime watchingSinceUtc() const { return m_watchingSinceUtc; }
    // Called by the timer; public so tests can drive a tick after moving a MockClock.
    void tick();

Q_SIGNALS:
    void statesChanged();
    void scheduledRunSubmitted(const QString &profileName, const QString &jobId, const QString &trigger);
    void errorOccurred(const QString &message);

private:
    void evaluate();
    void onEvaluated(Result<QList<DueEvaluator::Entry>> result);
    void onJobFinished(const JobInfo &job);
    bool runnerHasJobFor(const QString &profileName) const;
    void arm(const QDateTime &nextUtc);

    ConfigPaths m_paths;
    JobRunner *m_runner;
    std::shared_ptr<SecretStore> m_secrets;
    QThread *m_thread = nullptr;
    SchedulerWorker *m_worker = nullptr;
    QTimer m_timer;
    bool m_running = false;
    bool m_evaluating = false;
    bool m_evaluateAgain = false;
    QDateTime m_watchingSinceUtc;
    QDateTime m_lastTickWall;
    qint64 m_lastTickMonotonicMs = 0;
    QHash<QString, ProfileState> m_states;
    QHash<QString, QString> m_activeJobs; // profile → job id
    QString m_powerSupplyRoot = QStringLiteral("/sys/class/power_supply");
    QTimeZone m_zone = QTimeZone::systemTimeZone();

    static constexpr int kMaxWaitMs = 60 * 1000;
    static constexpr qint64 kWakeThresholdMs = 90 * 1000;
};

} // namespace lifeboat
