#pragma once

#include "core/Result.h"

#include <QString>

namespace lifeboat {

// Is a destination usable? For S3 (`lifeboat-cli dest test URL` and the app's Test button): the
// bucket is reachable, the credentials are right, a probe object can be written, read back
// byte-identical and deleted, and the clocks agree. For a local folder: it exists (or can be
// created) and is writable. Blocking: call it on a worker thread.
class DestinationCheck
{
public:
    struct Report
    {
        QString destination;         // as described ("bucket b at …", "folder /srv/backups")
        qint64 objects = -1;         // S3: objects under the prefix; -1 for a folder
        qint64 clockSkewSeconds = 0; // S3: server time minus ours
        qint64 freeBytes = -1;       // folder: free space; -1 when unknown
        QString summary;             // one sentence for the user
    };

    // `s3Secret`: the profile's S3 secret key from the keychain (empty: the AWS environment / file).
    static Result<Report> run(const QString &spec, const QByteArray &s3Secret = QByteArray());
};

} // namespace lifeboat
