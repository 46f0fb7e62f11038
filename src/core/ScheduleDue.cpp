#include "core/ScheduleDue.h"

#include "core/Catalog.h"
#include "core/Profile.h"

namespace lifeboat {

ScheduleDue::Decision ScheduleDue::decide(const Profile &profile, const Input &input)
{
    if (profile.schedule.trimmed().isEmpty()) {
        Decision d;
        d.state = State::Manual;
        d.message = QStringLiteral("manual only (no schedule)");
        return d;
    }
    auto rule = ScheduleRule::parse(profile.schedule);
    if (!rule) {
        Decision d;
        d.state = State::Invalid;
        d.message = rule.error().message;
        return d;
    }
    return decide(*rule, profile.scheduleEnabled, profile.catchUpDelayMinutes, input);
}

ScheduleDue::Decision ScheduleDue::decide(const ScheduleRule &rule, bool enabled, int catchUpDelayMinutes,
                                          const Input &input)
{
    Decision d;
    if (!rule.isValid()) {
        d.state = State::Invalid;
        d.message = QStringLiteral("the schedule is not valid");
        return d;
    }
    const QDateTime now = input.nowUtc.toUTC();
    if (!enabled) {
        d.state = State::Disabled;
        d.message = QStringLiteral("schedule switched off");
        return d;
    }
    if (!input.lastRunStartUtc.isValid()) {
        d.state = State::Due;
        d.trigger = QStringLiteral("schedule");
        d.nextRunUtc = now;
        d.message = QStringLiteral("never ran: due now");
        return d;
    }
    const QDateTime last = input.lastRunStartUtc.toUTC();
    if (last.secsTo(now) < -input.lateToleranceSeconds) {
        // The clock went backwards: neither a storm of "missed" runs nor a wait as long as the jump.
        const QDateTime recent = rule.nextAfter(now.addSecs(-input.lateToleranceSeconds - 1), input.zone);
        if (recent.isValid() && recent <= now) {
            d.state = State::Due;
            d.trigger = QStringLiteral("schedule");
            d.nextRunUtc = recent;
            d.message = QStringLiteral("due (the clock went back: the last run is recorded at %1 UTC)")
                            .arg(last.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
            return d;
        }
        d.state = State::Waiting;
        d.nextRunUtc = rule.nextAfter(now, input.zone);
        d.message = QStringLiteral("waiting (the clock went back: the last run is recorded at %1 UTC)")
                        .arg(last.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        return d;
    }
    const QDateTime slot = rule.nextAfter(last, input.zone);
    if (!slot.isValid() || slot > now) {
        d.state = State::Waiting;
        d.nextRunUtc = slot;
        d.message = QStringLiteral("waiting");
        return d;
    }
    const bool missedWhileAway = input.watchingSinceUtc.isValid() && slot < input.watchingSinceUtc.toUTC();
    const bool late = slot.secsTo(now) > input.lateToleranceSeconds;
    if (!missedWhileAway && !late) {
        d.state = State::Due;
        d.trigger = QStringLiteral("schedule");
        d.nextRunUtc = slot;
        d.message = QStringLiteral("due");
        return d;
    }
    d.trigger = QStringLiteral("catch-up");
    d.missedSlotUtc = slot;
    const QDateTime since = input.watchingSinceUtc.isValid() && input.watchingSinceUtc.toUTC() <= now
                                ? input.watchingSinceUtc.toUTC()
                                : now.addSecs(-qint64(std::max(0, catchUpDelayMinutes)) * 60);
    const QDateTime runAt = std::max(since.addSecs(qint64(std::max(0, catchUpDelayMinutes)) * 60), slot);
    if (runAt > now) {
        d.state = State::CatchUpPending;
        d.nextRunUtc = runAt;
        d.message = QStringLiteral("missed the run of %1 UTC: catching up shortly")
                        .arg(slot.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        return d;
    }
    d.state = State::Due;
    d.nextRunUtc = now;
    d.message = QStringLiteral("missed the run of %1 UTC: catching up")
                    .arg(slot.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    return d;
}

Result<ScheduleDue::LastRun> ScheduleDue::lastBackupRun(const Catalog &catalog, const QString &profileName)
{
    // By id, not by start time: after the clock went back the newest run has the older start.
    auto runs = catalog.runs(profileName);
    if (!runs)
        return runs.error();
    LastRun last;
    for (const RunRecord &r : *runs) {
        if (r.kind == RunKind::Backup && r.id > last.id) {
            last.id = r.id;
            last.startedUtc = r.startedUtc;
        }
    }
    return last;
}

QString ScheduleDue::stateName(State state)
{
    switch (state) {
    case State::Manual:
        return QStringLiteral("manual");
    case State::Disabled:
        return QStringLiteral("disabled");
    case State::Invalid:
        return QStringLiteral("invalid");
    case State::Waiting:
        return QStringLiteral("waiting");
    case State::CatchUpPending:
        return QStringLiteral("catch-up-pending");
    case State::Due:
        return QStringLiteral("due");
    }
    return QString();
}

} // namespace lifeboat
