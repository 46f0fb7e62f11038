#include "engine/storage/LocalDestination.h"

#include "core/ByteSize.h"
#include "engine/storage/LocalFileWriter.h"
#include "engine/storage/S3Destination.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace lifeboat {

Result<std::unique_ptr<Destination>> Destination::create(const QString &spec, const QByteArray &s3Secret)
{
    if (spec.startsWith(QLatin1Char('/')))
        return std::unique_ptr<Destination>(new LocalDestination(QDir::cleanPath(spec)));
    if (spec.startsWith(QLatin1String("s3://"))) {
        auto s3 = S3Destination::create(spec, s3Secret);
        if (!s3)
            return s3.error();
        return std::unique_ptr<Destination>(std::move(*s3));
    }
    return makeError(
        QStringLiteral("dest.invalid"),
        QStringLiteral("'%1' is not a destination: give an absolute folder path or an s3:// URL").arg(spec));
}

LocalDestination::LocalDestination(QString root)
    : m_root(std::move(root))
{}

QString LocalDestination::describe() const
{
    return QStringLiteral("folder %1").arg(m_root);
}

QString LocalDestination::absolutePath(const QString &relativePath) const
{
    return m_root + QLatin1Char('/') + relativePath;
}

Status LocalDestination::checkRoot() const
{
    const QFileInfo fi(m_root);
    if (!fi.exists())
        return makeError(
            QStringLiteral("dest.missing"),
            QStringLiteral("the destination folder %1 does not exist: create it (or mount the drive it "
                           "lives on) and try again")
                .arg(m_root));
    if (!fi.isDir())
        return makeError(QStringLiteral("dest.invalid"),
                         QStringLiteral("the destination %1 is not a folder: choose a folder").arg(m_root));
    return {};
}

qint64 LocalDestination::freeBytes() const
{
    struct statvfs st
    {};
    if (::statvfs(QFile::encodeName(m_root).constData(), &st) != 0)
        return -1;
    return qint64(st.f_bavail) * qint64(st.f_frsize);
}

Status LocalDestination::checkWritable(qint64 expectedBytes)
{
    if (Status s = checkRoot(); !s)
        return s;
    const QByteArray probe = QFile::encodeName(m_root + QStringLiteral("/.lifeboat-write-probe-") +
                                               QString::number(QRandomGenerator::global()->generate(), 16));
    const int fd = ::open(probe.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int err = errno;
        return makeError(
            QStringLiteral("dest.denied"),
            QStringLiteral("cannot write to the destination folder %1: %2 — check its permissions or "
                           "choose another folder")
                .arg(m_root, QString::fromLocal8Bit(std::strerror(err))));
    }
    ::close(fd);
    ::unlink(probe.constData());
    const qint64 free = freeBytes();
    if (expectedBytes > 0 && free >= 0 && free < expectedBytes)
        return makeError(
            QStringLiteral("dest.full"),
            QStringLiteral("the destination folder %1 has %2 free but this backup needs about %3: free "
                           "some space or choose another destination")
                .arg(m_root, formatMiB(free), formatMiB(expectedBytes)));
    return {};
}

Result<std::unique_ptr<ByteSink>> LocalDestination::openWriter(const QString &relativePath,
                                                               qint64 expectedBytes)
{
    Q_UNUSED(expectedBytes) // checkWritable() has looked at the free space already
    if (Status s = checkRoot(); !s)
        return s.error();
    const QString path = absolutePath(relativePath);
    const QString dir = QFileInfo(path).absolutePath();
    // Create (0700) each folder below the root that Lifeboat owns.
    const QStringList parts = QDir(m_root).relativeFilePath(dir).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString current = m_root;
    for (const QString &part : parts) {
        current += QLatin1Char('/') + part;
        if (::mkdir(QFile::encodeName(current).constData(), 0700) != 0 && errno != EEXIST) {
            const int err = errno;
            return makeError(
                QStringLiteral("dest.denied"),
                QStringLiteral("cannot create the folder %1: %2 — check the destination's permissions")
                    .arg(current, QString::fromLocal8Bit(std::strerror(err))));
        }
    }
    auto writer = LocalFileWriter::open(path, m_root);
    if (!writer)
        return writer.error();
    return std::unique_ptr<ByteSink>(std::move(*writer));
}

bool LocalDestination::exists(const QString &relativePath) const
{
    return QFileInfo::exists(absolutePath(relativePath));
}

Result<std::optional<qint64>> LocalDestination::objectSize(const QString &relativePath) const
{
    if (Status s = checkRoot(); !s)
        return s.error();
    struct stat st
    {};
    if (::lstat(QFile::encodeName(absolutePath(relativePath)).constData(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT)
            return std::optional<qint64>();
        return makeError(QStringLiteral("dest.read"),
                         QStringLiteral("cannot look at %1: %2")
                             .arg(absolutePath(relativePath), QString::fromLocal8Bit(std::strerror(err))));
    }
    if (!S_ISREG(st.st_mode))
        return makeError(QStringLiteral("dest.invalid"),
                         QStringLiteral("%1 is not a regular file").arg(absolutePath(relativePath)));
    return std::optional<qint64>(qint64(st.st_size));
}

Result<QByteArray> LocalDestination::readSmall(const QString &relativePath) const
{
    QFile f(absolutePath(relativePath));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("dest.read"),
                         QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
    if (f.size() > 64 * 1024 * 1024)
        return makeError(QStringLiteral("dest.read"),
                         QStringLiteral("%1 is unexpectedly large").arg(f.fileName()));
    return f.readAll();
}

Status LocalDestination::readInto(const QString &relativePath, ByteSink *sink) const
{
    QFile f(absolutePath(relativePath));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("dest.read"),
                         QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(buffer.data(), buffer.size());
        if (n < 0)
            return makeError(QStringLiteral("dest.read"),
                             QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
        if (n == 0)
            break;
        if (Status s = sink->write(buffer.constData(), n); !s)
            return s;
    }
    return sink->finish();
}

Status LocalDestination::remove(const QString &relativePath)
{
    const QString path = absolutePath(relativePath);
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT) {
        const int err = errno;
        return makeError(
            QStringLiteral("dest.delete"),
            QStringLiteral("cannot delete %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(err))));
    }
    return {};
}

namespace {
void fsyncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}
} // namespace

QList<Status> LocalDestination::removeMany(const QStringList &relativePaths)
{
    QList<Status> results;
    QStringList folders;
    for (const QString &relativePath : relativePaths) {
        results.append(remove(relativePath));
        const QString folder = QFileInfo(absolutePath(relativePath)).absolutePath();
        if (!folders.contains(folder))
            folders << folder;
    }
    // The unlinks are durable only once their folders are.
    for (const QString &folder : std::as_const(folders))
        fsyncFolder(folder);
    return results;
}

void LocalDestination::removeFolderIfEmpty(const QString &relativeFolder)
{
    const QString clean = QDir::cleanPath(relativeFolder);
    if (clean.isEmpty() || clean == QLatin1String(".") || clean.startsWith(QLatin1String("..")) ||
        clean.startsWith(QLatin1Char('/')))
        return;
    const QString folder = absolutePath(clean);
    // rmdir removes only an empty folder: anything someone else put there keeps it.
    if (::rmdir(QFile::encodeName(folder).constData()) == 0)
        fsyncFolder(QFileInfo(folder).absolutePath());
}

} // namespace lifeboat
