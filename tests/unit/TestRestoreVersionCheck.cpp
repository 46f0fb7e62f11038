// The restore's version pre-flight, with versions as data: this machine has one PostgreSQL, so a
// target older than the dump cannot be started here, but the decision is the same function
// RestorePreflight calls with the real server's version.

#include "engine/restore/RestoreVersionCheck.h"

#include <QTest>

using namespace lifeboat;

class TestRestoreVersionCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void majorText_data();
    void majorText();
    void checkTarget_data();
    void checkTarget();
    void pgRestoreMajorNeeded_data();
    void pgRestoreMajorNeeded();
};

void TestRestoreVersionCheck::majorText_data()
{
    QTest::addColumn<int>("versionNum");
    QTest::addColumn<QString>("text");
    QTest::newRow("15.4") << 150004 << QStringLiteral("15");
    QTest::newRow("10.0") << 100000 << QStringLiteral("10");
    QTest::newRow("9.6.24") << 90624 << QStringLiteral("9.6");
    QTest::newRow("9.5.0") << 90500 << QStringLiteral("9.5");
    QTest::newRow("unknown") << 0 << QString();
}

void TestRestoreVersionCheck::majorText()
{
    QFETCH(int, versionNum);
    QFETCH(QString, text);
    QCOMPARE(RestoreVersionCheck::majorText(versionNum), text);
}

void TestRestoreVersionCheck::checkTarget_data()
{
    QTest::addColumn<int>("dump");
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("error"); // empty: accepted
    const QString older = QStringLiteral(
        "the target db.example:5432 runs PostgreSQL %1, older than the backup's server (%2): restore into "
        "PostgreSQL %2 or newer");
    QTest::newRow("same major") << 150004 << 150010 << QString();
    QTest::newRow("same major, older minor") << 150010 << 150002 << QString();
    QTest::newRow("newer target") << 150004 << 160001 << QString();
    QTest::newRow("much newer target") << 90624 << 170000 << QString();
    QTest::newRow("one major older") << 160002 << 150004
                                     << older.arg(QStringLiteral("15"), QStringLiteral("16"));
    QTest::newRow("several majors older")
        << 170000 << 120018 << older.arg(QStringLiteral("12"), QStringLiteral("17"));
    QTest::newRow("9.6 dump into 9.5")
        << 90624 << 90522 << older.arg(QStringLiteral("9.5"), QStringLiteral("9.6"));
    QTest::newRow("10 dump into 9.6")
        << 100023 << 90624 << older.arg(QStringLiteral("9.6"), QStringLiteral("10"));
    QTest::newRow("9.6 dump into 10") << 90624 << 100023 << QString();
    QTest::newRow("dump version unknown") << 0 << 150004 << QString();
}

void TestRestoreVersionCheck::checkTarget()
{
    QFETCH(int, dump);
    QFETCH(int, target);
    QFETCH(QString, error);
    const Status s = RestoreVersionCheck::checkTarget(dump, target, QStringLiteral("db.example:5432"));
    if (error.isEmpty()) {
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        return;
    }
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("restore.version"));
    QCOMPARE(s.error().message, error);
}

void TestRestoreVersionCheck::pgRestoreMajorNeeded_data()
{
    QTest::addColumn<int>("server");
    QTest::addColumn<QString>("pgDump");
    QTest::addColumn<int>("target");
    QTest::addColumn<int>("needed");
    QTest::newRow("all 15") << 150004 << QStringLiteral("15.4") << 150004 << 15;
    QTest::newRow("newer pg_dump wrote the archive") << 150004 << QStringLiteral("16.1") << 150004 << 16;
    QTest::newRow("newer target") << 150004 << QStringLiteral("15.4") << 170002 << 17;
    QTest::newRow("pg_dump version unknown") << 140009 << QString() << 150004 << 15;
}

void TestRestoreVersionCheck::pgRestoreMajorNeeded()
{
    QFETCH(int, server);
    QFETCH(QString, pgDump);
    QFETCH(int, target);
    QFETCH(int, needed);
    Manifest manifest;
    manifest.serverVersionNum = server;
    manifest.pgDumpVersion = pgDump;
    QCOMPARE(RestoreVersionCheck::pgRestoreMajorNeeded(manifest, target), needed);
}

QTEST_GUILESS_MAIN(TestRestoreVersionCheck)
#include "TestRestoreVersionCheck.moc"
