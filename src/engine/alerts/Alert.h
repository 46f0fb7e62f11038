#pragma once

#include "core/HealthReport.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace lifeboat {

// One message for people: a change of a profile's health, a reminder, a backup's outcome (for
// healthchecks-style pings) or a test. Carries names and sentences only, never a secret.
struct Alert
{
    QString profileName;
    QString subject;   // the database, or empty for the whole profile
    QString condition; // the HealthFinding condition it is about; empty for pings and tests
    // "failure", "warning", "stale", "anomaly" (a condition became true), "recovered",
    // "reminder" (still true after the reminder interval), "success" / "failure" (a backup's
    // outcome, for healthchecks pings), "test".
    QString event;
    HealthLevel level = HealthLevel::Warning;
    QString message; // one line
    QDateTime timeUtc;
    qint64 runId = 0; // the run it is about, if any

    // "Lifeboat: shop is failing" — a notification's title.
    QString title() const;
    // "[shop/orders] stale: no successful backup for 31 h (schedule: daily@02:00)" — chat text.
    QString text() const;
};

} // namespace lifeboat

Q_DECLARE_METATYPE(lifeboat::Alert)
