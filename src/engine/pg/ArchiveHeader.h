#pragma once

#include <QDateTime>
#include <QString>

namespace lifeboat {

// How the data blocks of a custom-format archive are compressed (pg_compress_algorithm).
enum class ArchiveCompression
{
    None,
    Gzip,
    Lz4,
    Zstd,
    Unknown,
};

// The fixed header pg_dump writes at the start of a custom-format archive (WriteHead).
struct ArchiveHeader
{
    int versionMajor = 0;
    int versionMinor = 0;
    int versionRevision = 0;
    int intSize = 0;    // bytes of magnitude after the sign byte of every integer
    int offsetSize = 0; // bytes of a file offset in the table of contents
    int format = 0;     // 1 = custom
    ArchiveCompression compression = ArchiveCompression::None;
    // Archives before 1.15 store a zlib level instead of an algorithm (-1 = default, 0 = none).
    int compressionLevel = 0;
    // When pg_dump started, as its local clock showed it (the archive records no time zone).
    QDateTime created;
    QString databaseName;
    QString serverVersion; // e.g. "15.20 (Debian 15.20-0+deb12u1)"
    QString pgDumpVersion;

    // "1.14", or "1.14.1" when the revision is not zero.
    QString versionString() const
    {
        QString s = QString::number(versionMajor) + QLatin1Char('.') + QString::number(versionMinor);
        if (versionRevision != 0)
            s += QLatin1Char('.') + QString::number(versionRevision);
        return s;
    }
};

} // namespace lifeboat
