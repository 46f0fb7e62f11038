// HealthEvaluator over synthetic histories: staleness (1.5 × the interval, a set limit), never
// backed up, failure streaks, size anomalies (±50% of the median of the last 7), verification
// age and failures, retention errors, an identity never exported, and the RPO/RTO figures.

#include "core/HealthEvaluator.h"
#include "mock/MockClock.h"

#include <QJsonArray>
#include <QTest>

using namespace lifeboat;

namespace {

struct History
{
    QList<RunRecord> runs;
    QList<ArtifactRecord> artifacts;
};

qint64 offsetSeconds(const QString &text)
{
    // "-26h", "-9d", "-0.5h", "-30m"
    const QChar unit = text.back();
    const double n = text.chopped(1).toDouble();
    const double factor = unit == QLatin1Char('d') ? 86400 : unit == QLatin1Char('h') ? 3600 : 60;
    return qint64(n * factor);
}

// A history from a script of tokens KIND@OFFSET[:ARG], oldest first:
//   ok@-26h[:40M]   a successful backup run (5 minutes long) storing one artifact per database
//   fail@-2h, int@-2h, cancel@-2h     a failed / interrupted / cancelled backup run
//   verify@-1h[:SECONDS]  each database's newest artifact created before then was verified
//   verifyfail@-1h        … its verification failed
//   pruneok@-1h, prunefail@-1h        a prune run
//   damaged@-1h, intact@-1h           each database's newest artifact created before then had an
//                                     integrity check that proved it damaged / found it intact
History build(const QString &script, const QDateTime &now, const QStringList &databases)
{
    History h;
    qint64 runId = 0;
    qint64 artifactId = 0;
    for (const QString &token : script.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString kind = token.section(QLatin1Char('@'), 0, 0);
        const QStringList rest = token.section(QLatin1Char('@'), 1).split(QLatin1Char(':'));
        const QDateTime at = now.addSecs(offsetSeconds(rest.value(0)));
        // Each database's newest artifact created before then.
        const auto newestBefore = [&](const QString &db) {
            ArtifactRecord *target = nullptr;
            for (ArtifactRecord &a : h.artifacts) {
                if (a.database == db && a.createdUtc <= at && (!target || a.createdUtc >= target->createdUtc))
                    target = &a;
            }
            if (!target)
                qFatal("test script error: %s needs an artifact before it", qPrintable(token));
            return target;
        };
        if (kind == QLatin1String("damaged") || kind == QLatin1String("intact")) {
            for (const QString &db : databases) {
                ArtifactRecord *target = newestBefore(db);
                target->integrityState =
                    kind == QLatin1String("damaged") ? QStringLiteral("failed") : QStringLiteral("ok");
                target->integrityCheckedUtc = at;
            }
            continue;
        }
        if (kind.startsWith(QLatin1String("verify"))) {
            for (const QString &db : databases) {
                ArtifactRecord *target = newestBefore(db);
                target->verifyState =
                    kind == QLatin1String("verify") ? QStringLiteral("verified") : QStringLiteral("failed");
                target->verifiedUtc = at;
                target->restoreSeconds = rest.size() > 1 ? rest.at(1).toDouble() : 10.0;
            }
            continue;
        }
        RunRecord run;
        run.id = ++runId;
        run.profileName = QStringLiteral("shop");
        run.startedUtc = at;
        run.finishedUtc = at.addSecs(300);
        run.kind = kind.startsWith(QLatin1String("prune")) ? RunKind::Prune : RunKind::Backup;
        if (kind == QLatin1String("ok") || kind == QLatin1String("pruneok"))
            run.state = RunRecord::State::Succeeded;
        else if (kind == QLatin1String("fail") || kind == QLatin1String("prunefail"))
            run.state = RunRecord::State::Failed;
        else if (kind == QLatin1String("int"))
            run.state = RunRecord::State::Interrupted;
        else if (kind == QLatin1String("cancel"))
            run.state = RunRecord::State::Cancelled;
        else
            qFatal("test script error: unknown token %s", qPrintable(token));
        run.message = run.state == RunRecord::State::Succeeded
                          ? QStringLiteral("done")
                          : QStringLiteral("could not connect to db1:5432");
        h.runs.append(run);
        if (kind == QLatin1String("ok")) {
            qint64 size = 100LL << 20;
            if (rest.size() > 1)
                size = qint64(rest.at(1).chopped(1).toDouble() * (1 << 20));
            for (const QString &db : databases) {
                ArtifactRecord a;
                a.id = ++artifactId;
                a.runId = run.id;
                a.profileName = run.profileName;
                a.database = db;
                a.createdUtc = at;
                a.storedBytes = size;
                a.dumpBytes = size * 3;
                h.artifacts.append(a);
            }
        }
    }
    return h;
}

HealthEvaluator::Input input(const History &h, const QDateTime &now, qint64 interval, int staleAfterHours)
{
    HealthEvaluator::Input in;
    in.profile.name = QStringLiteral("shop");
    in.profile.databases = {QStringLiteral("app")};
    in.profile.schedule = interval > 0 ? QStringLiteral("daily@02:00") : QString();
    in.profile.staleAfterHours = staleAfterHours;
    in.runs = h.runs;
    in.artifacts = h.artifacts;
    in.nowUtc = now;
    if (interval > 0)
        in.intervalSeconds = interval;
    return in;
}

QStringList conditions(const HealthReport &r)
{
    QStringList out;
    for (const HealthFinding &f : r.findings)
        out << f.subject + QLatin1Char(':') + f.condition;
    out.sort();
    return out;
}

} // namespace

class TestHealthEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void histories_data();
    void histories();
    void rpoAndRto();
    void databasesOfAnAllDatabasesProfile();
    void listedDatabaseNeverBackedUp();
    void reportJson();
};

void TestHealthEvaluator::histories_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<qint64>("interval");
    QTest::addColumn<int>("staleAfterHours");
    QTest::addColumn<int>("identity"); // 0 none, 1 never exported, 2 exported
    QTest::addColumn<int>("level");
    QTest::addColumn<QStringList>("conditions");
    QTest::addColumn<QString>("message"); // a substring of the first reason

    const qint64 day = 86400;
    const int ok = int(HealthLevel::Healthy), warn = int(HealthLevel::Warning),
              failing = int(HealthLevel::Failing);
    QTest::newRow("never backed up") << QString() << day << 0 << 0 << warn
                                     << QStringList{QStringLiteral("app:never-backed-up")}
                                     << QStringLiteral("never backed up");
    QTest::newRow("fresh daily backup")
        << QStringLiteral("ok@-10h") << day << 0 << 0 << ok << QStringList() << QString();
    QTest::newRow("stale past 1.5x interval")
        << QStringLiteral("ok@-37h") << day << 0 << 0 << failing << QStringList{QStringLiteral("app:stale")}
        << QStringLiteral("no successful backup for 37 h (schedule: daily@02:00)");
    QTest::newRow("not stale just under 1.5x")
        << QStringLiteral("ok@-35h") << day << 0 << 0 << ok << QStringList() << QString();
    QTest::newRow("stale after the set limit")
        << QStringLiteral("ok@-13h") << day << 12 << 0 << failing << QStringList{QStringLiteral("app:stale")}
        << QStringLiteral("no successful backup for 13 h (limit: 12 h)");
    QTest::newRow("set limit not reached")
        << QStringLiteral("ok@-11h") << day << 12 << 0 << ok << QStringList() << QString();
    QTest::newRow("manual profile is never stale")
        << QStringLiteral("ok@-30d verify@-1d") << qint64(0) << 0 << 0 << ok << QStringList() << QString();
    QTest::newRow("limit without a schedule")
        << QStringLiteral("ok@-30h verify@-29h") << qint64(0) << 24 << 0 << failing
        << QStringList{QStringLiteral("app:stale")}
        << QStringLiteral("no successful backup for 30 h (limit: 24 h)");
    QTest::newRow("failure streak of three")
        << QStringLiteral("ok@-4d fail@-3h fail@-2h int@-1h") << qint64(0) << 0 << 0 << failing
        << QStringList{QStringLiteral(":backup-failed")}
        << QStringLiteral("the last 3 backups failed: could not connect to db1:5432");
    QTest::newRow("cancelled runs do not count")
        << QStringLiteral("ok@-4h fail@-3h cancel@-1h") << qint64(0) << 0 << 0 << failing
        << QStringList{QStringLiteral(":backup-failed")} << QStringLiteral("the last backup failed:");
    QTest::newRow("success ends the streak")
        << QStringLiteral("fail@-3h ok@-1h") << qint64(0) << 0 << 0 << ok << QStringList() << QString();
    QTest::newRow("only failures") << QStringLiteral("fail@-3h fail@-1h") << day << 0 << 0 << failing
                                   << QStringList{QStringLiteral(":backup-failed"),
                                                  QStringLiteral("app:never-backed-up")}
                                   << QStringLiteral("the last 2 backups failed");
    QTest::newRow("size 70% below the median")
        << QStringLiteral("ok@-9h:40M ok@-8h:40M ok@-7h:41M ok@-6h:39M ok@-5h:40M ok@-4h:40M ok@-3h:40M "
                          "ok@-2h:12M verify@-1h")
        << qint64(0) << 0 << 0 << warn << QStringList{QStringLiteral("app:size-anomaly")}
        << QStringLiteral("size 12.0 MiB is 70% below the median of the last 7 (40.0 MiB)");
    QTest::newRow("median of the last 7 only")
        << QStringLiteral("ok@-10h:1M ok@-9h:1M ok@-8h:40M ok@-7h:40M ok@-6h:40M ok@-5h:40M ok@-4h:40M "
                          "ok@-3h:40M ok@-2h:40M ok@-1h:40M verify@-1h")
        << qint64(0) << 0 << 0 << ok << QStringList() << QString();
    QTest::newRow("size within 50%") << QStringLiteral(
                                            "ok@-5h:40M ok@-4h:40M ok@-3h:40M ok@-2h:21M verify@-1h")
                                     << qint64(0) << 0 << 0 << ok << QStringList() << QString();
    QTest::newRow("size 53% above the median")
        << QStringLiteral("ok@-5h:40M ok@-4h:40M ok@-3h:40M ok@-2h:61M verify@-1h") << qint64(0) << 0 << 0
        << warn << QStringList{QStringLiteral("app:size-anomaly")}
        << QStringLiteral("size 61.0 MiB is 53% above the median of the last 3 (40.0 MiB)");
    QTest::newRow("too little history for an anomaly")
        << QStringLiteral("ok@-4h:40M ok@-3h:40M ok@-2h:5M verify@-1h") << qint64(0) << 0 << 0 << ok
        << QStringList() << QString();
    QTest::newRow("last verified 9 days ago")
        << QStringLiteral("ok@-20d verify@-9d ok@-1h") << qint64(0) << 0 << 0 << warn
        << QStringList{QStringLiteral("app:verification-old")} << QStringLiteral("last verified 9 days ago");
    QTest::newRow("verified 6 days ago") << QStringLiteral("ok@-20d verify@-6d ok@-1h") << qint64(0) << 0 << 0
                                         << ok << QStringList() << QString();
    QTest::newRow("never verified, backups for 8 days")
        << QStringLiteral("ok@-8d ok@-1h") << qint64(0) << 0 << 0 << warn
        << QStringList{QStringLiteral("app:verification-old")}
        << QStringLiteral("never verified (backups for 8 days)");
    QTest::newRow("never verified, new profile")
        << QStringLiteral("ok@-6d ok@-1h") << qint64(0) << 0 << 0 << ok << QStringList() << QString();
    QTest::newRow("last verification failed")
        << QStringLiteral("ok@-2h verifyfail@-1h") << qint64(0) << 0 << 0 << failing
        << QStringList{QStringLiteral("app:verification-failed")}
        << QStringLiteral("the last verification failed");
    QTest::newRow("newest backup damaged")
        << QStringLiteral("ok@-3h verify@-3h damaged@-1h") << qint64(0) << 0 << 0 << failing
        << QStringList{QStringLiteral("app:backup-damaged")}
        << QStringLiteral("failed its integrity check 60 min ago and will not restore: back up again now");
    QTest::newRow("older backup damaged")
        << QStringLiteral("ok@-3h damaged@-2h ok@-1h verify@-1h") << qint64(0) << 0 << 0 << warn
        << QStringList{QStringLiteral("app:backup-damaged")} << QStringLiteral("backup 1 (20");
    QTest::newRow("an intact backup is no finding")
        << QStringLiteral("ok@-3h ok@-2h intact@-1h verify@-1h") << qint64(0) << 0 << 0 << ok << QStringList()
        << QString();
    QTest::newRow("identity never exported")
        << QStringLiteral("ok@-2h verify@-1h") << qint64(0) << 0 << 1 << warn
        << QStringList{QStringLiteral(":identity-not-exported")}
        << QStringLiteral("the age identity was never exported: run lifeboat-cli key export shop");
    QTest::newRow("identity exported")
        << QStringLiteral("ok@-2h verify@-1h") << qint64(0) << 0 << 2 << ok << QStringList() << QString();
    QTest::newRow("retention failed") << QStringLiteral("ok@-2h verify@-1h prunefail@-1h") << qint64(0) << 0
                                      << 0 << warn << QStringList{QStringLiteral(":retention-failed")}
                                      << QStringLiteral("retention failed: could not connect");
    QTest::newRow("retention failed, then succeeded")
        << QStringLiteral("ok@-3h verify@-1h prunefail@-2h pruneok@-1h") << qint64(0) << 0 << 0 << ok
        << QStringList() << QString();
    QTest::newRow("failing outranks warnings")
        << QStringLiteral("ok@-5h:40M ok@-4h:40M ok@-3h:40M ok@-2h:100M fail@-1h") << day << 0 << 1 << failing
        << QStringList{QStringLiteral(":backup-failed"), QStringLiteral(":identity-not-exported"),
                       QStringLiteral("app:size-anomaly")}
        << QStringLiteral("the last backup failed");
}

void TestHealthEvaluator::histories()
{
    QFETCH(QString, script);
    QFETCH(qint64, interval);
    QFETCH(int, staleAfterHours);
    QFETCH(int, identity);
    QFETCH(int, level);
    QFETCH(QStringList, conditions);
    QFETCH(QString, message);

    MockClock clock;
    const QDateTime now = clock.nowUtc();
    const History h = build(script, now, {QStringLiteral("app")});
    HealthEvaluator::Input in = input(h, now, interval, staleAfterHours);
    if (identity > 0) {
        Catalog::SecretEntry e;
        e.profileName = QStringLiteral("shop");
        e.kind = QStringLiteral("age-identity");
        e.publicKey = QStringLiteral("age1example");
        e.writtenUtc = now.addDays(-30);
        if (identity == 2)
            e.exportedUtc = now.addDays(-29);
        in.identity = e;
    }
    const HealthReport r = HealthEvaluator::evaluate(in);
    QCOMPARE(::conditions(r), conditions);
    QCOMPARE(int(r.level), level);
    if (!message.isEmpty()) {
        QVERIFY(!r.findings.isEmpty());
        QVERIFY2(r.findings.first().message.contains(message), qPrintable(r.findings.first().message));
    }
    QCOMPARE(r.reasons().size(), r.findings.size());
    for (const DatabaseHealth &d : r.databases) {
        HealthLevel worst = HealthLevel::Healthy;
        for (const HealthFinding &f : r.findings)
            if (f.subject == d.database)
                worst = std::max(worst, f.level);
        QCOMPARE(d.level, worst);
    }
}

void TestHealthEvaluator::rpoAndRto()
{
    MockClock clock;
    const QDateTime now = clock.nowUtc();
    const History h = build(QStringLiteral("ok@-50h:30M ok@-26h:31M ok@-1h:32M verify@-30m:42.5"), now,
                            {QStringLiteral("app")});
    const HealthReport r = HealthEvaluator::evaluate(input(h, now, 86400, 0));
    QCOMPARE(r.level, HealthLevel::Healthy);
    QCOMPARE(r.intervalSeconds.value_or(-1), qint64(86400));
    QCOMPARE(r.staleAfterSeconds, qint64(129600));
    QCOMPARE(r.rpoMeasuredSeconds, 25.0 * 3600);
    QCOMPARE(r.rtoSeconds, 42.5);
    QCOMPARE(r.failureStreak, 0);
    QCOMPARE(r.lastSuccessUtc, now.addSecs(-3600 + 300)); // the run's end
    QCOMPARE(r.databases.size(), 1);
    const DatabaseHealth &d = r.databases.first();
    QCOMPARE(d.backups, 3);
    QCOMPARE(d.lastSuccessUtc, now.addSecs(-3600));
    QCOMPARE(d.lastSuccessAgeSeconds, qint64(3600));
    QCOMPARE(d.lastSizeBytes, qint64(32) << 20);
    QCOMPARE(d.lastDurationSeconds, 300.0);
    QCOMPARE(d.lastGapSeconds, qint64(25 * 3600));
    QCOMPARE(d.lastVerifiedUtc, now.addSecs(-1800));
    QVERIFY(d.lastVerificationOk);
    QCOMPARE(d.restoreSeconds, 42.5);

    // Two databases: the profile's RPO is the worse gap, its RTO the sum of the restores.
    History two = build(QStringLiteral("ok@-30h ok@-2h verify@-1h:20"), now,
                        {QStringLiteral("app"), QStringLiteral("crm")});
    two.artifacts[0].createdUtc = now.addSecs(-40 * 3600); // app's older backup: gap 38 h
    for (ArtifactRecord &a : two.artifacts)
        if (a.database == QLatin1String("crm") && a.createdUtc == now.addSecs(-2 * 3600)) {
            a.verifyState = QStringLiteral("verified");
            a.verifiedUtc = now.addSecs(-1800);
            a.restoreSeconds = 10;
        }
    HealthEvaluator::Input in = input(two, now, 86400, 0);
    in.profile.databases = {QStringLiteral("app"), QStringLiteral("crm")};
    const HealthReport r2 = HealthEvaluator::evaluate(in);
    QCOMPARE(r2.rpoMeasuredSeconds, 38.0 * 3600);
    QCOMPARE(r2.rtoSeconds, 20.0 + 10.0);

    // No verification, one backup: neither figure is known.
    const HealthReport r3 = HealthEvaluator::evaluate(
        input(build(QStringLiteral("ok@-1h"), now, {QStringLiteral("app")}), now, 86400, 0));
    QCOMPARE(r3.rpoMeasuredSeconds, -1.0);
    QCOMPARE(r3.rtoSeconds, -1.0);
}

void TestHealthEvaluator::databasesOfAnAllDatabasesProfile()
{
    MockClock clock;
    const QDateTime now = clock.nowUtc();
    // "old" was in the first run only (dropped from the server since): it leaves the health view.
    History h = build(QStringLiteral("ok@-50h"), now, {QStringLiteral("app"), QStringLiteral("old")});
    const History later =
        build(QStringLiteral("ok@-2h verify@-1h"), now, {QStringLiteral("app"), QStringLiteral("crm")});
    for (RunRecord run : later.runs) {
        run.id += 100;
        h.runs.append(run);
    }
    for (ArtifactRecord a : later.artifacts) {
        a.id += 100;
        a.runId += 100;
        h.artifacts.append(a);
    }
    HealthEvaluator::Input in = input(h, now, 86400, 0);
    in.profile.databaseMode = Profile::DatabaseMode::All;
    in.profile.databases.clear();
    const HealthReport r = HealthEvaluator::evaluate(in);
    QStringList names;
    for (const DatabaseHealth &d : r.databases)
        names << d.database;
    QCOMPARE(names, (QStringList{QStringLiteral("app"), QStringLiteral("crm")}));
    QCOMPARE(r.level, HealthLevel::Healthy);

    // Nothing yet: one profile-level "never backed up".
    HealthEvaluator::Input empty = input(History{}, now, 86400, 0);
    empty.profile.databaseMode = Profile::DatabaseMode::All;
    empty.profile.databases.clear();
    const HealthReport e = HealthEvaluator::evaluate(empty);
    QCOMPARE(::conditions(e), QStringList{QStringLiteral(":never-backed-up")});
    QCOMPARE(e.level, HealthLevel::Warning);
}

void TestHealthEvaluator::listedDatabaseNeverBackedUp()
{
    MockClock clock;
    const QDateTime now = clock.nowUtc();
    HealthEvaluator::Input in =
        input(build(QStringLiteral("ok@-2h verify@-1h"), now, {QStringLiteral("app")}), now, 86400, 0);
    in.profile.databases = {QStringLiteral("app"), QStringLiteral("billing")};
    const HealthReport r = HealthEvaluator::evaluate(in);
    QCOMPARE(::conditions(r), QStringList{QStringLiteral("billing:never-backed-up")});
    QCOMPARE(r.databases.size(), 2);
    QCOMPARE(r.databases.at(0).level, HealthLevel::Healthy);
    QCOMPARE(r.databases.at(1).level, HealthLevel::Warning);
    QCOMPARE(r.databases.at(1).reasons.size(), 1);
    QCOMPARE(r.reasons().first(), QStringLiteral("billing: never backed up: run lifeboat-cli backup shop"));
}

void TestHealthEvaluator::reportJson()
{
    MockClock clock;
    const QDateTime now = clock.nowUtc();
    const HealthReport r = HealthEvaluator::evaluate(
        input(build(QStringLiteral("ok@-50h ok@-37h verify@-36h:12"), now, {QStringLiteral("app")}), now,
              86400, 0));
    const QJsonObject o = r.toJson();
    QCOMPARE(o.value(QLatin1String("level")).toString(), QStringLiteral("failing"));
    QCOMPARE(o.value(QLatin1String("rpo")).toObject().value(QLatin1String("intervalSeconds")).toInteger(),
             86400);
    QCOMPARE(o.value(QLatin1String("rpo")).toObject().value(QLatin1String("lastGapSeconds")).toDouble(),
             13.0 * 3600);
    QCOMPARE(o.value(QLatin1String("rto")).toObject().value(QLatin1String("restoreSeconds")).toDouble(),
             12.0);
    const QJsonObject db = o.value(QLatin1String("databases")).toArray().first().toObject();
    QCOMPARE(db.value(QLatin1String("lastSuccessAgeSeconds")).toInteger(), 37 * 3600);
    QCOMPARE(db.value(QLatin1String("lastVerificationOk")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("findings"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("condition"))
                 .toString(),
             QStringLiteral("stale"));
}

QTEST_GUILESS_MAIN(TestHealthEvaluator)
#include "TestHealthEvaluator.moc"
