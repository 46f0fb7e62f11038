// The due planner with a simulated clock: never-run profiles, on-time runs, a 3-day sleep that
// must give exactly one catch-up, the catch-up delay, the clock jumping backwards (big and small),
// and the catalog query that feeds it (by id, so a clock jump cannot hide the newest run).

#include "core/Catalog.h"
#include "core/Profile.h"
#include "core/ScheduleDue.h"
#include "mock/MockClock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat;

namespace {
QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

Profile scheduled(const QString &rule, int delayMinutes = 2)
{
    Profile p;
    p.name = QStringLiteral("prod");
    p.schedule = rule;
    p.catchUpDelayMinutes = delayMinutes;
    return p;
}

ScheduleDue::Input input(const QDateTime &last, const QDateTime &now, const QDateTime &since = QDateTime())
{
    ScheduleDue::Input in;
    in.lastRunStartUtc = last;
    in.nowUtc = now;
    in.watchingSinceUtc = since;
    in.zone = QTimeZone("UTC");
    return in;
}

// A scheduler loop over simulated time: checks every `stepSeconds`, "runs" (records the start)
// whenever the planner says due. Returns the runs as (start, trigger).
struct SimRun
{
    QDateTime at;
    QString trigger;
};

QList<SimRun> simulate(const Profile &p, QDateTime last, const QDateTime &from, const QDateTime &to,
                       const QDateTime &watchingSince, const QTimeZone &zone, qint64 stepSeconds = 60)
{
    QList<SimRun> runs;
    for (QDateTime now = from; now <= to; now = now.addSecs(stepSeconds)) {
        ScheduleDue::Input in;
        in.lastRunStartUtc = last;
        in.nowUtc = now;
        in.watchingSinceUtc = watchingSince;
        in.zone = zone;
        const ScheduleDue::Decision d = ScheduleDue::decide(p, in);
        if (d.isDue()) {
            runs.append({now, d.trigger});
            last = now;
        }
    }
    return runs;
}
} // namespace

class TestScheduleDue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manualDisabledInvalid();
    void neverRunIsDueAtOnce();
    void waitsForTheNextSlot();
    void onTimeRunIsAScheduleRun();
    void threeDaySleepRunsOnceAsCatchUp();
    void catchUpWaitsForTheDelay();
    void lateWithoutWakeIsACatchUpAtOnce();
    void failedRunCountsAsTheLastRun();
    void clockJumpsFarBackwards();
    void clockJumpsBackAFewMinutes();
    void dstDayInSimulation();
    void lastBackupRunIsTheNewestById();
};

void TestScheduleDue::manualDisabledInvalid()
{
    const QDateTime now = utc("2026-01-15T12:00:00");
    QCOMPARE(ScheduleDue::decide(scheduled(QString()), input({}, now)).state, ScheduleDue::State::Manual);
    Profile off = scheduled(QStringLiteral("daily@02:00"));
    off.scheduleEnabled = false;
    QCOMPARE(ScheduleDue::decide(off, input({}, now)).state, ScheduleDue::State::Disabled);
    const auto bad = ScheduleDue::decide(scheduled(QStringLiteral("0 2 32 * *")), input({}, now));
    QCOMPARE(bad.state, ScheduleDue::State::Invalid);
    QVERIFY2(bad.message.contains(QLatin1String("day of month")), qPrintable(bad.message));
}

void TestScheduleDue::neverRunIsDueAtOnce()
{
    const QDateTime now = utc("2026-01-15T12:00:00");
    const auto d = ScheduleDue::decide(scheduled(QStringLiteral("daily@02:00")), input({}, now, now));
    QCOMPARE(d.state, ScheduleDue::State::Due);
    QCOMPARE(d.trigger, QStringLiteral("schedule"));
}

void TestScheduleDue::waitsForTheNextSlot()
{
    const auto d = ScheduleDue::decide(
        scheduled(QStringLiteral("daily@02:00")),
        input(utc("2026-01-15T02:00:05"), utc("2026-01-15T12:00:00"), utc("2026-01-10T00:00:00")));
    QCOMPARE(d.state, ScheduleDue::State::Waiting);
    QCOMPARE(d.nextRunUtc, utc("2026-01-16T02:00:00"));
}

void TestScheduleDue::onTimeRunIsAScheduleRun()
{
    const auto d = ScheduleDue::decide(
        scheduled(QStringLiteral("daily@02:00")),
        input(utc("2026-01-15T02:00:05"), utc("2026-01-16T02:00:30"), utc("2026-01-10T00:00:00")));
    QCOMPARE(d.state, ScheduleDue::State::Due);
    QCOMPARE(d.trigger, QStringLiteral("schedule"));
    QCOMPARE(d.nextRunUtc, utc("2026-01-16T02:00:00"));
}

void TestScheduleDue::threeDaySleepRunsOnceAsCatchUp()
{
    // Hourly and daily profiles; the machine sleeps from Jan 15 03:00 to Jan 18 10:00 and the
    // scheduler then checks every minute for two days.
    const QDateTime wake = utc("2026-01-18T10:00:00");
    for (const QString &rule : {QStringLiteral("daily@02:00"), QStringLiteral("hourly@:30"),
                                QStringLiteral("*/5 * * * *"), QStringLiteral("weekly@fri@02:00")}) {
        const Profile p = scheduled(rule, 2);
        const QList<SimRun> runs =
            simulate(p, utc("2026-01-15T02:00:05"), wake, wake.addDays(2), wake, QTimeZone("UTC"));
        QVERIFY2(!runs.isEmpty(), qPrintable(rule));
        // Exactly one catch-up, at wake + the delay, and nothing before it.
        QCOMPARE(runs.first().trigger, QStringLiteral("catch-up"));
        QCOMPARE(runs.first().at, wake.addSecs(120));
        int catchUps = 0;
        for (const SimRun &r : runs)
            catchUps += r.trigger == QLatin1String("catch-up") ? 1 : 0;
        QCOMPARE(catchUps, 1);
        // After it the normal slots, one run per slot.
        if (rule == QLatin1String("daily@02:00")) {
            QCOMPARE(runs.size(), 3); // catch-up, Jan 19 02:00, Jan 20 02:00
            QCOMPARE(runs.at(1).at, utc("2026-01-19T02:00:00"));
            QCOMPARE(runs.at(1).trigger, QStringLiteral("schedule"));
        }
        if (rule == QLatin1String("hourly@:30"))
            QCOMPARE(runs.size(), 1 + 48); // 10:30 on Jan 18 … 09:30 on Jan 20
        if (rule == QLatin1String("weekly@fri@02:00"))
            QCOMPARE(runs.size(), 1); // next Friday is Jan 23
    }
}

void TestScheduleDue::catchUpWaitsForTheDelay()
{
    const QDateTime wake = utc("2026-01-18T10:00:00");
    const Profile p = scheduled(QStringLiteral("daily@02:00"), 5);
    const auto early = ScheduleDue::decide(p, input(utc("2026-01-15T02:00:05"), wake.addSecs(60), wake));
    QCOMPARE(early.state, ScheduleDue::State::CatchUpPending);
    QCOMPARE(early.trigger, QStringLiteral("catch-up"));
    QCOMPARE(early.nextRunUtc, wake.addSecs(300));
    QCOMPARE(early.missedSlotUtc, utc("2026-01-16T02:00:00"));
    const auto later = ScheduleDue::decide(p, input(utc("2026-01-15T02:00:05"), wake.addSecs(300), wake));
    QCOMPARE(later.state, ScheduleDue::State::Due);
    QVERIFY(later.isCatchUp());
}

void TestScheduleDue::lateWithoutWakeIsACatchUpAtOnce()
{
    // Held back (on battery) for hours while the scheduler was watching: runs at once, as a catch-up.
    const auto d = ScheduleDue::decide(
        scheduled(QStringLiteral("daily@02:00")),
        input(utc("2026-01-15T02:00:05"), utc("2026-01-16T09:00:00"), utc("2026-01-10T00:00:00")));
    QCOMPARE(d.state, ScheduleDue::State::Due);
    QCOMPARE(d.trigger, QStringLiteral("catch-up"));
}

void TestScheduleDue::failedRunCountsAsTheLastRun()
{
    // The planner sees only the start of the latest attempt: a failure at 02:00 is not retried in
    // a loop, the next attempt is the next slot.
    const QList<SimRun> runs = simulate(scheduled(QStringLiteral("daily@02:00")), utc("2026-01-15T02:00:00"),
                                        utc("2026-01-15T02:01:00"), utc("2026-01-16T01:59:00"),
                                        utc("2026-01-15T00:00:00"), QTimeZone("UTC"));
    QCOMPARE(runs.size(), 0);
}

void TestScheduleDue::clockJumpsFarBackwards()
{
    // The last run is recorded on Jan 20; the clock now says Jan 15 12:00 (5 days back).
    const Profile p = scheduled(QStringLiteral("daily@02:00"));
    const QDateTime now = utc("2026-01-15T12:00:00");
    const auto d = ScheduleDue::decide(p, input(utc("2026-01-20T02:00:05"), now, now));
    QCOMPARE(d.state, ScheduleDue::State::Waiting);
    QCOMPARE(d.nextRunUtc, utc("2026-01-16T02:00:00")); // not Jan 21: no wait of the jump's length
    // Simulated: no storm — one run per slot from the current clock on.
    const QList<SimRun> runs =
        simulate(p, utc("2026-01-20T02:00:05"), now, utc("2026-01-17T12:00:00"), now, QTimeZone("UTC"));
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).at, utc("2026-01-16T02:00:00"));
    QCOMPARE(runs.at(1).at, utc("2026-01-17T02:00:00"));
    for (const SimRun &r : runs)
        QCOMPARE(r.trigger, QStringLiteral("schedule"));
    // Hourly with a check every minute: exactly one run per hour, never two in one.
    const QList<SimRun> hourly = simulate(scheduled(QStringLiteral("hourly@:00")), utc("2026-01-20T02:00:05"),
                                          now, now.addSecs(6 * 3600 - 60), now, QTimeZone("UTC"));
    QCOMPARE(hourly.size(), 6);
}

void TestScheduleDue::clockJumpsBackAFewMinutes()
{
    // NTP pulls the clock back 3 minutes right after the 02:00 run: the slot does not run twice.
    const Profile p = scheduled(QStringLiteral("daily@02:00"));
    const QList<SimRun> runs =
        simulate(p, utc("2026-01-15T02:00:10"), utc("2026-01-15T01:57:10"), utc("2026-01-16T01:59:00"),
                 utc("2026-01-15T00:00:00"), QTimeZone("UTC"));
    QCOMPARE(runs.size(), 0);
    const auto d = ScheduleDue::decide(p, input(utc("2026-01-15T02:00:10"), utc("2026-01-15T01:57:10")));
    QCOMPARE(d.nextRunUtc, utc("2026-01-16T02:00:00"));
}

void TestScheduleDue::dstDayInSimulation()
{
    // Checked every minute across the spring-forward and fall-back days: one run each day.
    const QTimeZone buc("Europe/Bucharest");
    QVERIFY2(buc.isValid(), "install the Debian package tzdata");
    for (const QDate day : {QDate(2026, 3, 29), QDate(2026, 10, 25)}) {
        for (const QString &rule : {QStringLiteral("daily@03:30"), QStringLiteral("daily@02:30")}) {
            const QDateTime from = QDateTime(day.addDays(-1), QTime(12, 0), buc).toUTC();
            const QDateTime since = from.addDays(-1);
            const QList<SimRun> runs =
                simulate(scheduled(rule), from.addSecs(-3600), from, from.addDays(2), since, buc);
            QCOMPARE(runs.size(), 2); // the DST day and the day after
            QCOMPARE(runs.first().at.toTimeZone(buc).date(), day);
        }
    }
}

void TestScheduleDue::lastBackupRunIsTheNewestById()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto catalog = Catalog::open(dir.filePath(QStringLiteral("catalog.sqlite")));
    QVERIFY(catalog);
    Profile p;
    p.name = QStringLiteral("prod");
    p.databases = {QStringLiteral("shop")};
    p.destinations = {dir.path()};
    QVERIFY((*catalog)->addProfile(p));

    auto none = ScheduleDue::lastBackupRun(**catalog, QStringLiteral("prod"));
    QVERIFY(none);
    QCOMPARE(none->id, qint64(0));
    QVERIFY(!none->startedUtc.isValid());

    auto begin = [&](const char *kind, const char *started) {
        RunRecord r;
        r.profileName = QStringLiteral("prod");
        r.kind = runKindFromName(QLatin1String(kind)).value();
        r.state = RunRecord::State::Running;
        r.startedUtc = utc(started);
        auto id = (*catalog)->beginRun(r);
        return id ? *id : qint64(-1);
    };
    begin("backup", "2026-01-20T02:00:00");                       // recorded before the clock went back
    const qint64 newest = begin("backup", "2026-01-15T02:00:00"); // after the jump: older time, newer id
    begin("prune", "2026-01-15T02:05:00");
    begin("verify", "2026-01-25T02:05:00");
    auto last = ScheduleDue::lastBackupRun(**catalog, QStringLiteral("prod"));
    QVERIFY(last);
    QCOMPARE(last->id, newest);
    QCOMPARE(last->startedUtc, utc("2026-01-15T02:00:00"));
}

QTEST_GUILESS_MAIN(TestScheduleDue)
#include "TestScheduleDue.moc"
