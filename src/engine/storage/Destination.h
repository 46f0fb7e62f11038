#pragma once

#include "core/LogLevel.h"
#include "core/Result.h"
#include "engine/io/ByteSink.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

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

    // `expectedBytes`: about how large the object will be (0 = unknown); S3 picks its part size from it.
    virtual Result<std::unique_ptr<ByteSink>> openWriter(const QString &relativePath,
                                                         qint64 expectedBytes = 0) = 0;
    virtual bool exists(const QString &relativePath) const = 0;
    // The object's size; an empty optional when it is absent, an error when the destination
    // cannot tell (unreachable, denied).
    virtual Result<std::optional<qint64>> objectSize(const QString &relativePath) const = 0;
    // Reads a small object whole (a manifest).
    virtual Result<QByteArray> readSmall(const QString &relativePath) const = 0;
    // Streams an object into `sink` (calls sink->write repeatedly, then sink->finish()).
    virtual Status readInto(const QString &relativePath, ByteSink *sink) const = 0;
    virtual Status remove(const QString &relativePath) = 0;
    // Deletes several objects (S3: DeleteObjects, up to 1,000 per request, each key's own result
    // checked): one Status per path, in order. An object that is already gone counts as deleted.
    virtual QList<Status> removeMany(const QStringList &relativePaths) = 0;
    // Removes a folder Lifeboat created below the root once it is empty (no-op where folders do
    // not exist, as on S3); a folder that still holds anything is left alone.
    virtual void removeFolderIfEmpty(const QString &relativeFolder) { Q_UNUSED(relativeFolder); }

    // From any thread: interrupts work waiting on the network (an S3 request in flight fails at once
    // with code "cancelled"); writers then fail, and their cleanup (abort, delete) still runs.
    virtual void cancel() {}

    // Where a destination records what recovery after a crash needs (an S3 multipart upload's id, so
    // that the upload of an interrupted run can be aborted). Called on the writing thread.
    using EventLog = std::function<void(LogLevel level, const QString &message)>;
    virtual void setEventLog(const EventLog &log) { Q_UNUSED(log) }

    // A local folder ("/path") or an s3:// URL. Fails with one sentence. `s3Secret`: the profile's
    // S3 secret key from the keychain, used before AWS_SECRET_ACCESS_KEY and ~/.aws/credentials.
    static Result<std::unique_ptr<Destination>> create(const QString &spec,
                                                       const QByteArray &s3Secret = QByteArray());
};

} // namespace lifeboat
