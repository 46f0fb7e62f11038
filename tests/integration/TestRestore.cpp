// Restore and proof through lifeboat-cli against a real PostgreSQL: integrity checks that refuse
// every corrupted artifact before any database is touched, restores into new databases (whole,
// partial, parallel), --replace with its safety backup, cancellation, deep verification, and the
// runbook.

#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "core/Manifest.h"
#include "engine/jobs/JobRunner.h"
#include "engine/jobs/RestoreJob.h"
#include "engine/pg/ArchiveScanner.h"
#include "engine/pg/PgToolFinder.h"
#include "support/PgTestCluster.h"
#include "support/ProcessRunner.h"
#include "support/TestPeers.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

using namespace lifeboat;
using namespace lifeboat::test;

class TestRestore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void integrityCheckPasses();
    void unrecordedIntegrityResultIsAWarning();
    void restoreEverythingIntoNewDatabase();
    void partialRestoreOfOneTable();
    void parallelRestoreUsesTemporaryCopy();
    void replaceTakesSafetyBackupFirst();
    void corruptedArtifactsAreRefusedBeforeAnyDatabaseIsTouched();
    void cancelledRestoreDropsTheNewDatabase();
    void cancelledReplacePutsTheOriginalBack();
    void noRoomForTheJobsCopyFallsBackToStreaming();
    void jobsCopyIsReservedAndExact_data();
    void jobsCopyIsReservedAndExact();
    void deepVerification();
    void badInput_data();
    void badInput();
    void runbookHasTheCommands();
    void verifyAfterBackupSaysWhatItCouldNotDo();

private:
    QString databases();
    // Runs a RestoreJob in this process with TMPDIR set to `tmp` (put back afterwards).
    JobInfo runRestoreJob(const QString &profile, const RestoreRequest &request, const QString &tmp);
    bool setUpSpyProfile();
    ProcessResult cli(const QStringList &args) { return m_run.cli(m_config, args); }
    // The catalog's record of a backup, read directly (empty when it cannot be read).
    ArtifactRecord record(qint64 id) const;
    // Runs one statement on the catalog's SQLite file directly; the error text, empty on success.
    QString catalogSql(const QString &sql) const;

    PgTestCluster m_pg;
    QTemporaryDir m_tmp;
    ProcessRunner m_run;
    QString m_config;
    QString m_dest;
    QString m_keyFile;
    QString m_otherKeyFile;
    qint64 m_id = 0;
    qint64 m_bigId = 0; // a backup big enough to cancel its restore mid-way
    QString m_artifact;
    // jobsCopyIsReservedAndExact: a profile whose tool directory holds a pg_restore that records
    // what it is given, then runs the real one.
    qint64 m_spyId = 0;
    qint64 m_spyArchiveBytes = 0;
    QString m_spyLog;
};

QString TestRestore::databases()
{
    return m_pg.psql(QStringLiteral("SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database"));
}

JobInfo TestRestore::runRestoreJob(const QString &profile, const RestoreRequest &request, const QString &tmp)
{
    const QByteArray oldTmp = qgetenv("TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(tmp));
    JobInfo finished;
    {
        JobRunner runner{ConfigPaths(m_config)};
        QSignalSpy done(&runner, &JobRunner::jobFinished);
        runner.submit(
            std::make_shared<RestoreJob>(profile, QStringLiteral("test"), request, ConfigPaths(m_config)));
        if (!QTest::qWaitFor([&] { return done.count() == 1; }, 180000))
            finished.message = QStringLiteral("the restore job did not finish within 3 minutes");
        else
            finished = done.at(0).at(0).value<JobInfo>();
    }
    if (oldTmp.isNull())
        qunsetenv("TMPDIR");
    else
        qputenv("TMPDIR", oldTmp);
    return finished;
}

void TestRestore::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
    // Small zstd frames, so the fixture's backups are series of frames and every restore and
    // damaged variant here goes through the parallel decoder (backups write 32 MiB frames).
    QProcessEnvironment env = m_pg.clientEnvironment();
    env.insert(QStringLiteral("LIFEBOAT_ZSTD_FRAME_BYTES"), QStringLiteral("65536"));
    m_run.setEnvironment(env);
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE fixture")).isNull());
    QVERIFY2(
        m_pg.psqlFile(sourceDir() + QStringLiteral("/tests/data/fixture.sql"), QStringLiteral("fixture")),
        qPrintable(m_pg.lastPsqlError()));
    m_keyFile = m_tmp.filePath(QStringLiteral("key.txt"));
    m_otherKeyFile = m_tmp.filePath(QStringLiteral("other.txt"));
    QCOMPARE(m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-o"), m_keyFile}).exitCode, 0);
    QCOMPARE(m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-o"), m_otherKeyFile}).exitCode, 0);
    const QString recipient =
        m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-y"), m_keyFile}).outText().trimmed();
    m_config = m_tmp.filePath(QStringLiteral("config"));
    m_dest = m_tmp.filePath(QStringLiteral("dest"));
    QDir().mkpath(m_dest);
    ProcessResult add = cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("prod"),
                             QStringLiteral("--db"), m_pg.uri(QStringLiteral("fixture")),
                             QStringLiteral("--dest"), m_dest, QStringLiteral("--recipient"), recipient});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    ProcessResult backup = cli({QStringLiteral("backup"), QStringLiteral("prod")});
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText()));
    m_artifact = backup.outText().trimmed();
    const QJsonArray list =
        QJsonDocument::fromJson(
            cli({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("prod")}).out)
            .array();
    QCOMPARE(list.size(), 1);
    m_id = list.at(0).toObject().value(QLatin1String("id")).toInteger();
    QVERIFY(m_id > 0);
}

void TestRestore::integrityCheckPasses()
{
    ProcessResult r =
        cli({QStringLiteral("verify"), QString::number(m_id), QStringLiteral("--identity"), m_keyFile});
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
    QVERIFY2(r.outText().contains(QLatin1String("matches the backup record")), qPrintable(r.outText()));
    QVERIFY(r.outText().contains(QLatin1String("readable by pg_restore")));
    QVERIFY(r.outText().contains(QLatin1String("all equal to the manifest")));
    // An integrity check alone does not make a backup "verified": only a restore does. Its
    // outcome is recorded on the backup, and list shows it.
    const QJsonArray list =
        QJsonDocument::fromJson(
            cli({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("prod")}).out)
            .array();
    const QJsonObject backup = list.at(0).toObject();
    QCOMPARE(backup.value(QLatin1String("verified")).toBool(), false);
    QCOMPARE(backup.value(QLatin1String("integrityState")).toString(), QStringLiteral("ok"));
    const QDateTime checked =
        QDateTime::fromString(backup.value(QLatin1String("integrityCheckedUtc")).toString(), Qt::ISODate);
    QVERIFY2(checked.isValid() && qAbs(checked.secsTo(QDateTime::currentDateTimeUtc())) < 120,
             qPrintable(backup.value(QLatin1String("integrityCheckedUtc")).toString()));
    QVERIFY(!backup.contains(QLatin1String("integrityDetail")));
    const QString text = cli({QStringLiteral("list"), QStringLiteral("prod")}).outText();
    QVERIFY2(text.contains(QLatin1String("integrity ok ")), qPrintable(text));
}

QString TestRestore::catalogSql(const QString &sql) const
{
    const QString connection = QStringLiteral("TestRestore-direct");
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(m_config + QStringLiteral("/catalog.sqlite"));
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql))
                error = q.lastError().text().isEmpty() ? QStringLiteral("failed") : q.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return error;
}

void TestRestore::unrecordedIntegrityResultIsAWarning()
{
    // A catalog that refuses the record (a trigger stands in for a full disk or a catalog locked
    // too long): the check's own outcome stands, and its output says the record is missing.
    const ArtifactRecord before = record(m_id);
    QVERIFY(before.integrityCheckedUtc.isValid());
    QString error = catalogSql(
        QStringLiteral("CREATE TRIGGER test_refuses_integrity BEFORE UPDATE OF integrity_state ON artifacts "
                       "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    auto dropTrigger =
        qScopeGuard([this] { (void)catalogSql(QStringLiteral("DROP TRIGGER test_refuses_integrity")); });
    ProcessResult r =
        cli({QStringLiteral("verify"), QString::number(m_id), QStringLiteral("--identity"), m_keyFile});
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
    QVERIFY2(r.outText().contains(QLatin1String("all equal to the manifest")), qPrintable(r.outText()));
    const QString warning =
        QStringLiteral("warning: the integrity check's result was not recorded on backup %1").arg(m_id);
    QVERIFY2(r.outText().contains(warning), qPrintable(r.outText()));
    QVERIFY2(r.outText().contains(QLatin1String("refused by the test")), qPrintable(r.outText()));
    QCOMPARE(record(m_id).integrityCheckedUtc, before.integrityCheckedUtc);
    dropTrigger.dismiss();
    error = catalogSql(QStringLiteral("DROP TRIGGER test_refuses_integrity"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

ArtifactRecord TestRestore::record(qint64 id) const
{
    auto catalog = Catalog::open(m_config + QStringLiteral("/catalog.sqlite"));
    if (!catalog)
        return {};
    auto artifact = (*catalog)->artifact(id);
    return artifact ? *artifact : ArtifactRecord();
}

void TestRestore::restoreEverythingIntoNewDatabase()
{
    ProcessResult r =
        cli({QStringLiteral("restore"), QString::number(m_id), QStringLiteral("--identity"), m_keyFile});
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText() + r.outText()));
    const QString out = r.outText();
    QVERIFY2(!out.contains(QLatin1String("MISMATCH")) && !out.contains(QLatin1String("MISSING")),
             qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("ok       données.Ünïcødé tåble: 250 rows (manifest 250)")));
    QVERIFY(out.contains(QLatin1String("ok       large objects: 2 (manifest 2)")));
    QVERIFY(out.contains(QLatin1String("ok       extension citext")));
    // The default target: a new database <db>_restore_<yyyyMMdd_HHmm>, and its connection string.
    const QRegularExpression name(
        QStringLiteral("connection: postgresql://postgres@127\\.0\\.0\\.1:%1/(fixture_restore_\\d{8}_\\d{4})")
            .arg(m_pg.port()));
    const QRegularExpressionMatch m = name.match(out);
    QVERIFY2(m.hasMatch(), qPrintable(out));
    const QString restored = m.captured(1);
    QVERIFY(databases().split(QLatin1Char(',')).contains(restored));
    // Same data, not just the same counts.
    for (const QString &sql :
         {QStringLiteral("SELECT md5(string_agg(email::text || name, ',' ORDER BY id)) FROM sales.customers"),
          QStringLiteral("SELECT md5(string_agg(\"värde\"::text, ',' ORDER BY \"clé\")) FROM "
                         "\"données\".\"Ünïcødé tåble\""),
          QStringLiteral("SELECT count(*) FROM sales.order_totals"),
          QStringLiteral("SELECT md5(string_agg(lo_get(body)::text, ',' ORDER BY id)) FROM documents"),
          QStringLiteral("SELECT last_value FROM invoice_numbers")})
        QCOMPARE(m_pg.psql(sql, restored), m_pg.psql(sql, QStringLiteral("fixture")));
}

void TestRestore::partialRestoreOfOneTable()
{
    ProcessResult r = cli({QStringLiteral("restore"), QString::number(m_id), QStringLiteral("--identity"),
                           m_keyFile, QStringLiteral("--to-db"), QStringLiteral("only_customers"),
                           QStringLiteral("--schema"), QStringLiteral("sales"), QStringLiteral("--table"),
                           QStringLiteral("customers"), QStringLiteral("--no-owner")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText() + r.outText()));
    QVERIFY(r.outText().contains(QLatin1String("ok       sales.customers: 1000 rows (manifest 1000)")));
    QVERIFY(!r.outText().contains(QLatin1String("orders_2025")));
    QCOMPARE(
        m_pg.psql(
            QStringLiteral(
                "SELECT string_agg(table_schema || '.' || table_name, ',') FROM information_schema.tables "
                "WHERE table_schema NOT IN ('pg_catalog','information_schema')"),
            QStringLiteral("only_customers")),
        QStringLiteral("sales.customers"));
}

void TestRestore::parallelRestoreUsesTemporaryCopy()
{
    ProcessResult r = cli({QStringLiteral("restore"), QString::number(m_id), QStringLiteral("--identity"),
                           m_keyFile, QStringLiteral("--to-db"), QStringLiteral("parallel"),
                           QStringLiteral("--jobs"), QStringLiteral("2")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText() + r.outText()));
    QVERIFY(!r.outText().contains(QLatin1String("MISMATCH")));
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM sales.orders"), QStringLiteral("parallel")),
             QStringLiteral("5000"));
    // The private temporary copy is gone.
    QDirIterator it(QDir::tempPath(), {QStringLiteral("lifeboat-restore-*")}, QDir::Dirs);
    QVERIFY2(!it.hasNext(), qPrintable(it.hasNext() ? it.next() : QString()));
}

void TestRestore::replaceTakesSafetyBackupFirst()
{
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE staging")).isNull());
    QVERIFY(
        !m_pg.psql(QStringLiteral(
                       "CREATE TABLE precious (id int); INSERT INTO precious SELECT generate_series(1, 42)"),
                   QStringLiteral("staging"))
             .isNull());
    // Refused without --replace, and with a confirmation that does not match.
    ProcessResult noReplace =
        cli({QStringLiteral("restore"), QString::number(m_id), QStringLiteral("--identity"), m_keyFile,
             QStringLiteral("--to-db"), QStringLiteral("staging")});
    QCOMPARE(noReplace.exitCode, 1);
    QVERIFY2(noReplace.errText().contains(QLatin1String("already exists")), qPrintable(noReplace.errText()));
    // The run is recorded as refused (nothing is wrong with the backup), not as a plain failure.
    const auto newestRun = [this] {
        auto catalog = Catalog::open(m_config + QStringLiteral("/catalog.sqlite"));
        if (!catalog)
            return RunRecord();
        auto runs = (*catalog)->runs(QStringLiteral("prod"), 1);
        return runs && !runs->isEmpty() ? runs->first() : RunRecord();
    };
    RunRecord refused = newestRun();
    QCOMPARE(refused.kind, RunKind::Restore);
    QCOMPARE(refused.errorCode, QStringLiteral("restore.exists"));
    QVERIFY(refused.refused());
    ProcessResult mismatch =
        cli({QStringLiteral("restore"), QString::number(m_id), QStringLiteral("--identity"), m_keyFile,
             QStringLiteral("--to-db"), QStringLiteral("staging"), QStringLiteral("--replace"),
             QStringLiteral("--confirm"), QStringLiteral("stagin")});
    QCOMPARE(mismatch.exitCode, 1);
    QVERIFY2(mismatch.errText().contains(QLatin1String("does not match")), qPrintable(mismatch.errText()));
    refused = newestRun();
    QCOMPARE(refused.errorCode, QStringLiteral("restore.confirm"));
    QVERIFY(refused.refused());
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM precious"), QStringLiteral("staging")),
             QStringLiteral("42"));

    ProcessResult r =
        cli({QStringLiteral("restore"), QString::number(m_id), QStringLiteral("--identity"), m_keyFile,
             QStringLiteral("--to-db"), QStringLiteral("staging"), QStringLiteral("--replace"),
             QStringLiteral("--confirm"), QStringLiteral("staging")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText() + r.outText()));
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM sales.customers"), QStringLiteral("staging")),
             QStringLiteral("1000"));
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'precious'"),
                       QStringLiteral("staging")),
             QStringLiteral("0"));
    const QRegularExpressionMatch safety =
        QRegularExpression(QStringLiteral("safety backup: backup (\\d+)")).match(r.outText());
    QVERIFY2(safety.hasMatch(), qPrintable(r.outText()));
    // The safety backup restores: the replaced data is all there.
    ProcessResult back = cli({QStringLiteral("restore"), safety.captured(1), QStringLiteral("--identity"),
                              m_keyFile, QStringLiteral("--to-db"), QStringLiteral("staging_before")});
    QVERIFY2(back.exitCode == 0, qPrintable(back.errText() + back.outText()));
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM precious"), QStringLiteral("staging_before")),
             QStringLiteral("42"));
}

void TestRestore::corruptedArtifactsAreRefusedBeforeAnyDatabaseIsTouched()
{
    QFile f(m_artifact);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray original = f.readAll();
    f.close();
    QVERIFY(original.size() > 4096);
    const QString before = databases();
    QRandomGenerator rng(20261121);
    auto writeVariant = [&](const QByteArray &bytes) {
        QFile out(m_artifact);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(out.write(bytes), bytes.size());
    };
    int refused = 0;
    QDateTime keptCheck; // the wrong-key variants must leave the last check's record alone
    QDateTime previousCheck = record(m_id).integrityCheckedUtc;
    // Whatever happens below, the later tests get the original back.
    const auto putBack = qScopeGuard([&] {
        QFile out(m_artifact);
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            out.write(original);
    });
    for (int i = 0; i < 100; ++i) {
        QByteArray variant = original;
        QString what;
        QString key = m_keyFile;
        if (i == 90) {
            writeVariant(original);
            QCOMPARE(cli({QStringLiteral("verify"), QString::number(m_id), QStringLiteral("--identity"),
                          m_keyFile})
                         .exitCode,
                     0);
            QCOMPARE(record(m_id).integrityState, QStringLiteral("ok"));
            keptCheck = record(m_id).integrityCheckedUtc;
        }
        if (i < 60) { // bit flips anywhere: header, payload, last chunk
            const int flips = 1 + int(rng.bounded(3));
            for (int k = 0; k < flips; ++k) {
                const qint64 pos =
                    i < 5 ? qint64(rng.bounded(200)) : qint64(rng.bounded(quint32(variant.size())));
                variant[pos] = char(variant[pos] ^ char(1 << rng.bounded(8)));
            }
            what = QStringLiteral("bit flip");
        } else if (i < 80) { // truncations
            variant.truncate(qint64(rng.bounded(quint32(variant.size() - 1))));
            what = QStringLiteral("truncation");
        } else if (i < 90) { // two chunks swapped
            const qint64 a = 200 + qint64(rng.bounded(quint32(variant.size() / 2 - 1200)));
            const qint64 b = variant.size() / 2 + qint64(rng.bounded(quint32(variant.size() / 2 - 1100)));
            const QByteArray ca = variant.mid(a, 1024), cb = variant.mid(b, 1024);
            variant.replace(a, 1024, cb);
            variant.replace(b, 1024, ca);
            what = QStringLiteral("swapped chunk");
        } else { // the wrong key
            key = m_otherKeyFile;
            what = QStringLiteral("wrong key");
        }
        writeVariant(variant);
        ProcessResult r = cli({QStringLiteral("restore"), QString::number(m_id), QStringLiteral("--identity"),
                               key, QStringLiteral("--to-db"), QStringLiteral("corrupt_%1").arg(i)});
        QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("variant %1 (%2) was not refused: %3")
                                                 .arg(i)
                                                 .arg(what, r.errText() + r.outText())));
        QVERIFY2(r.errText().contains(QStringLiteral("backup %1").arg(m_id)), qPrintable(r.errText()));
        QVERIFY2(r.errText().contains(QLatin1String("failed")) ||
                     r.errText().contains(QLatin1String("cannot")),
                 qPrintable(r.errText()));
        // Damage the check proved is recorded against the backup, with its first problem; a wrong
        // key proves nothing about the backup. (A flip in the header's stanzas looks like a wrong
        // key to age, so the first five variants may go either way.)
        const ArtifactRecord after = record(m_id);
        if (i >= 90) {
            QCOMPARE(after.integrityState, QStringLiteral("ok"));
            QCOMPARE(after.integrityCheckedUtc, keptCheck);
        } else if (i >= 5 || after.integrityCheckedUtc != previousCheck) {
            QVERIFY2(after.integrityState == QLatin1String("failed"),
                     qPrintable(QStringLiteral("variant %1 (%2): %3 recorded as '%4'")
                                    .arg(i)
                                    .arg(what, r.errText(), after.integrityState)));
            QVERIFY2(r.errText().contains(after.integrityDetail), qPrintable(after.integrityDetail));
            QVERIFY(after.integrityCheckedUtc != previousCheck);
        }
        previousCheck = after.integrityCheckedUtc;
        if (i == 89) {
            const ProcessResult list = cli({QStringLiteral("list"), QStringLiteral("prod")});
            QVERIFY2(list.outText().contains(QLatin1String("DAMAGED")) &&
                         list.outText().contains(QStringLiteral("damaged: backup %1 (").arg(m_id)),
                     qPrintable(list.outText()));
            const ProcessResult status = cli({QStringLiteral("status"), QStringLiteral("prod")});
            QVERIFY2(status.exitCode >= 1, qPrintable(status.outText()));
            QVERIFY2(status.outText().contains(QStringLiteral("backup %1 (").arg(m_id)) &&
                         status.outText().contains(QLatin1String("failed its integrity check")),
                     qPrintable(status.outText()));
        }
        ++refused;
    }
    writeVariant(original);
    QCOMPARE(refused, 100);
    QCOMPARE(databases(), before); // nothing created, nothing dropped
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM sales.customers"), QStringLiteral("fixture")),
             QStringLiteral("1000"));
    QCOMPARE(cli({QStringLiteral("verify"), QString::number(m_id), QStringLiteral("--identity"), m_keyFile})
                 .exitCode,
             0);
    QCOMPARE(record(m_id).integrityState, QStringLiteral("ok"));
}

void TestRestore::cancelledRestoreDropsTheNewDatabase()
{
    // A bigger backup so the restore is still running when SIGTERM arrives.
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE big")).isNull());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE TABLE filler AS SELECT g AS id, repeat(md5(g::text), 6) AS t "
                                      "FROM generate_series(1, 600000) g; "
                                      "CREATE INDEX ON filler (t)"),
                       QStringLiteral("big"))
                 .isNull());
    const QString recipient =
        m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-y"), m_keyFile}).outText().trimmed();
    QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("big"),
                  QStringLiteral("--db"), m_pg.uri(QStringLiteral("big")), QStringLiteral("--dest"), m_dest,
                  QStringLiteral("--recipient"), recipient})
                 .exitCode,
             0);
    QCOMPARE(cli({QStringLiteral("backup"), QStringLiteral("big")}).exitCode, 0);
    const QJsonArray list =
        QJsonDocument::fromJson(
            cli({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("big")}).out)
            .array();
    const qint64 id = list.at(0).toObject().value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);
    m_bigId = id;

    QProcess restore;
    restore.setProcessEnvironment(m_pg.clientEnvironment());
    restore.start(cliPath(), {QStringLiteral("--config-dir"), m_config, QStringLiteral("restore"),
                              QString::number(id), QStringLiteral("--identity"), m_keyFile,
                              QStringLiteral("--to-db"), QStringLiteral("big_cancel")});
    QVERIFY(restore.waitForStarted());
    // Cancel once the new database exists and data is flowing into it.
    QTRY_VERIFY_WITH_TIMEOUT(databases().split(QLatin1Char(',')).contains(QStringLiteral("big_cancel")),
                             60000);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_pg.psql(QStringLiteral(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = 'big_cancel' AND query LIKE 'COPY%'")) ==
            QStringLiteral("1"),
        60000);
    ::kill(pid_t(restore.processId()), SIGTERM);
    QVERIFY(restore.waitForFinished(60000));
    QCOMPARE(restore.exitCode(), 130);
    QVERIFY(!databases().split(QLatin1Char(',')).contains(QStringLiteral("big_cancel")));
}

void TestRestore::cancelledReplacePutsTheOriginalBack()
{
    QVERIFY2(m_bigId > 0, "cancelledRestoreDropsTheNewDatabase makes the big backup");
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE precious_big")).isNull());
    QVERIFY(
        !m_pg.psql(QStringLiteral("CREATE TABLE keepme (id int PRIMARY KEY, note text); "
                                  "INSERT INTO keepme SELECT g, 'row ' || g FROM generate_series(1, 77) g"),
                   QStringLiteral("precious_big"))
             .isNull());

    QProcess restore;
    restore.setProcessEnvironment(m_pg.clientEnvironment());
    restore.start(cliPath(),
                  {QStringLiteral("--config-dir"), m_config, QStringLiteral("restore"),
                   QString::number(m_bigId), QStringLiteral("--identity"), m_keyFile,
                   QStringLiteral("--to-db"), QStringLiteral("precious_big"), QStringLiteral("--replace"),
                   QStringLiteral("--confirm"), QStringLiteral("precious_big")});
    QVERIFY(restore.waitForStarted());
    // Cancel once the safety backup is done, the original is dropped and the backup's data is
    // flowing into its replacement.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_pg.psql(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = 'precious_big' "
                                 "AND query LIKE 'COPY public.filler %FROM stdin%'")) == QStringLiteral("1"),
        90000);
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'keepme'"),
                       QStringLiteral("precious_big")),
             QStringLiteral("0")); // really replaced at this point
    ::kill(pid_t(restore.processId()), SIGTERM);
    QVERIFY(restore.waitForFinished(120000));
    const QString err = QString::fromUtf8(restore.readAllStandardError());
    QCOMPARE(restore.exitCode(), 130);
    QVERIFY2(err.contains(QLatin1String("was put back as it was from its safety backup")), qPrintable(err));

    // The original is back, whole, and nothing of the cancelled restore is left in it.
    QVERIFY(databases().split(QLatin1Char(',')).contains(QStringLiteral("precious_big")));
    QCOMPARE(
        m_pg.psql(QStringLiteral("SELECT count(*), sum(id) FROM keepme"), QStringLiteral("precious_big")),
        QStringLiteral("77|3003"));
    QCOMPARE(
        m_pg.psql(QStringLiteral("SELECT note FROM keepme WHERE id = 42"), QStringLiteral("precious_big")),
        QStringLiteral("row 42"));
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'filler'"),
                       QStringLiteral("precious_big")),
             QStringLiteral("0"));
}

void TestRestore::noRoomForTheJobsCopyFallsBackToStreaming()
{
    // A full temporary file system, through RestoreRequest's free-space fault seam: the restore
    // streams with one job instead, says so, and still restores everything.
    m_pg.exportClientEnvironment();
    const QString tmp = m_tmp.filePath(QStringLiteral("jobs-tmp"));
    QVERIFY(QDir().mkpath(tmp));
    QStringList probed;
    RestoreRequest request;
    request.artifactId = m_id;
    request.toDatabase = QStringLiteral("no_room");
    request.jobs = 2;
    request.secrets.identityFiles = {m_keyFile};
    request.tempFreeBytesProbe = [&probed](const QString &folder) {
        probed << folder;
        return qint64(64 * 1024);
    };
    const JobInfo finished = runRestoreJob(QStringLiteral("prod"), request, tmp);
    QVERIFY2(finished.state == JobInfo::State::Succeeded, qPrintable(finished.message));
    QCOMPARE(probed, QStringList{tmp});
    const QString outputs = finished.outputs.join(QLatin1Char('\n'));
    QVERIFY2(
        outputs.contains(QStringLiteral("note: restored as a stream with one job, not --jobs 2: %1 has 64.0 "
                                        "KiB free, the temporary copy needs")
                             .arg(tmp)),
        qPrintable(outputs));
    QVERIFY2(!outputs.contains(QLatin1String("MISMATCH")), qPrintable(outputs));
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM sales.orders"), QStringLiteral("no_room")),
             QStringLiteral("5000"));
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM \"données\".\"Ünïcødé tåble\""),
                       QStringLiteral("no_room")),
             QStringLiteral("250"));
    // No temporary copy was made.
    QCOMPARE(QDir(tmp).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

bool TestRestore::setUpSpyProfile()
{
    if (m_spyId)
        return true;
    const int serverMajor = m_pg.psql(QStringLiteral("SHOW server_version_num")).toInt() / 10000;
    auto real = PgToolFinder().find(QStringLiteral("pg_restore"), serverMajor);
    if (!real) {
        qWarning().noquote() << real.error().message;
        return false;
    }
    const QString tools = m_tmp.filePath(QStringLiteral("spy-tools"));
    m_spyLog = m_tmp.filePath(QStringLiteral("spy.log"));
    QDir().mkpath(tools);
    // The restore's call names the archive last when it has --jobs; the size is what pg_restore
    // is about to read.
    QFile spy(tools + QStringLiteral("/pg_restore"));
    const QByteArray script = "#!/bin/sh\n"
                              "for a in \"$@\"; do last=$a; done\n"
                              "case \"$*\" in\n"
                              "  *--jobs=*) echo \"jobs $(stat -c %s \"$last\")\" >> '" +
                              QFile::encodeName(m_spyLog) + "'; cp \"$last\" '" +
                              QFile::encodeName(m_spyLog) +
                              ".dump' ;;\n"
                              "  *--dbname=*) echo stream >> '" +
                              QFile::encodeName(m_spyLog) +
                              "' ;;\n"
                              "esac\n"
                              "exec '" +
                              QFile::encodeName(real->path) + "' \"$@\"\n";
    if (!spy.open(QIODevice::WriteOnly) || spy.write(script) != script.size())
        return false;
    spy.close();
    spy.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                       QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    const QString recipient =
        m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-y"), m_keyFile}).outText().trimmed();
    ProcessResult add =
        cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("spy"), QStringLiteral("--db"),
             m_pg.uri(QStringLiteral("fixture")), QStringLiteral("--dest"), m_dest,
             QStringLiteral("--recipient"), recipient, QStringLiteral("--tool-dir"), tools});
    if (add.exitCode != 0 || cli({QStringLiteral("backup"), QStringLiteral("spy")}).exitCode != 0)
        return false;
    const QJsonArray list =
        QJsonDocument::fromJson(
            cli({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("spy")}).out)
            .array();
    m_spyId = list.isEmpty() ? 0 : list.at(0).toObject().value(QLatin1String("id")).toInteger();
    // The archive's size, as the integrity check counts it decoding the backup.
    ProcessResult verified =
        cli({QStringLiteral("verify"), QString::number(m_spyId), QStringLiteral("--identity"), m_keyFile});
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("ok \\((\\d+) bytes of pg_dump archive\\)"))
            .match(verified.outText());
    m_spyArchiveBytes = m.hasMatch() ? m.captured(1).toLongLong() : 0;
    return m_spyId > 0 && m_spyArchiveBytes > 0;
}

void TestRestore::jobsCopyIsReservedAndExact_data()
{
    // How reserving room for the --jobs temporary copy goes (RestoreRequest's fault seam; "real"
    // leaves it unset: fallocate), and whether the restore then runs pg_restore --jobs.
    QTest::addColumn<QString>("reserve");
    QTest::addColumn<bool>("parallel");
    QTest::addColumn<QString>("note");
    QTest::newRow("real") << QStringLiteral("real") << true << QString();
    QTest::newRow("more than the pass writes") << QStringLiteral("more") << true << QString();
    QTest::newRow("file system cannot reserve") << QStringLiteral("EOPNOTSUPP") << true << QString();
    QTest::newRow("no room") << QStringLiteral("ENOSPC") << false
                             << QStringLiteral("%1 has no room for it: reserving ");
    QTest::newRow("over quota") << QStringLiteral("EDQUOT") << false
                                << QStringLiteral("%1 has no room for it: reserving ");
}

void TestRestore::jobsCopyIsReservedAndExact()
{
    QFETCH(QString, reserve);
    QFETCH(bool, parallel);
    QFETCH(QString, note);
    QVERIFY(setUpSpyProfile());
    QFile::remove(m_spyLog);
    m_pg.exportClientEnvironment();
    const QString tmp = m_tmp.filePath(QStringLiteral("reserve-") + reserve);
    QVERIFY(QDir().mkpath(tmp));
    const QString database = QStringLiteral("reserved_") + reserve.toLower();
    QList<qint64> asked; // the bytes the job asked to reserve
    RestoreRequest request;
    request.artifactId = m_spyId;
    request.toDatabase = database;
    request.jobs = 2;
    request.secrets.identityFiles = {m_keyFile};
    if (reserve != QLatin1String("real"))
        request.tempReserve = [&asked, reserve](int fd, qint64 bytes) {
            asked << bytes;
            if (reserve == QLatin1String("more")) // a reservation beyond the archive's end
                return ::fallocate(fd, 0, 0, off_t(bytes + (qint64(1) << 20))) == 0 ? 0 : errno;
            return reserve == QLatin1String("ENOSPC")   ? ENOSPC
                   : reserve == QLatin1String("EDQUOT") ? EDQUOT
                                                        : EOPNOTSUPP;
        };
    const JobInfo finished = runRestoreJob(QStringLiteral("spy"), request, tmp);
    QVERIFY2(finished.state == JobInfo::State::Succeeded, qPrintable(finished.message));
    const QString outputs = finished.outputs.join(QLatin1Char('\n'));
    QVERIFY2(!outputs.contains(QLatin1String("MISMATCH")), qPrintable(outputs));
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM sales.orders"), database),
             QStringLiteral("5000"));
    if (reserve != QLatin1String("real"))
        QCOMPARE(asked, QList<qint64>{m_spyArchiveBytes}); // the whole archive, once
    QFile log(m_spyLog);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QString seen = QString::fromUtf8(log.readAll()).trimmed();
    if (parallel) {
        // pg_restore --jobs read a copy exactly as long as the archive, whatever was reserved.
        QCOMPARE(seen, QStringLiteral("jobs %1").arg(m_spyArchiveBytes));
        QVERIFY2(!outputs.contains(QLatin1String("note:")), qPrintable(outputs));
        // ... with every data offset in its table of contents filled in, pointing at the entry's
        // data block, as pg_dump writes them to a file (the backup's archive went through a pipe).
        QFile copy(m_spyLog + QStringLiteral(".dump"));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        ArchiveScanner scanned;
        scanned.feed(copy.readAll());
        QVERIFY(scanned.finish().ok());
        int withData = 0;
        for (const ArchiveTocEntry &e : scanned.entries()) {
            if (!e.expectsData)
                continue;
            ++withData;
            QCOMPARE(e.tocDataState, 2);
            QCOMPARE(e.tocDataOffset, e.dataOffset);
        }
        QVERIFY(withData > 3);
        copy.remove();
    } else {
        QCOMPARE(seen, QStringLiteral("stream"));
        QVERIFY2(outputs.contains(QStringLiteral("note: restored as a stream with one job, not --jobs 2: ") +
                                  note.arg(tmp)),
                 qPrintable(outputs));
    }
    // The temporary copy is gone either way.
    QCOMPARE(QDir(tmp).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

void TestRestore::deepVerification()
{
    if (::geteuid() == 0) {
        ProcessResult r = cli({QStringLiteral("verify"), QString::number(m_id), QStringLiteral("--restore"),
                               QStringLiteral("--identity"), m_keyFile});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(QLatin1String("as root")) &&
                     r.errText().contains(QLatin1String("--target")),
                 qPrintable(r.errText()));
    } else {
        ProcessResult r = cli({QStringLiteral("verify"), QString::number(m_id), QStringLiteral("--restore"),
                               QStringLiteral("--identity"), m_keyFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText() + r.outText()));
        QVERIFY(r.outText().contains(QLatin1String("verified:")));
        QVERIFY(r.outText().contains(QStringLiteral("ok       données.Ünïcødé tåble: 250 rows")));
    }
    // Into a scratch database on a server we name: the scratch database is dropped afterwards.
    const QString before = databases();
    ProcessResult scratch =
        cli({QStringLiteral("verify"), QString::number(m_id), QStringLiteral("--restore"),
             QStringLiteral("--target"), m_pg.uri(), QStringLiteral("--identity"), m_keyFile});
    QVERIFY2(scratch.exitCode == 0, qPrintable(scratch.errText() + scratch.outText()));
    QVERIFY(scratch.outText().contains(QLatin1String("restore took")));
    QCOMPARE(databases(), before);
    QJsonObject row;
    for (const QJsonValue &v :
         QJsonDocument::fromJson(
             cli({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("prod")}).out)
             .array()) {
        if (v.toObject().value(QLatin1String("id")).toInteger() == m_id)
            row = v.toObject();
    }
    QCOMPARE(row.value(QLatin1String("verified")).toBool(), true);
}

void TestRestore::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown id") << QStringList{QStringLiteral("restore"), QStringLiteral("9999")} << 1
                                << QStringLiteral("there is no backup with id 9999");
    QTest::newRow("not an id") << QStringList{QStringLiteral("verify"), QStringLiteral("latest")} << 2
                               << QStringLiteral("'latest' is not a backup ID");
    QTest::newRow("no key") << QStringList{QStringLiteral("verify"), QStringLiteral("1")} << 1
                            << QStringLiteral("is encrypted and no key was given");
    QTest::newRow("replace without confirm")
        << QStringList{QStringLiteral("restore"), QStringLiteral("1"), QStringLiteral("--to-db"),
                       QStringLiteral("x"), QStringLiteral("--replace")}
        << 2 << QStringLiteral("--replace needs --confirm");
    QTest::newRow("corrupt identity file")
        << QStringList{QStringLiteral("verify"), QStringLiteral("1"), QStringLiteral("--identity"),
                       QStringLiteral("@CORRUPT@")}
        << 2 << QStringLiteral("@CORRUPT@");
}

void TestRestore::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const QString corrupt = m_tmp.filePath(QStringLiteral("corrupt-identity.txt"));
    {
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# created: today\nAGE-SECRET-KEY-1NOTAKEY\n");
    }
    args.replaceInStrings(QStringLiteral("@CORRUPT@"), corrupt);
    expected.replace(QStringLiteral("@CORRUPT@"), corrupt);
    args.replaceInStrings(QRegularExpression(QStringLiteral("^1$")), QString::number(m_id));
    const QString before = databases();
    ProcessResult r = cli(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.errText().contains(expected), qPrintable(r.errText()));
    QCOMPARE(r.errText().trimmed().count(QLatin1Char('\n')), 0);
    QCOMPARE(databases(), before);
}

void TestRestore::runbookHasTheCommands()
{
    const QString out = m_tmp.filePath(QStringLiteral("runbook.md"));
    ProcessResult r = cli({QStringLiteral("runbook"), QStringLiteral("prod"), QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(f.readAll());
    QVERIFY(md.contains(QLatin1String("# Disaster-recovery runbook: prod")));
    QVERIFY(md.contains(
        QStringLiteral("age -d -i KEY_FILE '%1' | zstd -d | pg_restore --no-owner -d 'fixture_restored'")
            .arg(m_artifact)));
    QVERIFY(md.contains(QLatin1String("SELECT count(*) FROM ONLY \"sales\".\"customers\";  -- expect 1000")));
    QVERIFY(md.contains(QLatin1String("sha256sum -c")));
    // The runbook's own commands work: follow them with the real tools.
    const QString sha = md.section(QStringLiteral("echo '"), 1).section(QLatin1Char('\''), 0, 0);
    ProcessResult check = m_run.shell(QStringLiteral("echo '%1' | sha256sum -c -").arg(sha));
    QVERIFY2(check.exitCode == 0, qPrintable(check.errText() + check.outText()));
    // Refuses to overwrite without --force.
    ProcessResult again =
        cli({QStringLiteral("runbook"), QStringLiteral("prod"), QStringLiteral("--out"), out});
    QCOMPARE(again.exitCode, 2);
    QVERIFY(again.errText().contains(QLatin1String("--force")));
}

void TestRestore::verifyAfterBackupSaysWhatItCouldNotDo()
{
    // Encrypted to a recipient whose identity is not in this machine's keychain: the backup
    // succeeds, and says plainly that it could not be verified automatically.
    const QString recipient =
        m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-y"), m_keyFile}).outText().trimmed();
    QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("auto"),
                  QStringLiteral("--db"), m_pg.uri(QStringLiteral("fixture")), QStringLiteral("--dest"),
                  m_dest, QStringLiteral("--recipient"), recipient, QStringLiteral("--verify-after-backup")})
                 .exitCode,
             0);
    ProcessResult r = cli({QStringLiteral("backup"), QStringLiteral("auto")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
    QVERIFY2(r.outText().contains(QLatin1String(
                 "not verified: the new backup was not verified: its age identity is not in this keychain")),
             qPrintable(r.outText()));
    const QJsonArray list =
        QJsonDocument::fromJson(
            cli({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("auto")}).out)
            .array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QLatin1String("verified")).toBool(), false);
}

QTEST_GUILESS_MAIN(TestRestore)
#include "TestRestore.moc"
