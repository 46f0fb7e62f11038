#pragma once

#include <QString>

#include <optional>

namespace lifeboat {

struct S3Location;

// The run event an S3 multipart upload leaves when it starts, so that RunRecovery can abort the
// upload of a run that was interrupted (the process killed, the machine off) before it completed or
// aborted it. Names only (bucket, endpoint, key, upload id): nothing secret.
//
//   started the multipart upload of "KEY" to S3 bucket BUCKET at ENDPOINT (upload id ID)
struct S3UploadEvent
{
    QString bucket;
    QString endpoint; // scheme://host[:port]
    QString key;
    QString uploadId;

    static QString message(const S3Location &location, const QString &key, const QString &uploadId);
    // From an event's message (or a catalog event line that ends with it); empty when it is not one.
    static std::optional<S3UploadEvent> parse(const QString &text);
    // Whether `location` is where this upload went.
    bool isAt(const S3Location &location) const;
};

} // namespace lifeboat
