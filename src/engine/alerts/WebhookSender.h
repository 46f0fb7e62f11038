#pragma once

#include "engine/alerts/WebhookRequest.h"
#include "engine/alerts/WebhookResult.h"

#include <QHash>
#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

namespace lifeboat {

// Sends webhook requests asynchronously on the event loop of its thread (never waits): each
// attempt has a transfer timeout; network errors, timeouts, HTTP 5xx and 429 are retried with
// exponential backoff (with jitter); other answers end the delivery at once. The result goes out
// through finished(); error text never contains the URL (the URL itself and the redactor's known
// secrets are masked).
class WebhookSender : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int timeoutMs = 10000;
        int maxAttempts = 4;
        int firstBackoffMs = 2000; // then ×2 per attempt: 2 s, 4 s, 8 s
    };

    explicit WebhookSender(Options options, QObject *parent = nullptr);
    explicit WebhookSender(QObject *parent = nullptr);
    ~WebhookSender() override;

    // Starts a delivery; returns its id (finished() carries it).
    quint64 send(const WebhookRequest &request);
    int pending() const { return int(m_deliveries.size()); }

Q_SIGNALS:
    void finished(quint64 id, const lifeboat::WebhookResult &result);

private:
    struct Delivery
    {
        WebhookRequest request;
        WebhookResult result;
    };
    void attempt(quint64 id);
    void onReply(quint64 id, QNetworkReply *reply);

    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    QHash<quint64, Delivery> m_deliveries;
    quint64 m_next = 0;
};

} // namespace lifeboat
