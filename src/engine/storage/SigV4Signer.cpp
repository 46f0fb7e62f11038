#include "engine/storage/SigV4Signer.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <map>

namespace lifeboat {

SigV4Signer::SigV4Signer(const QString &region, const QString &service, Mode mode)
    : m_region(region.toUtf8())
    , m_service(service.toUtf8())
    , m_mode(mode)
{}

QByteArray SigV4Signer::sha256Hex(const QByteArray &data)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()), digest);
    return QByteArray(reinterpret_cast<const char *>(digest), SHA256_DIGEST_LENGTH).toHex();
}

QByteArray SigV4Signer::emptyPayloadHash()
{
    return QByteArrayLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

QByteArray SigV4Signer::hmacSha256(const QByteArray &key, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.constData(), int(key.size()),
         reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()), out, &len);
    return QByteArray(reinterpret_cast<const char *>(out), int(len));
}

QByteArray SigV4Signer::amzDate(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray SigV4Signer::uriEncode(const QByteArray &raw, bool encodeSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(raw.size() * 3);
    for (const char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                                u == '-' || u == '.' || u == '_' || u == '~';
        if (unreserved || (u == '/' && !encodeSlash)) {
            out.append(c);
        } else {
            out.append('%');
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xF]);
        }
    }
    return out;
}

QByteArray SigV4Signer::encodePath(const QByteArray &decodedPath)
{
    if (decodedPath.isEmpty())
        return QByteArrayLiteral("/");
    return uriEncode(decodedPath, false);
}

QByteArray SigV4Signer::canonicalPath(const QByteArray &decodedPath) const
{
    if (m_mode == Mode::S3)
        return encodePath(decodedPath);
    // Generic services: remove "." and "..", collapse empty segments, then encode each segment twice.
    const QList<QByteArray> segments = decodedPath.split('/');
    QList<QByteArray> kept;
    for (const QByteArray &s : segments) {
        if (s.isEmpty() || s == ".")
            continue;
        if (s == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(uriEncode(uriEncode(s, true), true));
    }
    QByteArray out = "/" + kept.join('/');
    if (!kept.isEmpty() && decodedPath.endsWith('/'))
        out.append('/');
    return out;
}

QByteArray SigV4Signer::canonicalQuery(const Pairs &query)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(query.size());
    for (const auto &[name, value] : query)
        encoded.append({uriEncode(name, true), uriEncode(value, true)});
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &[name, value] : encoded) {
        if (!out.isEmpty())
            out.append('&');
        out.append(name).append('=').append(value);
    }
    return out;
}

namespace {

QByteArray canonicalHeaderValue(const QByteArray &value)
{
    // Trim, and collapse runs of spaces into one.
    QByteArray out;
    bool space = false;
    for (const char c : value.trimmed()) {
        if (c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space)
            out.append(' ');
        space = false;
        out.append(c);
    }
    return out;
}

} // namespace

SigV4Signer::Signature SigV4Signer::sign(const Request &request, const Credentials &credentials,
                                         const QByteArray &amzDate) const
{
    std::map<QByteArray, QByteArray> headers; // lower-case name → comma-joined values, sorted
    for (const auto &[name, value] : request.headers) {
        QByteArray &slot = headers[name.toLower().trimmed()];
        if (!slot.isEmpty())
            slot.append(',');
        slot.append(canonicalHeaderValue(value));
    }
    QByteArray canonicalHeaders;
    QByteArray signedHeaders;
    for (const auto &[name, value] : headers) {
        canonicalHeaders.append(name).append(':').append(value).append('\n');
        if (!signedHeaders.isEmpty())
            signedHeaders.append(';');
        signedHeaders.append(name);
    }

    Signature sig;
    sig.signedHeaders = signedHeaders;
    sig.canonicalRequest = request.method + '\n' + canonicalPath(request.path) + '\n' +
                           canonicalQuery(request.query) + '\n' + canonicalHeaders + '\n' + signedHeaders +
                           '\n' + request.payloadHash;
    const QByteArray date = amzDate.left(8);
    const QByteArray scope = date + '/' + m_region + '/' + m_service + "/aws4_request";
    sig.stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n' + sha256Hex(sig.canonicalRequest);
    const QByteArray kDate = hmacSha256("AWS4" + credentials.secretAccessKey, date);
    const QByteArray kRegion = hmacSha256(kDate, m_region);
    const QByteArray kService = hmacSha256(kRegion, m_service);
    const QByteArray kSigning = hmacSha256(kService, "aws4_request");
    sig.signature = hmacSha256(kSigning, sig.stringToSign).toHex();
    sig.authorization = "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId.toUtf8() + '/' + scope +
                        ", SignedHeaders=" + signedHeaders + ", Signature=" + sig.signature;
    return sig;
}

} // namespace lifeboat
