#include "engine/pg/ArchiveScanner.h"
#include "support/PgTestCluster.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace lifeboat;
using lifeboat::test::PgTestCluster;

namespace {

struct Dump
{
    QByteArray bytes;
    QString error; // empty when pg_dump succeeded
};

QString quoteIdent(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// One line of `pg_restore -l`, rebuilt from a scanned entry (PrintTOCSummary's format: a NULL
// schema prints as "-", a NULL tag or owner as nothing).
QString restoreListLine(const ArchiveTocEntry &e)
{
    auto sanitize = [](QString s, bool hyphen) {
        if (s.isNull())
            return hyphen ? QStringLiteral("-") : QStringLiteral("");
        s.replace(QLatin1Char('\n'), QLatin1Char(' '));
        s.replace(QLatin1Char('\r'), QLatin1Char(' '));
        return s;
    };
    return QStringLiteral("%1; %2 %3 %4 %5 %6 %7")
        .arg(e.dumpId)
        .arg(e.tableOid)
        .arg(e.oid)
        .arg(e.desc, sanitize(e.schema, true), sanitize(e.tag, false), sanitize(e.owner, false));
}

// Feeds `bytes` in pieces of random sizes: many tiny ones, some medium, a few of megabytes.
void feedInRandomPieces(ArchiveScanner &scanner, QByteArrayView bytes, QRandomGenerator &rng)
{
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        qsizetype n = 0;
        switch (rng.bounded(4)) {
        case 0:
            n = 1 + rng.bounded(8);
            break;
        case 1:
            n = 1 + rng.bounded(600);
            break;
        case 2:
            n = 1 + rng.bounded(70000);
            break;
        default:
            n = 1 + rng.bounded(3 * 1024 * 1024);
            break;
        }
        n = qMin(n, bytes.size() - pos);
        scanner.feed(bytes.data() + pos, n);
        pos += n;
    }
}

// The archive with the scanner's data-offset patches written into it.
QByteArray withPatches(QByteArray bytes, const QList<ArchiveScanner::OffsetPatch> &patches)
{
    for (const ArchiveScanner::OffsetPatch &p : patches)
        bytes.replace(p.position, p.bytes.size(), p.bytes);
    return bytes;
}

// A custom-format archive written field by field as pg_dump's WriteHead/WriteToc and the
// custom format's data routines do, for the archive versions this machine's pg_dump does not
// write (1.15: compression algorithm byte; 1.16: relkind, BLOB METADATA).
class SyntheticArchive
{
public:
    explicit SyntheticArchive(int minor)
        : m_minor(minor)
    {}

    void byte(int b) { m_out.append(char(b)); }
    void integer(qint64 v)
    {
        byte(v < 0 ? 1 : 0);
        quint64 magnitude = quint64(v < 0 ? -v : v);
        for (int i = 0; i < 4; ++i) {
            byte(int(magnitude & 0xFF));
            magnitude >>= 8;
        }
    }
    void string(const char *s)
    {
        if (!s) {
            integer(-1);
            return;
        }
        integer(qint64(qstrlen(s)));
        m_out.append(s);
    }
    void header(int compression = 0)
    {
        m_out.append("PGDMP");
        byte(1);
        byte(m_minor);
        byte(0);
        byte(4); // intSize
        byte(8); // offSize
        byte(1); // custom format
        if (m_minor >= 15)
            byte(compression);
        else
            integer(compression);
        for (int field : {12, 34, 5, 6, 7, 124, 0}) // 2024-08-06 05:34:12
            integer(field);
        string("shop");
        string("17.2");
        string("17.2 (Synthetic)");
    }
    struct Entry
    {
        int dumpId;
        const char *tag;
        const char *desc;
        int section;
        const char *copyStmt;
        const char *ns;
        const char *tableam;
        char relkind;
        const char *owner;
        QList<int> deps;
        bool hasData;
        const char *defn = "";
    };
    void toc(const QList<Entry> &entries)
    {
        integer(entries.size());
        for (const Entry &e : entries) {
            integer(e.dumpId);
            integer(e.hasData ? 1 : 0);
            string("1259");
            string(QByteArray::number(16000 + e.dumpId).constData());
            string(e.tag);
            string(e.desc);
            integer(e.section);
            string(e.defn);
            string("");
            string(e.copyStmt);
            string(e.ns);
            string("");
            if (m_minor >= 14)
                string(e.tableam);
            if (m_minor >= 16)
                integer(e.relkind);
            string(e.owner);
            string("false");
            for (int d : e.deps)
                string(QByteArray::number(d).constData());
            string(nullptr);
            byte(e.hasData ? 1 : 3); // K_OFFSET_POS_NOT_SET / K_OFFSET_NO_DATA
            for (int i = 0; i < 8; ++i)
                byte(0);
        }
    }
    void dataBlock(int dumpId, const QList<QByteArray> &chunks)
    {
        byte(1);
        integer(dumpId);
        for (const QByteArray &c : chunks) {
            integer(c.size());
            m_out.append(c);
        }
        integer(0);
    }
    void largeObjectBlock(int dumpId, const QList<QPair<quint32, QList<QByteArray>>> &objects)
    {
        byte(3);
        integer(dumpId);
        for (const auto &[oid, chunks] : objects) {
            integer(qint32(oid)); // WriteInt takes an int: large OIDs go out negative
            for (const QByteArray &c : chunks) {
                integer(c.size());
                m_out.append(c);
            }
            integer(0);
        }
        integer(0);
    }
    const QByteArray &bytes() const { return m_out; }

private:
    int m_minor;
    QByteArray m_out;
};

} // namespace

class TestArchiveScanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scansRealDumpWhileItStreams();
    void scansSmallDumpOneByteAtATime();
    void scansArchiveWrittenToFile();
    void fillsInDataOffsetsAsPgDumpDoesInAFile();
    void rejectsCompressedArchive();
    void reportsTruncation_data();
    void reportsTruncation();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void readsEachArchiveVersion_data();
    void readsEachArchiveVersion();

private:
    Dump runPgDump(const QString &database, const QStringList &extraArgs, ArchiveScanner *scanner);
    QString saveToFile(const QByteArray &bytes, const QString &name);
    void compareWithRestoreList(const ArchiveScanner &scanner, const QByteArray &bytes);
    void compareWithSource(const ArchiveScanner &scanner, const QString &database);

    PgTestCluster m_cluster;
    QTemporaryDir m_dir;
    QByteArray m_smallDump;
    ArchiveScanner m_smallScan;
    QRandomGenerator m_rng;
};

void TestArchiveScanner::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
    QVERIFY(m_dir.isValid());
    quint32 seed = QRandomGenerator::global()->generate();
    if (qEnvironmentVariableIsSet("LIFEBOAT_TEST_SEED"))
        seed = quint32(qEnvironmentVariableIntValue("LIFEBOAT_TEST_SEED"));
    qInfo("random chunk sizes from seed %u (set LIFEBOAT_TEST_SEED to repeat)", seed);
    m_rng.seed(seed);

    QVERIFY2(
        !m_cluster.psql(QStringLiteral("CREATE DATABASE scan_main; CREATE DATABASE scan_small;")).isNull(),
        qPrintable(m_cluster.lastPsqlError()));

    const QString common = QStringLiteral(R"SQL(
CREATE SCHEMA "données";
CREATE TABLE "données"."Ünïcødé tåble" (id serial PRIMARY KEY, nom text NOT NULL);
INSERT INTO "données"."Ünïcødé tåble" (nom) SELECT 'élément ' || g FROM generate_series(1, 77) g;
CREATE TABLE public.empty_table (id int PRIMARY KEY, note text);
CREATE TABLE public.tricky_text (id int, body text);
INSERT INTO public.tricky_text VALUES
  (1, E'two\nlines'), (2, E'a\ttab'), (3, E'back\\slash'), (4, E'\\.'), (5, E'\\.\n\\.'),
  (6, ''), (7, NULL), (8, E'\r\ncarriage return'), (9, E'trailing backslash\\'), (10, E'\n\n\n'),
  (11, repeat(E'a long value with\nnewlines and\ttabs ', 40000)), (12, E'\\\\.');
CREATE TABLE public.no_columns ();
INSERT INTO public.no_columns SELECT FROM generate_series(1, 5);
SELECT lo_from_bytea(0, convert_to('hello, large object', 'UTF8'));
)SQL");
    QVERIFY2(!m_cluster.psql(common, QStringLiteral("scan_small")).isNull(),
             qPrintable(m_cluster.lastPsqlError()));

    const QString main = common + QStringLiteral(R"SQL(
CREATE EXTENSION citext;
CREATE EXTENSION pgcrypto;
CREATE SCHEMA sales;
CREATE SCHEMA audit;
CREATE TABLE sales.orders (id bigint NOT NULL, region text NOT NULL, placed date, total numeric(12,2))
  PARTITION BY LIST (region);
CREATE TABLE sales.orders_eu PARTITION OF sales.orders FOR VALUES IN ('eu');
CREATE TABLE sales.orders_us PARTITION OF sales.orders FOR VALUES IN ('us');
CREATE TABLE sales.orders_rest PARTITION OF sales.orders DEFAULT;
INSERT INTO sales.orders
  SELECT g, (ARRAY['eu','us','apac','latam'])[1 + g % 4], date '2024-01-01' + g % 365, (g % 1000) / 7.0
  FROM generate_series(1, 5000) g;
COMMENT ON TABLE sales.orders IS E'Orders,\npartitioned by region';
CREATE MATERIALIZED VIEW sales.region_totals AS
  SELECT region, count(*) AS orders, sum(total) AS total FROM sales.orders GROUP BY region;
CREATE TABLE "données"."clients" (id serial PRIMARY KEY, email citext UNIQUE, empreinte bytea);
INSERT INTO "données"."clients" (email, empreinte)
  SELECT 'Client' || g || '@example.org', digest('client ' || g, 'sha256') FROM generate_series(1, 1234) g;
CREATE TABLE audit.events (id bigint PRIMARY KEY, at timestamptz NOT NULL, payload text);
INSERT INTO audit.events
  SELECT g, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second', md5(g::text)
  FROM generate_series(1, 300000) g;
SELECT lo_from_bytea(0, decode(repeat('ab', 100000), 'hex'));
SELECT lo_from_bytea(0, '');
)SQL");
    QVERIFY2(!m_cluster.psql(main, QStringLiteral("scan_main")).isNull(),
             qPrintable(m_cluster.lastPsqlError()));

    const Dump small = runPgDump(QStringLiteral("scan_small"), {}, nullptr);
    QVERIFY2(small.error.isEmpty(), qPrintable(small.error));
    m_smallDump = small.bytes;
    m_smallScan.feed(m_smallDump);
    const Status status = m_smallScan.finish();
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
}

Dump TestArchiveScanner::runPgDump(const QString &database, const QStringList &extraArgs,
                                   ArchiveScanner *scanner)
{
    Dump dump;
    QProcess proc;
    proc.setProcessEnvironment(m_cluster.clientEnvironment());
    QStringList args{QStringLiteral("--format=custom")};
    args += extraArgs.isEmpty() ? QStringList{QStringLiteral("--compress=0")} : extraArgs;
    args += {QStringLiteral("--no-password"), QStringLiteral("--dbname"), database};
    proc.start(m_cluster.binDir() + QStringLiteral("/pg_dump"), args);
    if (!proc.waitForStarted()) {
        dump.error = QStringLiteral("pg_dump did not start: ") + proc.errorString();
        return dump;
    }
    // Read stdout as pg_dump writes it (a pipe: pg_dump cannot seek back to rewrite its TOC).
    while (proc.state() != QProcess::NotRunning || proc.bytesAvailable() > 0) {
        if (proc.bytesAvailable() == 0 && !proc.waitForReadyRead(120000) &&
            proc.state() != QProcess::NotRunning) {
            proc.kill();
            proc.waitForFinished();
            dump.error = QStringLiteral("pg_dump produced no output for two minutes");
            return dump;
        }
        const QByteArray got = proc.readAllStandardOutput();
        dump.bytes += got;
        if (scanner && !got.isEmpty())
            feedInRandomPieces(*scanner, got, m_rng);
    }
    proc.waitForFinished();
    const QByteArray rest = proc.readAllStandardOutput();
    if (!rest.isEmpty()) {
        dump.bytes += rest;
        if (scanner)
            feedInRandomPieces(*scanner, rest, m_rng);
    }
    if (proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0)
        dump.error = QStringLiteral("pg_dump failed: ") + QString::fromLocal8Bit(proc.readAllStandardError());
    return dump;
}

QString TestArchiveScanner::saveToFile(const QByteArray &bytes, const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

void TestArchiveScanner::compareWithRestoreList(const ArchiveScanner &scanner, const QByteArray &bytes)
{
    const QString path = saveToFile(bytes, QStringLiteral("compare.dump"));
    QVERIFY(!path.isEmpty());
    QProcess proc;
    // -v lists every entry, also ENCODING, DATABASE and the like that a plain -l leaves out.
    proc.start(m_cluster.binDir() + QStringLiteral("/pg_restore"),
               {QStringLiteral("--list"), QStringLiteral("--verbose"), path});
    QVERIFY(proc.waitForFinished(120000));
    QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());
    QStringList expected;
    const QStringList lines = QString::fromUtf8(proc.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.isEmpty() && !line.startsWith(QLatin1Char(';')))
            expected << line;
    }
    QStringList actual;
    for (const ArchiveTocEntry &e : scanner.entries())
        actual << restoreListLine(e);
    QCOMPARE(actual.size(), expected.size());
    QCOMPARE(actual, expected);
    QCOMPARE(scanner.announcedEntryCount(), int(scanner.entries().size()));
}

void TestArchiveScanner::compareWithSource(const ArchiveScanner &scanner, const QString &database)
{
    int tablesCompared = 0;
    for (const ArchiveTocEntry &e : scanner.entries()) {
        if (!e.isTableData())
            continue;
        QVERIFY2(e.dataSeen, qPrintable(e.tag));
        const QString sql =
            QStringLiteral("SELECT count(*) FROM ONLY %1.%2").arg(quoteIdent(e.schema), quoteIdent(e.tag));
        const QString count = m_cluster.psql(sql, database);
        QVERIFY2(!count.isNull(), qPrintable(m_cluster.lastPsqlError()));
        QVERIFY2(e.rowCount == count.toLongLong(),
                 qPrintable(QStringLiteral("%1.%2: scanned %3 rows, the table has %4")
                                .arg(e.schema, e.tag)
                                .arg(e.rowCount)
                                .arg(count)));
        ++tablesCompared;
    }
    QVERIFY(tablesCompared >= 4);

    const QString los = m_cluster.psql(
        QStringLiteral(
            "SELECT count(*), coalesce(sum(octet_length(lo_get(oid))), 0) FROM pg_largeobject_metadata"),
        database);
    QVERIFY2(!los.isNull(), qPrintable(m_cluster.lastPsqlError()));
    QCOMPARE(scanner.largeObjectCount(), los.section(QLatin1Char('|'), 0, 0).toLongLong());
    QCOMPARE(scanner.largeObjectBytes(), los.section(QLatin1Char('|'), 1, 1).toLongLong());

    // Byte accounting: every payload byte is attributed to exactly one entry.
    qint64 perEntry = 0;
    for (const ArchiveTocEntry &e : scanner.entries()) {
        QVERIFY2(e.dataSeen == e.expectsData, qPrintable(restoreListLine(e)));
        perEntry += e.dataBytes;
    }
    QCOMPARE(perEntry, scanner.tableDataBytes() + scanner.largeObjectBytes());
}

void TestArchiveScanner::scansRealDumpWhileItStreams()
{
    ArchiveScanner scanner;
    const Dump dump = runPgDump(QStringLiteral("scan_main"), {}, &scanner);
    QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
    const Status status = scanner.finish();
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
    QCOMPARE(scanner.bytesScanned(), qint64(dump.bytes.size()));

    // Header.
    const ArchiveHeader &h = scanner.header();
    QCOMPARE(h.versionMajor, 1);
    QVERIFY(h.versionMinor >= 14);
    QVERIFY(h.versionString().startsWith(QStringLiteral("1.1")));
    QCOMPARE(h.format, 1);
    QCOMPARE(h.compression, ArchiveCompression::None);
    QCOMPARE(h.databaseName, QStringLiteral("scan_main"));
    QCOMPARE(h.serverVersion, m_cluster.psql(QStringLiteral("SHOW server_version")));
    QVERIFY(h.created.isValid());
    QVERIFY(qAbs(h.created.secsTo(QDateTime::currentDateTime())) < 3600);
    QProcess version;
    version.start(m_cluster.binDir() + QStringLiteral("/pg_dump"), {QStringLiteral("--version")});
    QVERIFY(version.waitForFinished());
    QVERIFY2(QString::fromUtf8(version.readAllStandardOutput()).contains(h.pgDumpVersion),
             qPrintable(h.pgDumpVersion));
    QCOMPARE(scanner.encoding(), QStringLiteral("UTF8"));
    QVERIFY(scanner.dataStartOffset() > 0);

    // (a) The TOC is what pg_restore reads from the same bytes.
    compareWithRestoreList(scanner, dump.bytes);
    if (QTest::currentTestFailed())
        return;

    // The objects of the test database are all there.
    auto find = [&](const QString &desc, const QString &schema,
                    const QString &tag) -> const ArchiveTocEntry * {
        for (const ArchiveTocEntry &e : scanner.entries()) {
            if (e.desc == desc && e.schema == schema && e.tag == tag)
                return &e;
        }
        return nullptr;
    };
    QVERIFY(find(QStringLiteral("SCHEMA"), QString(), QStringLiteral("données")));
    QVERIFY(find(QStringLiteral("SCHEMA"), QString(), QStringLiteral("sales")));
    QVERIFY(find(QStringLiteral("EXTENSION"), QString(), QStringLiteral("citext")));
    QVERIFY(find(QStringLiteral("EXTENSION"), QString(), QStringLiteral("pgcrypto")));
    QVERIFY(find(QStringLiteral("TABLE"), QStringLiteral("sales"), QStringLiteral("orders")));
    QVERIFY(!find(QStringLiteral("TABLE DATA"), QStringLiteral("sales"), QStringLiteral("orders")));
    const ArchiveTocEntry *matview = find(QStringLiteral("MATERIALIZED VIEW DATA"), QStringLiteral("sales"),
                                          QStringLiteral("region_totals"));
    QVERIFY(matview);
    QVERIFY(!matview->expectsData);
    QCOMPARE(matview->rowCount, qint64(-1));
    QVERIFY(
        find(QStringLiteral("SEQUENCE SET"), QStringLiteral("données"), QStringLiteral("clients_id_seq")));
    const ArchiveTocEntry *unicode =
        find(QStringLiteral("TABLE DATA"), QStringLiteral("données"), QStringLiteral("Ünïcødé tåble"));
    QVERIFY(unicode);
    QCOMPARE(unicode->rowCount, qint64(77));
    QCOMPARE(unicode->section, ArchiveSection::Data);
    QVERIFY(unicode->copyStatement.startsWith(
        QStringLiteral("COPY \"données\".\"Ünïcødé tåble\" (id, nom) FROM stdin;")));
    const ArchiveTocEntry *table =
        find(QStringLiteral("TABLE"), QStringLiteral("données"), QStringLiteral("Ünïcødé tåble"));
    QVERIFY(table);
    QCOMPARE(table->tableAccessMethod, QStringLiteral("heap"));
    QCOMPARE(table->owner, QStringLiteral("postgres"));
    QCOMPARE(table->section, ArchiveSection::PreData);
    QVERIFY(unicode->dependencies.contains(table->dumpId));
    const ArchiveTocEntry *events =
        find(QStringLiteral("TABLE DATA"), QStringLiteral("audit"), QStringLiteral("events"));
    QVERIFY(events);
    QCOMPARE(events->rowCount, qint64(300000));
    QVERIFY(events->dataBytes > 300000 * 40);
    QCOMPARE(
        find(QStringLiteral("TABLE DATA"), QStringLiteral("public"), QStringLiteral("tricky_text"))->rowCount,
        qint64(12));
    QCOMPARE(
        find(QStringLiteral("TABLE DATA"), QStringLiteral("public"), QStringLiteral("no_columns"))->rowCount,
        qint64(5));
    QCOMPARE(
        find(QStringLiteral("TABLE DATA"), QStringLiteral("public"), QStringLiteral("empty_table"))->rowCount,
        qint64(0));
    for (const char *partition : {"orders_eu", "orders_us", "orders_rest"})
        QVERIFY(find(QStringLiteral("TABLE DATA"), QStringLiteral("sales"), QString::fromLatin1(partition)));

    // (b) row counts and (c) large objects match the source database.
    compareWithSource(scanner, QStringLiteral("scan_main"));
    QCOMPARE(scanner.largeObjectCount(), qint64(3));
    QCOMPARE(scanner.largeObjectBytes(), qint64(19 + 100000));
    if (h.versionMinor < 16) {
        int blobEntries = 0;
        for (const ArchiveTocEntry &e : scanner.entries())
            blobEntries += e.desc == QLatin1String("BLOB") ? 1 : 0;
        QCOMPARE(blobEntries, 3);
    }

    // Data offsets point at the blocks, in TOC order (pg_dump writes the data in TOC order).
    qint64 previous = scanner.dataStartOffset() - 1;
    for (const ArchiveTocEntry &e : scanner.entries()) {
        if (!e.expectsData)
            continue;
        QVERIFY(e.dataOffset > previous);
        const char blockType = dump.bytes.at(e.dataOffset);
        QCOMPARE(int(blockType), e.isLargeObjectData() ? 3 : 1);
        previous = e.dataOffset;
    }
}

void TestArchiveScanner::scansSmallDumpOneByteAtATime()
{
    ArchiveScanner scanner;
    for (qsizetype i = 0; i < m_smallDump.size(); ++i)
        scanner.feed(m_smallDump.constData() + i, 1);
    const Status status = scanner.finish();
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));

    // Same result as one feed of everything.
    QCOMPARE(scanner.entries().size(), m_smallScan.entries().size());
    for (qsizetype i = 0; i < scanner.entries().size(); ++i) {
        const ArchiveTocEntry &a = scanner.entries().at(i);
        const ArchiveTocEntry &b = m_smallScan.entries().at(i);
        QCOMPARE(restoreListLine(a), restoreListLine(b));
        QCOMPARE(a.rowCount, b.rowCount);
        QCOMPARE(a.dataBytes, b.dataBytes);
        QCOMPARE(a.dataOffset, b.dataOffset);
        QCOMPARE(a.dependencies, b.dependencies);
        QCOMPARE(a.copyStatement, b.copyStatement);
    }
    QCOMPARE(scanner.largeObjectCount(), qint64(1));
    QCOMPARE(scanner.largeObjectBytes(), qint64(19));
    compareWithRestoreList(scanner, m_smallDump);
    if (QTest::currentTestFailed())
        return;
    compareWithSource(scanner, QStringLiteral("scan_small"));
}

void TestArchiveScanner::scansArchiveWrittenToFile()
{
    // Written to a seekable file, pg_dump rewrites the TOC at the end with the data offsets set.
    const QString path = m_dir.filePath(QStringLiteral("written-by-pg_dump.dump"));
    const Dump dump = runPgDump(QStringLiteral("scan_small"),
                                {QStringLiteral("--compress=0"), QStringLiteral("--file"), path}, nullptr);
    QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 0);
    ArchiveScanner scanner;
    feedInRandomPieces(scanner, bytes, m_rng);
    const Status status = scanner.finish();
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
    QCOMPARE(scanner.entries().size(), m_smallScan.entries().size());
    for (qsizetype i = 0; i < scanner.entries().size(); ++i) {
        QCOMPARE(restoreListLine(scanner.entries().at(i)), restoreListLine(m_smallScan.entries().at(i)));
        QCOMPARE(scanner.entries().at(i).rowCount, m_smallScan.entries().at(i).rowCount);
    }
    QCOMPARE(scanner.largeObjectCount(), m_smallScan.largeObjectCount());
}

void TestArchiveScanner::fillsInDataOffsetsAsPgDumpDoesInAFile()
{
    // The small database's dump as a pipe carries it (offsets unset), with the scanner's patches
    // written in, against pg_dump's own output to a file: the same bytes but for the header's
    // creation time (a second pg_dump run, moments later).
    const QList<ArchiveScanner::OffsetPatch> patches = m_smallScan.dataOffsetPatches();
    int withData = 0;
    for (const ArchiveTocEntry &e : m_smallScan.entries())
        withData += e.expectsData ? 1 : 0;
    QVERIFY(withData >= 5); // four tables' data and the large objects
    QCOMPARE(patches.size(), withData);
    const QByteArray patched = withPatches(m_smallDump, patches);
    QVERIFY(patched != m_smallDump);

    const QString path = m_dir.filePath(QStringLiteral("offsets-by-pg_dump.dump"));
    const Dump dump = runPgDump(QStringLiteral("scan_small"),
                                {QStringLiteral("--compress=0"), QStringLiteral("--file"), path}, nullptr);
    QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray byPgDump = file.readAll();
    QCOMPARE(byPgDump.size(), patched.size());
    // The creation time: 7 integers after magic, version, sizes, format and compression.
    const ArchiveHeader &h = m_smallScan.header();
    const qsizetype timeStart = 5 + 3 + 3 + (h.versionMinor >= 15 ? 1 : 1 + h.intSize);
    const qsizetype timeEnd = timeStart + 7 * (1 + h.intSize);
    for (qsizetype i = 0; i < patched.size(); ++i) {
        if (patched.at(i) != byPgDump.at(i) && (i < timeStart || i >= timeEnd))
            QFAIL(qPrintable(QStringLiteral("byte %1 differs from pg_dump's file output (%2 instead of %3)")
                                 .arg(i)
                                 .arg(int(static_cast<unsigned char>(patched.at(i))))
                                 .arg(int(static_cast<unsigned char>(byPgDump.at(i))))));
    }

    // pg_restore --jobs seeks by those offsets (and checks each block's id when it gets there).
    const QString patchedPath = saveToFile(patched, QStringLiteral("patched.dump"));
    QVERIFY(!patchedPath.isEmpty());
    QVERIFY2(!m_cluster.psql(QStringLiteral("CREATE DATABASE scan_patched")).isNull(),
             qPrintable(m_cluster.lastPsqlError()));
    QProcess restore;
    restore.setProcessEnvironment(m_cluster.clientEnvironment());
    restore.start(m_cluster.binDir() + QStringLiteral("/pg_restore"),
                  {QStringLiteral("--jobs=2"), QStringLiteral("--exit-on-error"),
                   QStringLiteral("--no-password"), QStringLiteral("--dbname=scan_patched"), patchedPath});
    QVERIFY(restore.waitForFinished(120000));
    QVERIFY2(restore.exitStatus() == QProcess::NormalExit && restore.exitCode() == 0,
             restore.readAllStandardError().constData());
    compareWithSource(m_smallScan, QStringLiteral("scan_patched"));
}

void TestArchiveScanner::rejectsCompressedArchive()
{
    for (const QString &option : {QStringLiteral("--compress=6"), QStringLiteral("--format=custom")}) {
        ArchiveScanner scanner;
        const Dump dump = runPgDump(QStringLiteral("scan_small"), {option}, &scanner);
        QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
        QVERIFY(scanner.hasError()); // known from the header, long before the end
        const Status status = scanner.finish();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("archive.compressed"));
        QCOMPARE(status.error().message,
                 QStringLiteral("the archive is compressed; Lifeboat runs pg_dump with --compress=0"));
        QVERIFY(scanner.header().compressionLevel != 0);
    }
}

void TestArchiveScanner::reportsTruncation_data()
{
    QTest::addColumn<qint64>("length");
    QTest::addColumn<QString>("expected");

    const ArchiveScanner &s = m_smallScan;
    const qint64 size = m_smallDump.size();
    const ArchiveTocEntry *firstTable = nullptr;
    const ArchiveTocEntry *blobs = nullptr;
    const ArchiveTocEntry *lastWithData = nullptr;
    for (const ArchiveTocEntry &e : s.entries()) {
        if (e.isTableData() && e.rowCount > 0 && !firstTable)
            firstTable = &e;
        if (e.isLargeObjectData())
            blobs = &e;
        if (e.expectsData)
            lastWithData = &e;
    }
    QVERIFY(firstTable && blobs && lastWithData);

    QTest::newRow("nothing") << qint64(0) << QStringLiteral("the archive is empty");
    QTest::newRow("inside magic") << qint64(3) << QStringLiteral("inside the archive header");
    QTest::newRow("after magic") << qint64(5) << QStringLiteral("inside the archive header");
    QTest::newRow("inside header strings") << qint64(60) << QStringLiteral("inside the archive header");
    QTest::newRow("inside TOC") << s.dataStartOffset() / 2
                                << QStringLiteral("inside the table of contents, in entry");
    QTest::newRow("just before end of TOC")
        << s.dataStartOffset() - 1 << QStringLiteral("inside the table of contents, in entry");
    QTest::newRow("at end of TOC") << s.dataStartOffset()
                                   << QStringLiteral("after 0 data blocks, without the data of");
    QTest::newRow("inside block header")
        << s.dataStartOffset() + 2
        << QStringLiteral("inside the header of the data block that starts at byte");
    QTest::newRow("inside table data")
        << firstTable->dataOffset + 20 << QStringLiteral("inside the data of TABLE DATA");
    const QString lastName = lastWithData->schema.isEmpty()
                                 ? lastWithData->tag
                                 : lastWithData->schema + QLatin1Char('.') + lastWithData->tag;
    QTest::newRow("before last block")
        << lastWithData->dataOffset
        << QStringLiteral("without the data of %1 %2").arg(lastWithData->desc, lastName);
    QTest::newRow("inside large objects")
        << blobs->dataOffset + 12 << QStringLiteral("inside the data of BLOBS");
    QTest::newRow("one byte short") << size - 1 << QStringLiteral("inside the data of");
}

void TestArchiveScanner::reportsTruncation()
{
    QFETCH(qint64, length);
    QFETCH(QString, expected);
    ArchiveScanner scanner;
    feedInRandomPieces(scanner, QByteArrayView(m_smallDump).first(length), m_rng);
    QVERIFY(!scanner.hasError()); // a prefix is not wrong, just short
    const Status status = scanner.finish();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, QStringLiteral("archive.truncated"));
    QVERIFY2(status.error().message.contains(expected), qPrintable(status.error().message));
    if (length > 0)
        QVERIFY2(status.error().message.contains(QStringLiteral("byte %1").arg(length)),
                 qPrintable(status.error().message));
    // finish() is repeatable.
    const Status again = scanner.finish();
    QVERIFY(!again.ok());
    QCOMPARE(again.error().message, status.error().message);
}

void TestArchiveScanner::rejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");

    const QByteArray dump = m_smallDump;
    const qint64 dataStart = m_smallScan.dataStartOffset();
    QByteArray random(4096, Qt::Uninitialized);
    for (char &c : random)
        c = char(m_rng.bounded(256));
    random[0] = 'X';

    QTest::newRow("plain SQL") << QByteArray(
                                      "--\n-- PostgreSQL database dump\n--\n\nSET statement_timeout = 0;\n")
                               << QStringLiteral("archive.notCustomFormat")
                               << QStringLiteral("does not start with \"PGDMP\"");
    QTest::newRow("random bytes") << random << QStringLiteral("archive.notCustomFormat")
                                  << QStringLiteral("not a PostgreSQL custom-format archive");
    QTest::newRow("gzip") << QByteArray::fromHex("1f8b0800000000000003")
                          << QStringLiteral("archive.notCustomFormat")
                          << QStringLiteral("does not start with \"PGDMP\"");

    QByteArray future = dump;
    future[6] = 17;
    QTest::newRow("future version") << future << QStringLiteral("archive.unsupported")
                                    << QStringLiteral("version 1.17, newer than");
    QByteArray ancient = dump;
    ancient[6] = 8;
    QTest::newRow("ancient version") << ancient << QStringLiteral("archive.unsupported")
                                     << QStringLiteral("version 1.8,");
    QByteArray directory = dump;
    directory[10] = 5;
    QTest::newRow("directory format toc")
        << directory << QStringLiteral("archive.notCustomFormat") << QStringLiteral("pg_dump format 5");
    QByteArray intSize = dump;
    intSize[8] = 0;
    QTest::newRow("zero integer size")
        << intSize << QStringLiteral("archive.malformed") << QStringLiteral("integer size of 0 bytes");

    // The database name's length: after magic, 3 version bytes, intSize, offSize, format, the
    // compression (an int before 1.15) and 7 date ints.
    const int intBytes = 1 + m_smallScan.header().intSize;
    const int nameAt = 5 + 3 + 3 + (m_smallScan.header().versionMinor >= 15 ? 1 : intBytes) + 7 * intBytes;
    QByteArray hugeString = dump;
    hugeString.replace(nameAt, intBytes, QByteArray::fromHex("00ffffff7f"));
    QTest::newRow("huge string length")
        << hugeString << QStringLiteral("archive.malformed") << QStringLiteral("claims 2147483647 bytes");

    QByteArray blockType = dump;
    blockType[dataStart] = 7;
    QTest::newRow("unknown block type")
        << blockType << QStringLiteral("archive.malformed")
        << QStringLiteral("unexpected data block type 7 at byte %1").arg(dataStart);
    QByteArray unknownId = dump;
    unknownId.replace(dataStart + 1, intBytes, QByteArray::fromHex("009f860100")); // 99999
    QTest::newRow("block for unknown entry")
        << unknownId << QStringLiteral("archive.malformed")
        << QStringLiteral("dump id 99999, which is not in the table of contents");
    QTest::newRow("trailing garbage") << dump + QByteArray("garbage") << QStringLiteral("archive.malformed")
                                      << QStringLiteral("unexpected data block type 103");
    QTest::newRow("archive twice") << dump + dump << QStringLiteral("archive.malformed")
                                   << QStringLiteral("unexpected data block type 80");
}

void TestArchiveScanner::rejectsMalformedInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QFETCH(QString, expected);
    ArchiveScanner scanner;
    feedInRandomPieces(scanner, bytes, m_rng);
    QVERIFY(scanner.hasError());
    const Status status = scanner.finish();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, code);
    QVERIFY2(status.error().message.contains(expected), qPrintable(status.error().message));
}

void TestArchiveScanner::readsEachArchiveVersion_data()
{
    QTest::addColumn<int>("minor");
    QTest::addColumn<bool>("endMarker");
    QTest::newRow("1.12 (pg_dump 9.0-10)") << 12 << true;
    QTest::newRow("1.14 (pg_dump 12-15)") << 14 << true;
    QTest::newRow("1.15 (pg_dump 16)") << 15 << true;
    QTest::newRow("1.16 (pg_dump 17)") << 16 << true;
    QTest::newRow("1.16 without \\. marker") << 16 << false;
}

void TestArchiveScanner::readsEachArchiveVersion()
{
    QFETCH(int, minor);
    QFETCH(bool, endMarker);

    SyntheticArchive a(minor);
    a.header();
    using E = SyntheticArchive::Entry;
    const bool blobMetadata = minor >= 16;
    QList<E> toc{
        E{1,
          "ENCODING",
          "ENCODING",
          2,
          "",
          nullptr,
          "",
          0,
          "",
          {},
          false,
          "SET client_encoding = 'LATIN1';\n"},
        E{2, "données", "SCHEMA", 2, "", nullptr, "", 0, "owner", {}, false},
        E{3, "Ünïcødé tåble", "TABLE", 2, "", "données", "heap", 'r', "owner", {2}, false},
        E{4, "parted", "TABLE", 2, "", "données", "", 'p', "owner", {2}, false},
        E{5,
          blobMetadata ? "16400..16401" : "16400",
          blobMetadata ? "BLOB METADATA" : "BLOB",
          2,
          "",
          nullptr,
          "",
          0,
          "owner",
          {},
          false},
        E{6,
          "Ünïcødé tåble",
          "TABLE DATA",
          3,
          "COPY \"données\".\"Ünïcødé tåble\" (a, b) FROM stdin;\n",
          "données",
          "",
          0,
          "owner",
          {3},
          true},
        E{7,
          "nothing",
          "TABLE DATA",
          3,
          "COPY \"données\".nothing  FROM stdin;\n",
          "données",
          "",
          0,
          "owner",
          {3},
          true},
        E{8, "BLOBS", "BLOBS", 3, "", nullptr, "", 0, "", {}, true},
        E{9, "t_pkey", "CONSTRAINT", 4, "", "données", "", 0, "owner", {3}, false},
    };
    a.toc(toc);
    const qint64 dataStart = a.bytes().size();
    // Rows split across chunks at awkward places, an empty row (a zero-column table), and a
    // row that is just a backslash-escaped "\\." (data, not the end marker).
    QList<QByteArray> chunks{"1\tone\n2\ttw", "o\n3\tline\\nbreak\n", "\n", "\\", "\\.\n",
                             "5\t",           QByteArray(70000, 'x'), "\n"};
    if (endMarker)
        chunks << "\\.\n\n\n";
    a.dataBlock(6, chunks);
    a.dataBlock(7, endMarker ? QList<QByteArray>{"\\.\n\n\n"} : QList<QByteArray>{});
    a.largeObjectBlock(8, {{16400, {"hello ", "world"}}, {0xFFFFFF00u, {}}});

    for (bool byteByByte : {false, true}) {
        ArchiveScanner s;
        if (byteByByte) {
            for (char c : a.bytes())
                s.feed(&c, 1);
        } else {
            s.feed(a.bytes());
        }
        const Status status = s.finish();
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        QCOMPARE(s.header().versionString(), QStringLiteral("1.%1").arg(minor));
        QCOMPARE(s.header().compression, ArchiveCompression::None);
        QCOMPARE(s.header().databaseName, QStringLiteral("shop"));
        QCOMPARE(s.header().serverVersion, QStringLiteral("17.2"));
        QCOMPARE(s.header().pgDumpVersion, QStringLiteral("17.2 (Synthetic)"));
        QCOMPARE(s.header().created, QDateTime(QDate(2024, 8, 6), QTime(5, 34, 12)));
        QCOMPARE(s.encoding(), QStringLiteral("LATIN1"));
        QCOMPARE(s.dataStartOffset(), dataStart);
        QCOMPARE(s.entries().size(), toc.size());
        for (qsizetype i = 0; i < toc.size(); ++i) {
            const ArchiveTocEntry &e = s.entries().at(i);
            QCOMPARE(e.dumpId, toc[i].dumpId);
            QCOMPARE(e.tag, QString::fromUtf8(toc[i].tag));
            QCOMPARE(e.desc, QString::fromUtf8(toc[i].desc));
            QCOMPARE(e.schema, toc[i].ns ? QString::fromUtf8(toc[i].ns) : QString());
            QCOMPARE(e.schema.isNull(), toc[i].ns == nullptr);
            QCOMPARE(e.owner, QString::fromUtf8(toc[i].owner));
            QCOMPARE(int(e.section), toc[i].section);
            QCOMPARE(e.dependencies, toc[i].deps);
            QCOMPARE(e.oid, quint32(16000 + toc[i].dumpId));
            QCOMPARE(e.tableOid, quint32(1259));
            QCOMPARE(e.tableAccessMethod, minor >= 14 ? QString::fromUtf8(toc[i].tableam) : QString());
            QCOMPARE(e.relkind, minor >= 16 ? toc[i].relkind : char(0));
            QCOMPARE(e.expectsData, toc[i].hasData);
            QCOMPARE(e.dataSeen, toc[i].hasData);
        }
        const ArchiveTocEntry *data = s.entryByDumpId(6);
        QVERIFY(data);
        QCOMPARE(data->rowCount, qint64(6));
        QCOMPARE(data->dataOffset, dataStart);
        QCOMPARE(s.entryByDumpId(7)->rowCount, qint64(0));
        QCOMPARE(s.entryByDumpId(8)->largeObjectCount, qint64(2));
        QCOMPARE(s.entryByDumpId(8)->rowCount, qint64(-1));
        QCOMPARE(s.largeObjectCount(), qint64(2));
        QCOMPARE(s.largeObjectBytes(), qint64(11));
        QCOMPARE(s.dataBlockCount(), 3);
        QCOMPARE(s.bytesScanned(), qint64(a.bytes().size()));
        QVERIFY(!s.entryByDumpId(42));

        // Filling in the data offsets: one patch per entry with data, in place (same size), after
        // which the TOC points at each data block and nothing is left to fill in.
        const QList<ArchiveScanner::OffsetPatch> patches = s.dataOffsetPatches();
        QCOMPARE(patches.size(), 3);
        QCOMPARE(patches.first().position, s.entryByDumpId(6)->tocDataStateAt);
        QByteArray expected(1, char(2)); // K_OFFSET_POS_SET, then 8 offset bytes, least significant first
        for (int i = 0; i < 8; ++i)
            expected.append(char((quint64(dataStart) >> (8 * i)) & 0xFF));
        QCOMPARE(patches.first().bytes, expected);
        const QByteArray patched = withPatches(a.bytes(), patches);
        QCOMPARE(patched.size(), a.bytes().size());
        ArchiveScanner again;
        again.feed(patched);
        QVERIFY(again.finish().ok());
        for (const ArchiveTocEntry &e : again.entries()) {
            QCOMPARE(e.tocDataState, e.expectsData ? 2 : 3);
            QCOMPARE(e.tocDataOffset, e.expectsData ? e.dataOffset : qint64(-1));
            QCOMPARE(e.rowCount, s.entryByDumpId(e.dumpId)->rowCount);
        }
        QVERIFY(again.dataOffsetPatches().isEmpty());
    }
    {
        // Nothing to fill in before the scan has finished, nor after it failed.
        ArchiveScanner unfinished;
        unfinished.feed(a.bytes());
        QVERIFY(unfinished.dataOffsetPatches().isEmpty());
        ArchiveScanner truncated;
        truncated.feed(a.bytes().left(a.bytes().size() - 1));
        QVERIFY(!truncated.finish().ok());
        QVERIFY(truncated.dataOffsetPatches().isEmpty());
    }

    // The same archive, compressed, is refused with the header's algorithm or level.
    SyntheticArchive compressed(minor);
    compressed.header(minor >= 15 ? 3 /* zstd */ : 6 /* zlib level */);
    ArchiveScanner s;
    s.feed(compressed.bytes());
    const Status status = s.finish();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, QStringLiteral("archive.compressed"));
    QCOMPARE(s.header().compression, minor >= 15 ? ArchiveCompression::Zstd : ArchiveCompression::Gzip);
}

QTEST_GUILESS_MAIN(TestArchiveScanner)
#include "TestArchiveScanner.moc"
