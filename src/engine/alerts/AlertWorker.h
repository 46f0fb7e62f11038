#pragma once

#include "core/ConfigPaths.h"
#include "engine/alerts/AlertPassRequest.h"
#include "engine/alerts/AlertPassResult.h"
#include "engine/alerts/WebhookSender.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <memory>

namespace lifeboat {

class Catalog;
class SecretStore;
struct Profile;

// AlertService's worker: lives in the service's thread and runs one pass at a time — evaluate
// health from the catalog (its own connection), de-duplicate against alert_state, write the
// Prometheus textfiles, read the webhook URL from the keychain (blocking this thread only) and
// hand the requests to a WebhookSender on this thread's event loop. A pass ends when its last
// delivery has ended; delivery failures become warnings (and events of the run the pass is about).
class AlertWorker : public QObject
{
    Q_OBJECT
public:
    AlertWorker(ConfigPaths paths, std::shared_ptr<SecretStore> secrets, WebhookSender::Options webhook);
    ~AlertWorker() override;

    // Called in the worker's thread (a queued call from AlertService).
    void enqueue(const AlertPassRequest &request);

Q_SIGNALS:
    void notification(const lifeboat::Alert &alert);
    void passFinished(const lifeboat::AlertPassResult &result);

private:
    void startNext();
    void runPass();
    void checkProfile(const Profile &profile);
    void sendToWebhook(const Profile &profile, const QList<Alert> &alerts);
    void writeTextfiles(const QStringList &paths);
    void onDelivered(quint64 deliveryId, const WebhookResult &result);
    void warn(const QString &message, qint64 runId);
    void finishPass();

    ConfigPaths m_paths;
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<Catalog> m_catalog;
    WebhookSender *m_sender = nullptr;
    QList<AlertPassRequest> m_queue;
    bool m_busy = false;
    AlertPassRequest m_current;
    AlertPassResult m_result;
    QHash<quint64, qint64> m_deliveries; // delivery id → run id to record a failure on
};

} // namespace lifeboat
