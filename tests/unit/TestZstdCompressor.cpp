// ZstdCompressor (single frames and series of bounded frames, checked with the zstd CLI) and
// ParallelZstdDecompressor, which decodes such a series on several threads.

#include "engine/pipeline/ParallelZstdDecompressor.h"
#include "engine/pipeline/ZstdCompressor.h"
#include "support/ProcessRunner.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <zstd.h>

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

// The compressed size of every frame in a zstd stream (empty if it is not a series of frames).
QList<qint64> frameSizes(const QByteArray &stream)
{
    QList<qint64> sizes;
    qint64 at = 0;
    while (at < stream.size()) {
        const size_t n = ZSTD_findFrameCompressedSize(stream.constData() + at, size_t(stream.size() - at));
        if (ZSTD_isError(n))
            return {};
        sizes << qint64(n);
        at += qint64(n);
    }
    return sizes;
}

// Decodes with ParallelZstdDecompressor, written in pieces; the error, if any, in `error`.
QByteArray decodeParallel(const QByteArray &stream, qint64 maxFrameBytes, int workers,
                          const QList<qint64> &pattern, Status *error, CollectingSink *sink = nullptr)
{
    CollectingSink own;
    CollectingSink &out = sink ? *sink : own;
    ParallelZstdDecompressor zstd(&out, maxFrameBytes, workers);
    Status s = stream.isEmpty() ? Status() : writeInPieces(zstd, stream, pattern);
    if (s.ok())
        s = zstd.finish();
    else
        zstd.abort();
    *error = s;
    return out.m_bytes;
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
    void framesAreBoundedAndIndependent_data();
    void framesAreBoundedAndIndependent();
    void parallelRoundTrip_data();
    void parallelRoundTrip();
    void parallelReportsTheFirstCorruption();
    void parallelRefusesTruncation();
    void parallelRefusesOversizedFrames_data();
    void parallelRefusesOversizedFrames();
    void parallelRefusesGarbage();
    void parallelDownstreamErrorStops();
    void parallelAbortReachesNextStage();

private:
    QByteArray compress(const QByteArray &input, int level, int threads, const QList<qint64> &pattern,
                        qint64 frameBytes = 0);

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
                                        const QList<qint64> &pattern, qint64 frameBytes)
{
    CollectingSink sink;
    auto created = ZstdCompressor::create(level, threads, &sink, frameBytes);
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

void TestZstdCompressor::framesAreBoundedAndIndependent_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("threads");
    const qint64 frame = 64 << 10;
    for (const int threads : {0, 2}) {
        QTest::addRow("empty threads=%d", threads) << qint64(0) << threads;
        QTest::addRow("less than a frame threads=%d", threads) << frame - 1 << threads;
        QTest::addRow("exactly 5 frames threads=%d", threads) << 5 * frame << threads;
        QTest::addRow("5 frames and a byte threads=%d", threads) << 5 * frame + 1 << threads;
        QTest::addRow("23 frames and some threads=%d", threads) << 23 * frame + 4093 << threads;
    }
}

void TestZstdCompressor::framesAreBoundedAndIndependent()
{
    QFETCH(qint64, size);
    QFETCH(int, threads);
    const qint64 frame = 64 << 10;
    const QByteArray input = compressibleBytes(size, quint32(size));
    // Pieces that straddle frame boundaries.
    const QByteArray output = compress(input, 3, threads, {1, 40000, 65537, 7}, frame);
    QVERIFY(!output.isEmpty());

    const QList<qint64> sizes = frameSizes(output);
    const qint64 expected = qMax<qint64>(1, (size + frame - 1) / frame); // no empty frame at the end
    QCOMPARE(sizes.size(), expected);
    qint64 at = 0;
    qint64 decodedTotal = 0;
    for (const qint64 n : sizes) {
        // Each frame decodes on its own, to at most `frame` bytes, with its checksum.
        QVERIFY2(quint8(output.at(at + 4)) & 0x04, "Content_Checksum_flag is not set");
        QByteArray decoded(frame + 1, Qt::Uninitialized);
        const size_t got =
            ZSTD_decompress(decoded.data(), size_t(decoded.size()), output.constData() + at, size_t(n));
        QVERIFY2(!ZSTD_isError(got), ZSTD_getErrorName(got));
        QVERIFY(qint64(got) <= frame);
        QVERIFY(decoded.left(qsizetype(got)) == input.mid(decodedTotal, qsizetype(got)));
        decodedTotal += qint64(got);
        at += n;
    }
    QCOMPARE(decodedTotal, size);

    // The zstd CLI reads the series as one stream.
    const QString path =
        m_dir.filePath(QStringLiteral("frames-%1.zst").arg(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY(writeFile(path, output));
    const ProcessResult decompressed = m_run.run(
        QStringLiteral("zstd"), {QStringLiteral("-d"), QStringLiteral("-q"), QStringLiteral("-c"), path});
    QVERIFY2(decompressed.exitCode == 0 && !decompressed.crashed, decompressed.err.constData());
    QVERIFY(decompressed.out == input);
    QVERIFY(QFile::remove(path));
}

void TestZstdCompressor::parallelRoundTrip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("frameBytes"); // what the compressor wrote; 0 = one frame
    QTest::addColumn<qint64>("maxFrameBytes");
    QTest::addColumn<int>("workers");
    QTest::addColumn<QList<qint64>>("pattern");

    const qint64 frame = 64 << 10;
    const QByteArray text = compressibleBytes(37 * frame + 11, 11);
    const QByteArray random = randomBytes(9 * frame + 3, 12);
    const QByteArray exact = compressibleBytes(8 * frame, 13);
    for (const int workers : {1, 2, 4}) {
        QTest::addRow("text workers=%d", workers)
            << text << frame << frame << workers << QList<qint64>{65536};
        QTest::addRow("text bytewise-ish workers=%d", workers)
            << text << frame << frame << workers << QList<qint64>{1, 7, 4093, 3};
        QTest::addRow("random workers=%d", workers)
            << random << frame << frame << workers << QList<qint64>{100000};
        QTest::addRow("exact frames workers=%d", workers)
            << exact << frame << frame << workers << QList<qint64>{frame};
    }
    QTest::addRow("one byte") << QByteArray("x") << frame << frame << 2 << QList<qint64>{1};
    QTest::addRow("empty input") << QByteArray() << frame << frame << 2 << QList<qint64>{1};
    // One frame (an older backup) within the bound decodes too.
    QTest::addRow("single frame") << compressibleBytes(frame / 2, 14) << qint64(0) << frame << 2
                                  << QList<qint64>{999};
}

void TestZstdCompressor::parallelRoundTrip()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, frameBytes);
    QFETCH(qint64, maxFrameBytes);
    QFETCH(int, workers);
    QFETCH(QList<qint64>, pattern);

    const QByteArray compressed = compress(input, 3, 2, {65536}, frameBytes);
    QVERIFY(!compressed.isEmpty());
    CollectingSink sink;
    Status error;
    const QByteArray output = decodeParallel(compressed, maxFrameBytes, workers, pattern, &error, &sink);
    QVERIFY2(error.ok(), qPrintable(errorText(error)));
    QCOMPARE(output.size(), input.size());
    QVERIFY(output == input);
    QCOMPARE(sink.m_finishCalls, 1);
    QCOMPARE(sink.m_abortCalls, 0);
}

void TestZstdCompressor::parallelReportsTheFirstCorruption()
{
    const qint64 frame = 64 << 10;
    const QByteArray input = compressibleBytes(40 * frame, 21);
    const QByteArray compressed = compress(input, 3, 1, {65536}, frame);
    const QList<qint64> sizes = frameSizes(compressed);
    QCOMPARE(sizes.size(), 40);
    auto frameStart = [&](int i) {
        qint64 at = 0;
        for (int k = 0; k < i; ++k)
            at += sizes.at(k);
        return at;
    };
    // Damage frame 7 and frame 5 (a byte in the middle of each, so each frame's decoding fails):
    // frame 5's problem is reported, whichever worker met its problem first.
    for (const int workers : {1, 2, 4}) {
        QByteArray bad = compressed;
        for (const int f : {7, 5}) {
            const qint64 at = frameStart(f) + sizes.at(f) / 2;
            bad[at] = char(bad.at(at) ^ 0xff);
            bad[at + 1] = char(bad.at(at + 1) ^ 0x5a);
        }
        CollectingSink sink;
        Status error;
        (void)decodeParallel(bad, frame, workers, {8192}, &error, &sink);
        QVERIFY2(!error.ok(), "a corrupted stream was accepted");
        QCOMPARE(error.error().code, QStringLiteral("zstd.corrupt"));
        bool ok = false;
        const qint64 offset = error.error()
                                  .message.section(QLatin1String("compressed byte "), 1)
                                  .section(QLatin1Char(' '), 0, 0)
                                  .toLongLong(&ok);
        QVERIFY2(ok, qPrintable(error.error().message));
        QVERIFY2(offset >= frameStart(5) && offset <= frameStart(6),
                 qPrintable(QStringLiteral("workers=%1: %2 (frame 5 is %3..%4)")
                                .arg(workers)
                                .arg(error.error().message)
                                .arg(frameStart(5))
                                .arg(frameStart(6))));
        // What went on before the problem is the original, in order, and nothing after frame 5.
        QVERIFY(sink.m_bytes.size() <= 6 * frame);
        QVERIFY(input.startsWith(sink.m_bytes));
        QCOMPARE(sink.m_finishCalls, 0);
    }
}

void TestZstdCompressor::parallelRefusesTruncation()
{
    const qint64 frame = 64 << 10;
    const QByteArray input = compressibleBytes(6 * frame + 100, 31);
    const QByteArray compressed = compress(input, 3, 1, {65536}, frame);
    const QList<qint64> sizes = frameSizes(compressed);
    QCOMPARE(sizes.size(), 7);
    const qint64 cuts[] = {3, sizes.at(0) - 1, sizes.at(0) + sizes.at(1) / 2, qint64(compressed.size()) - 1};
    for (const qint64 cut : cuts) {
        CollectingSink sink;
        Status error;
        (void)decodeParallel(compressed.left(qsizetype(cut)), frame, 2, {4096}, &error, &sink);
        QVERIFY2(!error.ok(), qPrintable(QStringLiteral("cut at %1 was accepted").arg(cut)));
        QCOMPARE(error.error().code, QStringLiteral("zstd.truncated"));
        QVERIFY2(error.error().message.contains(QString::number(cut)), qPrintable(error.error().message));
        QCOMPARE(sink.m_finishCalls, 0);
    }
    Status error;
    (void)decodeParallel(QByteArray(), frame, 2, {1}, &error);
    QVERIFY(!error.ok());
    QCOMPARE(error.error().code, QStringLiteral("zstd.truncated"));
}

void TestZstdCompressor::parallelRefusesOversizedFrames_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("frameBytes");
    // Text: the frame is small once compressed, but decodes to more than the bound.
    QTest::addRow("text, frames of 1 MiB") << compressibleBytes(3 << 20, 41) << qint64(1 << 20);
    // Random: the compressed frame alone is longer than any frame within the bound could be.
    QTest::addRow("random, one frame") << randomBytes(2 << 20, 42) << qint64(0);
}

void TestZstdCompressor::parallelRefusesOversizedFrames()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, frameBytes);
    const QByteArray compressed = compress(input, 3, 1, {65536}, frameBytes);
    CollectingSink sink;
    Status error;
    (void)decodeParallel(compressed, 256 << 10, 2, {65536}, &error, &sink);
    QVERIFY2(!error.ok(), "a frame over the bound was accepted");
    QCOMPARE(error.error().code, QStringLiteral("zstd.corrupt"));
    QVERIFY2(error.error().message.contains(QLatin1String("longer than the 262144 bytes")),
             qPrintable(error.error().message));
    QVERIFY(sink.m_bytes.size() <= (256 << 10) + (1 << 20));
    QCOMPARE(sink.m_finishCalls, 0);
}

void TestZstdCompressor::parallelRefusesGarbage()
{
    Status error;
    (void)decodeParallel(randomBytes(100000, 51), 64 << 10, 2, {4096}, &error);
    QVERIFY(!error.ok());
    QCOMPARE(error.error().code, QStringLiteral("zstd.corrupt"));
    QVERIFY2(error.error().message.contains(QLatin1String("compressed byte 0")),
             qPrintable(error.error().message));
}

void TestZstdCompressor::parallelDownstreamErrorStops()
{
    const qint64 frame = 64 << 10;
    const QByteArray compressed = compress(compressibleBytes(50 * frame, 61), 3, 1, {65536}, frame);
    for (const int workers : {1, 2, 4}) {
        CollectingSink sink;
        sink.m_failAfter = 3 * frame + 17;
        Status error;
        (void)decodeParallel(compressed, frame, workers, {65536}, &error, &sink);
        QVERIFY(!error.ok());
        QCOMPARE(error.error().code, QStringLiteral("test.sink"));
        QVERIFY(sink.m_bytes.size() <= 3 * frame + 17);
        QCOMPARE(sink.m_finishCalls, 0);
    }
}

void TestZstdCompressor::parallelAbortReachesNextStage()
{
    const qint64 frame = 64 << 10;
    const QByteArray compressed = compress(compressibleBytes(20 * frame, 71), 3, 1, {65536}, frame);
    CollectingSink sink;
    {
        ParallelZstdDecompressor zstd(&sink, frame, 2);
        QVERIFY(writeInPieces(zstd, compressed.left(compressed.size() / 2), {4096}).ok());
        zstd.abort();
    }
    QCOMPARE(sink.m_abortCalls, 1);
    QCOMPARE(sink.m_finishCalls, 0);
    {
        // Destroyed without finish() or abort(): the threads stop, the next stage is left alone.
        CollectingSink other;
        ParallelZstdDecompressor zstd(&other, frame, 4);
        QVERIFY(writeInPieces(zstd, compressed, {4096}).ok());
    }
}

QTEST_GUILESS_MAIN(TestZstdCompressor)
#include "TestZstdCompressor.moc"
