// Schedules through lifeboat-cli against a real PostgreSQL: profile add/edit/show with the
// schedule and retention options, `run-due` from two processes at once (each due profile is
// backed up exactly once — counted in the catalog), failed runs count as the last run, and the
// systemd user units of `schedule install` (checked with systemd-analyze verify when present).

#include "core/Catalog.h"
#include "core/Profile.h"
#include "support/PgTestCluster.h"
#include "support/ProcessRunner.h"
#include "support/TestPeers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat;
using namespace lifeboat::test;

class TestSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void profileEditAndShow();
    void badScheduleIsRefused_data();
    void badScheduleIsRefused();
    void runDueFromTwoProcessesRunsEachOnce();
    void failedScheduledRunIsNotRetriedInALoop();
    void scheduleInstallWritesUnits();
    void installedUnitsPassSystemdAnalyzeVerify();

private:
    QString newDir(const char *prefix);
    QList<RunRecord> backupRuns(const QString &config, const QString &profile);
    QString installUnits(QString *configOut);

    PgTestCluster m_pg;
    QTemporaryDir m_tmp;
    ProcessRunner m_run;
    int m_counter = 0;
};

QString TestSchedule::newDir(const char *prefix)
{
    const QString dir = m_tmp.filePath(QStringLiteral("%1-%2").arg(QLatin1String(prefix)).arg(++m_counter));
    QDir().mkpath(dir);
    return dir;
}

QList<RunRecord> TestSchedule::backupRuns(const QString &config, const QString &profile)
{
    auto catalog = Catalog::open(config + QStringLiteral("/catalog.sqlite"));
    if (!catalog) {
        qWarning() << catalog.error().message;
        return {};
    }
    auto runs = (*catalog)->runs(profile);
    QList<RunRecord> out;
    if (runs) {
        for (const RunRecord &r : *runs) {
            if (r.kind == RunKind::Backup)
                out.append(r);
        }
    }
    return out;
}

void TestSchedule::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
    m_run.setEnvironment(m_pg.clientEnvironment());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE shop")).isNull());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE TABLE orders AS SELECT g AS id, md5(g::text) AS t FROM "
                                      "generate_series(1, 20000) g"),
                       QStringLiteral("shop"))
                 .isNull());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE crm")).isNull());
}

void TestSchedule::profileEditAndShow()
{
    const QString config = newDir("config");
    const QString dest = newDir("dest");
    const QString dest2 = newDir("dest");
    ProcessResult add = m_run.cli(
        config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("p1"),
                 QStringLiteral("--db"), m_pg.uri(QStringLiteral("shop")), QStringLiteral("--dest"), dest,
                 QStringLiteral("--schedule"), QStringLiteral("daily@02:00"), QStringLiteral("--keep-last"),
                 QStringLiteral("7"), QStringLiteral("--only-on-ac")});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));

    ProcessResult edit =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("edit"), QStringLiteral("p1"),
                           QStringLiteral("--schedule"), QStringLiteral("weekly@mon,thu@02:30"),
                           QStringLiteral("--keep-daily"), QStringLiteral("14"),
                           QStringLiteral("--catch-up-delay"), QStringLiteral("7"), QStringLiteral("--dest"),
                           dest2, QStringLiteral("--webhook-format"), QStringLiteral("slack"),
                           QStringLiteral("--no-desktop-alerts"), QStringLiteral("--prune-pause-after"),
                           QStringLiteral("3"), QStringLiteral("--stale-after"), QStringLiteral("100")});
    QVERIFY2(edit.exitCode == 0, qPrintable(edit.errText()));
    QVERIFY2(edit.outText().contains(QLatin1String("updated")), qPrintable(edit.outText()));

    ProcessResult exported =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("p1")});
    QCOMPARE(exported.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(exported.out).object();
    QCOMPARE(o.value(QLatin1String("schedule")).toString(), QStringLiteral("weekly@mon,thu@02:30"));
    QCOMPARE(o.value(QLatin1String("catchUpDelayMinutes")).toInt(), 7);
    QCOMPARE(o.value(QLatin1String("onlyOnAcPower")).toBool(), true); // untouched by edit
    QCOMPARE(o.value(QLatin1String("staleAfterHours")).toInt(), 100);
    QCOMPARE(o.value(QLatin1String("destinations")).toArray().size(), 1); // --dest replaced the list
    QCOMPARE(o.value(QLatin1String("destinations")).toArray().at(0).toString(), dest2);
    QCOMPARE(o.value(QLatin1String("databases")).toArray().at(0).toString(), QStringLiteral("shop"));
    const QJsonObject retention = o.value(QLatin1String("retention")).toObject();
    QCOMPARE(retention.value(QLatin1String("keepLast")).toInt(), 7); // from add, kept
    QCOMPARE(retention.value(QLatin1String("keepDaily")).toInt(), 14);
    QCOMPARE(retention.value(QLatin1String("failureStreakLimit")).toInt(), 3);
    const QJsonObject alerts = o.value(QLatin1String("alerts")).toObject();
    QCOMPARE(alerts.value(QLatin1String("webhookFormat")).toString(), QStringLiteral("slack"));
    QCOMPARE(alerts.value(QLatin1String("desktop")).toBool(), false);

    ProcessResult show =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("p1")});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.outText().contains(QLatin1String("every Monday and Thursday at 02:30")),
             qPrintable(show.outText()));
    const QString text = show.outText();
    const qsizetype next = text.indexOf(QLatin1String("next runs:"));
    QVERIFY(next >= 0);
    const QStringList lines = text.mid(next).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    int runLines = 0;
    for (const QString &line : lines)
        runLines += (line.contains(QLatin1String("Mon ")) || line.contains(QLatin1String("Thu "))) &&
                            line.contains(QLatin1String(" 02:30"))
                        ? 1
                        : 0;
    QCOMPARE(runLines, 5);

    // Switching the schedule off and clearing it.
    QCOMPARE(m_run
                 .cli(config, {QStringLiteral("profile"), QStringLiteral("edit"), QStringLiteral("p1"),
                               QStringLiteral("--disable-schedule")})
                 .exitCode,
             0);
    ProcessResult status =
        m_run.cli(config, {QStringLiteral("--json"), QStringLiteral("schedule"), QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    const QJsonArray profiles =
        QJsonDocument::fromJson(status.out).object().value(QLatin1String("profiles")).toArray();
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("disabled"));
    QCOMPARE(m_run
                 .cli(config, {QStringLiteral("profile"), QStringLiteral("edit"), QStringLiteral("p1"),
                               QStringLiteral("--no-schedule")})
                 .exitCode,
             0);
    ProcessResult show2 =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("p1")});
    QVERIFY2(show2.outText().contains(QLatin1String("manual only")), qPrintable(show2.outText()));

    // An edit that would make the profile invalid changes nothing.
    ProcessResult bad =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("edit"), QStringLiteral("p1"),
                           QStringLiteral("--zstd-level"), QStringLiteral("40"), QStringLiteral("--schedule"),
                           QStringLiteral("hourly@:05")});
    QCOMPARE(bad.exitCode, 2);
    ProcessResult after =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("p1")});
    QCOMPARE(QJsonDocument::fromJson(after.out).object().value(QLatin1String("schedule")).toString(),
             QString());
}

void TestSchedule::badScheduleIsRefused_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("message");
    QTest::newRow("dom 32") << QStringLiteral("0 2 32 * *")
                            << QStringLiteral("cron field 3 (day of month) '32' is out of range 1–31");
    QTest::newRow("Feb 30") << QStringLiteral("0 2 30 2 *") << QStringLiteral("February has no day 30");
    QTest::newRow("preset") << QStringLiteral("daily@2500") << QStringLiteral("is not a time of day");
}

void TestSchedule::badScheduleIsRefused()
{
    QFETCH(QString, rule);
    QFETCH(QString, message);
    const QString config = newDir("config");
    ProcessResult add =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("bad"),
                           QStringLiteral("--db"), m_pg.uri(QStringLiteral("shop")), QStringLiteral("--dest"),
                           newDir("dest"), QStringLiteral("--schedule"), rule});
    QCOMPARE(add.exitCode, 2);
    QVERIFY2(add.errText().contains(message), qPrintable(add.errText()));
    QVERIFY(m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("list")})
                .outText()
                .contains(QLatin1String("no profiles yet")));
}

void TestSchedule::runDueFromTwoProcessesRunsEachOnce()
{
    const QString config = newDir("config");
    const QStringList names = {QStringLiteral("shop-a"), QStringLiteral("shop-b"), QStringLiteral("crm")};
    for (const QString &name : names) {
        ProcessResult add = m_run.cli(
            config, {QStringLiteral("profile"), QStringLiteral("add"), name, QStringLiteral("--db"),
                     m_pg.uri(name == QLatin1String("crm") ? QStringLiteral("crm") : QStringLiteral("shop")),
                     QStringLiteral("--dest"), newDir("dest"), QStringLiteral("--schedule"),
                     QStringLiteral("daily@02:00")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    }
    // A manual-only profile is never run by run-due.
    QCOMPARE(m_run
                 .cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("manual"),
                               QStringLiteral("--db"), m_pg.uri(QStringLiteral("shop")),
                               QStringLiteral("--dest"), newDir("dest")})
                 .exitCode,
             0);

    QProcess first, second;
    for (QProcess *p : {&first, &second}) {
        p->setProcessEnvironment(m_pg.clientEnvironment());
        p->start(cliPath(), {QStringLiteral("--config-dir"), config, QStringLiteral("--json"),
                             QStringLiteral("run-due")});
    }
    QVERIFY(first.waitForFinished(180000));
    QVERIFY(second.waitForFinished(180000));
    const QString firstErr = QString::fromUtf8(first.readAllStandardError());
    const QString secondErr = QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(first.exitCode() == 0, qPrintable(firstErr));
    QVERIFY2(second.exitCode() == 0, qPrintable(secondErr));

    int ranTotal = 0;
    for (QProcess *p : {&first, &second}) {
        const QJsonObject o = QJsonDocument::fromJson(p->readAllStandardOutput()).object();
        ranTotal += o.value(QLatin1String("ran")).toInt();
        QCOMPARE(o.value(QLatin1String("failed")).toInt(), 0);
    }
    QCOMPARE(ranTotal, int(names.size()));
    for (const QString &name : names) {
        const QList<RunRecord> runs = backupRuns(config, name);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().state, RunRecord::State::Succeeded);
        QCOMPARE(runs.first().trigger, QStringLiteral("schedule"));
    }
    QCOMPARE(backupRuns(config, QStringLiteral("manual")).size(), 0);

    // Nothing is due any more: a third run does nothing.
    ProcessResult again = m_run.cli(config, {QStringLiteral("run-due")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.outText().contains(QLatin1String("nothing is due")), qPrintable(again.outText()));
    for (const QString &name : names)
        QCOMPARE(backupRuns(config, name).size(), 1);

    // status lists the scheduled profiles with their next run.
    ProcessResult status = m_run.cli(config, {QStringLiteral("schedule"), QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    for (const QString &name : names)
        QVERIFY2(status.outText().contains(name + QStringLiteral("\twaiting\t")),
                 qPrintable(status.outText()));
}

void TestSchedule::failedScheduledRunIsNotRetriedInALoop()
{
    const QString config = newDir("config");
    ProcessResult add = m_run.cli(
        config,
        {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("down"), QStringLiteral("--db"),
         QStringLiteral("postgresql://postgres@127.0.0.1:%1/shop").arg(PgTestCluster::freePort()),
         QStringLiteral("--dest"), newDir("dest"), QStringLiteral("--schedule"),
         QStringLiteral("hourly@:00")});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    ProcessResult run = m_run.cli(config, {QStringLiteral("run-due")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.outText().contains(QLatin1String("down: FAILED")), qPrintable(run.outText()));
    QList<RunRecord> runs = backupRuns(config, QStringLiteral("down"));
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().state, RunRecord::State::Failed);
    // The failed attempt is the last run: the next attempt waits for the next slot.
    ProcessResult again = m_run.cli(config, {QStringLiteral("run-due")});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(backupRuns(config, QStringLiteral("down")).size(), 1);

    // Only-when-reachable: held back with the reason, not attempted.
    const QString config2 = newDir("config");
    QCOMPARE(
        m_run
            .cli(config2,
                 {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("down2"),
                  QStringLiteral("--db"),
                  QStringLiteral("postgresql://postgres@127.0.0.1:%1/shop").arg(PgTestCluster::freePort()),
                  QStringLiteral("--dest"), newDir("dest"), QStringLiteral("--schedule"),
                  QStringLiteral("hourly@:00"), QStringLiteral("--only-when-reachable")})
            .exitCode,
        0);
    ProcessResult held = m_run.cli(config2, {QStringLiteral("run-due")});
    QCOMPARE(held.exitCode, 0);
    QVERIFY2(held.outText().contains(QLatin1String("down2: skipped: not reachable")),
             qPrintable(held.outText()));
    QCOMPARE(backupRuns(config2, QStringLiteral("down2")).size(), 0);
}

QString TestSchedule::installUnits(QString *configOut)
{
    const QString xdg = newDir("xdg");
    const QString config = newDir("config dir"); // a space: the Exec= line must quote it
    QProcessEnvironment env = m_pg.clientEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), xdg);
    ProcessRunner runner(env);
    ProcessResult install = runner.cli(config, {QStringLiteral("schedule"), QStringLiteral("install"),
                                                QStringLiteral("--interval"), QStringLiteral("10"),
                                                QStringLiteral("--no-enable")});
    if (install.exitCode != 0)
        qWarning() << install.errText();
    *configOut = config;
    return xdg + QStringLiteral("/systemd/user");
}

void TestSchedule::scheduleInstallWritesUnits()
{
    QString config;
    const QString unitDir = installUnits(&config);
    QFile service(unitDir + QStringLiteral("/lifeboat-run-due.service"));
    QFile timer(unitDir + QStringLiteral("/lifeboat-run-due.timer"));
    QVERIFY(service.open(QIODevice::ReadOnly));
    QVERIFY(timer.open(QIODevice::ReadOnly));
    const QString serviceText = QString::fromUtf8(service.readAll());
    const QString timerText = QString::fromUtf8(timer.readAll());
    QVERIFY2(serviceText.contains(QStringLiteral("ExecStart=\"%1\" --config-dir \"%2\" run-due")
                                      .arg(QFileInfo(cliPath()).canonicalFilePath(), config)),
             qPrintable(serviceText));
    QVERIFY(serviceText.contains(QLatin1String("Type=oneshot")));
    QVERIFY(timerText.contains(QLatin1String("OnCalendar=*-*-* *:00/10:00")));
    QVERIFY(timerText.contains(QLatin1String("Persistent=true")));
    QVERIFY(timerText.contains(QLatin1String("WantedBy=timers.target")));

    QProcessEnvironment env = m_pg.clientEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), unitDir.chopped(int(qstrlen("/systemd/user"))));
    ProcessRunner runner(env);
    ProcessResult status = runner.cli(config, {QStringLiteral("schedule"), QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.outText().contains(QLatin1String("every 10 min")), qPrintable(status.outText()));

    ProcessResult uninstall = runner.cli(
        config, {QStringLiteral("schedule"), QStringLiteral("uninstall"), QStringLiteral("--no-enable")});
    QCOMPARE(uninstall.exitCode, 0);
    QVERIFY(!QFile::exists(service.fileName()));
    QVERIFY(!QFile::exists(timer.fileName()));
}

void TestSchedule::installedUnitsPassSystemdAnalyzeVerify()
{
    const QString analyze = test::peerProgram(QStringLiteral("systemd-analyze"));
    QVERIFY2(!analyze.isEmpty(), qPrintable(test::missingPeerProgram(QStringLiteral("systemd-analyze"))));
    QString config;
    const QString unitDir = installUnits(&config);
    const QStringList units = {unitDir + QStringLiteral("/lifeboat-run-due.service"),
                               unitDir + QStringLiteral("/lifeboat-run-due.timer")};
    ProcessResult verify = m_run.run(analyze, QStringList{QStringLiteral("verify")} + units);
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.errText() + verify.outText()));
    QVERIFY2(!verify.errText().contains(QLatin1String("lifeboat-run-due")), qPrintable(verify.errText()));

    // Control: the same check does catch a unit whose program is missing.
    QFile f(units.first());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString broken =
        QString::fromUtf8(f.readAll())
            .replace(QFileInfo(cliPath()).canonicalFilePath(), QStringLiteral("/nonexistent/lifeboat-cli"));
    f.close();
    const QString brokenDir = newDir("broken");
    QFile b(brokenDir + QStringLiteral("/lifeboat-run-due.service"));
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(broken.toUtf8());
    b.close();
    QFile::copy(units.at(1), brokenDir + QStringLiteral("/lifeboat-run-due.timer"));
    ProcessResult control = m_run.run(analyze, {QStringLiteral("verify"), b.fileName(),
                                                brokenDir + QStringLiteral("/lifeboat-run-due.timer")});
    QVERIFY(control.exitCode != 0);
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "TestSchedule.moc"
