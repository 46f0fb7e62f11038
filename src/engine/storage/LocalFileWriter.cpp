#include "engine/storage/LocalFileWriter.h"

#include "core/ByteSize.h"
#include "engine/io/EngineLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace lifeboat {

LocalFileWriter::LocalFileWriter(QString finalPath, QString tempPath, int fd, QString root)
    : m_final(std::move(finalPath))
    , m_temp(std::move(tempPath))
    , m_root(std::move(root))
    , m_fd(fd)
{}

LocalFileWriter::~LocalFileWriter()
{
    if (!m_done)
        abort();
}

Error LocalFileWriter::ioError(int err, const QString &what) const
{
    if (err == ENOSPC || err == EDQUOT) {
        struct statvfs st
        {};
        QString free;
        if (::statvfs(QFile::encodeName(QFileInfo(m_final).absolutePath()).constData(), &st) == 0)
            free = QStringLiteral(" (%1 free)").arg(formatMiB(qint64(st.f_bavail) * qint64(st.f_frsize)));
        return makeError(QStringLiteral("dest.full"),
                         QStringLiteral("the destination %1 is full%2: free some space or choose another "
                                        "destination; the partial file was removed")
                             .arg(m_root, free));
    }
    if (err == EACCES || err == EPERM || err == EROFS)
        return makeError(
            QStringLiteral("dest.denied"),
            QStringLiteral("cannot %1 in the destination %2: %3 — check the folder's permissions")
                .arg(what, m_root, QString::fromLocal8Bit(std::strerror(err))));
    return makeError(QStringLiteral("dest.io"),
                     QStringLiteral("cannot %1 in the destination %2: %3")
                         .arg(what, m_root, QString::fromLocal8Bit(std::strerror(err))));
}

Result<std::unique_ptr<LocalFileWriter>> LocalFileWriter::open(const QString &finalPath, const QString &root)
{
    const QFileInfo fi(finalPath);
    const QString dir = fi.absolutePath();
    QByteArray templ = QFile::encodeName(dir + QLatin1Char('/') + QLatin1Char('.') + fi.fileName() +
                                         QLatin1String(kPartialMarker) + QStringLiteral("XXXXXX"));
    const int fd = ::mkostemp(templ.data(), O_CLOEXEC);
    if (fd < 0) {
        LocalFileWriter probe(finalPath, QString(), -1, root);
        probe.m_done = true;
        return probe.ioError(errno, QStringLiteral("create a file"));
    }
    ::fchmod(fd, 0600);
    return std::unique_ptr<LocalFileWriter>(
        new LocalFileWriter(finalPath, QFile::decodeName(templ), fd, root));
}

Status LocalFileWriter::write(const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError(errno, QStringLiteral("write"));
        }
        data += n;
        size -= n;
    }
    return {};
}

Status LocalFileWriter::finish()
{
    if (::fsync(m_fd) != 0)
        return ioError(errno, QStringLiteral("flush a file to disk"));
    if (::close(m_fd) != 0) {
        m_fd = -1;
        return ioError(errno, QStringLiteral("close a file"));
    }
    m_fd = -1;
    const QByteArray temp = QFile::encodeName(m_temp);
    const QByteArray target = QFile::encodeName(m_final);
    // Never replace an existing file: a backup is never overwritten. link() refuses to; file
    // systems without hard links (FAT/exFAT USB drives, some SMB shares) get renameat2 with
    // RENAME_NOREPLACE, and where even that is unsupported, a check just before rename().
    auto exists = [this] {
        return makeError(
            QStringLiteral("dest.exists"),
            QStringLiteral("%1 already exists; Lifeboat never overwrites a backup (two backups in "
                           "the same second?) — run the backup again")
                .arg(m_final));
    };
    if (::link(temp.constData(), target.constData()) == 0) {
        ::unlink(temp.constData());
    } else {
        int err = errno;
        if (err == EEXIST)
            return exists();
        if (err != EPERM && err != ENOTSUP && err != EOPNOTSUPP && err != EMLINK && err != ENOSYS)
            return ioError(err, QStringLiteral("name the finished file"));
        if (::renameat2(AT_FDCWD, temp.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE) != 0) {
            err = errno;
            if (err == EEXIST)
                return exists();
            if (err != EINVAL && err != ENOSYS && err != ENOTSUP && err != EOPNOTSUPP)
                return ioError(err, QStringLiteral("name the finished file"));
            if (::access(target.constData(), F_OK) == 0)
                return exists();
            if (::rename(temp.constData(), target.constData()) != 0)
                return ioError(errno, QStringLiteral("name the finished file"));
        }
    }
    const int dirFd = ::open(QFile::encodeName(QFileInfo(m_final).absolutePath()).constData(),
                             O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    m_done = true;
    return {};
}

void LocalFileWriter::abort()
{
    if (m_done)
        return;
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_temp.isEmpty())
        ::unlink(QFile::encodeName(m_temp).constData());
    m_done = true;
}

} // namespace lifeboat
