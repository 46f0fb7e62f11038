#pragma once

#include "core/Catalog.h"
#include "core/HealthReport.h"
#include "engine/alerts/AlertDecision.h"

#include <QDateTime>
#include <QList>

namespace lifeboat {

// De-duplication of alerts — a pure function of a health report and the stored alert state:
//   - a finding with no stored row, or whose level changed: one alert ("failure", "stale",
//     "anomaly" or "warning"), the row written with since = notified = now;
//   - a finding whose row has the same level: nothing, unless `reminderHours` > 0 and the last
//     notification is at least that old: one "reminder";
//   - a stored row whose finding is gone: one "recovered" alert, the row deleted.
// "never-backed-up" is shown by status but never alerted (a new profile is not an incident; its
// failed attempts are). A clock that jumped backwards (notified in the future) restarts the
// reminder interval instead of sending anything.
class AlertEvaluator
{
public:
    static AlertDecision evaluate(const HealthReport &report, const QList<Catalog::AlertStateEntry> &stored,
                                  const QDateTime &nowUtc, int reminderHours);

    // The alert event a condition raises: "failure", "stale", "anomaly" or "warning".
    static QString eventFor(const QString &condition);
    static bool isAlerted(const QString &condition);
};

} // namespace lifeboat
