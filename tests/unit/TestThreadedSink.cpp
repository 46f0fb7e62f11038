// ThreadedSink: the stage that hands bytes to the next stage on another thread (the restore's
// read → age → zstd → archive pipeline runs on three threads through it).

#include "engine/io/ThreadedSink.h"

#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

using namespace lifeboat;

namespace {

// Keeps every byte; can fail after a number of bytes, or hold each write until released.
class RecordingSink final : public ByteSink
{
public:
    Status write(const char *data, qint64 size) override
    {
        {
            std::unique_lock lock(m_mutex);
            m_released.wait(lock, [this] { return !m_hold; });
        }
        m_threads.insert(std::this_thread::get_id());
        if (m_failAt >= 0 && m_bytes.size() + size > m_failAt)
            return makeError(QStringLiteral("test.full"), QStringLiteral("the test sink is full"));
        m_bytes.append(data, size);
        m_received.fetch_add(size);
        return {};
    }
    Status finish() override
    {
        ++m_finishCalls;
        return {};
    }
    void abort() override { ++m_abortCalls; }
    void hold(bool on)
    {
        {
            std::lock_guard lock(m_mutex);
            m_hold = on;
        }
        m_released.notify_all();
    }

    QByteArray m_bytes;
    std::atomic<qint64> m_received{0};
    qint64 m_failAt = -1;
    int m_finishCalls = 0;
    int m_abortCalls = 0;
    std::set<std::thread::id> m_threads;

private:
    std::mutex m_mutex;
    std::condition_variable m_released;
    bool m_hold = false;
};

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(generator.generate() & 0xff);
    return data;
}

} // namespace

class TestThreadedSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesEveryByteInOrderOnAnotherThread_data();
    void passesEveryByteInOrderOnAnotherThread();
    void failureOfTheNextStageReachesTheProducer();
    void drainWritesWhatIsQueuedAndReportsTheNextStagesFailure();
    void abortDropsTheQueueAndAbortsTheNextStage();
    void producerWaitsWhileTheQueueIsFull();
};

void TestThreadedSink::passesEveryByteInOrderOnAnotherThread_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("blockSize");
    QTest::addColumn<int>("maxWrite");
    QTest::newRow("empty") << qint64(0) << qint64(4096) << 100;
    QTest::newRow("less than a block") << qint64(1000) << qint64(4096) << 333;
    QTest::newRow("exact blocks") << qint64(4 * 4096) << qint64(4096) << 4096;
    QTest::newRow("writes larger than blocks") << qint64(300000) << qint64(4096) << 50000;
    QTest::newRow("tiny writes") << qint64(20000) << qint64(4096) << 3;
    QTest::newRow("1 MiB blocks") << qint64(5 << 20) << qint64(1 << 20) << 65536;
}

void TestThreadedSink::passesEveryByteInOrderOnAnotherThread()
{
    QFETCH(qint64, total);
    QFETCH(qint64, blockSize);
    QFETCH(int, maxWrite);
    const QByteArray input = randomBytes(total, 7);
    RecordingSink out;
    {
        ThreadedSink sink(&out, "test-sink", blockSize, 2);
        QRandomGenerator sizes(11);
        qint64 pos = 0;
        while (pos < total) {
            const qint64 n = qMin<qint64>(total - pos, 1 + qint64(sizes.bounded(maxWrite)));
            QVERIFY(sink.write(input.constData() + pos, n).ok());
            pos += n;
        }
        QVERIFY(sink.finish().ok());
        QCOMPARE(out.m_finishCalls, 1);
    }
    QCOMPARE(out.m_bytes.size(), input.size());
    QVERIFY(out.m_bytes == input);
    QCOMPARE(out.m_abortCalls, 0);
    if (total > 0) {
        QCOMPARE(out.m_threads.size(), size_t(1));
        QVERIFY(*out.m_threads.begin() != std::this_thread::get_id());
    }
}

void TestThreadedSink::failureOfTheNextStageReachesTheProducer()
{
    const QByteArray input = randomBytes(1 << 20, 3);
    RecordingSink out;
    out.m_failAt = 10000;
    ThreadedSink sink(&out, "test-sink", 4096, 2);
    Status last;
    int writes = 0;
    // The producer keeps writing until the failure comes back; it never waits forever, although
    // the failed stage takes no more bytes.
    for (qint64 pos = 0; pos < input.size() && last.ok(); pos += 1000, ++writes)
        last = sink.write(input.constData() + pos, qMin<qint64>(1000, input.size() - pos));
    QVERIFY(!last.ok());
    QCOMPARE(last.error().code, QStringLiteral("test.full"));
    QVERIFY2(writes < 1000, qPrintable(QString::number(writes)));
    const Status finished = sink.finish();
    QVERIFY(!finished.ok());
    QCOMPARE(finished.error().code, QStringLiteral("test.full"));
    QCOMPARE(out.m_finishCalls, 0);
    QVERIFY(out.m_bytes.size() <= 10000);
    QVERIFY(out.m_bytes == input.left(out.m_bytes.size()));
}

void TestThreadedSink::drainWritesWhatIsQueuedAndReportsTheNextStagesFailure()
{
    const QByteArray input = randomBytes(20000, 5);
    {
        RecordingSink out;
        ThreadedSink sink(&out, "test-sink", 4096, 8);
        QVERIFY(sink.write(input.constData(), input.size()).ok());
        // Upstream failed now: what was handed over before is written, nothing is finished.
        QVERIFY(sink.drain().ok());
        QVERIFY(out.m_bytes == input);
        QCOMPARE(out.m_finishCalls, 0);
        QCOMPARE(out.m_abortCalls, 0);
    }
    {
        RecordingSink out;
        out.m_failAt = 15000;
        ThreadedSink sink(&out, "test-sink", 4096, 8);
        out.hold(true); // the failure happens only after the producer has handed everything over
        QVERIFY(sink.write(input.constData(), input.size()).ok());
        out.hold(false);
        const Status drained = sink.drain();
        QVERIFY(!drained.ok());
        QCOMPARE(drained.error().code, QStringLiteral("test.full"));
        QCOMPARE(out.m_bytes.size(), 12288); // three whole blocks before the one that failed
    }
}

void TestThreadedSink::abortDropsTheQueueAndAbortsTheNextStage()
{
    const QByteArray input = randomBytes(8 * 4096, 9);
    RecordingSink out;
    {
        ThreadedSink sink(&out, "test-sink", 4096, 8);
        out.hold(true);
        QVERIFY(sink.write(input.constData(), input.size()).ok());
        std::thread release([&out] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            out.hold(false);
        });
        sink.abort();
        release.join();
        QCOMPARE(out.m_abortCalls, 1);
        QCOMPARE(out.m_finishCalls, 0);
    }
    // At most the block the thread held when abort() came was written.
    QVERIFY2(out.m_bytes.size() <= 4096, qPrintable(QString::number(out.m_bytes.size())));
}

void TestThreadedSink::producerWaitsWhileTheQueueIsFull()
{
    const qint64 blockSize = 4096;
    const int depth = 2;
    const QByteArray input = randomBytes(64 * blockSize, 13);
    RecordingSink out;
    ThreadedSink sink(&out, "test-sink", blockSize, depth);
    out.hold(true);
    std::atomic<qint64> accepted{0};
    std::thread producer([&] {
        for (qint64 pos = 0; pos < input.size(); pos += 1024) {
            if (!sink.write(input.constData() + pos, 1024).ok())
                return;
            accepted.fetch_add(1024);
        }
    });
    QTest::qWait(200);
    // Held: one block in the next stage, `depth` queued, one being filled.
    QVERIFY2(accepted.load() <= (depth + 2) * blockSize, qPrintable(QString::number(accepted.load())));
    QVERIFY(accepted.load() >= (depth + 1) * blockSize);
    out.hold(false);
    producer.join();
    QCOMPARE(accepted.load(), qint64(input.size()));
    QVERIFY(sink.finish().ok());
    QVERIFY(out.m_bytes == input);
}

QTEST_GUILESS_MAIN(TestThreadedSink)
#include "TestThreadedSink.moc"
