#pragma once

#include "core/Catalog.h"
#include "core/HealthEvaluator.h"
#include "core/HealthReport.h"
#include "core/Profile.h"

#include <QDateTime>

#include <optional>

namespace lifeboat {

// Gathers what HealthEvaluator needs for a profile from the catalog (its runs, its backups with
// the pruned ones, its identity's index entry) and the schedule's interval, and evaluates it.
class CatalogHealth
{
public:
    static Result<HealthReport> evaluate(const Catalog &catalog, const Profile &profile,
                                         const QDateTime &nowUtc);
    // The nominal interval of the profile's schedule; none for a manual (or disabled) schedule.
    static std::optional<qint64> scheduleInterval(const Profile &profile);
    // The evaluator's input without the catalog's facts: profile, time, and the schedule's
    // interval and wording (the rule parsed once). Callers that already read the profile's runs
    // and secret index (the GUI's CatalogReader) add them and the artifacts themselves.
    static HealthEvaluator::Input inputFor(const Profile &profile, const QDateTime &nowUtc);
};

} // namespace lifeboat
