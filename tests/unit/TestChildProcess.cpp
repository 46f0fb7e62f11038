#include "engine/io/ChildProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTest>

#include <condition_variable>
#include <csignal>
#include <functional>
#include <mutex>
#include <thread>

#include <sys/types.h>
#include <unistd.h>

using namespace lifeboat;

namespace {

const QString Sh = QStringLiteral("/bin/sh");

QString errorText(const Error &e)
{
    return e.code + QLatin1Char(' ') + e.message;
}

// The pids of this process's own children (threads' children included).
QList<pid_t> ownChildren()
{
    QList<pid_t> pids;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(tid + QStringLiteral("/children")));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &pid : f.readAll().simplified().split(' ')) {
            if (!pid.isEmpty())
                pids << pid_t(pid.toInt());
        }
    }
    return pids;
}

// Runs `work` on a thread of its own; if it is not done within `timeoutMs`, kills this process's
// children (which unblocks it) and reports the hang.
bool finishesWithin(int timeoutMs, const std::function<void()> &work)
{
    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
    std::thread worker([&] {
        work();
        std::lock_guard lock(mutex);
        done = true;
        cv.notify_all();
    });
    bool inTime = false;
    {
        std::unique_lock lock(mutex);
        inTime = cv.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return done; });
    }
    if (!inTime) {
        for (pid_t pid : ownChildren())
            ::kill(pid, SIGKILL);
    }
    worker.join();
    return inTime;
}

} // namespace

class TestChildProcess : public QObject
{
    Q_OBJECT

private slots:
    void streamsLargeStdout();
    void exitCodes_data();
    void exitCodes();
    void stderrTailWhileReadingStdout();
    void stderrDrainedWithoutStdout();
    void terminateFromAnotherThread();
    void terminateReachesGrandchildren();
    void environmentReplacesParents();
    void environmentInheritedWhenEmpty();
    void stdinWithCat();
    void largeStdinWithWc();
    void childStopsReadingStdin();
    void run();
    void runFailureNamesProgramAndLastLine();
    void runMissingProgram();
    void runWithLargeInput();
    void runWithInputTheChildIgnores();
    void noPipeLeaksIntoChildren();
    void destructorKillsChild();
    void waitTwice();
};

void TestChildProcess::streamsLargeStdout()
{
    ChildProcess child;
    const Status started =
        child.start(QStringLiteral("/usr/bin/head"),
                    {QStringLiteral("-c"), QStringLiteral("50000000"), QStringLiteral("/dev/zero")});
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : errorText(started.error())));
    QVERIFY(child.isRunning());
    QVERIFY(child.pid() > 0);

    constexpr qint64 Block = 65536;
    QByteArray buffer(Block, 'x');
    qint64 total = 0;
    qint64 reads = 0;
    bool allZero = true;
    for (;;) {
        const qint64 n = child.readStdout(buffer.data(), Block);
        QVERIFY(n >= 0);
        if (n == 0)
            break;
        QVERIFY(n <= Block);
        ++reads;
        total += n;
        if (reads % 64 == 1)
            allZero = allZero && buffer.left(n).count('\0') == n;
    }
    QCOMPARE(total, qint64(50000000));
    QVERIFY(reads >= 50000000 / Block);
    QVERIFY(allZero);
    QCOMPARE(child.readStdout(buffer.data(), Block), qint64(0)); // stays at the end
    QCOMPARE(child.wait(), 0);
    QVERIFY(child.exitedNormally());
    QCOMPARE(child.exitCode(), 0);
    QVERIFY(!child.isRunning());
    QVERIFY(child.stderrTail().isEmpty());
}

void TestChildProcess::exitCodes_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("normal");

    QTest::newRow("0") << QStringLiteral("exit 0") << 0 << true;
    QTest::newRow("1") << QStringLiteral("exit 1") << 1 << true;
    QTest::newRow("42") << QStringLiteral("exit 42") << 42 << true;
    QTest::newRow("255") << QStringLiteral("exit 255") << 255 << true;
    QTest::newRow("after output") << QStringLiteral("echo out; echo err >&2; exit 7") << 7 << true;
    QTest::newRow("SIGTERM") << QStringLiteral("kill -TERM $$") << 128 + SIGTERM << false;
    QTest::newRow("SIGKILL") << QStringLiteral("kill -KILL $$") << 128 + SIGKILL << false;
    QTest::newRow("SIGSEGV") << QStringLiteral("kill -SEGV $$") << 128 + SIGSEGV << false;
    QTest::newRow("SIGPIPE not ignored in the child")
        << QStringLiteral("kill -PIPE $$") << 128 + SIGPIPE << false;
}

void TestChildProcess::exitCodes()
{
    QFETCH(QString, script);
    QFETCH(int, code);
    QFETCH(bool, normal);

    // A parent that ignores SIGPIPE (as lifeboat-cli does) must not pass that on to its children.
    struct sigaction ignore
    {
    }, previous{};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &previous);
    ChildProcess child;
    const Status started = child.start(Sh, {QStringLiteral("-c"), script});
    ::sigaction(SIGPIPE, &previous, nullptr);
    QVERIFY(started.ok());
    QCOMPARE(child.wait(), code);
    QCOMPARE(child.exitCode(), code);
    QCOMPARE(child.exitedNormally(), normal);
}

void TestChildProcess::stderrTailWhileReadingStdout()
{
    // 1 MB to stderr before a single byte of stdout: a reader that ignored stderr would wait
    // for stdout while the child waits for someone to empty its stderr pipe.
    const QString script = QStringLiteral("head -c 1000000 /dev/zero | tr '\\0' e >&2; echo >&2; "
                                          "echo 'first line' >&2; echo 'last line' >&2; echo '   ' >&2; "
                                          "head -c 3000000 /dev/zero; "
                                          "head -c 500000 /dev/zero | tr '\\0' f >&2; echo >&2; "
                                          "echo 'final words' >&2; exit 3");
    ChildProcess child;
    QVERIFY(child.start(Sh, {QStringLiteral("-c"), script}).ok());
    qint64 total = 0;
    int code = -1;
    const bool inTime = finishesWithin(30000, [&] {
        char buffer[65536];
        qint64 n;
        while ((n = child.readStdout(buffer, sizeof buffer)) > 0)
            total += n;
        code = child.wait();
    });
    QVERIFY2(inTime, "deadlock: stderr was not drained while stdout was read");
    QCOMPARE(total, qint64(3000000));
    QCOMPARE(code, 3);
    const QByteArray tail = child.stderrTail();
    QCOMPARE(tail.size(), 64 * 1024); // the last 64 KiB, no more
    QVERIFY(tail.endsWith("\nfinal words\n"));
    QVERIFY(tail.startsWith("fff"));
    QCOMPARE(child.lastErrorLine(), QStringLiteral("final words"));
}

void TestChildProcess::stderrDrainedWithoutStdout()
{
    ChildProcess child;
    QVERIFY(child
                .start(Sh,
                       {QStringLiteral("-c"),
                        QStringLiteral("head -c 5000000 /dev/zero >&2; echo >&2; echo 'done' >&2; "
                                       "echo 'ignored stdout'; exit 4")},
                       {}, ChildProcess::Stdin::Null, ChildProcess::Stdout::Null)
                .ok());
    char buffer[16];
    QCOMPARE(child.readStdout(buffer, sizeof buffer), qint64(0)); // no stdout pipe
    int code = -1;
    QVERIFY2(finishesWithin(30000, [&] { code = child.wait(); }), "wait() did not drain stderr");
    QCOMPARE(code, 4);
    QCOMPARE(child.lastErrorLine(), QStringLiteral("done"));
}

void TestChildProcess::terminateFromAnotherThread()
{
    ChildProcess child;
    QVERIFY(child.start(QStringLiteral("/bin/sleep"), {QStringLiteral("30")}).ok());
    QElapsedTimer timer;
    timer.start();
    std::thread stopper([&child] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        child.terminate();
    });
    char buffer[1024];
    const qint64 n = child.readStdout(buffer, sizeof buffer); // blocks until the child is gone
    stopper.join();
    QCOMPARE(n, qint64(0));
    QCOMPARE(child.wait(), 128 + SIGTERM);
    QVERIFY(!child.exitedNormally());
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(timer.elapsed() >= 250);
}

void TestChildProcess::terminateReachesGrandchildren()
{
    // pg_dump's own children (parallel workers) hold its stdout too: the whole process group
    // must go, or the read would block until they end by themselves.
    ChildProcess child;
    QVERIFY(child.start(Sh, {QStringLiteral("-c"), QStringLiteral("sleep 30 & sleep 30; wait")}).ok());
    QElapsedTimer timer;
    timer.start();
    std::thread stopper([&child] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        child.terminate();
    });
    char buffer[1024];
    const qint64 n = child.readStdout(buffer, sizeof buffer);
    stopper.join();
    QCOMPARE(n, qint64(0));
    QVERIFY(child.wait() != 0);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
}

void TestChildProcess::environmentReplacesParents()
{
    qputenv("LIFEBOAT_PARENT_ONLY", "leak");
    const QStringList env{QStringLiteral("LIFEBOAT_A=1"), QStringLiteral("PGPASSWORD=s3cr3t with space"),
                          QStringLiteral("LIFEBOAT_UNICODE=bücher")};
    auto out = ChildProcess::run(QStringLiteral("/usr/bin/env"), {}, env);
    qunsetenv("LIFEBOAT_PARENT_ONLY");
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : errorText(out.error())));
    QStringList lines = QString::fromUtf8(*out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    lines.sort();
    QStringList expected = env;
    expected.sort();
    QCOMPARE(lines, expected);
}

void TestChildProcess::environmentInheritedWhenEmpty()
{
    qputenv("LIFEBOAT_INHERITED", "yes");
    auto out = ChildProcess::run(QStringLiteral("/usr/bin/env"), {});
    qunsetenv("LIFEBOAT_INHERITED");
    QVERIFY(out.ok());
    const QList<QByteArray> lines = out->split('\n');
    QVERIFY(lines.contains("LIFEBOAT_INHERITED=yes"));
    QVERIFY(lines.contains("PATH=" + qgetenv("PATH")));
}

void TestChildProcess::stdinWithCat()
{
    ChildProcess child;
    QVERIFY(child.start(QStringLiteral("/bin/cat"), {}, {}, ChildProcess::Stdin::Pipe).ok());
    const QByteArray input = "hello\nbücher\n" + QByteArray(1000, 'z');
    QVERIFY(child.writeStdin(input.constData(), 6).ok());
    QVERIFY(child.writeStdin(input.constData() + 6, input.size() - 6).ok());
    child.closeStdin();
    QVERIFY(!child.writeStdin("x", 1).ok()); // closed is closed
    QByteArray out;
    char buffer[4096];
    qint64 n;
    while ((n = child.readStdout(buffer, sizeof buffer)) > 0)
        out.append(buffer, n);
    QCOMPARE(out, input);
    QCOMPARE(child.wait(), 0);
}

void TestChildProcess::largeStdinWithWc()
{
    // Far more than a pipe holds: writeStdin blocks until the child has read it all.
    ChildProcess child;
    QVERIFY(child.start(QStringLiteral("/usr/bin/wc"), {QStringLiteral("-c")}, {}, ChildProcess::Stdin::Pipe)
                .ok());
    const QByteArray block(1 << 20, 'a');
    for (int i = 0; i < 20; ++i)
        QVERIFY(child.writeStdin(block.constData(), block.size()).ok());
    child.closeStdin();
    QByteArray out;
    char buffer[256];
    qint64 n;
    while ((n = child.readStdout(buffer, sizeof buffer)) > 0)
        out.append(buffer, n);
    QCOMPARE(out.trimmed(), QByteArray::number(20 << 20));
    QCOMPARE(child.wait(), 0);
}

void TestChildProcess::childStopsReadingStdin()
{
    // The child reads a little and exits while we still write: writeStdin fails with a message;
    // it must not kill this process with SIGPIPE. Repeated, to hit the moment between poll and
    // write too.
    const QByteArray block(1 << 16, 'a');
    for (int round = 0; round < 30; ++round) {
        ChildProcess child;
        QVERIFY(child
                    .start(QStringLiteral("/usr/bin/head"), {QStringLiteral("-c"), QStringLiteral("10")}, {},
                           ChildProcess::Stdin::Pipe)
                    .ok());
        Status s;
        for (int i = 0; i < 1000 && s.ok(); ++i)
            s = child.writeStdin(block.constData(), block.size());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("process.stdin"));
        QVERIFY2(s.error().message.contains(QLatin1String("/usr/bin/head")), qPrintable(s.error().message));
        QCOMPARE(child.wait(), 0);
    }
}

void TestChildProcess::run()
{
    auto out =
        ChildProcess::run(QStringLiteral("/bin/echo"), {QStringLiteral("hello"), QStringLiteral("bücher")});
    QVERIFY(out.ok());
    QCOMPARE(*out, QByteArray("hello bücher\n"));

    // Arguments arrive as given: no shell in between.
    out = ChildProcess::run(QStringLiteral("/usr/bin/printf"),
                            {QStringLiteral("%s|"), QStringLiteral("a b"), QStringLiteral("$HOME"),
                             QStringLiteral("'q'"), QStringLiteral(""), QStringLiteral("*")});
    QVERIFY(out.ok());
    QCOMPARE(*out, QByteArray("a b|$HOME|'q'||*|"));

    out = ChildProcess::run(QStringLiteral("/bin/cat"), {}, {}, QByteArray("piped input"));
    QVERIFY(out.ok());
    QCOMPARE(*out, QByteArray("piped input"));

    out = ChildProcess::run(QStringLiteral("/bin/cat"), {}, {}, QByteArray(""));
    QVERIFY(out.ok());
    QCOMPARE(*out, QByteArray());

    // Without input the child's stdin is /dev/null, not ours.
    out = ChildProcess::run(QStringLiteral("/bin/cat"), {});
    QVERIFY(out.ok());
    QCOMPARE(*out, QByteArray());
}

void TestChildProcess::runFailureNamesProgramAndLastLine()
{
    auto out = ChildProcess::run(
        Sh, {QStringLiteral("-c"), QStringLiteral("echo partial; echo 'first problem' >&2; "
                                                  "echo 'pg_dump: error: the last line' >&2; "
                                                  "echo >&2; exit 3")});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("process.failed"));
    const QString message = out.error().message;
    QVERIFY2(message.contains(Sh), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("exit 3")), qPrintable(message));
    QVERIFY2(message.endsWith(QLatin1String("pg_dump: error: the last line")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("first problem")), qPrintable(message));

    out = ChildProcess::run(Sh, {QStringLiteral("-c"), QStringLiteral("exit 9")});
    QVERIFY(!out.ok());
    QVERIFY2(out.error().message.endsWith(QLatin1String("(exit 9)")), qPrintable(out.error().message));

    out = ChildProcess::run(Sh, {QStringLiteral("-c"), QStringLiteral("echo 'killed' >&2; kill -KILL $$")});
    QVERIFY(!out.ok());
    QVERIFY2(out.error().message.contains(QString::number(128 + SIGKILL)), qPrintable(out.error().message));
}

void TestChildProcess::runMissingProgram()
{
    const QString missing = QStringLiteral("/nonexistent/lifeboat-no-such-program");
    auto out = ChildProcess::run(missing, {QStringLiteral("--version")});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("process.spawn"));
    QVERIFY2(out.error().message.contains(missing), qPrintable(out.error().message));

    ChildProcess child;
    const Status s = child.start(missing, {});
    QVERIFY(!s.ok());
    QVERIFY(!child.isRunning());
    QCOMPARE(child.wait(), -1);
}

void TestChildProcess::runWithLargeInput()
{
    // More input than a pipe holds, echoed back: the child's output fills its pipe while it still
    // has input to read, so run() must read while it writes.
    QByteArray input(4 * (1 << 20), Qt::Uninitialized);
    for (qsizetype i = 0; i < input.size(); ++i)
        input[i] = char('a' + i % 26);
    Result<QByteArray> out = makeError(QString(), QStringLiteral("not run"));
    const bool inTime =
        finishesWithin(30000, [&] { out = ChildProcess::run(QStringLiteral("/bin/cat"), {}, {}, input); });
    QVERIFY2(inTime, "run() deadlocked: it wrote all input before reading any output");
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : errorText(out.error())));
    QCOMPARE(out->size(), input.size());
    QVERIFY(*out == input);
}

void TestChildProcess::runWithInputTheChildIgnores()
{
    // The child exits without reading: no SIGPIPE for us, and its result still counts.
    const QByteArray input(4 * (1 << 20), 'x');
    for (int round = 0; round < 10; ++round) {
        Result<QByteArray> out = makeError(QString(), QStringLiteral("not run"));
        QVERIFY(finishesWithin(30000, [&] {
            out = ChildProcess::run(QStringLiteral("/bin/echo"), {QStringLiteral("ok")}, {}, input);
        }));
        QVERIFY(out.ok());
        QCOMPARE(*out, QByteArray("ok\n"));
    }
}

void TestChildProcess::noPipeLeaksIntoChildren()
{
    // Another child with all three pipes open in this process while the second one starts.
    ChildProcess other;
    QVERIFY(other.start(QStringLiteral("/bin/cat"), {}, {}, ChildProcess::Stdin::Pipe).ok());
    QVERIFY(other.writeStdin("x", 1).ok());

    ChildProcess child;
    QVERIFY(child
                .start(QStringLiteral("/bin/ls"), {QStringLiteral("-1"), QStringLiteral("/proc/self/fd")}, {},
                       ChildProcess::Stdin::Pipe)
                .ok());
    child.closeStdin();
    QByteArray out;
    char buffer[4096];
    qint64 n;
    while ((n = child.readStdout(buffer, sizeof buffer)) > 0)
        out.append(buffer, n);
    QCOMPARE(child.wait(), 0);
    QSet<QByteArray> fds;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            fds.insert(line);
    }
    // stdin, stdout, stderr and the folder ls is reading: nothing else.
    QCOMPARE(fds, (QSet<QByteArray>{"0", "1", "2", "3"}));

    other.closeStdin();
    QCOMPARE(other.wait(), 0);
}

void TestChildProcess::destructorKillsChild()
{
    pid_t pid = 0;
    QElapsedTimer timer;
    timer.start();
    {
        ChildProcess child;
        QVERIFY(child.start(QStringLiteral("/bin/sleep"), {QStringLiteral("30")}).ok());
        pid = child.pid();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid, 0), 0);
    }
    QVERIFY(timer.elapsed() < 10000);
    // Killed and reaped: no such process any more (not even a zombie).
    const int rc = ::kill(pid, 0);
    const int err = errno;
    QCOMPARE(rc, -1);
    QCOMPARE(err, ESRCH);
}

void TestChildProcess::waitTwice()
{
    ChildProcess child;
    QVERIFY(child.start(Sh, {QStringLiteral("-c"), QStringLiteral("exit 5")}).ok());
    QCOMPARE(child.wait(), 5);
    QCOMPARE(child.wait(), 5);
    QVERIFY(!child.isRunning());
    QCOMPARE(child.program(), Sh);
}

QTEST_GUILESS_MAIN(TestChildProcess)
#include "TestChildProcess.moc"
