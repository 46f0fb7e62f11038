#include "engine/schedule/DueEvaluator.h"

#include "core/Catalog.h"
#include "engine/jobs/ProfileLock.h"
#include "engine/schedule/PowerSource.h"
#include "engine/schedule/ReachabilityCheck.h"

namespace lifeboat {

Result<DueEvaluator::Entry> DueEvaluator::decide(const Catalog &catalog, const Profile &profile,
                                                 const Options &options)
{
    Entry e;
    e.profile = profile;
    if (!profile.schedule.trimmed().isEmpty()) {
        auto last = ScheduleDue::lastBackupRun(catalog, profile.name);
        if (!last)
            return last.error();
        e.lastRun = *last;
    }
    ScheduleDue::Input input;
    input.lastRunStartUtc = e.lastRun.startedUtc;
    input.nowUtc = options.nowUtc;
    input.watchingSinceUtc = options.watchingSinceUtc;
    input.zone = options.zone;
    input.lateToleranceSeconds = options.lateToleranceSeconds;
    e.decision = ScheduleDue::decide(profile, input);
    return e;
}

void DueEvaluator::checkConditions(Entry &e, const ConfigPaths &paths, const Options &options)
{
    if (!e.decision.isDue())
        return;
    if (ProfileLock::isLocked(paths.locksDir(), e.profile.name)) {
        e.blockedCode = QStringLiteral("running-elsewhere");
        e.blockedReason = QStringLiteral("running elsewhere");
        return;
    }
    if (e.profile.onlyOnAcPower && !PowerSource::onAcPower(options.powerSupplyRoot)) {
        e.blockedCode = QStringLiteral("on-battery");
        e.blockedReason = QStringLiteral("on battery");
        return;
    }
    if (e.profile.onlyWhenReachable) {
        if (Status s = ReachabilityCheck::check(e.profile, options.reachabilityTimeoutSeconds); !s) {
            e.blockedCode = QStringLiteral("unreachable");
            e.blockedReason = QStringLiteral("not reachable: ") + s.error().message;
        }
    }
}

Result<QList<DueEvaluator::Entry>> DueEvaluator::evaluate(const Catalog &catalog, const ConfigPaths &paths,
                                                          const Options &options)
{
    auto profiles = catalog.profiles();
    if (!profiles)
        return profiles.error();
    QList<Entry> out;
    for (const Profile &p : *profiles) {
        auto e = decide(catalog, p, options);
        if (!e)
            return e.error();
        if (options.checkConditions)
            checkConditions(*e, paths, options);
        out.append(*e);
    }
    return out;
}

} // namespace lifeboat
