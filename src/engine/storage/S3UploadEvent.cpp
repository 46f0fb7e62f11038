#include "engine/storage/S3UploadEvent.h"

#include "engine/storage/S3Url.h"

#include <QRegularExpression>

namespace lifeboat {

QString S3UploadEvent::message(const S3Location &location, const QString &key, const QString &uploadId)
{
    return QStringLiteral("started the multipart upload of \"%1\" to S3 bucket %2 at %3 (upload id %4)")
        .arg(key, location.bucket, location.endpoint.toString(), uploadId);
}

std::optional<S3UploadEvent> S3UploadEvent::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        R"re(started the multipart upload of "(.*)" to S3 bucket (\S+) at (\S+) \(upload id (\S+)\)$)re"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return S3UploadEvent{m.captured(2), m.captured(3), m.captured(1), m.captured(4)};
}

bool S3UploadEvent::isAt(const S3Location &location) const
{
    return location.bucket == bucket && location.endpoint.toString() == endpoint &&
           (location.prefix.isEmpty() || key.startsWith(location.prefix + QLatin1Char('/')));
}

} // namespace lifeboat
