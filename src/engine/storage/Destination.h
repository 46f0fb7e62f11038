#pragma once

#include "core/Result.h"
#include "engine/pipeline/ByteSink.h"

#include <QString>

#include <memory>

namespace lifeboat {

// Where artifacts are stored. Paths are relative to the destination's root and use '/'.
// A writer keeps everything under a temporary name until finish() has made every byte durable;
// only then does the object appear under its final name (rename / completed multipart upload).
// A writer that is aborted or destroyed unfinished leaves nothing that looks like a backup.
class Destination
{
public:
    virtual ~Destination() = default;

    // As configured (a folder path or a URL); the catalog keys locations by it.
    virtual QString spec() const = 0;
    // "folder /srv/backups" — for messages.
    virtual QString describe() const = 0;

    // Can we write here, and is there room for about `expectedBytes` (0 = unknown)?
    virtual Status checkWritable(qint64 expectedBytes) = 0;
    // Free bytes, or -1 when the destination cannot tell.
    virtual qint64 freeBytes() const = 0;

    virtual Result<std::unique_ptr<ByteSink>> openWriter(const QString &relativePath) = 0;
    virtual bool exists(const QString &relativePath) const = 0;
    // Reads a small object whole (a manifest).
    virtual Result<QByteArray> readSmall(const QString &relativePath) const = 0;
    // Streams an object into `sink` (calls sink->write repeatedly, then sink->finish()).
    virtual Status readInto(const QString &relativePath, ByteSink *sink) const = 0;
    virtual Status remove(const QString &relativePath) = 0;

    // A local folder ("/path") or, once supported, a URL. Fails with one sentence.
    static Result<std::unique_ptr<Destination>> create(const QString &spec);
};

} // namespace lifeboat
