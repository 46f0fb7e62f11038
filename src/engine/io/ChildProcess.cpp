#include "engine/io/ChildProcess.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>
#include <utility>
#include <vector>

extern char **environ;

namespace lifeboat {

namespace {
constexpr qsizetype kStderrTail = 64 * 1024;

// write() to a pipe whose reader may be gone: reports that as EPIPE instead of raising SIGPIPE,
// which would end this whole process (neither Qt nor the GUI app ignores it).
ssize_t writeNoSigpipe(int fd, const char *data, size_t size)
{
    sigset_t pipeOnly, old, pending;
    sigemptyset(&pipeOnly);
    sigaddset(&pipeOnly, SIGPIPE);
    sigpending(&pending);
    const bool wasPending = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipeOnly, &old);
    const ssize_t n = ::write(fd, data, size);
    const int err = errno;
    // The reader going away raises SIGPIPE even when part of the data was written (n > 0): take
    // the signal this write raised before unblocking it.
    sigpending(&pending);
    if (!wasPending && sigismember(&pending, SIGPIPE) == 1) {
        const timespec zero{0, 0};
        while (::sigtimedwait(&pipeOnly, nullptr, &zero) < 0 && errno == EINTR) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    errno = err;
    return n;
}
} // namespace

ChildProcess::~ChildProcess()
{
    if (isRunning()) {
        kill();
        wait();
    }
    closeFd(m_stdinFd);
    closeFd(m_stdoutFd);
    closeFd(m_stderrFd);
}

void ChildProcess::closeFd(int &fd)
{
    if (fd >= 0) {
        ::close(fd);
        fd = -1;
    }
}

Status ChildProcess::start(const QString &program, const QStringList &arguments,
                           const QStringList &environment, Stdin in, Stdout out)
{
    m_program = program;
    int inPipe[2] = {-1, -1}, outPipe[2] = {-1, -1}, errPipe[2] = {-1, -1};
    auto closeAll = [&] {
        for (int *p : {inPipe, outPipe, errPipe}) {
            for (int i = 0; i < 2; ++i) {
                if (p[i] >= 0)
                    ::close(p[i]);
            }
        }
    };
    if ((in == Stdin::Pipe && ::pipe2(inPipe, O_CLOEXEC) != 0) ||
        (out == Stdout::Pipe && ::pipe2(outPipe, O_CLOEXEC) != 0) || ::pipe2(errPipe, O_CLOEXEC) != 0) {
        closeAll();
        return makeError(QStringLiteral("process.pipe"),
                         QStringLiteral("cannot create pipes for %1: %2")
                             .arg(program, QString::fromLocal8Bit(std::strerror(errno))));
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (in == Stdin::Pipe)
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], STDIN_FILENO);
    else
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (out == Stdout::Pipe)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO);
    else
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    // Close-on-exec covers our own pipes; descriptors this process inherited without it (from
    // whatever started Lifeboat) or that a library opened without it must not reach the child either.
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
#endif

    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGINT);
    sigset_t empty;
    sigemptyset(&empty);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setsigmask(&attr, &empty);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    const QByteArray programBytes = QFile::encodeName(program);
    std::vector<QByteArray> argStorage;
    argStorage.push_back(programBytes);
    for (const QString &a : arguments)
        argStorage.push_back(a.toUtf8());
    std::vector<char *> argv;
    argv.reserve(argStorage.size() + 1);
    for (QByteArray &a : argStorage)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<QByteArray> envStorage;
    std::vector<char *> envp;
    char **envArray = environ;
    if (!environment.isEmpty()) {
        for (const QString &e : environment)
            envStorage.push_back(e.toUtf8());
        for (QByteArray &e : envStorage)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        envArray = envp.data();
    }

    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, programBytes.constData(), &actions, &attr, argv.data(), envArray);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    // Wipe the environment copies: they may hold a password.
    for (QByteArray &e : envStorage)
        e.fill('\0');

    if (rc != 0) {
        closeAll();
        return makeError(
            QStringLiteral("process.spawn"),
            QStringLiteral("cannot start %1: %2").arg(program, QString::fromLocal8Bit(std::strerror(rc))));
    }
    m_pid.store(pid);
    m_reaped = false;
    if (in == Stdin::Pipe) {
        ::close(inPipe[0]);
        m_stdinFd = inPipe[1];
    }
    if (out == Stdout::Pipe) {
        ::close(outPipe[1]);
        m_stdoutFd = outPipe[0];
    }
    ::close(errPipe[1]);
    m_stderrFd = errPipe[0];
    return {};
}

void ChildProcess::drainStderr(bool block)
{
    if (m_stderrFd < 0)
        return;
    char buf[8192];
    for (;;) {
        if (!block) {
            pollfd p{m_stderrFd, POLLIN, 0};
            if (::poll(&p, 1, 0) <= 0)
                return;
        }
        const ssize_t n = ::read(m_stderrFd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            closeFd(m_stderrFd);
            return;
        }
        m_stderr.append(buf, n);
        if (m_lineHandler) {
            m_partialLine.append(buf, n);
            qsizetype nl;
            while ((nl = m_partialLine.indexOf('\n')) >= 0) {
                m_lineHandler(m_partialLine.left(nl));
                m_partialLine.remove(0, nl + 1);
            }
            if (m_partialLine.size() > kStderrTail)
                m_partialLine.clear();
        }
        if (m_stderr.size() > kStderrTail)
            m_stderr.remove(0, m_stderr.size() - kStderrTail);
        if (!block)
            continue;
    }
}

qint64 ChildProcess::readStdout(char *buffer, qint64 size)
{
    if (m_stdoutFd < 0)
        return 0;
    for (;;) {
        pollfd fds[2] = {{m_stdoutFd, POLLIN, 0}, {m_stderrFd, POLLIN, 0}};
        const int nfds = m_stderrFd >= 0 ? 2 : 1;
        const int rc = ::poll(fds, nfds, -1);
        if (rc < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (nfds == 2 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
            drainStderr(false);
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::read(m_stdoutFd, buffer, size_t(size));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                closeFd(m_stdoutFd);
                return n < 0 ? -1 : 0;
            }
            return n;
        }
    }
}

Status ChildProcess::writeStdin(const char *data, qint64 size)
{
    while (size > 0) {
        if (m_stdinFd < 0)
            return makeError(QStringLiteral("process.stdin"),
                             QStringLiteral("%1 closed its input").arg(m_program));
        pollfd fds[2] = {{m_stdinFd, POLLOUT, 0}, {m_stderrFd, POLLIN, 0}};
        const int nfds = m_stderrFd >= 0 ? 2 : 1;
        const int rc = ::poll(fds, nfds, -1);
        if (rc < 0) {
            if (errno == EINTR)
                continue;
            return makeError(QStringLiteral("process.stdin"),
                             QStringLiteral("cannot write to %1").arg(m_program));
        }
        if (nfds == 2 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
            drainStderr(false);
        if (fds[0].revents & (POLLERR | POLLHUP)) {
            closeFd(m_stdinFd);
            return makeError(QStringLiteral("process.stdin"),
                             QStringLiteral("%1 stopped reading its input").arg(m_program));
        }
        if (fds[0].revents & POLLOUT) {
            const ssize_t n = writeNoSigpipe(m_stdinFd, data, size_t(size));
            if (n < 0) {
                if (errno == EINTR || errno == EAGAIN)
                    continue;
                closeFd(m_stdinFd);
                return makeError(QStringLiteral("process.stdin"),
                                 QStringLiteral("%1 stopped reading its input").arg(m_program));
            }
            data += n;
            size -= n;
        }
    }
    return {};
}

void ChildProcess::closeStdin()
{
    closeFd(m_stdinFd);
}

void ChildProcess::terminate()
{
    const pid_t pid = m_pid.load();
    if (pid > 0)
        ::kill(-pid, SIGTERM);
}

void ChildProcess::kill()
{
    const pid_t pid = m_pid.load();
    if (pid > 0)
        ::kill(-pid, SIGKILL);
}

int ChildProcess::wait()
{
    const pid_t pid = m_pid.load();
    if (pid <= 0)
        return -1;
    if (m_reaped)
        return m_exitCode;
    closeFd(m_stdinFd);
    char buf[65536];
    while (m_stdoutFd >= 0 && readStdout(buf, sizeof buf) > 0) {
    }
    drainStderr(true);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_reaped = true;
    if (WIFEXITED(status)) {
        m_exitedNormally = true;
        m_exitCode = WEXITSTATUS(status);
    } else {
        m_exitedNormally = false;
        m_exitCode = 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    }
    return m_exitCode;
}

QString ChildProcess::lastErrorLine() const
{
    const QList<QByteArray> lines = m_stderr.trimmed().split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QByteArray line = it->trimmed();
        if (!line.isEmpty())
            return QString::fromUtf8(line);
    }
    return QString();
}

Result<QByteArray> ChildProcess::run(const QString &program, const QStringList &arguments,
                                     const QStringList &environment, const QByteArray &input)
{
    ChildProcess child;
    if (Status s = child.start(program, arguments, environment, input.isNull() ? Stdin::Null : Stdin::Pipe);
        !s)
        return s.error();
    // Feed the input from a thread of its own while this one reads the output: writing all of it
    // first deadlocks once the child's output fills its pipe while it still has input to read.
    std::thread feeder;
    if (!input.isNull()) {
        const int fd = std::exchange(child.m_stdinFd, -1);
        feeder = std::thread([fd, &input] {
            const char *data = input.constData();
            qint64 left = input.size();
            while (left > 0) {
                const ssize_t n = writeNoSigpipe(fd, data, size_t(left));
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0)
                    break; // the child stopped reading; its exit status tells the rest
                data += n;
                left -= n;
            }
            ::close(fd);
        });
    }
    QByteArray out;
    char buf[65536];
    qint64 n;
    while ((n = child.readStdout(buf, sizeof buf)) > 0)
        out.append(buf, n);
    const int code = child.wait();
    if (feeder.joinable())
        feeder.join();
    if (code != 0) {
        const QString line = child.lastErrorLine();
        return makeError(QStringLiteral("process.failed"),
                         QStringLiteral("%1 failed (exit %2)%3")
                             .arg(program)
                             .arg(code)
                             .arg(line.isEmpty() ? QString() : QStringLiteral(": ") + line));
    }
    return out;
}

} // namespace lifeboat
