#pragma once

#include "core/ConfigPaths.h"
#include "core/Profile.h"
#include "core/Result.h"
#include "core/ScheduleDue.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace lifeboat {

class Catalog;

// Reads every profile and its latest backup run from the catalog, decides with ScheduleDue, and
// for due profiles checks what may hold a run back: the profile's lock held by another run
// ("running elsewhere"), only-on-AC-power ("on battery"), only-when-reachable ("not reachable:
// …"). Shared by the app's Scheduler (on its worker thread) and `lifeboat-cli run-due`. Does
// disk and network I/O: never on the GUI thread.
class DueEvaluator
{
public:
    struct Options
    {
        QDateTime nowUtc;
        QDateTime watchingSinceUtc; // see ScheduleDue::Input
        QTimeZone zone = QTimeZone::systemTimeZone();
        qint64 lateToleranceSeconds = 10 * 60;
        bool checkConditions = true; // power, reachability and the lock of due profiles
        QString powerSupplyRoot = QStringLiteral("/sys/class/power_supply");
        int reachabilityTimeoutSeconds = 10;
    };

    struct Entry
    {
        Profile profile;
        ScheduleDue::Decision decision;
        ScheduleDue::LastRun lastRun;
        // Due, but held back (the run waits for the next check): a short reason and a code
        // ("running-elsewhere", "on-battery", "unreachable").
        QString blockedReason;
        QString blockedCode;
        bool shouldRun() const { return decision.isDue() && blockedCode.isEmpty(); }
    };

    static Result<QList<Entry>> evaluate(const Catalog &catalog, const ConfigPaths &paths,
                                         const Options &options);
    // Decides one profile (no conditions).
    static Result<Entry> decide(const Catalog &catalog, const Profile &profile, const Options &options);
    // Fills blockedReason/blockedCode of a due entry.
    static void checkConditions(Entry &entry, const ConfigPaths &paths, const Options &options);
};

} // namespace lifeboat
