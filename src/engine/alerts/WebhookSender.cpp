#include "engine/alerts/WebhookSender.h"

#include "core/SecretRedactor.h"
#include "engine/alerts/AlertsLog.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

namespace lifeboat {

WebhookSender::WebhookSender(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    qRegisterMetaType<lifeboat::WebhookResult>();
}

WebhookSender::WebhookSender(QObject *parent)
    : WebhookSender(Options{}, parent)
{}

WebhookSender::~WebhookSender() = default;

quint64 WebhookSender::send(const WebhookRequest &request)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    const quint64 id = ++m_next;
    m_deliveries.insert(id, Delivery{request, {}});
    attempt(id);
    return id;
}

void WebhookSender::attempt(quint64 id)
{
    auto it = m_deliveries.find(id);
    if (it == m_deliveries.end())
        return;
    ++it->result.attempts;
    QNetworkRequest request(it->request.url);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, it->request.contentType);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Lifeboat/" LIFEBOAT_VERSION));
    QNetworkReply *reply = m_network->sendCustomRequest(request, it->request.method, it->request.body);
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { onReply(id, reply); });
}

void WebhookSender::onReply(quint64 id, QNetworkReply *reply)
{
    reply->deleteLater();
    auto it = m_deliveries.find(id);
    if (it == m_deliveries.end())
        return;
    Delivery &d = *it;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    d.result.httpStatus = status;
    bool retry = false;
    if (status >= 200 && status < 300) {
        d.result.ok = true;
        d.result.error.clear();
    } else if (status > 0) {
        d.result.error = QStringLiteral("%1 answered HTTP %2").arg(d.request.description).arg(status);
        retry = status >= 500 || status == 429;
    } else {
        // errorString() may quote the URL: mask it (and any known secret) before it goes anywhere.
        QString why = reply->errorString();
        why.replace(d.request.url.toString(), SecretRedactor::mask());
        why.replace(d.request.url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo), SecretRedactor::mask());
        why = SecretRedactor::redact(why);
        if (reply->error() == QNetworkReply::OperationCanceledError ||
            reply->error() == QNetworkReply::TimeoutError)
            why = QStringLiteral("no answer within %1 s").arg(m_options.timeoutMs / 1000.0);
        d.result.error = QStringLiteral("%1 could not be reached (%2)").arg(d.request.description, why);
        retry = true;
    }
    if (!d.result.ok && retry && d.result.attempts < m_options.maxAttempts) {
        const int base = m_options.firstBackoffMs << (d.result.attempts - 1);
        const int delay = base + int(QRandomGenerator::global()->bounded(base / 4 + 1));
        qCInfo(lcAlerts).noquote() << d.result.error << "- retrying in" << delay << "ms";
        QTimer::singleShot(delay, this, [this, id] { attempt(id); });
        return;
    }
    WebhookResult result = d.result;
    if (!result.ok && result.attempts > 1)
        result.error += QStringLiteral(" after %1 attempts").arg(result.attempts);
    m_deliveries.erase(it);
    Q_EMIT finished(id, result);
}

} // namespace lifeboat
