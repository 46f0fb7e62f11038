#include "core/CatalogHealth.h"

#include "core/HealthEvaluator.h"
#include "core/ScheduleRule.h"

namespace lifeboat {

std::optional<qint64> CatalogHealth::scheduleInterval(const Profile &profile)
{
    if (profile.schedule.isEmpty() || !profile.scheduleEnabled)
        return std::nullopt;
    auto rule = ScheduleRule::parse(profile.schedule);
    if (!rule || rule->nominalIntervalSeconds() <= 0)
        return std::nullopt;
    return rule->nominalIntervalSeconds();
}

HealthEvaluator::Input CatalogHealth::inputFor(const Profile &profile, const QDateTime &nowUtc)
{
    HealthEvaluator::Input input;
    input.profile = profile;
    input.nowUtc = nowUtc;
    if (!profile.schedule.isEmpty() && profile.scheduleEnabled) {
        if (auto rule = ScheduleRule::parse(profile.schedule); rule && rule->nominalIntervalSeconds() > 0) {
            input.intervalSeconds = rule->nominalIntervalSeconds();
            input.scheduleDescription = rule->describe();
        }
    }
    return input;
}

Result<HealthReport> CatalogHealth::evaluate(const Catalog &catalog, const Profile &profile,
                                             const QDateTime &nowUtc)
{
    HealthEvaluator::Input input = inputFor(profile, nowUtc);
    auto runs = catalog.runs(profile.name, 500);
    if (!runs)
        return runs.error();
    input.runs = *runs;
    auto artifacts = catalog.artifacts(profile.name, true);
    if (!artifacts)
        return artifacts.error();
    input.artifacts = *artifacts;
    auto identity = catalog.secret(profile.name, QStringLiteral("age-identity"));
    if (!identity)
        return identity.error();
    input.identity = *identity;
    return HealthEvaluator::evaluate(input);
}

} // namespace lifeboat
