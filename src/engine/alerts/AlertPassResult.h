#pragma once

#include "core/HealthReport.h"
#include "engine/alerts/Alert.h"

#include <QList>
#include <QMetaType>
#include <QStringList>

namespace lifeboat {

// What one alert pass did (after a job, a periodic check, `alerts check`, `alerts test`).
struct AlertPassResult
{
    quint64 id = 0;
    QList<HealthReport> reports; // the profiles it looked at
    QList<Alert> alerts;         // raised in this pass (desktop and webhooks)
    int delivered = 0;           // webhook requests that got a 2xx
    int failed = 0;              // webhook requests that failed after their retries
    QStringList warnings;        // one sentence each (delivery failures, textfile errors), redacted
};

} // namespace lifeboat

Q_DECLARE_METATYPE(lifeboat::AlertPassResult)
