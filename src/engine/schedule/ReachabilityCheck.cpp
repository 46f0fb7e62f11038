#include "engine/schedule/ReachabilityCheck.h"

#include "engine/pg/LibpqParams.h"
#include "engine/storage/S3Client.h"
#include "engine/storage/S3Url.h"

#include <QFileInfo>

#include <libpq-fe.h>

namespace lifeboat {

namespace {
Error unreachable(const QString &message)
{
    return makeError(QStringLiteral("schedule.unreachable"), message);
}
} // namespace

Status ReachabilityCheck::checkServer(const ConnectionSpec &spec, int timeoutSeconds)
{
    LibpqParams params(spec);
    params.add("connect_timeout", QString::number(std::max(1, timeoutSeconds)));
    switch (PQpingParams(params.keywords(), params.values(), 0)) {
    case PQPING_OK:
        return {};
    case PQPING_REJECT:
        return unreachable(QStringLiteral("PostgreSQL at %1 is not accepting connections (starting up or "
                                          "shutting down)")
                               .arg(spec.displayName()));
    case PQPING_NO_RESPONSE:
        return unreachable(QStringLiteral("PostgreSQL at %1 does not answer").arg(spec.displayName()));
    case PQPING_NO_ATTEMPT:
        break;
    }
    return unreachable(
        QStringLiteral("the connection settings for %1 are not usable").arg(spec.displayName()));
}

Status ReachabilityCheck::checkDestination(const QString &spec, int timeoutSeconds)
{
    if (!spec.startsWith(QLatin1String("s3://"))) {
        const QFileInfo info(spec);
        if (!info.isDir())
            return unreachable(
                QStringLiteral("the destination folder %1 is not there (a disk or mount that is "
                               "not connected?)")
                    .arg(spec));
        if (!info.isWritable())
            return unreachable(QStringLiteral("the destination folder %1 is not writable").arg(spec));
        return {};
    }
    auto location = S3Url::parse(spec);
    if (!location)
        return location.error();
    S3Client::Options options;
    options.maxAttempts = 1;
    options.transferTimeoutMs = std::max(1, timeoutSeconds) * 1000;
    // Reachability needs no valid signature: without credentials, sign with a placeholder and
    // count any HTTP answer.
    auto credentials = S3Url::credentials(*location);
    SigV4Signer::Credentials creds;
    if (credentials) {
        creds = *credentials;
    } else {
        creds.accessKeyId =
            location->accessKeyId.isEmpty() ? QStringLiteral("LIFEBOATPROBE") : location->accessKeyId;
        creds.secretAccessKey = QByteArrayLiteral("reachability-probe");
    }
    auto client = S3Client::create(*location, creds, options);
    if (!client)
        return client.error();
    S3Request request;
    request.method = QByteArrayLiteral("HEAD");
    const S3Response response = (*client)->execute(request);
    if (response.status == 0)
        return unreachable(
            QStringLiteral("%1 does not answer (%2)").arg(location->describe(), response.networkErrorText));
    return {};
}

Status ReachabilityCheck::check(const Profile &profile, int timeoutSeconds)
{
    if (Status s = checkServer(profile.connection, timeoutSeconds); !s)
        return s;
    for (const QString &dest : profile.destinations) {
        if (Status s = checkDestination(dest, timeoutSeconds); !s)
            return s;
    }
    return {};
}

} // namespace lifeboat
