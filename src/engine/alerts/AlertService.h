#pragma once

#include "core/ConfigPaths.h"
#include "core/JobInfo.h"
#include "engine/alerts/Alert.h"
#include "engine/alerts/AlertPassResult.h"
#include "engine/alerts/WebhookSender.h"

#include <QObject>
#include <QSet>

#include <memory>

class QThread;

namespace lifeboat {

class AlertWorker;
class JobRunner;
class SecretStore;
struct AlertPassRequest;

// Alerts, webhooks and metrics for the app and the CLI. Lives in the caller's thread and never
// blocks it: the work runs in its own thread (an AlertWorker with its own catalog connection and
// network access), one pass at a time. A pass evaluates health (HealthEvaluator), raises alerts
// on changes of state only (AlertEvaluator + the catalog's alert_state), sends them to the
// profile's webhook (URL from the keychain) and as desktop notifications (notification(), for the
// app's tray), and rewrites the Prometheus textfiles. Backups are never held up or failed by it:
// passes start after a job has finished and been recorded, and delivery failures only become
// warnings (and events of the job's run).
//
// Usage: watch(runner) after each backup/verify/prune; check() for staleness (periodically in the
// app, by `lifeboat-cli alerts check` and `run-due`); sendTest() for `lifeboat-cli alerts test`.
class AlertService : public QObject
{
    Q_OBJECT
public:
    AlertService(ConfigPaths paths, std::shared_ptr<SecretStore> secrets,
                 WebhookSender::Options webhook = WebhookSender::Options{}, QObject *parent = nullptr);
    ~AlertService() override; // stops the thread; deliveries still in flight are abandoned

    // Runs a pass for the profile of every backup, verification or prune `runner` finishes.
    void watch(JobRunner *runner);
    // Each returns the pass id (passFinished() carries it).
    quint64 jobFinished(const JobInfo &job);
    quint64 check(const QString &profileName = QString()); // empty = every profile
    quint64 sendTest(const QString &profileName);

    bool isBusy() const { return !m_pending.isEmpty(); }

Q_SIGNALS:
    // An alert for the desktop (only profiles with AlertSettings::desktop); the app shows it in
    // the tray.
    void notification(const lifeboat::Alert &alert);
    void passFinished(const lifeboat::AlertPassResult &result);
    // No pass is queued or running any more.
    void idle();

private:
    quint64 submit(AlertPassRequest request);
    void onPassFinished(const AlertPassResult &result);

    QThread *m_thread = nullptr;
    AlertWorker *m_worker = nullptr;
    QSet<quint64> m_pending;
    quint64 m_next = 0;
};

} // namespace lifeboat
