#pragma once

#include "core/Result.h"
#include "engine/alerts/Alert.h"
#include "engine/alerts/WebhookRequest.h"

#include <QStringList>
#include <QUrl>

namespace lifeboat {

// The request an alert becomes for a webhook format (AlertSettings::webhookFormat):
//   generic     POST application/json {"profile","database","event","level","condition","message",
//               "title","time","host","runId"}
//   slack, mattermost  POST {"text": "…"}
//   discord     POST {"content": "…"}
//   teams       POST an Office 365 connector MessageCard {"@type":"MessageCard",…,"title","text"}
//   healthchecks  POST text/plain to URL (success, recovered), URL/fail (anything else) or URL/log
//               (test) — healthchecks.io's ping API.
class WebhookPayload
{
public:
    static QStringList formats();
    static bool isKnownFormat(const QString &format);
    static Result<WebhookRequest> build(const QString &format, const QUrl &url, const Alert &alert,
                                        const QString &host);
};

} // namespace lifeboat
