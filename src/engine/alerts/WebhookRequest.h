#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace lifeboat {

// One HTTP request to a webhook. The URL carries the receiver's token: it never goes into a
// message — `description` ("the webhook of profile 'shop'") names it instead.
struct WebhookRequest
{
    QUrl url;
    QByteArray method = QByteArrayLiteral("POST");
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QString description;
};

} // namespace lifeboat
