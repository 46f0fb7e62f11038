#include "engine/pipeline/ZstdCompressor.h"
#include "support/ProcessRunner.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace lifeboat;
using lifeboat::test::ProcessResult;
using lifeboat::test::ProcessRunner;

namespace {

// The end of the pipeline: keeps every byte and counts the calls.
class CollectingSink final : public ByteSink
{
public:
    Status write(const char *data, qint64 size) override
    {
        if (m_failAfter >= 0 && m_bytes.size() + size > m_failAfter)
            return makeError(QStringLiteral("test.sink"), QStringLiteral("the test sink is full"));
        m_bytes.append(data, size);
        ++m_writes;
        return {};
    }
    Status finish() override
    {
        ++m_finishCalls;
        return {};
    }
    void abort() override { ++m_abortCalls; }

    QByteArray m_bytes;
    int m_writes = 0;
    int m_finishCalls = 0;
    int m_abortCalls = 0;
    qint64 m_failAfter = -1;
};

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    qint64 i = 0;
    for (; i + 4 <= size; i += 4) {
        const quint32 v = generator.generate();
        memcpy(data.data() + i, &v, 4);
    }
    for (; i < size; ++i)
        data[i] = char(generator.generate() & 0xff);
    return data;
}

// Looks like a pg_dump: repetitive rows with some variation.
QByteArray compressibleBytes(qint64 size, quint32 seed)
{
    QByteArray data;
    data.reserve(size + 128);
    QRandomGenerator generator(seed);
    for (qint64 row = 0; data.size() < size; ++row)
        data += "INSERT INTO orders VALUES (" + QByteArray::number(row) + ", 'customer " +
                QByteArray::number(generator.bounded(1000)) + "', 'bücher', 42.00);\n";
    data.truncate(size);
    return data;
}

Status writeInPieces(ByteSink &sink, const QByteArray &data, const QList<qint64> &pattern)
{
    qint64 position = 0;
    for (qsizetype i = 0; position < data.size(); ++i) {
        const qint64 size = qMin(pattern.at(i % pattern.size()), data.size() - position);
        if (const Status written = sink.write(data.constData() + position, size); !written)
            return written;
        position += size;
    }
    return {};
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QString errorText(const Status &s)
{
    return s.ok() ? QString() : s.error().code + QLatin1Char(' ') + s.error().message;
}

} // namespace

class TestZstdCompressor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTripWithZstdCli_data();
    void roundTripWithZstdCli();
    void corruptionIsDetected_data();
    void corruptionIsDetected();
    void levelMatters();
    void effectiveThreads();
    void abortReachesNextStage();
    void downstreamErrorStops();
    void downstreamErrorStopsFinish();

private:
    QByteArray compress(const QByteArray &input, int level, int threads, const QList<qint64> &pattern);

    QTemporaryDir m_dir;
    ProcessRunner m_run;
};

void TestZstdCompressor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const ProcessResult version = m_run.run(QStringLiteral("zstd"), {QStringLiteral("--version")});
    QVERIFY2(version.exitCode == 0, "the zstd command-line tool is needed for this test");
}

QByteArray TestZstdCompressor::compress(const QByteArray &input, int level, int threads,
                                        const QList<qint64> &pattern)
{
    CollectingSink sink;
    auto created = ZstdCompressor::create(level, threads, &sink);
    if (!created) {
        qWarning("%s", qPrintable(created.error().message));
        return {};
    }
    ZstdCompressor &zstd = **created;
    if (Status s = writeInPieces(zstd, input, pattern); !s) {
        qWarning("%s", qPrintable(errorText(s)));
        return {};
    }
    if (Status s = zstd.finish(); !s) {
        qWarning("%s", qPrintable(errorText(s)));
        return {};
    }
    if (zstd.bytesIn() != input.size() || zstd.bytesOut() != sink.m_bytes.size() || sink.m_finishCalls != 1 ||
        sink.m_abortCalls != 0) {
        qWarning("counters wrong: in %lld out %lld sink %lld finish %d abort %d", zstd.bytesIn(),
                 zstd.bytesOut(), qint64(sink.m_bytes.size()), sink.m_finishCalls, sink.m_abortCalls);
        return {};
    }
    return sink.m_bytes;
}

void TestZstdCompressor::roundTripWithZstdCli_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("threads");
    QTest::addColumn<QList<qint64>>("pattern");

    const QList<qint64> sizes{0, 1, 4099, (1 << 20) + 13, 5 * (1 << 20) + 3};
    const QList<QList<qint64>> patterns{{1 << 20}, {1, 7, 4093, 65537}, {131071, 3}};
    quint32 seed = 1;
    int p = 0;
    for (const qint64 size : sizes) {
        for (const bool random : {true, false}) {
            const QByteArray input = random ? randomBytes(size, seed) : compressibleBytes(size, seed);
            ++seed;
            for (const int threads : {0, 1, 2}) {
                // Byte-sized writes for megabytes would only test the test's patience.
                const QList<qint64> pattern = size > (1 << 20) && p % patterns.size() == 1
                                                  ? QList<qint64>{4093, 1, 65537}
                                                  : patterns.at(p % patterns.size());
                ++p;
                QTest::addRow("%lld %s threads=%d", size, random ? "random" : "text", threads)
                    << input << threads << pattern;
            }
        }
    }
}

void TestZstdCompressor::roundTripWithZstdCli()
{
    QFETCH(QByteArray, input);
    QFETCH(int, threads);
    QFETCH(QList<qint64>, pattern);

    const QByteArray output = compress(input, 3, threads, pattern);
    QVERIFY(!output.isEmpty());

    // A zstd frame whose header says it carries a content checksum.
    QVERIFY(output.startsWith(QByteArray::fromHex("28b52ffd")));
    QVERIFY2(quint8(output.at(4)) & 0x04, "Content_Checksum_flag is not set");

    const QString path =
        m_dir.filePath(QStringLiteral("%1.zst").arg(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY(writeFile(path, output));
    const ProcessResult test =
        m_run.run(QStringLiteral("zstd"), {QStringLiteral("-t"), QStringLiteral("-q"), path});
    QVERIFY2(test.exitCode == 0 && !test.crashed, test.err.constData());
    const ProcessResult decompressed = m_run.run(
        QStringLiteral("zstd"), {QStringLiteral("-d"), QStringLiteral("-q"), QStringLiteral("-c"), path});
    QVERIFY2(decompressed.exitCode == 0 && !decompressed.crashed, decompressed.err.constData());
    QCOMPARE(decompressed.out.size(), input.size());
    QVERIFY(decompressed.out == input);
    QVERIFY(QFile::remove(path));
}

void TestZstdCompressor::corruptionIsDetected_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("threads");
    QTest::addColumn<bool>("middle");       // corrupt the middle (else the last byte: the checksum itself)
    QTest::addColumn<bool>("onlyChecksum"); // nothing but the checksum can notice this corruption

    // Random input is stored in raw blocks: a flipped byte there is found only by the checksum.
    const QByteArray random = randomBytes(3 * (1 << 20), 99);
    const QByteArray text = compressibleBytes(3 * (1 << 20), 98);
    for (const int threads : {0, 1, 2}) {
        QTest::addRow("random middle threads=%d", threads) << random << threads << true << true;
        QTest::addRow("text middle threads=%d", threads) << text << threads << true << false;
        QTest::addRow("random checksum threads=%d", threads) << random << threads << false << true;
    }
}

void TestZstdCompressor::corruptionIsDetected()
{
    QFETCH(QByteArray, input);
    QFETCH(int, threads);
    QFETCH(bool, middle);
    QFETCH(bool, onlyChecksum);

    const QByteArray output = compress(input, 3, threads, {65536});
    QVERIFY(output.size() > 1000);
    const QString good = m_dir.filePath(QStringLiteral("good.zst"));
    const QString bad = m_dir.filePath(QStringLiteral("bad.zst"));
    QVERIFY(writeFile(good, output));
    QByteArray corrupt = output;
    const qsizetype at = middle ? corrupt.size() / 2 : corrupt.size() - 1;
    corrupt[at] = char(corrupt.at(at) ^ 0x5a);
    QVERIFY(writeFile(bad, corrupt));

    const ProcessResult ok =
        m_run.run(QStringLiteral("zstd"), {QStringLiteral("-t"), QStringLiteral("-q"), good});
    QCOMPARE(ok.exitCode, 0);
    const ProcessResult failed =
        m_run.run(QStringLiteral("zstd"), {QStringLiteral("-t"), QStringLiteral("-q"), bad});
    QVERIFY2(failed.exitCode != 0, "zstd -t accepted a corrupted frame");
    QVERIFY(!failed.crashed);
    if (onlyChecksum)
        QVERIFY2(failed.errText().contains(QLatin1String("checksum"), Qt::CaseInsensitive),
                 failed.err.constData());
}

void TestZstdCompressor::levelMatters()
{
    const QByteArray input = compressibleBytes(2 * (1 << 20), 7);
    const QByteArray fast = compress(input, 1, 1, {1 << 16});
    const QByteArray small = compress(input, 19, 1, {1 << 16});
    QVERIFY(!fast.isEmpty());
    QVERIFY(!small.isEmpty());
    QVERIFY2(small.size() < fast.size(),
             qPrintable(QStringLiteral("%1 vs %2").arg(small.size()).arg(fast.size())));
    QVERIFY(fast.size() < input.size() / 4);
}

void TestZstdCompressor::effectiveThreads()
{
    const int automatic = ZstdCompressor::effectiveThreads(0);
    QVERIFY(automatic >= 1);
    QVERIFY(automatic <= 4);
    QCOMPARE(automatic, qBound(1, QThread::idealThreadCount(), 4));
    QCOMPARE(ZstdCompressor::effectiveThreads(1), 1);
    QCOMPARE(ZstdCompressor::effectiveThreads(3), 3);
    QCOMPARE(ZstdCompressor::effectiveThreads(8), 8);
}

void TestZstdCompressor::abortReachesNextStage()
{
    CollectingSink sink;
    auto created = ZstdCompressor::create(3, 2, &sink);
    QVERIFY(created.ok());
    const QByteArray input = randomBytes(3 * (1 << 20), 5);
    QVERIFY(writeInPieces(**created, input, {65536}).ok());
    (*created)->abort();
    QCOMPARE(sink.m_abortCalls, 1);
    QCOMPARE(sink.m_finishCalls, 0);
    created->reset(); // destroying an aborted compressor is fine
}

void TestZstdCompressor::downstreamErrorStops()
{
    CollectingSink sink;
    sink.m_failAfter = 100000;
    auto created = ZstdCompressor::create(3, 1, &sink);
    QVERIFY(created.ok());
    // With worker threads, libzstd may hold a whole job before any output: the failure then
    // shows at the latest in finish(), which must not finish the failed sink.
    const QByteArray input = randomBytes(4 * (1 << 20), 6);
    Status s = writeInPieces(**created, input, {65536});
    if (s.ok())
        s = (*created)->finish();
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("test.sink"));
    QVERIFY(sink.m_bytes.size() <= 100000);
    QCOMPARE(sink.m_finishCalls, 0);
}

void TestZstdCompressor::downstreamErrorStopsFinish()
{
    // Small input stays inside the compressor until finish() flushes it into the failing sink.
    CollectingSink sink;
    sink.m_failAfter = 0;
    auto created = ZstdCompressor::create(3, 0, &sink);
    QVERIFY(created.ok());
    const QByteArray input = compressibleBytes(1000, 3);
    QVERIFY(writeInPieces(**created, input, {100}).ok());
    const Status s = (*created)->finish();
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("test.sink"));
    QCOMPARE(sink.m_finishCalls, 0);
}

QTEST_GUILESS_MAIN(TestZstdCompressor)
#include "TestZstdCompressor.moc"
