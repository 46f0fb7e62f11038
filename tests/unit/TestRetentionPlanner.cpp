// RetentionPlanner: data-driven cases for each rule (keep-last, keep-days, GFS buckets in local
// time across DST changes in Europe/Bucharest, ISO weeks across a year boundary, local years),
// the failure streak, validation, and property tests over thousands of random histories asserting
// the invariants (newest and newest verified kept, nothing deleted while backups fail or without a
// policy, every rule's promise kept, a second plan deletes nothing).

#include "core/Profile.h"
#include "core/RetentionPlanner.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace lifeboat;

namespace {

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.toUTC();
}

// "last=3,days=7,hourly=2,daily=2,weekly=1,monthly=1,yearly=1,streak=2"
RetentionPolicy policyFrom(const QString &spec)
{
    RetentionPolicy p;
    for (const QString &part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0);
        const int value = part.section(QLatin1Char('='), 1).toInt();
        if (key == QLatin1String("last"))
            p.keepLast = value;
        else if (key == QLatin1String("days"))
            p.keepDays = value;
        else if (key == QLatin1String("hourly"))
            p.keepHourly = value;
        else if (key == QLatin1String("daily"))
            p.keepDaily = value;
        else if (key == QLatin1String("weekly"))
            p.keepWeekly = value;
        else if (key == QLatin1String("monthly"))
            p.keepMonthly = value;
        else if (key == QLatin1String("yearly"))
            p.keepYearly = value;
        else if (key == QLatin1String("streak"))
            p.failureStreakLimit = value;
        else
            qFatal("bad policy key %s", qPrintable(key));
    }
    return p;
}

// "[db@]2026-11-20T10:00:00Z[*][!]" — '*' = verified, '!' = damaged (its integrity check failed).
// Ids follow the list order.
QList<RetentionPlanner::Backup> backupsFrom(const QStringList &specs)
{
    QList<RetentionPlanner::Backup> out;
    qint64 id = 0;
    for (QString s : specs) {
        RetentionPlanner::Backup b;
        b.id = ++id;
        b.damaged = s.endsWith(QLatin1Char('!'));
        if (b.damaged)
            s.chop(1);
        b.verified = s.endsWith(QLatin1Char('*'));
        if (b.verified)
            s.chop(1);
        b.database = s.contains(QLatin1Char('@')) ? s.section(QLatin1Char('@'), 0, 0) : QStringLiteral("db");
        b.createdUtc = utc(s.section(QLatin1Char('@'), -1));
        if (!b.createdUtc.isValid())
            qFatal("bad time %s", qPrintable(s));
        b.bytes = 1000 + id;
        out.append(b);
    }
    return out;
}

QString label(const RetentionPlanner::Backup &b)
{
    return (b.database == QLatin1String("db") ? QString() : b.database + QLatin1Char('@')) +
           b.createdUtc.toString(Qt::ISODate);
}

QStringList keptLabels(const RetentionPlanner::Plan &plan)
{
    QStringList out;
    for (const auto &d : plan.decisions) {
        if (d.keep)
            out << label(d.backup);
    }
    out.sort();
    return out;
}

RunRecord backupRun(qint64 id, const QDateTime &started, RunRecord::State state,
                    const QString &kind = QStringLiteral("backup"))
{
    RunRecord r;
    r.id = id;
    r.kind = runKindFromName(kind).value();
    r.state = state;
    r.startedUtc = started;
    return r;
}

} // namespace

class TestRetentionPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plan_data();
    void plan();
    void reasonsAreNamed();
    void emptyPolicyKeepsEverything();
    void failingBackupsPausePruning();
    void failureStreak_data();
    void failureStreak();
    void validation_data();
    void validation();
    void profileValidationRefusesBadRetention();
    void invariantsHoldForRandomHistories();
};

void TestRetentionPlanner::plan_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QStringList>("backups");
    QTest::addColumn<QStringList>("kept");

    const QStringList sixHours = {
        QStringLiteral("2026-11-20T01:00:00Z"), QStringLiteral("2026-11-20T02:00:00Z"),
        QStringLiteral("2026-11-20T03:00:00Z"), QStringLiteral("2026-11-20T04:00:00Z"),
        QStringLiteral("2026-11-20T05:00:00Z"), QStringLiteral("2026-11-20T06:00:00Z")};
    QTest::newRow("keep-last 3") << QStringLiteral("last=3") << QStringLiteral("UTC")
                                 << QStringLiteral("2026-11-20T07:00:00Z") << sixHours
                                 << QStringList{QStringLiteral("2026-11-20T04:00:00Z"),
                                                QStringLiteral("2026-11-20T05:00:00Z"),
                                                QStringLiteral("2026-11-20T06:00:00Z")};
    QTest::newRow("keep-last larger than history")
        << QStringLiteral("last=10") << QStringLiteral("UTC") << QStringLiteral("2026-11-20T07:00:00Z")
        << sixHours << sixHours;

    QStringList daily;
    for (int d = 10; d <= 20; ++d)
        daily << QStringLiteral("2026-11-%1T12:00:00Z").arg(d);
    QTest::newRow("keep-days 7: the window ends exactly at now − 7 days")
        << QStringLiteral("days=7") << QStringLiteral("UTC") << QStringLiteral("2026-11-20T12:00:00Z")
        << daily << daily.mid(3);
    QTest::newRow("keep-days: stale backups go, but the newest stays")
        << QStringLiteral("days=2") << QStringLiteral("UTC") << QStringLiteral("2027-01-20T12:00:00Z")
        << daily << QStringList{daily.last()};

    QTest::newRow("newest verified survives keep-last 1")
        << QStringLiteral("last=1") << QStringLiteral("UTC") << QStringLiteral("2026-11-20T07:00:00Z")
        << QStringList{QStringLiteral("2026-11-20T01:00:00Z*"), QStringLiteral("2026-11-20T02:00:00Z*"),
                       QStringLiteral("2026-11-20T03:00:00Z"), QStringLiteral("2026-11-20T04:00:00Z")}
        << QStringList{QStringLiteral("2026-11-20T02:00:00Z"), QStringLiteral("2026-11-20T04:00:00Z")};

    QTest::newRow("a damaged newest backup keeps the newest intact one")
        << QStringLiteral("last=1") << QStringLiteral("UTC") << QStringLiteral("2026-11-20T07:00:00Z")
        << QStringList{QStringLiteral("2026-11-20T01:00:00Z"), QStringLiteral("2026-11-20T02:00:00Z"),
                       QStringLiteral("2026-11-20T03:00:00Z!"), QStringLiteral("2026-11-20T04:00:00Z!")}
        << QStringList{QStringLiteral("2026-11-20T02:00:00Z"), QStringLiteral("2026-11-20T04:00:00Z")};
    QTest::newRow("a damaged verified backup is not the newest verified")
        << QStringLiteral("last=1") << QStringLiteral("UTC") << QStringLiteral("2026-11-20T07:00:00Z")
        << QStringList{QStringLiteral("2026-11-20T01:00:00Z*"), QStringLiteral("2026-11-20T02:00:00Z*!"),
                       QStringLiteral("2026-11-20T03:00:00Z")}
        << QStringList{QStringLiteral("2026-11-20T01:00:00Z"), QStringLiteral("2026-11-20T03:00:00Z")};

    // Bucharest springs forward on 2026-03-29 at 03:00 EET (01:00 UTC) to 04:00 EEST. Local days:
    // 22:30Z on the 28th is already the 29th in Bucharest, 21:30Z on the 29th already the 30th.
    QTest::newRow("daily: local days across spring forward (Europe/Bucharest)")
        << QStringLiteral("daily=3") << QStringLiteral("Europe/Bucharest")
        << QStringLiteral("2026-03-30T06:00:00Z")
        << QStringList{QStringLiteral("2026-03-28T12:00:00Z"), QStringLiteral("2026-03-28T21:30:00Z"),
                       QStringLiteral("2026-03-28T22:30:00Z"), QStringLiteral("2026-03-29T00:30:00Z"),
                       QStringLiteral("2026-03-29T01:30:00Z"), QStringLiteral("2026-03-29T20:30:00Z"),
                       QStringLiteral("2026-03-29T21:30:00Z")}
        << QStringList{QStringLiteral("2026-03-28T21:30:00Z"), QStringLiteral("2026-03-29T20:30:00Z"),
                       QStringLiteral("2026-03-29T21:30:00Z")};
    QTest::newRow("daily: the same history in UTC buckets differently")
        << QStringLiteral("daily=3") << QStringLiteral("UTC") << QStringLiteral("2026-03-30T06:00:00Z")
        << QStringList{QStringLiteral("2026-03-27T12:00:00Z"), QStringLiteral("2026-03-28T21:30:00Z"),
                       QStringLiteral("2026-03-28T22:30:00Z"), QStringLiteral("2026-03-29T20:30:00Z"),
                       QStringLiteral("2026-03-29T21:30:00Z")}
        << QStringList{QStringLiteral("2026-03-27T12:00:00Z"), QStringLiteral("2026-03-28T22:30:00Z"),
                       QStringLiteral("2026-03-29T21:30:00Z")};
    // Bucharest falls back on 2026-10-25 at 04:00 EEST (01:00 UTC) to 03:00 EET: the local hour
    // 03:00–03:59 happens twice, and they are two hours, not one.
    QTest::newRow("hourly: the repeated hour when the clocks go back is two hours")
        << QStringLiteral("hourly=3") << QStringLiteral("Europe/Bucharest")
        << QStringLiteral("2026-10-25T03:00:00Z")
        << QStringList{QStringLiteral("2026-10-24T23:40:00Z"), QStringLiteral("2026-10-25T00:10:00Z"),
                       QStringLiteral("2026-10-25T00:40:00Z"), QStringLiteral("2026-10-25T01:10:00Z"),
                       QStringLiteral("2026-10-25T01:40:00Z"), QStringLiteral("2026-10-25T02:10:00Z")}
        << QStringList{QStringLiteral("2026-10-25T00:40:00Z"), QStringLiteral("2026-10-25T01:40:00Z"),
                       QStringLiteral("2026-10-25T02:10:00Z")};

    // ISO weeks: 2026-12-28 (Mon) … 2027-01-03 (Sun) is 2026-W53; 2027-01-04 starts 2027-W01.
    QStringList yearEnd;
    for (QDate d(2026, 12, 20); d <= QDate(2027, 1, 6); d = d.addDays(1))
        yearEnd << d.toString(Qt::ISODate) + QStringLiteral("T12:00:00Z");
    QTest::newRow("weekly: ISO weeks across the year boundary")
        << QStringLiteral("weekly=3") << QStringLiteral("UTC") << QStringLiteral("2027-01-07T00:00:00Z")
        << yearEnd
        << QStringList{QStringLiteral("2026-12-27T12:00:00Z"), QStringLiteral("2027-01-03T12:00:00Z"),
                       QStringLiteral("2027-01-06T12:00:00Z")};
    QTest::newRow("monthly and yearly: 23:00Z on New Year's Eve is next year in Bucharest")
        << QStringLiteral("monthly=2,yearly=2") << QStringLiteral("Europe/Bucharest")
        << QStringLiteral("2026-03-01T00:00:00Z")
        << QStringList{QStringLiteral("2025-06-15T12:00:00Z"), QStringLiteral("2025-12-31T23:00:00Z"),
                       QStringLiteral("2026-01-15T12:00:00Z"), QStringLiteral("2026-02-10T12:00:00Z"),
                       QStringLiteral("2026-02-20T12:00:00Z")}
        << QStringList{QStringLiteral("2025-06-15T12:00:00Z"), QStringLiteral("2026-01-15T12:00:00Z"),
                       QStringLiteral("2026-02-20T12:00:00Z")};
    QTest::newRow("each database is its own series")
        << QStringLiteral("last=1") << QStringLiteral("UTC") << QStringLiteral("2026-11-20T07:00:00Z")
        << QStringList{QStringLiteral("a@2026-11-20T01:00:00Z"), QStringLiteral("b@2026-11-20T02:00:00Z"),
                       QStringLiteral("a@2026-11-20T03:00:00Z"), QStringLiteral("b@2026-11-20T01:30:00Z"),
                       QStringLiteral("a@2026-11-20T02:00:00Z")}
        << QStringList{QStringLiteral("a@2026-11-20T03:00:00Z"), QStringLiteral("b@2026-11-20T02:00:00Z")};
    QTest::newRow("rules combine: a backup stays when any rule keeps it")
        << QStringLiteral("last=2,daily=2,monthly=2") << QStringLiteral("UTC")
        << QStringLiteral("2026-11-21T00:00:00Z")
        << QStringList{QStringLiteral("2026-10-05T12:00:00Z"), QStringLiteral("2026-10-30T12:00:00Z"),
                       QStringLiteral("2026-11-18T12:00:00Z"), QStringLiteral("2026-11-19T08:00:00Z"),
                       QStringLiteral("2026-11-19T20:00:00Z"), QStringLiteral("2026-11-20T08:00:00Z"),
                       QStringLiteral("2026-11-20T20:00:00Z")}
        << QStringList{QStringLiteral("2026-10-30T12:00:00Z"), QStringLiteral("2026-11-19T20:00:00Z"),
                       QStringLiteral("2026-11-20T08:00:00Z"), QStringLiteral("2026-11-20T20:00:00Z")};
}

void TestRetentionPlanner::plan()
{
    QFETCH(QString, policy);
    QFETCH(QString, zone);
    QFETCH(QString, now);
    QFETCH(QStringList, backups);
    QFETCH(QStringList, kept);
    const QTimeZone tz(zone.toUtf8());
    QVERIFY2(tz.isValid(), qPrintable(zone));
    const RetentionPlanner::Plan p =
        RetentionPlanner::plan(policyFrom(policy), backupsFrom(backups), {}, utc(now), tz);
    QVERIFY(p.pausedReason.isEmpty());
    QCOMPARE(p.decisions.size(), backups.size());
    QStringList expected;
    for (const QString &k : kept)
        expected << label(backupsFrom({k}).first());
    expected.sort();
    QCOMPARE(keptLabels(p), expected);
    for (const auto &d : p.decisions)
        QCOMPARE(d.keep, !d.reasons.isEmpty());
}

void TestRetentionPlanner::reasonsAreNamed()
{
    const auto backups =
        backupsFrom({QStringLiteral("2026-11-19T12:00:00Z*"), QStringLiteral("2026-11-20T08:00:00Z"),
                     QStringLiteral("2026-11-20T20:00:00Z"), QStringLiteral("2026-12-28T10:00:00Z")});
    const auto p = RetentionPlanner::plan(policyFrom(QStringLiteral("last=2,daily=3,weekly=1")), backups, {},
                                          utc(QStringLiteral("2026-12-28T12:00:00Z")), QTimeZone("UTC"));
    QHash<qint64, QStringList> reasons;
    for (const auto &d : p.decisions)
        reasons.insert(d.backup.id, d.reasons);
    QCOMPARE(reasons.value(4),
             (QStringList{QStringLiteral("newest backup"), QStringLiteral("keep-last 2"),
                          QStringLiteral("daily 2026-12-28"), QStringLiteral("weekly 2026-W53")}));
    QCOMPARE(reasons.value(3),
             (QStringList{QStringLiteral("keep-last 2"), QStringLiteral("daily 2026-11-20")}));
    QVERIFY(reasons.value(2).isEmpty()); // an older backup of the same day: deleted
    QCOMPARE(reasons.value(1),
             (QStringList{QStringLiteral("newest verified"), QStringLiteral("daily 2026-11-19")}));
    QCOMPARE(p.doomed().size(), 1);
    QCOMPARE(p.doomedBytes(), backups.at(1).bytes);
    QCOMPARE(p.keptCount(), 3);

    const auto hourly = RetentionPlanner::plan(
        policyFrom(QStringLiteral("hourly=1")), backupsFrom({QStringLiteral("2026-10-25T01:10:00Z")}), {},
        utc(QStringLiteral("2026-10-25T02:00:00Z")), QTimeZone("Europe/Bucharest"));
    QVERIFY2(hourly.decisions.first().reasons.contains(QStringLiteral("hourly 2026-10-25 03:00 (UTC+02:00)")),
             qPrintable(hourly.decisions.first().reasons.join(QLatin1Char('|'))));
}

void TestRetentionPlanner::emptyPolicyKeepsEverything()
{
    QStringList many;
    for (int h = 0; h < 24; ++h)
        many << QStringLiteral("2020-01-01T%1:00:00Z").arg(h, 2, 10, QLatin1Char('0'));
    const auto p = RetentionPlanner::plan(RetentionPolicy(), backupsFrom(many), {},
                                          utc(QStringLiteral("2026-01-01T00:00:00Z")), QTimeZone("UTC"));
    QCOMPARE(p.keptCount(), 24);
    QVERIFY(p.doomed().isEmpty());
    QVERIFY(p.pausedReason.contains(QLatin1String("no retention policy")));
}

void TestRetentionPlanner::failingBackupsPausePruning()
{
    const auto backups =
        backupsFrom({QStringLiteral("2026-11-18T12:00:00Z"), QStringLiteral("2026-11-19T12:00:00Z"),
                     QStringLiteral("2026-11-20T12:00:00Z")});
    const QDateTime now = utc(QStringLiteral("2026-11-21T12:00:00Z"));
    const QList<RunRecord> runs = {
        backupRun(1, utc(QStringLiteral("2026-11-20T12:00:00Z")), RunRecord::State::Succeeded),
        backupRun(2, utc(QStringLiteral("2026-11-21T02:00:00Z")), RunRecord::State::Failed),
        backupRun(3, utc(QStringLiteral("2026-11-21T03:00:00Z")), RunRecord::State::Cancelled),
        backupRun(4, utc(QStringLiteral("2026-11-21T04:00:00Z")), RunRecord::State::Interrupted),
        backupRun(5, utc(QStringLiteral("2026-11-21T05:00:00Z")), RunRecord::State::Failed,
                  QStringLiteral("prune")),
        backupRun(6, utc(QStringLiteral("2026-11-21T06:00:00Z")), RunRecord::State::Running),
    };
    QCOMPARE(RetentionPlanner::failureStreak(runs), 2);

    RetentionPolicy policy = policyFrom(QStringLiteral("last=1,streak=2"));
    auto paused = RetentionPlanner::plan(policy, backups, runs, now, QTimeZone("UTC"));
    QCOMPARE(paused.pausedReason,
             QStringLiteral("the last 2 backups failed: pruning paused until a backup succeeds"));
    QVERIFY(paused.doomed().isEmpty());
    QCOMPARE(paused.decisions.at(2).reasons, QStringList{QStringLiteral("pruning paused")});

    policy.failureStreakLimit = 3;
    auto running = RetentionPlanner::plan(policy, backups, runs, now, QTimeZone("UTC"));
    QVERIFY(running.pausedReason.isEmpty());
    QCOMPARE(running.doomed().size(), 2);

    policy.failureStreakLimit = 1;
    const QList<RunRecord> one = {runs.at(0), runs.at(1)};
    QCOMPARE(RetentionPlanner::plan(policy, backups, one, now, QTimeZone("UTC")).pausedReason,
             QStringLiteral("the last backup failed: pruning paused until a backup succeeds"));
}

void TestRetentionPlanner::failureStreak_data()
{
    QTest::addColumn<QString>(
        "states"); // oldest first: S succeeded, F failed, I interrupted, C cancelled, R running
    QTest::addColumn<int>("streak");
    QTest::newRow("no runs") << QString() << 0;
    QTest::newRow("all good") << QStringLiteral("SSS") << 0;
    QTest::newRow("one failure after success") << QStringLiteral("SSF") << 1;
    QTest::newRow("recovered") << QStringLiteral("FFS") << 0;
    QTest::newRow("never succeeded") << QStringLiteral("FFF") << 3;
    QTest::newRow("interrupted counts") << QStringLiteral("SIF") << 2;
    QTest::newRow("cancelled is skipped") << QStringLiteral("SFCF") << 2;
    QTest::newRow("running is skipped") << QStringLiteral("SFR") << 1;
}

void TestRetentionPlanner::failureStreak()
{
    QFETCH(QString, states);
    QFETCH(int, streak);
    QList<RunRecord> runs;
    const QDateTime start = utc(QStringLiteral("2026-11-01T00:00:00Z"));
    for (qsizetype i = 0; i < states.size(); ++i) {
        const char c = states.at(i).toLatin1();
        const RunRecord::State s = c == 'S'   ? RunRecord::State::Succeeded
                                   : c == 'F' ? RunRecord::State::Failed
                                   : c == 'I' ? RunRecord::State::Interrupted
                                   : c == 'C' ? RunRecord::State::Cancelled
                                              : RunRecord::State::Running;
        runs.prepend(backupRun(i + 1, start.addSecs(3600 * i), s)); // newest first, as the catalog gives
    }
    QCOMPARE(RetentionPlanner::failureStreak(runs), streak);
    std::reverse(runs.begin(), runs.end());
    QCOMPARE(RetentionPlanner::failureStreak(runs), streak); // order of the input does not matter
}

void TestRetentionPlanner::validation_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("error"); // empty = valid
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("typical") << QStringLiteral("last=7,daily=14,weekly=8,monthly=12,yearly=5") << QString();
    QTest::newRow("negative keep-last")
        << QStringLiteral("last=-1") << QStringLiteral("--keep-last -1 would keep nothing");
    QTest::newRow("negative daily") << QStringLiteral("last=3,daily=-2")
                                    << QStringLiteral("--keep-daily -2 would keep nothing");
    QTest::newRow("absurd days") << QStringLiteral("days=100000")
                                 << QStringLiteral("--keep-days 100000 is out of range");
    QTest::newRow("never pausing") << QStringLiteral("last=3,streak=0")
                                   << QStringLiteral("--prune-pause-after 0 is out of range");
}

void TestRetentionPlanner::validation()
{
    QFETCH(QString, policy);
    QFETCH(QString, error);
    const Status s = RetentionPlanner::validate(policyFrom(policy));
    if (error.isEmpty()) {
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        return;
    }
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("retention.invalid"));
    QVERIFY2(s.error().message.startsWith(error), qPrintable(s.error().message));
    // An invalid policy deletes nothing, whatever it says.
    const auto p = RetentionPlanner::plan(
        policyFrom(policy),
        backupsFrom({QStringLiteral("2026-01-01T00:00:00Z"), QStringLiteral("2026-01-02T00:00:00Z")}), {},
        utc(QStringLiteral("2027-01-01T00:00:00Z")), QTimeZone("UTC"));
    QVERIFY(p.doomed().isEmpty());
    QVERIFY(p.pausedReason.contains(QLatin1String("invalid")));
}

void TestRetentionPlanner::profileValidationRefusesBadRetention()
{
    Profile p;
    p.name = QStringLiteral("prod");
    p.databases = {QStringLiteral("shop")};
    p.destinations = {QStringLiteral("/srv/backups")};
    QVERIFY(p.validate().ok());
    p.retention.keepLast = -3;
    const Status s = p.validate();
    QVERIFY(!s.ok());
    QCOMPARE(s.error().message, QStringLiteral("profile 'prod': --keep-last -3 would keep nothing: give a "
                                               "positive count, or 0 to turn the rule off"));
}

void TestRetentionPlanner::invariantsHoldForRandomHistories()
{
    const quint32 base = qEnvironmentVariableIsSet("LIFEBOAT_RETENTION_SEED")
                             ? quint32(qEnvironmentVariableIntValue("LIFEBOAT_RETENTION_SEED"))
                             : QRandomGenerator::global()->generate();
    const QList<QTimeZone> zones = {QTimeZone("UTC"), QTimeZone("Europe/Bucharest"),
                                    QTimeZone("America/New_York"), QTimeZone("Australia/Lord_Howe"),
                                    QTimeZone("Asia/Kolkata")};
    for (const QTimeZone &z : zones)
        QVERIFY(z.isValid());
    const int histories = 3000;
    for (int n = 0; n < histories; ++n) {
        const quint32 seed = base + quint32(n);
        QRandomGenerator gen(seed);
        const QString where = QStringLiteral("seed %1 (rerun with LIFEBOAT_RETENTION_SEED=%1)").arg(seed);
        auto chance = [&gen](int percent) {
            return int(gen.bounded(100)) < percent;
        };

        RetentionPolicy policy;
        if (!chance(5)) {
            for (int RetentionPolicy::*m :
                 {&RetentionPolicy::keepLast, &RetentionPolicy::keepHourly, &RetentionPolicy::keepDaily,
                  &RetentionPolicy::keepWeekly, &RetentionPolicy::keepMonthly, &RetentionPolicy::keepYearly})
                policy.*m = chance(45) ? int(gen.bounded(1, 12)) : 0;
            policy.keepDays = chance(30) ? int(gen.bounded(1, 400)) : 0;
        }
        policy.failureStreakLimit = int(gen.bounded(1, 4));

        // Backups of 1–3 databases at irregular intervals (minutes to months), some verified.
        QList<RetentionPlanner::Backup> backups;
        const int dbs = int(gen.bounded(1, 4));
        QDateTime newest = utc(QStringLiteral("2024-01-01T00:00:00Z"));
        for (int d = 0; d < dbs; ++d) {
            QDateTime t =
                utc(QStringLiteral("2024-01-01T00:00:00Z")).addSecs(qint64(gen.bounded(86400 * 30)));
            const int count = int(gen.bounded(0, 70));
            for (int i = 0; i < count; ++i) {
                static const qint64 steps[] = {60, 3600, 3 * 3600, 86400, 7 * 86400, 31 * 86400};
                t = t.addSecs(qint64(gen.bounded(steps[gen.bounded(6)])) + 1);
                RetentionPlanner::Backup b;
                b.id = backups.size() + 1;
                b.database = QStringLiteral("db%1").arg(d);
                b.createdUtc = t;
                b.verified = chance(15);
                b.damaged = chance(10);
                b.bytes = qint64(gen.bounded(1, 1000000));
                backups.append(b);
                newest = qMax(newest, t);
            }
        }
        // Shuffle: the planner must not rely on the input order.
        for (qsizetype i = backups.size() - 1; i > 0; --i)
            backups.swapItemsAt(i, qsizetype(gen.bounded(int(i + 1))));
        QList<RunRecord> runs;
        const int runCount = int(gen.bounded(0, 7));
        for (int i = 0; i < runCount; ++i) {
            static const RunRecord::State states[] = {
                RunRecord::State::Succeeded, RunRecord::State::Failed, RunRecord::State::Cancelled,
                RunRecord::State::Interrupted, RunRecord::State::Running};
            runs.append(backupRun(i + 1, newest.addSecs(60 * i), states[gen.bounded(5)],
                                  chance(20) ? QStringLiteral("prune") : QStringLiteral("backup")));
        }
        const QDateTime now = newest.addSecs(qint64(gen.bounded(86400 * 40)));
        const QTimeZone zone = zones.at(qsizetype(gen.bounded(int(zones.size()))));

        const auto p = RetentionPlanner::plan(policy, backups, runs, now, zone);

        QVERIFY2(p.decisions.size() == backups.size(), qPrintable(where));
        QSet<qint64> seen;
        QHash<QString, QList<RetentionPlanner::Decision>> perDb;
        for (const auto &d : p.decisions) {
            QVERIFY2(!seen.contains(d.backup.id), qPrintable(where));
            seen.insert(d.backup.id);
            QVERIFY2(d.keep == !d.reasons.isEmpty(),
                     qPrintable(where + QStringLiteral(": keep without reason")));
            perDb[d.backup.database].append(d);
        }
        const bool failing = RetentionPlanner::failureStreak(runs) >= policy.failureStreakLimit;
        if (policy.isEmpty() || failing) {
            QVERIFY2(p.doomed().isEmpty(), qPrintable(where + QStringLiteral(": deleted while it must not")));
            QVERIFY2(!p.pausedReason.isEmpty(), qPrintable(where));
            continue;
        }
        QVERIFY2(p.pausedReason.isEmpty(), qPrintable(where));
        for (auto it = perDb.cbegin(); it != perDb.cend(); ++it) {
            QList<RetentionPlanner::Decision> series = it.value();
            // Newest first within a database, as promised.
            for (qsizetype i = 1; i < series.size(); ++i)
                QVERIFY2(series.at(i - 1).backup.createdUtc >= series.at(i).backup.createdUtc,
                         qPrintable(where));
            QVERIFY2(series.first().keep, qPrintable(where + QStringLiteral(": newest deleted")));
            for (const auto &d : series) {
                if (d.backup.verified && !d.backup.damaged) {
                    QVERIFY2(d.keep, qPrintable(where + QStringLiteral(": newest verified deleted")));
                    break;
                }
            }
            // The newest backup not known to be damaged always stays: the last good one.
            for (const auto &d : series) {
                if (!d.backup.damaged) {
                    QVERIFY2(d.keep, qPrintable(where + QStringLiteral(": newest intact deleted")));
                    break;
                }
            }
            for (qsizetype i = 0; i < series.size() && i < policy.keepLast; ++i)
                QVERIFY2(series.at(i).keep, qPrintable(where + QStringLiteral(": keep-last broken")));
            int kept = 0;
            QMap<QString, int> gfs;
            for (const auto &d : series) {
                if (policy.keepDays > 0 && d.backup.createdUtc >= now.addDays(-policy.keepDays))
                    QVERIFY2(d.keep, qPrintable(where + QStringLiteral(": keep-days broken")));
                kept += d.keep ? 1 : 0;
                for (const QString &r : d.reasons)
                    gfs[r.section(QLatin1Char(' '), 0, 0)]++;
            }
            QVERIFY2(gfs.value(QStringLiteral("hourly")) <= policy.keepHourly, qPrintable(where));
            QVERIFY2(gfs.value(QStringLiteral("daily")) <= policy.keepDaily, qPrintable(where));
            QVERIFY2(gfs.value(QStringLiteral("weekly")) <= policy.keepWeekly, qPrintable(where));
            QVERIFY2(gfs.value(QStringLiteral("monthly")) <= policy.keepMonthly, qPrintable(where));
            QVERIFY2(gfs.value(QStringLiteral("yearly")) <= policy.keepYearly, qPrintable(where));
            // Daily keeps the newest backup of each of the newest keepDaily local days.
            if (policy.keepDaily > 0) {
                QStringList days;
                for (const auto &d : series) {
                    const QString day = d.backup.createdUtc.toTimeZone(zone).date().toString(Qt::ISODate);
                    if (!days.contains(day)) {
                        days << day;
                        if (days.size() <= policy.keepDaily)
                            QVERIFY2(d.keep, qPrintable(where + QStringLiteral(": daily broken on ") + day));
                    }
                }
            }
        }
        // A second prune of what is left deletes nothing more.
        QList<RetentionPlanner::Backup> left;
        for (const auto &d : p.decisions) {
            if (d.keep)
                left.append(d.backup);
        }
        const auto again = RetentionPlanner::plan(policy, left, runs, now, zone);
        QVERIFY2(again.doomed().isEmpty(),
                 qPrintable(where + QStringLiteral(": a second prune deleted more")));
    }
}

QTEST_GUILESS_MAIN(TestRetentionPlanner)
#include "TestRetentionPlanner.moc"
