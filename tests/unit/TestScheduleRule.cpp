// Schedule maths with explicit instants: presets and cron, DST in Europe/Bucharest and
// America/New_York (both directions), month ends, the leap day, cron edge cases, bad input.

#include "core/ScheduleRule.h"

#include <QTest>
#include <QTimeZone>

using namespace lifeboat;

namespace {
QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

QTimeZone zone(const char *id)
{
    return QTimeZone(QByteArray(id));
}
} // namespace

class TestScheduleRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nextAfter_data();
    void nextAfter();
    void dstDayRunsOnce_data();
    void dstDayRunsOnce();
    void hourlyFollowsElapsedTimeOverDst();
    void describe_data();
    void describe();
    void nominalInterval_data();
    void nominalInterval();
    void badInput_data();
    void badInput();
    void validEdgeCases_data();
    void validEdgeCases();
    void nextRunsAreOrderedAndStrictlyLater();
};

void TestScheduleRule::initTestCase()
{
    for (const char *id : {"Europe/Bucharest", "America/New_York", "UTC"})
        QVERIFY2(zone(id).isValid(),
                 qPrintable(QStringLiteral("time zone %1 missing: install the Debian package tzdata")
                                .arg(QLatin1String(id))));
}

void TestScheduleRule::nextAfter_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("expected");

    // Europe/Bucharest: 2026-03-29 03:00 EET → 04:00 EEST (01:00Z); 2026-10-25 04:00 EEST → 03:00 EET
    // (01:00Z).
    const QByteArray buc("Europe/Bucharest");
    QTest::newRow("buc spring: 03:30 is skipped → the first instant after the gap")
        << QStringLiteral("daily@03:30") << buc << utc("2026-03-28T12:00:00") << utc("2026-03-29T01:00:00");
    QTest::newRow("buc spring: the day after runs normally (EEST)")
        << QStringLiteral("daily@03:30") << buc << utc("2026-03-29T01:00:00") << utc("2026-03-30T00:30:00");
    QTest::newRow("buc spring: 02:30 exists (EET)")
        << QStringLiteral("daily@02:30") << buc << utc("2026-03-28T12:00:00") << utc("2026-03-29T00:30:00");
    QTest::newRow("buc spring: 04:00 is the transition")
        << QStringLiteral("daily@04:00") << buc << utc("2026-03-28T12:00:00") << utc("2026-03-29T01:00:00");
    QTest::newRow("buc spring: cron form")
        << QStringLiteral("30 3 * * *") << buc << utc("2026-03-28T12:00:00") << utc("2026-03-29T01:00:00");
    QTest::newRow("buc fall: 03:30 repeated → first occurrence (EEST)")
        << QStringLiteral("daily@03:30") << buc << utc("2026-10-24T12:00:00") << utc("2026-10-25T00:30:00");
    QTest::newRow("buc fall: not again in the repeated hour")
        << QStringLiteral("daily@03:30") << buc << utc("2026-10-25T00:30:00") << utc("2026-10-26T01:30:00");
    QTest::newRow("buc fall: weekly on Sunday") << QStringLiteral("weekly@sun@03:30") << buc
                                                << utc("2026-10-20T00:00:00") << utc("2026-10-25T00:30:00");
    QTest::newRow("buc hourly: skipped hour has no :30")
        << QStringLiteral("hourly@:30") << buc << utc("2026-03-29T00:30:00") << utc("2026-03-29T01:30:00");
    QTest::newRow("buc hourly: repeated hour runs twice")
        << QStringLiteral("hourly@:30") << buc << utc("2026-10-25T00:30:00") << utc("2026-10-25T01:30:00");

    // America/New_York: 2026-03-08 02:00 EST → 03:00 EDT (07:00Z); 2026-11-01 02:00 EDT → 01:00 EST (06:00Z).
    const QByteArray ny("America/New_York");
    QTest::newRow("ny spring: 02:30 skipped")
        << QStringLiteral("daily@02:30") << ny << utc("2026-03-07T12:00:00") << utc("2026-03-08T07:00:00");
    QTest::newRow("ny spring: cron 30 2")
        << QStringLiteral("30 2 * * *") << ny << utc("2026-03-07T12:00:00") << utc("2026-03-08T07:00:00");
    QTest::newRow("ny spring: next day EDT")
        << QStringLiteral("daily@02:30") << ny << utc("2026-03-08T07:00:00") << utc("2026-03-09T06:30:00");
    QTest::newRow("ny fall: 01:30 first occurrence (EDT)")
        << QStringLiteral("daily@01:30") << ny << utc("2026-10-31T12:00:00") << utc("2026-11-01T05:30:00");
    QTest::newRow("ny fall: then the next day (EST)")
        << QStringLiteral("daily@01:30") << ny << utc("2026-11-01T05:30:00") << utc("2026-11-02T06:30:00");
    QTest::newRow("ny fall: 02:30 exists once")
        << QStringLiteral("daily@02:30") << ny << utc("2026-10-31T12:00:00") << utc("2026-11-01T07:30:00");

    // Month ends and leap days (UTC: no DST in the way).
    const QByteArray z("UTC");
    QTest::newRow("monthly@31 in February → the 28th")
        << QStringLiteral("monthly@31@03:00") << z << utc("2026-02-01T00:00:00")
        << utc("2026-02-28T03:00:00");
    QTest::newRow("monthly@31 in a leap February → the 29th")
        << QStringLiteral("monthly@31@03:00") << z << utc("2028-02-01T00:00:00")
        << utc("2028-02-29T03:00:00");
    QTest::newRow("monthly@31 in April → the 30th")
        << QStringLiteral("monthly@31@03:00") << z << utc("2026-04-01T00:00:00")
        << utc("2026-04-30T03:00:00");
    QTest::newRow("monthly@31 in March → the 31st")
        << QStringLiteral("monthly@31@03:00") << z << utc("2026-03-01T00:00:00")
        << utc("2026-03-31T03:00:00");
    QTest::newRow("monthly@29 in 2027 → Feb 28") << QStringLiteral("monthly@29@00:00") << z
                                                 << utc("2027-02-01T00:00:00") << utc("2027-02-28T00:00:00");
    QTest::newRow("monthly@1 over the year end")
        << QStringLiteral("monthly@1@00:00") << z << utc("2026-12-01T00:00:00") << utc("2027-01-01T00:00:00");
    QTest::newRow("cron leap day") << QStringLiteral("0 0 29 2 *") << z << utc("2026-03-01T00:00:00")
                                   << utc("2028-02-29T00:00:00");
    QTest::newRow("cron leap day skips 2100")
        << QStringLiteral("0 0 29 2 *") << z << utc("2096-03-01T00:00:00") << utc("2104-02-29T00:00:00");
    QTest::newRow("cron day 31 skips short months")
        << QStringLiteral("0 0 31 * *") << z << utc("2026-04-01T00:00:00") << utc("2026-05-31T00:00:00");
    QTest::newRow("cron last minute of the year")
        << QStringLiteral("59 23 31 12 *") << z << utc("2026-12-31T23:59:00") << utc("2027-12-31T23:59:00");

    // Cron edge cases.
    QTest::newRow("dom OR dow: the Friday comes first")
        << QStringLiteral("0 12 13 * 5") << z << utc("2026-02-01T00:00:00") << utc("2026-02-06T12:00:00");
    QTest::newRow("dom OR dow: the 13th comes first")
        << QStringLiteral("0 12 13 * 5") << z << utc("2026-02-07T00:00:00") << utc("2026-02-13T12:00:00");
    QTest::newRow("dom '*/2' is a star: AND")
        << QStringLiteral("0 12 */2 * 5") << z << utc("2026-02-01T00:00:00") << utc("2026-02-13T12:00:00");
    QTest::newRow("names, ranges, steps") << QStringLiteral("15 9-17/4 * jan,jul mon-fri") << z
                                          << utc("2026-01-01T00:00:00") << utc("2026-01-01T09:15:00");
    QTest::newRow("range step: 13:15 after 09:15")
        << QStringLiteral("15 9-17/4 * jan,jul mon-fri") << z << utc("2026-01-01T09:15:00")
        << utc("2026-01-01T13:15:00");
    QTest::newRow("months skipped to July") << QStringLiteral("15 9-17/4 * jan,jul mon-fri") << z
                                            << utc("2026-01-31T18:00:00") << utc("2026-07-01T09:15:00");
    QTest::newRow("7 is Sunday") << QStringLiteral("0 0 * * 7") << z << utc("2026-01-01T00:00:00")
                                 << utc("2026-01-04T00:00:00");
    QTest::newRow("upper-case names")
        << QStringLiteral("0 0 * * SUN") << z << utc("2026-01-01T00:00:00") << utc("2026-01-04T00:00:00");
    QTest::newRow("a/n means a to the end")
        << QStringLiteral("10/20 * * * *") << z << utc("2026-01-01T00:31:00") << utc("2026-01-01T00:50:00");
    QTest::newRow("*/15") << QStringLiteral("*/15 * * * *") << z << utc("2026-01-01T00:07:00")
                          << utc("2026-01-01T00:15:00");
    QTest::newRow("strictly after") << QStringLiteral("hourly@:15") << z << utc("2026-01-01T10:15:00")
                                    << utc("2026-01-01T11:15:00");
    QTest::newRow("weekly Monday after Thursday") << QStringLiteral("weekly@mon,thu@02:30") << z
                                                  << utc("2026-01-01T03:00:00") << utc("2026-01-05T02:30:00");
    QTest::newRow("@weekly") << QStringLiteral("@weekly") << z << utc("2026-01-01T00:00:00")
                             << utc("2026-01-04T00:00:00");
    QTest::newRow("weekday range preset") << QStringLiteral("weekly@mon-fri@08:00") << z
                                          << utc("2026-01-02T09:00:00") << utc("2026-01-05T08:00:00");
}

void TestScheduleRule::nextAfter()
{
    QFETCH(QString, rule);
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, expected);
    auto r = ScheduleRule::parse(rule);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    const QDateTime next = r->nextAfter(from, QTimeZone(zone));
    QCOMPARE(next.timeSpec(), Qt::UTC);
    QCOMPARE(next.toString(Qt::ISODate), expected.toString(Qt::ISODate));
}

void TestScheduleRule::dstDayRunsOnce_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("day");
    for (const char *rule : {"daily@00:30", "daily@01:30", "daily@02:30", "daily@03:00", "daily@03:30",
                             "daily@04:00", "30 2 * * *", "0 3 * * *"}) {
        QTest::addRow("%s Bucharest spring", rule)
            << QString::fromLatin1(rule) << QByteArray("Europe/Bucharest") << QDate(2026, 3, 29);
        QTest::addRow("%s Bucharest fall", rule)
            << QString::fromLatin1(rule) << QByteArray("Europe/Bucharest") << QDate(2026, 10, 25);
        QTest::addRow("%s New York spring", rule)
            << QString::fromLatin1(rule) << QByteArray("America/New_York") << QDate(2026, 3, 8);
        QTest::addRow("%s New York fall", rule)
            << QString::fromLatin1(rule) << QByteArray("America/New_York") << QDate(2026, 11, 1);
    }
}

void TestScheduleRule::dstDayRunsOnce()
{
    QFETCH(QString, rule);
    QFETCH(QByteArray, zone);
    QFETCH(QDate, day);
    const QTimeZone z(zone);
    auto r = ScheduleRule::parse(rule);
    QVERIFY(r);
    const QDateTime from = QDateTime(day.addDays(-1), QTime(12, 0), z).toUTC();
    int onDay = 0;
    for (const QDateTime &t : r->nextRuns(from, 4, z)) {
        if (t.toTimeZone(z).date() == day)
            ++onDay;
    }
    QCOMPARE(onDay, 1);
}

void TestScheduleRule::hourlyFollowsElapsedTimeOverDst()
{
    const QTimeZone z("Europe/Bucharest");
    auto r = ScheduleRule::parse(QStringLiteral("hourly@:30"));
    QVERIFY(r);
    // Runs per local day: 23 on the spring-forward day, 25 on the fall-back day, and never less
    // than exactly one hour apart.
    for (const auto &[day, expected] : {std::pair{QDate(2026, 3, 29), 23}, {QDate(2026, 10, 25), 25}}) {
        const QList<QDateTime> runs =
            r->nextRuns(QDateTime(day.addDays(-1), QTime(23, 59), z).toUTC(), 30, z);
        int count = 0;
        for (qsizetype i = 0; i < runs.size(); ++i) {
            if (runs.at(i).toTimeZone(z).date() == day)
                ++count;
            if (i > 0)
                QCOMPARE(runs.at(i - 1).secsTo(runs.at(i)), qint64(3600));
        }
        QCOMPARE(count, expected);
    }
}

void TestScheduleRule::describe_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("words");
    QTest::newRow("daily") << QStringLiteral("daily@02:00") << QStringLiteral("every day at 02:00");
    QTest::newRow("weekly") << QStringLiteral("weekly@mon,thu@02:30")
                            << QStringLiteral("every Monday and Thursday at 02:30");
    QTest::newRow("weekly all days") << QStringLiteral("weekly@mon-sun@06:00")
                                     << QStringLiteral("every day at 06:00");
    QTest::newRow("hourly") << QStringLiteral("hourly@:15") << QStringLiteral("at minute 15 of every hour");
    QTest::newRow("monthly") << QStringLiteral("monthly@1@03:00")
                             << QStringLiteral("on day 1 of every month at 03:00");
    QTest::newRow("monthly 31") << QStringLiteral("monthly@31@03:00")
                                << QStringLiteral(
                                       "on day 31 of every month (the last day in shorter months) at 03:00");
    QTest::newRow("cron daily") << QStringLiteral("30 2 * * *") << QStringLiteral("every day at 02:30");
    QTest::newRow("cron weekdays") << QStringLiteral("0 9 * * mon-fri")
                                   << QStringLiteral(
                                          "every Monday, Tuesday, Wednesday, Thursday and Friday at 09:00");
    QTest::newRow("cron quarter hours")
        << QStringLiteral("*/15 * * * *") << QStringLiteral("at minutes 0, 15, 30 and 45 of every hour");
    QTest::newRow("cron hourly") << QStringLiteral("15 * * * *")
                                 << QStringLiteral("at minute 15 of every hour");
    QTest::newRow("cron every minute") << QStringLiteral("* * * * *") << QStringLiteral("every minute");
    QTest::newRow("cron yearly") << QStringLiteral("0 0 1 1 *")
                                 << QStringLiteral("on day 1 of the month at 00:00 in January");
    QTest::newRow("cron dom or dow") << QStringLiteral("0 12 13 * 5")
                                     << QStringLiteral("on day 13 of the month and every Friday at 12:00");
    QTest::newRow("cron two times") << QStringLiteral("30 2,14 * * *")
                                    << QStringLiteral("every day at 02:30 and 14:30");
}

void TestScheduleRule::describe()
{
    QFETCH(QString, rule);
    QFETCH(QString, words);
    auto r = ScheduleRule::parse(rule);
    QVERIFY(r);
    QCOMPARE(r->describe(), words);
}

void TestScheduleRule::nominalInterval_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("hourly") << QStringLiteral("hourly@:15") << qint64(3600);
    QTest::newRow("daily") << QStringLiteral("daily@02:00") << qint64(86400);
    QTest::newRow("weekly mon,thu: the longest gap")
        << QStringLiteral("weekly@mon,thu@02:00") << qint64(4 * 86400);
    QTest::newRow("weekly") << QStringLiteral("weekly@sun@02:00") << qint64(7 * 86400);
    QTest::newRow("monthly") << QStringLiteral("monthly@1@03:00") << qint64(31 * 86400);
    QTest::newRow("monthly 31") << QStringLiteral("monthly@31@03:00") << qint64(31 * 86400);
    QTest::newRow("quarter hours") << QStringLiteral("*/15 * * * *") << qint64(900);
    QTest::newRow("office hours: Friday 17:00 to Monday 09:00")
        << QStringLiteral("0 9-17 * * mon-fri") << qint64(64 * 3600);
    QTest::newRow("twice a day") << QStringLiteral("30 2,14 * * *") << qint64(43200);
    QTest::newRow("leap day") << QStringLiteral("0 0 29 2 *") << qint64(1461 * 86400);
}

void TestScheduleRule::nominalInterval()
{
    QFETCH(QString, rule);
    QFETCH(qint64, seconds);
    auto r = ScheduleRule::parse(rule);
    QVERIFY(r);
    QCOMPARE(r->nominalIntervalSeconds(), seconds);
}

void TestScheduleRule::badInput_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("message");
    QTest::newRow("dom 32") << QStringLiteral("0 2 32 * *")
                            << QStringLiteral("cron field 3 (day of month) '32' is out of range 1–31");
    QTest::newRow("minute 60") << QStringLiteral("60 2 * * *")
                               << QStringLiteral("cron field 1 (minute) '60' is out of range 0–59");
    QTest::newRow("hour 24") << QStringLiteral("0 24 * * *")
                             << QStringLiteral("cron field 2 (hour) '24' is out of range 0–23");
    QTest::newRow("month 13") << QStringLiteral("0 2 * 13 *")
                              << QStringLiteral("cron field 4 (month) '13' is out of range 1–12");
    QTest::newRow("dow 8") << QStringLiteral("0 2 * * 8")
                           << QStringLiteral("cron field 5 (day of week) '8' is out of range 0–7");
    QTest::newRow("bad name") << QStringLiteral("0 2 * * xyz")
                              << QStringLiteral("cron field 5 (day of week) 'xyz' is neither");
    QTest::newRow("bad month name") << QStringLiteral("0 2 * foo *")
                                    << QStringLiteral("cron field 4 (month) 'foo'");
    QTest::newRow("four fields") << QStringLiteral("0 2 * *")
                                 << QStringLiteral("a cron expression has 5 fields");
    QTest::newRow("six fields") << QStringLiteral("0 0 2 * * *") << QStringLiteral("has 6");
    QTest::newRow("Feb 30") << QStringLiteral("0 2 30 2 *")
                            << QStringLiteral("can never run: February has no day 30");
    QTest::newRow("Feb 30/31") << QStringLiteral("0 2 30,31 2 *")
                               << QStringLiteral("February has no day 30 or 31");
    QTest::newRow("Apr 31") << QStringLiteral("0 2 31 4 *") << QStringLiteral("April has no day 31");
    QTest::newRow("Apr and Jun 31") << QStringLiteral("0 2 31 4,6 *")
                                    << QStringLiteral("April and June have no day 31");
    QTest::newRow("step 0") << QStringLiteral("*/0 * * * *")
                            << QStringLiteral("cron field 1 (minute) step '0'");
    QTest::newRow("backwards range") << QStringLiteral("5-2 * * * *") << QStringLiteral("runs backwards");
    QTest::newRow("empty list item") << QStringLiteral("1,,2 * * * *") << QStringLiteral("empty list item");
    QTest::newRow("half range") << QStringLiteral("0 2- * * *")
                                << QStringLiteral("cron field 2 (hour) '2-' is not a range");
    QTest::newRow("daily 25:00") << QStringLiteral("daily@25:00")
                                 << QStringLiteral("'25:00' is not a time of day");
    QTest::newRow("daily no time") << QStringLiteral("daily@") << QStringLiteral("'' is not a time of day");
    QTest::newRow("bad weekday") << QStringLiteral("weekly@funday@02:00")
                                 << QStringLiteral("'funday' is not a list of days");
    QTest::newRow("monthly 32") << QStringLiteral("monthly@32@02:00")
                                << QStringLiteral("day '32' must be a number from 1 to 31");
    QTest::newRow("monthly 0") << QStringLiteral("monthly@0@02:00")
                               << QStringLiteral("day '0' must be a number from 1 to 31");
    QTest::newRow("hourly 75") << QStringLiteral("hourly@:75")
                               << QStringLiteral("hourly schedule: ':75' is not a minute");
    QTest::newRow("unknown preset") << QStringLiteral("yearly@01-01")
                                    << QStringLiteral("unknown schedule 'yearly@01-01'");
    QTest::newRow("unknown macro") << QStringLiteral("@fortnightly")
                                   << QStringLiteral("unknown schedule '@fortnightly'");
    QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("the schedule is empty");
}

void TestScheduleRule::badInput()
{
    QFETCH(QString, rule);
    QFETCH(QString, message);
    auto r = ScheduleRule::parse(rule);
    QVERIFY(!r);
    QCOMPARE(r.error().code, QStringLiteral("schedule.invalid"));
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
}

void TestScheduleRule::validEdgeCases_data()
{
    QTest::addColumn<QString>("rule");
    QTest::newRow("Apr 31 or Monday (OR semantics)") << QStringLiteral("0 2 31 4 1");
    QTest::newRow("leap day alone") << QStringLiteral("0 0 29 2 *");
    QTest::newRow("31st of Jan-Apr") << QStringLiteral("0 0 31 1-4 *");
    QTest::newRow("Sunday as 0 and 7") << QStringLiteral("0 0 * * 0,7");
    QTest::newRow("extra spaces") << QStringLiteral("  0   2  *  *  *  ");
    QTest::newRow("@yearly") << QStringLiteral("@yearly");
    QTest::newRow("preset upper case") << QStringLiteral("DAILY@2:05");
}

void TestScheduleRule::validEdgeCases()
{
    QFETCH(QString, rule);
    auto r = ScheduleRule::parse(rule);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    const QTimeZone z("UTC");
    const QDateTime next = r->nextAfter(utc("2026-01-01T00:00:00"), z);
    QVERIFY(next.isValid());
    QVERIFY(r->matchesDate(next.toTimeZone(z).date()));
}

void TestScheduleRule::nextRunsAreOrderedAndStrictlyLater()
{
    const QTimeZone z("America/New_York");
    auto r = ScheduleRule::parse(QStringLiteral("*/20 0-3 * * *"));
    QVERIFY(r);
    const QDateTime from = utc("2026-11-01T03:00:00");
    const QList<QDateTime> runs = r->nextRuns(from, 40, z);
    QCOMPARE(runs.size(), 40);
    QDateTime previous = from;
    for (const QDateTime &t : runs) {
        QVERIFY2(t > previous, qPrintable(t.toString(Qt::ISODate)));
        previous = t;
    }
}

QTEST_GUILESS_MAIN(TestScheduleRule)
#include "TestScheduleRule.moc"
