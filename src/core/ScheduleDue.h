#pragma once

#include "core/Result.h"
#include "core/ScheduleRule.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace lifeboat {

class Catalog;
struct Profile;

// Is a scheduled profile due? Pure arithmetic over a few instants, so tests drive it with
// explicit times. The rules:
//
// - No schedule, or schedule disabled: never due (State::Manual / State::Disabled).
// - Never ran: due at once (trigger "schedule").
// - Else the first slot after the last run's start (any trigger, failed runs too): later than
//   now → waiting; at or before now → due. However many slots passed, that is one run.
// - A due slot is a catch-up when it passed while nobody was watching (before `watchingSinceUtc`:
//   the scheduler's start or its last detected wake) or more than `lateToleranceSeconds` ago. A
//   catch-up waits until watchingSinceUtc + the profile's catch-up delay (State::CatchUpPending),
//   then it is due with trigger "catch-up".
// - The clock went backwards (the latest recorded run starts after now): the slots between now
//   and that start do not count as missed (no storm), and we do not wait for the clock to reach
//   the old run either (no wait as long as the jump): the rule's slots are followed from now — a
//   slot that passed at most lateToleranceSeconds ago runs now, else the next slot does. Once a
//   run has been recorded after the jump, the normal rules apply again. A backward correction no
//   larger than the tolerance (NTP) just waits for the slot after the last run, so the same slot
//   never runs twice.
class ScheduleDue
{
public:
    enum class State
    {
        Manual,         // no schedule
        Disabled,       // schedule switched off
        Invalid,        // the schedule text does not parse (message says why)
        Waiting,        // next run in the future (nextRunUtc)
        CatchUpPending, // missed; runs at nextRunUtc (after the catch-up delay)
        Due             // run now (trigger says "schedule" or "catch-up")
    };

    struct Input
    {
        QDateTime lastRunStartUtc; // the latest backup run's start (any trigger); invalid = never
        QDateTime nowUtc;
        QDateTime watchingSinceUtc; // when this scheduler came up or last woke; invalid = long ago
        QTimeZone zone = QTimeZone::systemTimeZone();
        qint64 lateToleranceSeconds = 10 * 60;
    };

    struct Decision
    {
        State state = State::Manual;
        QDateTime nextRunUtc;    // Waiting/CatchUpPending: when; Due: the slot being run (or now)
        QDateTime missedSlotUtc; // catch-ups: the first slot that was missed
        QString trigger;         // Due / CatchUpPending: "schedule" or "catch-up"
        QString message;         // Invalid: why; otherwise a short description for status output
        bool isDue() const { return state == State::Due; }
        bool isCatchUp() const { return trigger == QLatin1String("catch-up"); }
    };

    static Decision decide(const Profile &profile, const Input &input);
    static Decision decide(const ScheduleRule &rule, bool enabled, int catchUpDelayMinutes,
                           const Input &input);

    // The profile's latest recorded backup run (highest id: the last one started, whatever the
    // clock said), any trigger and state. id 0 / invalid time = never ran.
    struct LastRun
    {
        qint64 id = 0;
        QDateTime startedUtc;
    };
    static Result<LastRun> lastBackupRun(const Catalog &catalog, const QString &profileName);

    static QString stateName(State state);
};

} // namespace lifeboat
