#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace lifeboat {

// AWS Signature Version 4
// (docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html), with OpenSSL's
// HMAC-SHA256 and SHA-256. Pure functions of their inputs: safe from any thread.
//
// Paths and query parameters are given decoded (raw UTF-8 bytes); the signer encodes them exactly as AWS
// does (RFC 3986 unreserved characters kept, everything else %XX upper-case). For S3 the path is encoded
// once and never normalised (an object key may contain "//" or "."); other services normalise the path
// and encode it twice (SigV4Signer::Mode::Generic).
class SigV4Signer
{
public:
    enum class Mode
    {
        S3,
        Generic
    };

    struct Credentials
    {
        QString accessKeyId;
        QByteArray secretAccessKey;
        QByteArray sessionToken; // empty unless temporary credentials
        // Where the secret came from, for messages ("AWS_SECRET_ACCESS_KEY"); never the secret.
        QString secretSource;
    };

    using Pairs = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method;      // "GET"
        QByteArray path;        // decoded, starting with '/': "/bucket/my key+1.txt"
        Pairs query;            // decoded name/value pairs, any order
        Pairs headers;          // name/value as they will be sent (duplicates allowed); all are signed
        QByteArray payloadHash; // hex SHA-256 of the body, or "UNSIGNED-PAYLOAD"
    };

    struct Signature
    {
        QByteArray canonicalRequest;
        QByteArray stringToSign;
        QByteArray signedHeaders;
        QByteArray signature;     // hex
        QByteArray authorization; // the Authorization header's value
    };

    SigV4Signer(const QString &region, const QString &service, Mode mode = Mode::S3);

    // `amzDate` is the request's X-Amz-Date ("20150830T123600Z"); it must also be among the headers.
    Signature sign(const Request &request, const Credentials &credentials, const QByteArray &amzDate) const;

    static QByteArray amzDate(const QDateTime &utc);
    static QByteArray uriEncode(const QByteArray &raw, bool encodeSlash);
    // The path as it goes on the wire (and, in S3 mode, into the canonical request).
    static QByteArray encodePath(const QByteArray &decodedPath);
    // "a=1&b=2" sorted by encoded name then value — the canonical query, also used on the wire.
    static QByteArray canonicalQuery(const Pairs &query);
    static QByteArray sha256Hex(const QByteArray &data);
    static QByteArray hmacSha256(const QByteArray &key, const QByteArray &data);
    static QByteArray emptyPayloadHash();
    static constexpr const char *kUnsignedPayload = "UNSIGNED-PAYLOAD";

private:
    QByteArray canonicalPath(const QByteArray &decodedPath) const;

    QByteArray m_region;
    QByteArray m_service;
    Mode m_mode;
};

} // namespace lifeboat
