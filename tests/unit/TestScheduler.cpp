// The app's Scheduler with a MockClock: a never-run profile is submitted at once with trigger
// "schedule"; a 3-day sleep (wall clock jumps, monotonic clock does not) is detected as a wake
// and gives exactly one "catch-up" run after the catch-up delay; the enabled switch is saved
// through the catalog. The profile's server is a closed port, so each run fails fast — what is
// checked is what the scheduler submits and what the catalog records (trigger, count).

#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "engine/jobs/JobRunner.h"
#include "engine/schedule/Scheduler.h"
#include "mock/MockClock.h"
#include "support/PgTestCluster.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat;

class TestScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sleepGivesOneCatchUpRun();
};

void TestScheduler::sleepGivesOneCatchUpRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ConfigPaths paths(dir.filePath(QStringLiteral("config")));
    QVERIFY(paths.ensureExists());
    QDir().mkpath(dir.filePath(QStringLiteral("dest")));
    QDir().mkpath(dir.filePath(QStringLiteral("power")));
    {
        auto catalog = Catalog::open(paths.catalogPath());
        QVERIFY(catalog);
        Profile p;
        p.name = QStringLiteral("nightly");
        QVERIFY(!(*catalog)->profile(p.name)); // fresh config
        p.connection.host = QStringLiteral("127.0.0.1");
        p.connection.port = QString::number(test::PgTestCluster::freePort());
        p.connection.user = QStringLiteral("nobody");
        p.databases = {QStringLiteral("shop")};
        p.destinations = {dir.filePath(QStringLiteral("dest"))};
        p.schedule = QStringLiteral("daily@02:00");
        p.catchUpDelayMinutes = 2;
        QVERIFY((*catalog)->addProfile(p));
    }
    auto runsOf = [&paths]() {
        auto catalog = Catalog::open(paths.catalogPath());
        auto runs = catalog ? (*catalog)->runs(QStringLiteral("nightly"))
                            : Result<QList<RunRecord>>(QList<RunRecord>());
        return runs ? *runs : QList<RunRecord>();
    };

    MockClock clock(QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC));
    JobRunner runner(paths);
    Scheduler scheduler(paths, &runner, nullptr);
    scheduler.setTimeZone(QTimeZone("UTC"));
    scheduler.setPowerSupplyRoot(dir.filePath(QStringLiteral("power")));
    QSignalSpy submitted(&scheduler, &Scheduler::scheduledRunSubmitted);
    QSignalSpy finished(&runner, &JobRunner::jobFinished);
    QSignalSpy evaluated(&scheduler, &Scheduler::statesChanged);

    // Never ran: submitted at once.
    scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(submitted.count(), 1, 20000);
    QCOMPARE(submitted.at(0).at(2).toString(), QStringLiteral("schedule"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.state(QStringLiteral("nightly")).state, ScheduleDue::State::Waiting,
                              20000);
    QCOMPARE(scheduler.state(QStringLiteral("nightly")).nextRunUtc,
             QDateTime(QDate(2026, 1, 16), QTime(2, 0), Qt::UTC));
    QCOMPARE(scheduler.state(QStringLiteral("nightly")).description, QStringLiteral("every day at 02:00"));
    QList<RunRecord> runs = runsOf();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().trigger, QStringLiteral("schedule"));

    // The machine sleeps three days: the wall clock moves, the monotonic clock does not.
    clock.setNow(QDateTime(QDate(2026, 1, 18), QTime(10, 0), Qt::UTC));
    evaluated.clear();
    scheduler.tick();
    QTRY_VERIFY_WITH_TIMEOUT(evaluated.count() >= 1, 20000);
    QCOMPARE(scheduler.watchingSinceUtc(), clock.nowUtc());
    const Scheduler::ProfileState pending = scheduler.state(QStringLiteral("nightly"));
    QCOMPARE(pending.state, ScheduleDue::State::CatchUpPending);
    QVERIFY(pending.catchUpPending);
    QCOMPARE(pending.nextRunUtc, clock.nowUtc().addSecs(120));
    QCOMPARE(submitted.count(), 1); // not before the delay

    // After the delay: one catch-up run.
    clock.advanceSeconds(120);
    scheduler.tick();
    QTRY_COMPARE_WITH_TIMEOUT(submitted.count(), 2, 20000);
    QCOMPARE(submitted.at(1).at(2).toString(), QStringLiteral("catch-up"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.state(QStringLiteral("nightly")).state, ScheduleDue::State::Waiting,
                              20000);
    QCOMPARE(scheduler.state(QStringLiteral("nightly")).nextRunUtc,
             QDateTime(QDate(2026, 1, 19), QTime(2, 0), Qt::UTC));

    // More ticks an hour apart: nothing else runs until the next slot.
    for (int i = 0; i < 3; ++i) {
        clock.advanceSeconds(3600);
        evaluated.clear();
        scheduler.tick();
        QTRY_VERIFY_WITH_TIMEOUT(evaluated.count() >= 1, 20000);
    }
    QCOMPARE(submitted.count(), 2);
    runs = runsOf();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.first().trigger, QStringLiteral("catch-up"));

    // The enabled switch is saved through the catalog.
    scheduler.setScheduleEnabled(QStringLiteral("nightly"), false);
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.state(QStringLiteral("nightly")).state, ScheduleDue::State::Disabled,
                              20000);
    auto catalog = Catalog::open(paths.catalogPath());
    QVERIFY(catalog);
    auto saved = (*catalog)->profile(QStringLiteral("nightly"));
    QVERIFY(saved);
    QCOMPARE(saved->scheduleEnabled, false);
    scheduler.stop();
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "TestScheduler.moc"
