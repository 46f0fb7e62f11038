#include "engine/pg/PgPassFile.h"

#include "engine/pg/PgLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lifeboat {

namespace {

const char kPrefix[] = "lifeboat-pg-";

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

// Overwrites a file's bytes with zeros before it is unlinked (best effort).
void wipeFile(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return;
    struct stat st
    {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        const QByteArray zeros(qsizetype(st.st_size), '\0');
        (void)writeAll(fd, zeros.constData(), zeros.size());
        (void)::fdatasync(fd);
    }
    ::close(fd);
}

bool processIsAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

} // namespace

PgPassFile::PgPassFile(QString dir, QString path)
    : m_dir(std::move(dir))
    , m_path(std::move(path))
{}

PgPassFile::~PgPassFile()
{
    destroy();
}

void PgPassFile::destroy()
{
    if (!m_path.isEmpty()) {
        const QByteArray file = QFile::encodeName(m_path);
        wipeFile(file);
        if (::unlink(file.constData()) != 0 && errno != ENOENT)
            qCWarning(lcPg) << "could not remove the password file" << m_path << ":" << errnoText(errno);
        m_path.clear();
    }
    if (!m_dir.isEmpty()) {
        if (::rmdir(QFile::encodeName(m_dir).constData()) != 0 && errno != ENOENT)
            qCWarning(lcPg) << "could not remove the password file's folder" << m_dir << ":"
                            << errnoText(errno);
        m_dir.clear();
    }
}

QString PgPassFile::defaultBaseDir()
{
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty()) {
        struct stat st
        {};
        if (::stat(runtime.constData(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid() &&
            (st.st_mode & 077) == 0 && ::access(runtime.constData(), W_OK | X_OK) == 0)
            return QFile::decodeName(runtime);
    }
    return QDir::tempPath();
}

QByteArray PgPassFile::escape(const QByteArray &password)
{
    QByteArray out;
    out.reserve(password.size() + 8);
    for (const char c : password) {
        if (c == '\\' || c == ':')
            out += '\\';
        out += c;
    }
    return out;
}

int PgPassFile::removeStale(const QString &baseDir)
{
    QDir dir(baseDir);
    const QStringList entries =
        dir.entryList({QString::fromLatin1(kPrefix) + QLatin1Char('*')},
                      QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks);
    int removed = 0;
    for (const QString &name : entries) {
        // lifeboat-pg-<pid>-XXXXXX
        bool ok = false;
        const qint64 pid = name.mid(int(sizeof(kPrefix) - 1)).section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
        if (!ok || processIsAlive(pid))
            continue;
        const QString path = dir.filePath(name);
        struct stat st
        {};
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISDIR(st.st_mode) ||
            st.st_uid != ::geteuid())
            continue;
        const QStringList files = QDir(path).entryList(QDir::Files | QDir::Hidden | QDir::System);
        for (const QString &f : files) {
            const QByteArray filePath = QFile::encodeName(QDir(path).filePath(f));
            wipeFile(filePath);
            ::unlink(filePath.constData());
        }
        if (::rmdir(QFile::encodeName(path).constData()) == 0) {
            ++removed;
            qCInfo(lcPg) << "removed the password file folder" << path << "left by process" << pid;
        }
    }
    return removed;
}

Result<std::unique_ptr<PgPassFile>> PgPassFile::create(const QByteArray &password, const QString &baseDir)
{
    if (password.contains('\n') || password.contains('\r') || password.contains('\0'))
        return makeError(
            QStringLiteral("pg.passfile"),
            QStringLiteral("the database password contains a line break or a NUL character, which "
                           "PostgreSQL's programs cannot read from a password file: choose a "
                           "password without them"));
    const QString base = baseDir.isEmpty() ? defaultBaseDir() : baseDir;
    removeStale(base);

    QByteArray dirTemplate = QFile::encodeName(QDir(base).filePath(
        QString::fromLatin1(kPrefix) + QString::number(::getpid()) + QStringLiteral("-XXXXXX")));
    if (!::mkdtemp(dirTemplate.data())) // mkdtemp creates it 0700
        return makeError(QStringLiteral("pg.passfile"),
                         QStringLiteral("cannot create a private folder for the database password in %1: %2 "
                                        "(check that it exists and is writable, or set TMPDIR)")
                             .arg(base, errnoText(errno)));
    const QString dir = QFile::decodeName(dirTemplate);
    std::unique_ptr<PgPassFile> passFile(new PgPassFile(dir, QString()));
    ::chmod(dirTemplate.constData(), 0700);

    const QString path = dir + QStringLiteral("/pgpass");
    const QByteArray pathBytes = QFile::encodeName(path);
    const int fd = ::open(pathBytes.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return makeError(
            QStringLiteral("pg.passfile"),
            QStringLiteral("cannot create the password file in %1: %2").arg(dir, errnoText(errno)));
    passFile->m_path = path; // from here on the destructor wipes and removes it
    QByteArray line = QByteArrayLiteral("*:*:*:*:") + escape(password) + '\n';
    const bool written = ::fchmod(fd, 0600) == 0 && writeAll(fd, line.constData(), line.size());
    const int writeErrno = errno;
    line.fill('\0');
    ::close(fd);
    if (!written)
        return makeError(
            QStringLiteral("pg.passfile"),
            QStringLiteral("cannot write the password file in %1: %2").arg(dir, errnoText(writeErrno)));
    return passFile;
}

QStringList PgPassFile::environment(const QStringList &base) const
{
    QStringList env = base.isEmpty() ? QProcessEnvironment::systemEnvironment().toStringList() : base;
    env.removeIf([](const QString &entry) {
        return entry.startsWith(QLatin1String("PGPASSWORD=")) ||
               entry.startsWith(QLatin1String("PGPASSFILE="));
    });
    env << QStringLiteral("PGPASSFILE=") + m_path;
    return env;
}

} // namespace lifeboat
