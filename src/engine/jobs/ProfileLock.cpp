#include "engine/jobs/ProfileLock.h"

#include "core/Profile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace lifeboat {

namespace {
QByteArray lockPath(const QString &locksDir, const QString &profileName)
{
    // The slug alone could collide ("a b" / "a_b"): add a short hash of the exact name.
    // (qHash is seeded per process, so use a stable hash.)
    const QByteArray hash =
        QCryptographicHash::hash(profileName.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    return QFile::encodeName(QDir(locksDir).filePath(Profile::slug(profileName) + QLatin1Char('-') +
                                                     QString::fromLatin1(hash) + QStringLiteral(".lock")));
}
} // namespace

ProfileLock::~ProfileLock()
{
    release();
}

Status ProfileLock::acquire(const QString &locksDir, const QString &profileName)
{
    release();
    QDir().mkpath(locksDir);
    const QByteArray path = lockPath(locksDir, profileName);
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError(QStringLiteral("lock.open"),
                         QStringLiteral("cannot create the lock file %1: %2")
                             .arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(errno))));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char buf[32] = {};
        const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
        ::close(fd);
        const QString holder =
            n > 0 ? QStringLiteral(" (pid %1)").arg(QString::fromLatin1(buf).trimmed()) : QString();
        return makeError(QStringLiteral("lock.busy"),
                         QStringLiteral("profile '%1' is already running%2: wait for that run to finish")
                             .arg(profileName, holder));
    }
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) == 0)
        (void)::pwrite(fd, pid.constData(), size_t(pid.size()), 0);
    m_fd = fd;
    return {};
}

void ProfileLock::release()
{
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
        m_fd = -1;
    }
}

bool ProfileLock::isLocked(const QString &locksDir, const QString &profileName)
{
    const int fd = ::open(lockPath(locksDir, profileName).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool locked = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
    ::close(fd);
    return locked;
}

} // namespace lifeboat
