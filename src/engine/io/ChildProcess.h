#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QStringList>

#include <atomic>
#include <functional>
#include <sys/types.h>

namespace lifeboat {

// A child process with pipes, for the streaming pipeline: blocking reads of its stdout (or
// writes to its stdin) on the worker thread, stderr drained into a bounded tail the whole time
// so the child never stalls on it. Spawned with posix_spawn in its own process group; the
// environment is passed explicitly (passwords travel there or in a passfile, never in argv).
// Pipes are close-on-exec, so no other child inherits them. Not a QObject: no event loop.
class ChildProcess
{
public:
    enum class Stdin
    {
        Null,
        Pipe
    };
    enum class Stdout
    {
        Pipe,
        Null
    };

    ChildProcess() = default;
    ~ChildProcess(); // kills and reaps a child that is still running
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    // `environment` holds "NAME=value" entries; empty = inherit this process's environment.
    Status start(const QString &program, const QStringList &arguments, const QStringList &environment = {},
                 Stdin in = Stdin::Null, Stdout out = Stdout::Pipe);

    // Blocks until some stdout is available; returns bytes read, 0 at end of stream, -1 on error.
    qint64 readStdout(char *buffer, qint64 size);
    // Blocks until everything is written (draining stderr meanwhile). Fails if the child
    // closed its stdin (it exited or failed) — the caller then looks at wait() and stderrTail().
    Status writeStdin(const char *data, qint64 size);
    void closeStdin();

    // Thread-safe: may be called from another thread to stop a blocking read.
    void terminate();
    void kill();

    // Waits for the child to exit (reading and discarding any remaining stdout); returns its
    // exit code, or 128+signal when it was killed by a signal.
    int wait();
    bool exitedNormally() const { return m_exitedNormally; }
    int exitCode() const { return m_exitCode; }
    pid_t pid() const { return m_pid.load(); }
    bool isRunning() const { return m_pid.load() > 0 && !m_reaped; }
    QString program() const { return m_program; }

    // Called (on the reading thread) with each complete line the child writes to stderr.
    void setStderrLineHandler(std::function<void(const QByteArray &line)> handler)
    {
        m_lineHandler = std::move(handler);
    }

    // The last 64 KiB the child wrote to stderr.
    QByteArray stderrTail() const { return m_stderr; }
    // The last non-empty line of stderr, for one-sentence errors.
    QString lastErrorLine() const;

    // Runs a program to completion, returning its stdout; fails with its stderr tail if it exits
    // non-zero. For short commands (`pg_dump --version`, `pg_restore -l`).
    static Result<QByteArray> run(const QString &program, const QStringList &arguments,
                                  const QStringList &environment = {}, const QByteArray &input = {});

private:
    void drainStderr(bool block);
    void closeFd(int &fd);

    QString m_program;
    std::atomic<pid_t> m_pid{0};
    int m_stdinFd = -1;
    int m_stdoutFd = -1;
    int m_stderrFd = -1;
    bool m_reaped = false;
    bool m_exitedNormally = false;
    int m_exitCode = -1;
    QByteArray m_stderr;
    QByteArray m_partialLine;
    std::function<void(const QByteArray &)> m_lineHandler;
};

} // namespace lifeboat
