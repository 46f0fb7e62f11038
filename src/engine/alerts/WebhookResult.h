#pragma once

#include <QMetaType>
#include <QString>

namespace lifeboat {

// How one webhook delivery ended, after its retries.
struct WebhookResult
{
    bool ok = false;
    int attempts = 0;
    int httpStatus = 0; // the last answer's status; 0 = no answer (network error, timeout)
    QString error;      // one sentence naming the webhook by its description, never its URL
};

} // namespace lifeboat

Q_DECLARE_METATYPE(lifeboat::WebhookResult)
