// End-to-end backups through lifeboat-cli against a real PostgreSQL, proven with peer programs:
// `age -d | zstd -d | pg_restore` restores the artifact without Lifeboat, and every table's row
// count in the restored database equals the manifest's (which equals the source's).

#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "core/Manifest.h"
#include "support/PgTestCluster.h"
#include "support/ProcessRunner.h"
#include "support/TestPeers.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <unistd.h>

using namespace lifeboat;
using namespace lifeboat::test;

class TestBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void backupRestoresWithPeerTools();
    void unencryptedBackupIsStandardZstd();
    void databaseNamesWithSpacesQuotesAndUnicode();
    void allDatabasesWithPatterns();
    void dryRunWritesNothing();
    void secondRunOfSameProfileIsRefused();
    void killedBackupLeavesNothingThatLooksLikeABackup();
    void cancelledBackupLeavesNothing();
    void badInput_data();
    void badInput();
    void fullDestinationLeavesNoPartialFile();
    void passwordsComeFromPgpassLikePsql();
    void profileExportImportRoundTrip();

private:
    QString newConfigDir();
    QString newDestDir();
    QStringList backupFiles(const QString &dir) const;
    QStringList allFiles(const QString &dir) const;
    Manifest readManifest(const QString &path);
    QMap<QString, qint64> sourceRowCounts(const QString &database);

    PgTestCluster m_pg;
    QTemporaryDir m_tmp;
    ProcessRunner m_run;
    QString m_keyFile;
    QString m_recipient;
    int m_counter = 0;
};

QString TestBackup::newConfigDir()
{
    const QString dir = m_tmp.filePath(QStringLiteral("config-%1").arg(++m_counter));
    QDir().mkpath(dir);
    return dir;
}

QString TestBackup::newDestDir()
{
    const QString dir = m_tmp.filePath(QStringLiteral("dest-%1").arg(++m_counter));
    QDir().mkpath(dir);
    return dir;
}

QStringList TestBackup::allFiles(const QString &dir) const
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

// Files that look like a backup: visible and named *.dump.zst[.age].
QStringList TestBackup::backupFiles(const QString &dir) const
{
    QStringList out;
    for (const QString &f : allFiles(dir)) {
        const QString name = f.section(QLatin1Char('/'), -1);
        if (!name.startsWith(QLatin1Char('.')) && name.contains(QLatin1String(".dump.zst")))
            out << f;
    }
    return out;
}

Manifest TestBackup::readManifest(const QString &path)
{
    QByteArray json;
    if (path.endsWith(QLatin1String(".age"))) {
        const ProcessResult r =
            m_run.run(QStringLiteral("age"), {QStringLiteral("-d"), QStringLiteral("-i"), m_keyFile, path});
        if (r.exitCode != 0)
            qWarning() << "age -d failed on the manifest:" << r.errText();
        json = r.out;
    } else {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            json = f.readAll();
    }
    auto m = Manifest::fromJsonBytes(json);
    if (!m) {
        qWarning() << m.error().message;
        return {};
    }
    return *m;
}

QMap<QString, qint64> TestBackup::sourceRowCounts(const QString &database)
{
    // Every ordinary table and leaf partition with its exact row count.
    const QString tables = m_pg.psql(
        QStringLiteral(
            "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
            "c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog','information_schema') ORDER BY 1"),
        database);
    QMap<QString, qint64> counts;
    for (const QString &qualified : tables.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString schema = qualified.section(QLatin1Char('.'), 0, 0);
        const QString table = qualified.section(QLatin1Char('.'), 1);
        const QString sql = QStringLiteral("SELECT count(*) FROM \"%1\".\"%2\"").arg(schema, table);
        counts.insert(qualified, m_pg.psql(sql, database).toLongLong());
    }
    return counts;
}

void TestBackup::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
    m_run.setEnvironment(m_pg.clientEnvironment());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE fixture")).isNull());
    QVERIFY2(
        m_pg.psqlFile(sourceDir() + QStringLiteral("/tests/data/fixture.sql"), QStringLiteral("fixture")),
        qPrintable(m_pg.lastPsqlError()));
    m_keyFile = m_tmp.filePath(QStringLiteral("key.txt"));
    ProcessResult keygen = m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-o"), m_keyFile});
    QCOMPARE(keygen.exitCode, 0);
    ProcessResult pub = m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-y"), m_keyFile});
    QCOMPARE(pub.exitCode, 0);
    m_recipient = pub.outText().trimmed();
    QVERIFY(m_recipient.startsWith(QLatin1String("age1")));
}

void TestBackup::backupRestoresWithPeerTools()
{
    const QString config = newConfigDir();
    const QString dest = newDestDir();
    ProcessResult add = m_run.cli(
        config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("main"),
                 QStringLiteral("--db"), m_pg.uri(QStringLiteral("fixture")), QStringLiteral("--dest"), dest,
                 QStringLiteral("--recipient"), m_recipient, QStringLiteral("--globals")});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));

    ProcessResult backup = m_run.cli(config, {QStringLiteral("backup"), QStringLiteral("main")});
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText()));
    const QString artifact = backup.outText().trimmed();
    QVERIFY2(artifact.endsWith(QLatin1String(".dump.zst.age")), qPrintable(artifact));
    QVERIFY(QFile::exists(artifact));
    QCOMPARE(backupFiles(dest), QStringList{artifact});
    // Layout: <dest>/<profile>/<db>/<db>_<UTC stamp>.dump.zst.age, manifest and globals beside it.
    const QRegularExpression layout(
        QRegularExpression::escape(dest) +
        QStringLiteral("/main/fixture/fixture_\\d{8}T\\d{6}Z\\.dump\\.zst\\.age$"));
    QVERIFY2(layout.match(artifact).hasMatch(), qPrintable(artifact));
    const QString base = artifact.chopped(int(qstrlen(".dump.zst.age")));
    QVERIFY(QFile::exists(base + QStringLiteral(".manifest.json.age")));
    QVERIFY(QFile::exists(base + QStringLiteral(".globals.sql.zst.age")));
    QCOMPARE(QFile(artifact).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    // The manifest is encrypted too, and describes the artifact exactly.
    const Manifest manifest = readManifest(base + QStringLiteral(".manifest.json.age"));
    QCOMPARE(manifest.database, QStringLiteral("fixture"));
    QCOMPARE(manifest.encryption, QStringLiteral("x25519"));
    QCOMPARE(manifest.zstdFrameBytes, qint64(32) << 20); // a series of 32 MiB frames (one, here)
    QCOMPARE(manifest.storedBytes, QFileInfo(artifact).size());
    ProcessResult sha = m_run.run(QStringLiteral("sha256sum"), {artifact});
    QCOMPARE(sha.outText().section(QLatin1Char(' '), 0, 0), manifest.sha256);
    QCOMPARE(manifest.largeObjects, qint64(2));
    QStringList extensions;
    for (const auto &e : manifest.extensions)
        extensions << e.name;
    QVERIFY(extensions.contains(QStringLiteral("citext")));
    QVERIFY(extensions.contains(QStringLiteral("pgcrypto")));

    // Exact row counts: manifest == source, table by table.
    const QMap<QString, qint64> source = sourceRowCounts(QStringLiteral("fixture"));
    QMap<QString, qint64> inManifest;
    for (const auto &t : manifest.tables)
        inManifest.insert(t.schema + QLatin1Char('.') + t.name, t.rows);
    QCOMPARE(inManifest, source);
    QCOMPARE(inManifest.value(QStringLiteral("données.Ünïcødé tåble")), qint64(250));
    QCOMPARE(inManifest.value(QStringLiteral("sales.orders_2025")) +
                 inManifest.value(QStringLiteral("sales.orders_2026")),
             qint64(5000));
    QCOMPARE(inManifest.value(QStringLiteral("public.empty_table")), qint64(0));

    // Restore without Lifeboat, exactly as the README says.
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE peer_restore")).isNull());
    ProcessResult restore = m_run.shell(
        QStringLiteral("age -d -i %1 %2 | zstd -d | %3/pg_restore --exit-on-error -d peer_restore")
            .arg(ProcessRunner::quote(m_keyFile), ProcessRunner::quote(artifact), m_pg.binDir()));
    QVERIFY2(restore.exitCode == 0, qPrintable(restore.errText()));
    QCOMPARE(sourceRowCounts(QStringLiteral("peer_restore")), inManifest);
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM pg_largeobject_metadata"),
                       QStringLiteral("peer_restore")),
             QStringLiteral("2"));
    QCOMPARE(
        m_pg.psql(QStringLiteral("SELECT count(*) FROM sales.order_totals"), QStringLiteral("peer_restore")),
        m_pg.psql(QStringLiteral("SELECT count(*) FROM sales.order_totals"), QStringLiteral("fixture")));
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT last_value FROM public.invoice_numbers"),
                       QStringLiteral("peer_restore")),
             QStringLiteral("1234"));
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT md5(string_agg(note, '|' ORDER BY id)) FROM sales.orders"),
                       QStringLiteral("peer_restore")),
             m_pg.psql(QStringLiteral("SELECT md5(string_agg(note, '|' ORDER BY id)) FROM sales.orders"),
                       QStringLiteral("fixture")));
    // The globals artifact is plain SQL under zstd and age.
    ProcessResult globals =
        m_run.shell(QStringLiteral("age -d -i %1 %2 | zstd -d")
                        .arg(ProcessRunner::quote(m_keyFile),
                             ProcessRunner::quote(base + QStringLiteral(".globals.sql.zst.age"))));
    QCOMPARE(globals.exitCode, 0);
    QVERIFY(globals.outText().contains(QLatin1String("CREATE ROLE postgres")));

    // The catalog knows it: `list --json` shows id, size, SHA-256, not yet verified.
    ProcessResult list =
        m_run.cli(config, {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("main")});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("sha256")).toString(), manifest.sha256);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("storedBytes")).toInteger(), manifest.storedBytes);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("verified")).toBool(), false);

    // The run record keeps what was stored (the History view's size), not the dump's size.
    auto catalog = Catalog::open(ConfigPaths(config).catalogPath());
    QVERIFY(catalog);
    auto runs = (*catalog)->runs(QStringLiteral("main"));
    QVERIFY(runs && runs->size() == 1);
    QCOMPARE(runs->first().bytes, manifest.storedBytes);
    QVERIFY(manifest.storedBytes < manifest.dumpBytes);
}

void TestBackup::unencryptedBackupIsStandardZstd()
{
    const QString config = newConfigDir();
    const QString dest = newDestDir();
    ProcessResult add = m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("add"),
                                           QStringLiteral("plain"), QStringLiteral("--db"),
                                           m_pg.uri(QStringLiteral("fixture")), QStringLiteral("--dest"),
                                           dest, QStringLiteral("--zstd-level"), QStringLiteral("9")});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    QVERIFY2(add.errText().contains(QLatin1String("does not encrypt")), qPrintable(add.errText()));
    // Small frames, so this small database gives a series of them (backups write 32 MiB frames).
    ProcessRunner smallFrames = m_run;
    QProcessEnvironment env = m_run.environment();
    env.insert(QStringLiteral("LIFEBOAT_ZSTD_FRAME_BYTES"), QStringLiteral("65536"));
    smallFrames.setEnvironment(env);
    ProcessResult backup = smallFrames.cli(config, {QStringLiteral("backup"), QStringLiteral("plain")});
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText()));
    const QString artifact = backup.outText().trimmed();
    QVERIFY(artifact.endsWith(QLatin1String(".dump.zst")));
    // zstd -t checks every frame's content checksum.
    ProcessResult test = m_run.run(QStringLiteral("zstd"), {QStringLiteral("-t"), artifact});
    QVERIFY2(test.exitCode == 0, qPrintable(test.errText()));
    // `zstd -l`: a table with the number of frames first.
    ProcessResult listed = m_run.run(QStringLiteral("zstd"), {QStringLiteral("-l"), artifact});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.errText()));
    const int frames = listed.outText()
                           .split(QLatin1Char('\n'))
                           .value(1)
                           .simplified()
                           .section(QLatin1Char(' '), 0, 0)
                           .toInt();
    QVERIFY2(frames > 3, qPrintable(listed.outText()));
    const QString plainDump = m_tmp.filePath(QStringLiteral("plain.dump"));
    ProcessResult toc =
        m_run.shell(QStringLiteral("zstd -dc %1 > %3 && %2/pg_restore -l %3")
                        .arg(ProcessRunner::quote(artifact), m_pg.binDir(), ProcessRunner::quote(plainDump)));
    QVERIFY2(toc.exitCode == 0, qPrintable(toc.errText()));
    QVERIFY(toc.outText().contains(QLatin1String("TABLE DATA sales orders_2025")));
    const Manifest manifest =
        readManifest(artifact.chopped(int(qstrlen(".dump.zst"))) + QStringLiteral(".manifest.json"));
    QCOMPARE(manifest.encryption, QStringLiteral("none"));
    QCOMPARE(manifest.zstdLevel, 9);
    QCOMPARE(manifest.zstdFrameBytes, qint64(65536));
    QVERIFY(manifest.dumpBytes > qint64(frames - 1) * 65536);
    QVERIFY(manifest.dumpBytes <= qint64(frames) * 65536);

    // Lifeboat's own check decodes the frames in parallel (TestRestore damages them).
    const QJsonArray rows =
        QJsonDocument::fromJson(
            m_run.cli(config, {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("plain")})
                .out)
            .array();
    QCOMPARE(rows.size(), 1);
    ProcessResult verified =
        m_run.cli(config, {QStringLiteral("verify"),
                           QString::number(rows.at(0).toObject().value(QLatin1String("id")).toInteger())});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.errText() + verified.outText()));
}

void TestBackup::databaseNamesWithSpacesQuotesAndUnicode()
{
    const QString weird = QStringLiteral("it's a \"db\" ünïcødé ☃");
    QString quoted = weird;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE \"%1\"").arg(quoted)).isNull());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE TABLE t (x int); INSERT INTO t SELECT generate_series(1, 77);"),
                       weird)
                 .isNull());
    const QString config = newConfigDir();
    const QString dest = newDestDir();
    ProcessResult add =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("weird"),
                           QStringLiteral("--db"), m_pg.uri(), QStringLiteral("--database"), weird,
                           QStringLiteral("--dest"), dest, QStringLiteral("--recipient"), m_recipient});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    ProcessResult backup = m_run.cli(config, {QStringLiteral("backup"), QStringLiteral("weird")});
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText()));
    const QString artifact = backup.outText().trimmed();
    QVERIFY2(artifact.contains(weird), qPrintable(artifact));
    const Manifest manifest =
        readManifest(artifact.chopped(int(qstrlen(".dump.zst.age"))) + QStringLiteral(".manifest.json.age"));
    QCOMPARE(manifest.database, weird);
    QCOMPARE(manifest.tables.size(), 1);
    QCOMPARE(manifest.tables.first().rows, qint64(77));
}

void TestBackup::allDatabasesWithPatterns()
{
    for (const char *db : {"app_one", "app_two", "scratch"})
        QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE %1").arg(QLatin1String(db))).isNull());
    const QString config = newConfigDir();
    const QString dest = newDestDir();
    ProcessResult add = m_run.cli(
        config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("apps"),
                 QStringLiteral("--db"), m_pg.uri(), QStringLiteral("--all-databases"),
                 QStringLiteral("--include"), QStringLiteral("app_*"), QStringLiteral("--include"),
                 QStringLiteral("nothing_matches_*"), QStringLiteral("--exclude"), QStringLiteral("*_two"),
                 QStringLiteral("--dest"), dest, QStringLiteral("--recipient"), m_recipient});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    ProcessResult dry =
        m_run.cli(config, {QStringLiteral("backup"), QStringLiteral("apps"), QStringLiteral("--dry-run")});
    QVERIFY2(dry.exitCode == 0, qPrintable(dry.errText()));
    QVERIFY2(dry.outText().contains(QLatin1String("include pattern 'nothing_matches_*' matches no database")),
             qPrintable(dry.outText()));
    ProcessResult backup = m_run.cli(config, {QStringLiteral("backup"), QStringLiteral("apps")});
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText()));
    const QStringList files = backupFiles(dest);
    QCOMPARE(files.size(), 1);
    QVERIFY(files.first().contains(QLatin1String("/apps/app_one/app_one_")));
}

void TestBackup::dryRunWritesNothing()
{
    const QString config = newConfigDir();
    const QString dest = newDestDir();
    ProcessResult add =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("dry"),
                           QStringLiteral("--db"), m_pg.uri(QStringLiteral("fixture")),
                           QStringLiteral("--dest"), dest, QStringLiteral("--recipient"), m_recipient});
    QCOMPARE(add.exitCode, 0);
    ProcessResult dry =
        m_run.cli(config, {QStringLiteral("backup"), QStringLiteral("dry"), QStringLiteral("--dry-run")});
    QVERIFY2(dry.exitCode == 0, qPrintable(dry.errText()));
    QVERIFY(dry.outText().contains(QLatin1String("would back up database 'fixture'")));
    QVERIFY(dry.outText().contains(QLatin1String("/pg_dump (15.")) ||
            dry.outText().contains(QLatin1String("/pg_dump (1")));
    QVERIFY(dry.outText().contains(dest));
    QCOMPARE(allFiles(dest), QStringList());
    ProcessResult list =
        m_run.cli(config, {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("dry")});
    QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 0);
}

void TestBackup::secondRunOfSameProfileIsRefused()
{
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE big")).isNull());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE TABLE filler AS SELECT g AS id, repeat(md5(g::text), 8) AS t "
                                      "FROM generate_series(1, 400000) g"),
                       QStringLiteral("big"))
                 .isNull());
    const QString config = newConfigDir();
    const QString dest = newDestDir();
    QCOMPARE(m_run
                 .cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("big"),
                               QStringLiteral("--db"), m_pg.uri(QStringLiteral("big")),
                               QStringLiteral("--dest"), dest, QStringLiteral("--recipient"), m_recipient,
                               QStringLiteral("--zstd-level"), QStringLiteral("12")})
                 .exitCode,
             0);
    QProcess first;
    first.setProcessEnvironment(m_pg.clientEnvironment());
    first.start(cliPath(),
                {QStringLiteral("--config-dir"), config, QStringLiteral("backup"), QStringLiteral("big")});
    QVERIFY(first.waitForStarted());
    // Wait until the first run holds the lock (its run is recorded as running).
    QTRY_VERIFY_WITH_TIMEOUT(
        m_run.cli(config, {QStringLiteral("list"), QStringLiteral("big")}).exitCode == 0 &&
            !m_pg.psql(QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE application_name = "
                                      "'pg_dump' OR query LIKE 'COPY%'"))
                 .isEmpty(),
        20000);
    ProcessResult second = m_run.cli(config, {QStringLiteral("backup"), QStringLiteral("big")});
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.errText().contains(QLatin1String("is already running")), qPrintable(second.errText()));
    QVERIFY(first.waitForFinished(120000));
    QCOMPARE(first.exitCode(), 0);
    QCOMPARE(backupFiles(dest).size(), 1);
}

void TestBackup::killedBackupLeavesNothingThatLooksLikeABackup()
{
    const QString config = newConfigDir();
    const QString dest = newDestDir();
    QCOMPARE(m_run
                 .cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("kill"),
                               QStringLiteral("--db"), m_pg.uri(QStringLiteral("big")),
                               QStringLiteral("--dest"), dest, QStringLiteral("--recipient"), m_recipient,
                               QStringLiteral("--zstd-level"), QStringLiteral("12")})
                 .exitCode,
             0);
    // How long a full run takes, so the kill lands somewhere inside it.
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(m_run.cli(config, {QStringLiteral("backup"), QStringLiteral("kill")}).exitCode, 0);
    const qint64 fullMs = timer.elapsed();
    QCOMPARE(backupFiles(dest).size(), 1);
    const QStringList before = backupFiles(dest);

    for (int attempt = 0; attempt < 3; ++attempt) {
        QProcess victim;
        victim.setProcessEnvironment(m_pg.clientEnvironment());
        victim.start(cliPath(), {QStringLiteral("--config-dir"), config, QStringLiteral("backup"),
                                 QStringLiteral("kill")});
        QVERIFY(victim.waitForStarted());
        const int delay = 20 + int(QRandomGenerator::global()->bounded(qMax<qint64>(50, fullMs * 8 / 10)));
        qInfo() << "killing the backup after" << delay << "ms of about" << fullMs << "ms";
        QThread::msleep(delay);
        ::kill(pid_t(victim.processId()), SIGKILL);
        QVERIFY(victim.waitForFinished(30000));
        if (victim.exitStatus() == QProcess::NormalExit && victim.exitCode() == 0)
            continue; // finished before the kill: nothing to check this time
        // Nothing new that looks like a backup; only hidden partial files may remain.
        QTRY_COMPARE_WITH_TIMEOUT(backupFiles(dest), before, 10000);
        // The next start marks the run interrupted and removes the partial files; the next run succeeds.
        ProcessResult next = m_run.cli(config, {QStringLiteral("backup"), QStringLiteral("kill")});
        QVERIFY2(next.exitCode == 0, qPrintable(next.errText()));
        QCOMPARE(backupFiles(dest).size(), before.size() + 1);
        for (const QString &f : allFiles(dest))
            QVERIFY2(!f.contains(QLatin1String(".lifeboat-partial-")), qPrintable(f));
        ProcessResult list =
            m_run.cli(config, {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("kill")});
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), before.size() + 1);
        const QString states =
            m_run
                .shell(QStringLiteral("sqlite3 -version >/dev/null 2>&1 && sqlite3 %1 'select state from "
                                      "runs order by id' || echo no-sqlite3")
                           .arg(ProcessRunner::quote(config + QStringLiteral("/catalog.sqlite"))))
                .outText();
        if (!states.contains(QLatin1String("no-sqlite3")))
            QVERIFY2(states.contains(QLatin1String("interrupted")), qPrintable(states));
        return;
    }
    QFAIL("the backup finished before every kill; the database is too small to test this");
}

void TestBackup::cancelledBackupLeavesNothing()
{
    const QString config = newConfigDir();
    const QString dest = newDestDir();
    QCOMPARE(m_run
                 .cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("cancel"),
                               QStringLiteral("--db"), m_pg.uri(QStringLiteral("big")),
                               QStringLiteral("--dest"), dest, QStringLiteral("--recipient"), m_recipient,
                               QStringLiteral("--zstd-level"), QStringLiteral("15")})
                 .exitCode,
             0);
    QProcess victim;
    victim.setProcessEnvironment(m_pg.clientEnvironment());
    victim.start(cliPath(), {QStringLiteral("--config-dir"), config, QStringLiteral("backup"),
                             QStringLiteral("cancel")});
    QVERIFY(victim.waitForStarted());
    // Cancel once data is flowing (a hidden partial file exists).
    QTRY_VERIFY_WITH_TIMEOUT(!allFiles(dest).isEmpty(), 20000);
    ::kill(pid_t(victim.processId()), SIGTERM);
    QVERIFY(victim.waitForFinished(30000));
    QCOMPARE(victim.exitStatus(), QProcess::NormalExit);
    QCOMPARE(victim.exitCode(), 130);
    QVERIFY(QString::fromUtf8(victim.readAllStandardError()).contains(QLatin1String("cancelled")));
    QCOMPARE(allFiles(dest), QStringList()); // not even the partial file
    // No pg_dump left behind.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_pg.psql(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = 'big'")),
        QStringLiteral("0"), 10000);
}

void TestBackup::badInput_data()
{
    QTest::addColumn<QStringList>("addArgs");
    QTest::addColumn<int>("addExit");
    QTest::addColumn<int>("backupExit");
    QTest::addColumn<QString>("expected");

    const int closedPort = PgTestCluster::freePort();
    const QString dest = m_tmp.filePath(QStringLiteral("bad-dest"));
    QDir().mkpath(dest);
    QTest::newRow("unreachable host")
        << QStringList{QStringLiteral("--db"),
                       QStringLiteral("postgresql://postgres@127.0.0.1:%1/fixture").arg(closedPort),
                       QStringLiteral("--dest"), dest}
        << 0 << 1 << QStringLiteral("cannot reach PostgreSQL at postgres@127.0.0.1:%1").arg(closedPort);
    QTest::newRow("missing database")
        << QStringList{QStringLiteral("--db"), m_pg.uri(QStringLiteral("no_such_db")),
                       QStringLiteral("--dest"), dest}
        << 0 << 1 << QStringLiteral("database 'no_such_db' does not exist");
    QTest::newRow("destination missing")
        << QStringList{QStringLiteral("--db"), m_pg.uri(QStringLiteral("fixture")), QStringLiteral("--dest"),
                       dest + QStringLiteral("/not/there")}
        << 0 << 1 << QStringLiteral("does not exist: create it");
    QTest::newRow("destination not writable")
        << QStringList{QStringLiteral("--db"), m_pg.uri(QStringLiteral("fixture")), QStringLiteral("--dest"),
                       QStringLiteral("/proc")}
        << 0 << 1 << QStringLiteral("cannot write to the destination folder /proc");
    QTest::newRow("invalid recipient")
        << QStringList{QStringLiteral("--db"),        m_pg.uri(QStringLiteral("fixture")),
                       QStringLiteral("--dest"),      dest,
                       QStringLiteral("--recipient"), QStringLiteral("age1notakey")}
        << 2 << -1 << QStringLiteral("age1notakey");
    QTest::newRow("password in URI") << QStringList{QStringLiteral("--db"),
                                                    QStringLiteral(
                                                        "postgresql://postgres:hunter2@127.0.0.1/fixture"),
                                                    QStringLiteral("--dest"), dest}
                                     << 2 << -1 << QStringLiteral("contains a password");
    QTest::newRow("relative destination")
        << QStringList{QStringLiteral("--db"), m_pg.uri(QStringLiteral("fixture")), QStringLiteral("--dest"),
                       QStringLiteral("s4://x")}
        << 2 << -1 << QStringLiteral("is not an absolute folder path");
}

void TestBackup::badInput()
{
    QFETCH(QStringList, addArgs);
    QFETCH(int, addExit);
    QFETCH(int, backupExit);
    QFETCH(QString, expected);
    const QString config = newConfigDir();
    ProcessResult add = m_run.cli(
        config,
        QStringList{QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("bad")} + addArgs);
    QCOMPARE(add.exitCode, addExit);
    QString message = add.errText();
    if (addExit == 0) {
        ProcessResult backup = m_run.cli(config, {QStringLiteral("backup"), QStringLiteral("bad")});
        QCOMPARE(backup.exitCode, backupExit);
        QVERIFY(!backup.crashed);
        message = backup.errText();
    }
    QVERIFY2(message.contains(expected), qPrintable(message));
    // One clear sentence: a single line, and no secret echoed back.
    QCOMPARE(message.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY(!message.contains(QLatin1String("hunter2")));
}

void TestBackup::fullDestinationLeavesNoPartialFile()
{
    // A real "disk full": a small tmpfs mounted over the destination in a private mount namespace
    // (unshare -rm works unprivileged where user namespaces are enabled). Random data barely
    // compresses, so the pre-flight estimate (a quarter of the last dump) passes while the write
    // itself runs out of space half-way.
    ProcessResult probe =
        m_run.run(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("true")});
    if (probe.exitCode != 0)
        QSKIP("user namespaces are disabled on this machine, so no small filesystem can be mounted");
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE noise")).isNull());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE EXTENSION pgcrypto"), QStringLiteral("noise")).isNull());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE TABLE noise AS SELECT g AS id, gen_random_bytes(1024) AS b "
                                      "FROM generate_series(1, 4000) g"),
                       QStringLiteral("noise"))
                 .isNull());
    const QString config = newConfigDir();
    const QString dest = newDestDir();
    QCOMPARE(m_run
                 .cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("full"),
                               QStringLiteral("--db"), m_pg.uri(QStringLiteral("noise")),
                               QStringLiteral("--dest"), dest, QStringLiteral("--recipient"), m_recipient})
                 .exitCode,
             0);
    ProcessResult first =
        m_run.cli(config, {QStringLiteral("--json"), QStringLiteral("backup"), QStringLiteral("full")});
    QVERIFY2(first.exitCode == 0, qPrintable(first.errText()));
    ProcessResult list =
        m_run.cli(config, {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("full")});
    const QJsonObject last = QJsonDocument::fromJson(list.out).array().at(0).toObject();
    const qint64 dumped = last.value(QLatin1String("dumpBytes")).toInteger();
    const qint64 stored = last.value(QLatin1String("storedBytes")).toInteger();
    QVERIFY2(stored > dumped / 4 + 256 * 1024, "the test data compresses too well to fill the disk half-way");
    const qint64 sizeKiB = (dumped / 4 + stored) / 2 / 1024;

    const QString script =
        QStringLiteral("mount -t tmpfs -o size=%4k tmpfs %1 && %2 --config-dir %3 backup full; "
                       "rc=$?; ls -A1R %1; exit $rc")
            .arg(ProcessRunner::quote(dest), ProcessRunner::quote(cliPath()), ProcessRunner::quote(config))
            .arg(sizeKiB);
    ProcessResult r = m_run.run(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("bash"),
                                                            QStringLiteral("-c"), script});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.errText().contains(QLatin1String("is full")) &&
                 r.errText().contains(QLatin1String("partial file was removed")),
             qPrintable(r.errText()));
    QVERIFY2(!r.outText().contains(QLatin1String(".dump.zst")), qPrintable(r.outText()));
    QVERIFY2(!r.outText().contains(QLatin1String("partial")), qPrintable(r.outText()));

    // And when the disk is plainly too small, the pre-flight check says so before writing anything.
    const QString tiny =
        QStringLiteral("mount -t tmpfs -o size=64k tmpfs %1 && %2 --config-dir %3 backup full; "
                       "rc=$?; ls -A1R %1; exit $rc")
            .arg(ProcessRunner::quote(dest), ProcessRunner::quote(cliPath()), ProcessRunner::quote(config));
    r = m_run.run(QStringLiteral("unshare"),
                  {QStringLiteral("-rm"), QStringLiteral("bash"), QStringLiteral("-c"), tiny});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.errText().contains(QLatin1String(" free but this backup needs about")),
             qPrintable(r.errText()));
    QVERIFY2(!r.outText().contains(QLatin1String("full")), qPrintable(r.outText()));
}

void TestBackup::passwordsComeFromPgpassLikePsql()
{
    const QString config = newConfigDir();
    const QString dest = newDestDir();
    QCOMPARE(m_run
                 .cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("pgpass"),
                               QStringLiteral("--db"), m_pg.uri(QStringLiteral("fixture")),
                               QStringLiteral("--dest"), dest, QStringLiteral("--recipient"), m_recipient})
                 .exitCode,
             0);
    // ~/.pgpass (through PGPASSFILE), no PGPASSWORD: works as for psql.
    const QString passfile = m_tmp.filePath(QStringLiteral("pgpass"));
    {
        QFile f(passfile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QStringLiteral("127.0.0.1:%1:*:postgres:%2\n").arg(m_pg.port()).arg(m_pg.password()).toUtf8());
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    QProcessEnvironment env = m_pg.clientEnvironment();
    env.remove(QStringLiteral("PGPASSWORD"));
    env.insert(QStringLiteral("PGPASSFILE"), passfile);
    ProcessRunner withPassfile(env);
    ProcessResult ok = withPassfile.cli(config, {QStringLiteral("backup"), QStringLiteral("pgpass")});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.errText()));
    QCOMPARE(backupFiles(dest).size(), 1);

    // A wrong password: one sentence naming the server and user, never the password.
    env.remove(QStringLiteral("PGPASSFILE"));
    env.insert(QStringLiteral("PGPASSFILE"), m_tmp.filePath(QStringLiteral("no-such-passfile")));
    env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("wrong-Secret-42"));
    ProcessRunner wrong(env);
    ProcessResult bad = wrong.cli(config, {QStringLiteral("backup"), QStringLiteral("pgpass")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(
        bad.errText().contains(
            QStringLiteral("PostgreSQL at postgres@127.0.0.1:%1 rejected the password for user 'postgres'")
                .arg(m_pg.port())),
        qPrintable(bad.errText()));
    QVERIFY(!bad.errText().contains(QLatin1String("wrong-Secret-42")));
    QCOMPARE(bad.errText().trimmed().count(QLatin1Char('\n')), 0);

    // No password at all.
    env.remove(QStringLiteral("PGPASSWORD"));
    ProcessRunner none(env);
    ProcessResult missing = none.cli(config, {QStringLiteral("backup"), QStringLiteral("pgpass")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.errText().contains(
                 QLatin1String("asks for a password for user 'postgres' and none was found")),
             qPrintable(missing.errText()));
    QCOMPARE(backupFiles(dest).size(), 1);
}

void TestBackup::profileExportImportRoundTrip()
{
    const QString config = newConfigDir();
    const QString dest = newDestDir();
    QCOMPARE(m_run
                 .cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("exported"),
                               QStringLiteral("--db"), m_pg.uri(QStringLiteral("fixture")),
                               QStringLiteral("--dest"), dest, QStringLiteral("--recipient"), m_recipient,
                               QStringLiteral("--exclude-table-data"), QStringLiteral("sales.orders_2025"),
                               QStringLiteral("--zstd-level"), QStringLiteral("7")})
                 .exitCode,
             0);
    ProcessResult exported =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("exported")});
    QCOMPARE(exported.exitCode, 0);
    QVERIFY(!exported.outText().contains(m_pg.password()));
    // Import into another configuration: the same profile, and it backs up the same way.
    const QString other = newConfigDir();
    ProcessResult imported = m_run.cli(
        other, {QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("-")}, exported.out);
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.errText()));
    const QJsonObject a =
        QJsonDocument::fromJson(m_run
                                    .cli(config, {QStringLiteral("--json"), QStringLiteral("profile"),
                                                  QStringLiteral("show"), QStringLiteral("exported")})
                                    .out)
            .object();
    const QJsonObject b =
        QJsonDocument::fromJson(m_run
                                    .cli(other, {QStringLiteral("--json"), QStringLiteral("profile"),
                                                 QStringLiteral("show"), QStringLiteral("exported")})
                                    .out)
            .object();
    QCOMPARE(b, a);
    ProcessResult backup = m_run.cli(other, {QStringLiteral("backup"), QStringLiteral("exported")});
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText()));
    const Manifest m = readManifest(backup.outText().trimmed().chopped(int(qstrlen(".dump.zst.age"))) +
                                    QStringLiteral(".manifest.json.age"));
    QCOMPARE(m.zstdLevel, 7);
    for (const auto &t : m.tables)
        QVERIFY2(t.name != QLatin1String("orders_2025"), "excluded table data was dumped");
    // Importing twice is refused; a file with a secret in it is refused.
    QCOMPARE(m_run
                 .cli(other, {QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("-")},
                      exported.out)
                 .exitCode,
             1);
    QJsonObject withSecret = QJsonDocument::fromJson(exported.out).object();
    withSecret.insert(QStringLiteral("password"), QStringLiteral("hunter2"));
    withSecret.insert(QStringLiteral("name"), QStringLiteral("sneaky"));
    ProcessResult refused =
        m_run.cli(other, {QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("-")},
                  QJsonDocument(withSecret).toJson());
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.errText().contains(QLatin1String("never carry secrets")), qPrintable(refused.errText()));
    QVERIFY(!refused.errText().contains(QLatin1String("hunter2")));
}

QTEST_GUILESS_MAIN(TestBackup)
#include "TestBackup.moc"
