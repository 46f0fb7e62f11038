#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace lifeboat {

// What one backup artifact is: written beside it as <db>_<stamp>.manifest.json[.age] and kept
// in the catalog. Versioned JSON; readers accept any formatVersion ≤ kFormatVersion.
struct Manifest
{
    static constexpr int kFormatVersion = 1;

    struct TocEntry
    {
        int dumpId = 0;
        QString desc; // "TABLE", "TABLE DATA", "SCHEMA", ...
        QString schema;
        QString name;
        QString owner;
    };
    struct Table
    {
        QString schema;
        QString name;
        qint64 rows = -1;     // exact COPY rows in the archive; -1 when the data was excluded
        qint64 dataBytes = 0; // bytes of COPY data in the archive
    };
    struct Extension
    {
        QString name;
        QString version;
        QString schema;
    };

    int formatVersion = kFormatVersion;
    QString lifeboatVersion;
    QString profile;
    QString host;
    QString port;
    QString database;
    QString serverVersion;
    int serverVersionNum = 0;
    QString pgDumpVersion;
    QString archiveVersion;
    QDateTime startedUtc;
    QDateTime finishedUtc;
    qint64 dumpBytes = 0;
    qint64 storedBytes = 0;
    QString sha256; // of the stored object (after compression and encryption)
    QString objectName;
    int zstdLevel = 3;
    // The artifact's zstd stream is a series of independent frames of at most this many bytes
    // each once decoded (they decode in parallel); 0 = not recorded (one frame, older backups).
    qint64 zstdFrameBytes = 0;
    static constexpr qint64 kMinZstdFrameBytes = qint64(4) << 10;
    static constexpr qint64 kMaxZstdFrameBytes = qint64(256) << 20;
    QString encryption; // "none", "x25519", "scrypt"
    QStringList recipients;
    QList<TocEntry> toc;
    QList<Table> tables;
    QList<Extension> extensions;
    qint64 largeObjects = 0;
    QString globalsObject;
    QString globalsSha256;
    QJsonObject verification; // filled in once verified

    qint64 totalRows() const;
    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;
    static Result<Manifest> fromJson(const QJsonObject &json);
    static Result<Manifest> fromJsonBytes(const QByteArray &bytes);
};

} // namespace lifeboat
