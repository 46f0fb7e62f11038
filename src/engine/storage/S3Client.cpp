#include "engine/storage/S3Client.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>
#include <QXmlStreamReader>

#include <deque>

Q_LOGGING_CATEGORY(lcS3, "lifeboat.engine.s3")

namespace lifeboat {

QByteArray S3Response::header(const QByteArray &name) const
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

namespace {

// The text of the first element named `name` in an XML document.
QString xmlText(const QByteArray &xml, const QString &name)
{
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        if (r.readNext() == QXmlStreamReader::StartElement && r.name() == name)
            return r.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    return {};
}

bool isXmlError(const QByteArray &body)
{
    QXmlStreamReader r(body);
    while (!r.atEnd()) {
        if (r.readNext() == QXmlStreamReader::StartElement)
            return r.name() == QLatin1String("Error");
    }
    return false;
}

// What to correct when the secret is wrong, after where it came from.
QString secretFix(const QString &source)
{
    if (source == QLatin1String("keychain"))
        return QStringLiteral("the keychain's copy with `lifeboat-cli secret set PROFILE s3-secret`");
    if (source == QLatin1String("environment"))
        return QStringLiteral("AWS_SECRET_ACCESS_KEY");
    if (source.startsWith(QLatin1String("file:")))
        return QStringLiteral("aws_secret_access_key in ") + source.mid(5);
    return QStringLiteral("AWS_SECRET_ACCESS_KEY or ~/.aws/credentials");
}

} // namespace

QString S3Response::errorCode() const
{
    return isXmlError(body) ? xmlText(body, QStringLiteral("Code")) : QString();
}

// Lives in the transport thread; owns the QNetworkAccessManager.
class S3Transport : public QObject
{
public:
    S3Transport(S3Location location, SigV4Signer::Credentials credentials, S3Client::Options options,
                std::atomic<qint64> *skew, const std::atomic<bool> *cancelled)
        : m_location(std::move(location))
        , m_credentials(std::move(credentials))
        , m_options(options)
        , m_signer(m_location.region, QStringLiteral("s3"))
        , m_skew(skew)
        , m_cancelled(cancelled)
    {}

    void start(const std::shared_ptr<S3PendingCall> &call)
    {
        if (m_cancelled->load() && !call->request.cleanup) {
            complete(call, cancelledResponse(0));
            return;
        }
        m_active.append(call);
        send(call, 1);
    }

    // Aborts every request in flight or waiting for a retry (cleanup requests excepted).
    void cancelAll()
    {
        const QList<std::shared_ptr<S3PendingCall>> active = m_active;
        for (const std::shared_ptr<S3PendingCall> &call : active) {
            if (call->request.cleanup)
                continue;
            if (QNetworkReply *reply = call->reply) {
                call->reply = nullptr;
                disconnect(reply, nullptr, this, nullptr);
                reply->abort();
                reply->deleteLater();
            }
            m_active.removeOne(call);
            complete(call, cancelledResponse(1));
        }
    }

private:
    static S3Response cancelledResponse(int attempts)
    {
        S3Response r;
        r.cancelled = true;
        r.networkError = int(QNetworkReply::OperationCanceledError);
        r.networkErrorText = QStringLiteral("cancelled");
        r.attempts = attempts;
        return r;
    }

    static void complete(const std::shared_ptr<S3PendingCall> &call, S3Response response)
    {
        QMutexLocker lock(&call->mutex);
        call->response = std::move(response);
        call->finished = true;
        call->done.wakeAll();
    }

    QNetworkAccessManager *nam()
    {
        if (!m_nam) {
            m_nam = new QNetworkAccessManager(this);
            m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
            m_ssl = QSslConfiguration::defaultConfiguration();
            if (!m_location.caFile.isEmpty()) {
                const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_location.caFile, QSsl::Pem);
                if (cas.isEmpty())
                    qCWarning(lcS3) << "no certificate in" << m_location.caFile;
                m_ssl.addCaCertificates(cas);
            }
        }
        return m_nam;
    }

    void send(const std::shared_ptr<S3PendingCall> &call, int attempt)
    {
        const S3Request &rq = call->request;
        const QUrl base = m_location.baseUrl();
        const QByteArray path = m_location.requestPath(rq.key);
        const QByteArray query = SigV4Signer::canonicalQuery(rq.query);
        QByteArray encoded = base.toEncoded() + SigV4Signer::encodePath(path);
        if (!query.isEmpty())
            encoded += '?' + query;
        QNetworkRequest req(QUrl::fromEncoded(encoded, QUrl::StrictMode));
        QByteArray host = base.host(QUrl::FullyEncoded).toUtf8();
        const int defaultPort = base.scheme() == QLatin1String("https") ? 443 : 80;
        if (base.port() != -1 && base.port() != defaultPort)
            host += ':' + QByteArray::number(base.port());
        const QByteArray amzDate = SigV4Signer::amzDate(QDateTime::currentDateTimeUtc());
        const QByteArray payloadHash =
            rq.payloadHash.isEmpty() ? SigV4Signer::sha256Hex(rq.body) : rq.payloadHash;
        SigV4Signer::Request sr{rq.method, path, rq.query, rq.headers, payloadHash};
        sr.headers.append({"host", host});
        sr.headers.append({"x-amz-date", amzDate});
        sr.headers.append({"x-amz-content-sha256", payloadHash});
        if (!m_credentials.sessionToken.isEmpty())
            sr.headers.append({"x-amz-security-token", m_credentials.sessionToken});
        const SigV4Signer::Signature sig = m_signer.sign(sr, m_credentials, amzDate);
        for (const auto &[name, value] : sr.headers) {
            if (name != "host")
                req.setRawHeader(name, value);
        }
        req.setRawHeader("Authorization", sig.authorization);
        req.setRawHeader("Accept-Encoding", "identity");
        if (!rq.body.isEmpty() || rq.method == "PUT" || rq.method == "POST") {
            bool hasType = false;
            for (const auto &h : rq.headers)
                hasType = hasType || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
            if (!hasType)
                req.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/octet-stream"));
        }
        req.setTransferTimeout(m_options.transferTimeoutMs);
        req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        QNetworkAccessManager *manager = nam();
        if (base.scheme() == QLatin1String("https"))
            req.setSslConfiguration(m_ssl);
        QNetworkReply *reply = nullptr;
        if (rq.method == "GET")
            reply = manager->get(req);
        else if (rq.method == "HEAD")
            reply = manager->head(req);
        else if (rq.method == "PUT")
            reply = manager->put(req, rq.body);
        else if (rq.method == "POST")
            reply = manager->post(req, rq.body);
        else if (rq.method == "DELETE")
            reply = manager->deleteResource(req);
        else
            reply = manager->sendCustomRequest(req, rq.method, rq.body);
        call->reply = reply;
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, call, attempt] { finished(reply, call, attempt); });
    }

    void finished(QNetworkReply *reply, const std::shared_ptr<S3PendingCall> &call, int attempt)
    {
        reply->deleteLater();
        call->reply = nullptr;
        S3Response resp;
        resp.attempts = attempt;
        resp.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        resp.body = reply->readAll();
        resp.headers = reply->rawHeaderPairs();
        if (resp.status == 0) {
            resp.networkError = int(reply->error());
            resp.networkErrorText = reply->errorString();
        }
        const QByteArray date = resp.header("Date");
        if (!date.isEmpty()) {
            const QDateTime server = QDateTime::fromString(QString::fromLatin1(date), Qt::RFC2822Date);
            if (server.isValid()) {
                resp.clockSkewSeconds = QDateTime::currentDateTimeUtc().secsTo(server);
                m_skew->store(resp.clockSkewSeconds);
            }
        }
        if (S3Client::isTransient(resp) && attempt < m_options.maxAttempts) {
            const int exp =
                std::min(m_options.maxDelayMs, m_options.baseDelayMs << std::min(attempt - 1, 16));
            const int delay = exp / 2 + int(QRandomGenerator::global()->bounded(exp / 2 + 1));
            qCInfo(lcS3) << call->request.method << "attempt" << attempt << "failed"
                         << (resp.status ? QString::number(resp.status) : resp.networkErrorText)
                         << resp.errorCode() << "- retrying in" << delay << "ms";
            QTimer::singleShot(delay, this, [this, call, attempt] {
                if (m_active.contains(call)) // not cancelled meanwhile
                    send(call, attempt + 1);
            });
            return;
        }
        m_active.removeOne(call);
        complete(call, std::move(resp));
    }

    S3Location m_location;
    SigV4Signer::Credentials m_credentials;
    S3Client::Options m_options;
    SigV4Signer m_signer;
    std::atomic<qint64> *m_skew;
    const std::atomic<bool> *m_cancelled;
    QList<std::shared_ptr<S3PendingCall>> m_active; // started, not yet completed
    QNetworkAccessManager *m_nam = nullptr;
    QSslConfiguration m_ssl;
};

S3Client::S3Client(S3Location location, SigV4Signer::Credentials credentials, Options options)
    : m_location(std::move(location))
    , m_accessKeyId(credentials.accessKeyId)
    , m_secretSource(credentials.secretSource)
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("lifeboat-s3"));
    m_transport = new S3Transport(m_location, std::move(credentials), options, &m_lastSkew, &m_cancelled);
    m_transport->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_transport, &QObject::deleteLater);
    m_thread->start();
}

S3Client::~S3Client()
{
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

Result<std::unique_ptr<S3Client>>
S3Client::create(const S3Location &location, const SigV4Signer::Credentials &credentials, Options options)
{
    if (!location.caFile.isEmpty() && QSslCertificate::fromPath(location.caFile, QSsl::Pem).isEmpty())
        return makeError(
            QStringLiteral("dest.invalid"),
            QStringLiteral("ca=%1 holds no PEM certificate: give the CA certificate that signed the S3 "
                           "server's certificate")
                .arg(location.caFile));
    return std::unique_ptr<S3Client>(new S3Client(location, credentials, options));
}

Result<std::unique_ptr<S3Client>> S3Client::create(const S3Location &location, Options options)
{
    auto creds = S3Url::credentials(location);
    if (!creds)
        return creds.error();
    return create(location, *creds, options);
}

Result<std::unique_ptr<S3Client>> S3Client::create(const S3Location &location)
{
    return create(location, Options{});
}

std::shared_ptr<S3PendingCall> S3Client::submit(S3Request request) const
{
    auto call = std::make_shared<S3PendingCall>();
    call->request = std::move(request);
    S3Transport *transport = m_transport;
    QMetaObject::invokeMethod(
        transport, [transport, call] { transport->start(call); }, Qt::QueuedConnection);
    return call;
}

void S3Client::cancel() const
{
    m_cancelled.store(true);
    S3Transport *transport = m_transport;
    QMetaObject::invokeMethod(
        transport, [transport] { transport->cancelAll(); }, Qt::QueuedConnection);
}

S3Response S3Client::wait(const std::shared_ptr<S3PendingCall> &call)
{
    QMutexLocker lock(&call->mutex);
    while (!call->finished)
        call->done.wait(&call->mutex);
    return call->response;
}

bool S3Client::isTransient(const S3Response &r)
{
    if (r.cancelled)
        return false;
    if (r.status == 0) {
        switch (QNetworkReply::NetworkError(r.networkError)) {
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError: // the transfer timeout
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::ProxyConnectionClosedError:
        case QNetworkReply::UnknownNetworkError:
        case QNetworkReply::ProtocolFailure:
            return true;
        default:
            return false;
        }
    }
    // 501 Not Implemented (and 505) will not change on a retry.
    if (r.status >= 500 && r.status != 501 && r.status != 505)
        return true;
    const QString code = r.errorCode();
    return code == QLatin1String("SlowDown") || code == QLatin1String("RequestTimeout") ||
           code == QLatin1String("InternalError") || r.status == 429;
}

Error S3Client::errorFor(const S3Response &r, const QString &action) const
{
    const QString where = m_location.describe();
    const QString host = m_location.endpoint.authority();
    if (r.cancelled)
        return makeError(QStringLiteral("cancelled"),
                         QStringLiteral("cancelled while waiting to %1").arg(action));
    if (r.status == 0) {
        const auto e = QNetworkReply::NetworkError(r.networkError);
        if (e == QNetworkReply::SslHandshakeFailedError)
            return makeError(
                QStringLiteral("s3.tls"),
                QStringLiteral("the TLS connection to %1 failed (%2): if the server uses a private "
                               "certificate authority, give its certificate with ca=/path/ca.pem in "
                               "the URL")
                    .arg(host, r.networkErrorText));
        return makeError(
            QStringLiteral("s3.unreachable"),
            QStringLiteral("cannot reach the S3 endpoint %1 to %2: %3%4 — check the endpoint URL and "
                           "the network")
                .arg(host, action, r.networkErrorText,
                     r.attempts > 1 ? QStringLiteral(" (after %1 attempts)").arg(r.attempts) : QString()));
    }
    const QString code = r.errorCode();
    const QString accessKey = m_accessKeyId;
    if (code == QLatin1String("SignatureDoesNotMatch"))
        return makeError(
            QStringLiteral("s3.auth"),
            QStringLiteral("the secret key for access key %1 is wrong (%2 rejected the signature): "
                           "correct %3")
                .arg(accessKey, host, secretFix(m_secretSource)));
    if (code == QLatin1String("InvalidAccessKeyId"))
        return makeError(QStringLiteral("s3.auth"),
                         QStringLiteral("%1 does not know the access key %2: check the access key id")
                             .arg(host, accessKey));
    if (code == QLatin1String("NoSuchBucket") ||
        (r.status == 404 && code.isEmpty() && action.contains(QLatin1String("bucket"))))
        return makeError(QStringLiteral("s3.nobucket"),
                         QStringLiteral("the bucket %1 does not exist at %2: create it or correct the URL")
                             .arg(m_location.bucket, host));
    if (code == QLatin1String("AccessDenied") || (r.status == 403 && code.isEmpty()))
        return makeError(
            QStringLiteral("s3.denied"),
            QStringLiteral("access denied to %1 %2: give the access key s3:PutObject, s3:GetObject, "
                           "s3:DeleteObject and s3:ListBucket on the bucket")
                .arg(action, where));
    if (code == QLatin1String("RequestTimeTooSkewed")) {
        qint64 skew = r.clockSkewSeconds;
        const QDateTime requestTime =
            QDateTime::fromString(xmlText(r.body, QStringLiteral("RequestTime")), Qt::ISODate);
        const QDateTime serverTime =
            QDateTime::fromString(xmlText(r.body, QStringLiteral("ServerTime")), Qt::ISODate);
        if (requestTime.isValid() && serverTime.isValid())
            skew = requestTime.secsTo(serverTime);
        return makeError(
            QStringLiteral("s3.clock"),
            QStringLiteral("this computer's clock is %1 seconds %2 the S3 server's (S3 allows 15 "
                           "minutes): correct the clock, e.g. enable NTP time synchronisation")
                .arg(std::abs(skew))
                .arg(skew >= 0 ? QStringLiteral("behind") : QStringLiteral("ahead of")));
    }
    if (code == QLatin1String("NoSuchKey") || (r.status == 404 && code.isEmpty()))
        return makeError(QStringLiteral("s3.missing"),
                         QStringLiteral("cannot %1: it does not exist in %2").arg(action, where));
    const QString message = xmlText(r.body, QStringLiteral("Message"));
    if (code == QLatin1String("InvalidStorageClass"))
        return makeError(
            QStringLiteral("s3.storage-class"),
            QStringLiteral("%1 does not offer the storage class %2: choose another storage-class= "
                           "in the destination URL or remove it")
                .arg(host, m_location.storageClass));
    if (code == QLatin1String("ObjectLockConfigurationNotFoundError") ||
        (code == QLatin1String("InvalidRequest") &&
         message.contains(QLatin1String("Object Lock"), Qt::CaseInsensitive)) ||
        (code == QLatin1String("InvalidRequest") &&
         message.contains(QLatin1String("ObjectLock"), Qt::CaseInsensitive)))
        return makeError(
            QStringLiteral("s3.object-lock"),
            QStringLiteral("the bucket %1 at %2 does not have S3 Object Lock enabled, so it refused "
                           "to %3 with object-lock=%4: enable Object Lock on the bucket (or use "
                           "a bucket created with it) or remove object-lock from the destination URL")
                .arg(m_location.bucket, host, action, m_location.objectLockMode.toLower()));
    return makeError(QStringLiteral("s3.failed"),
                     QStringLiteral("%1 refused to %2: HTTP %3%4%5")
                         .arg(host, action)
                         .arg(r.status)
                         .arg(code.isEmpty() ? QString() : QLatin1Char(' ') + code,
                              message.isEmpty() ? QString() : QStringLiteral(" — ") + message));
}

Status S3Client::putObject(const QString &key, const QByteArray &body,
                           const SigV4Signer::Pairs &headers) const
{
    const S3Response r = execute({"PUT", key, {}, headers, body, {}});
    if (!r.ok())
        return errorFor(r, QStringLiteral("upload %1").arg(key));
    return {};
}

Result<S3Client::ObjectInfo> S3Client::head(const QString &key) const
{
    const S3Response r = execute({"HEAD", key, {}, {}, {}, SigV4Signer::emptyPayloadHash()});
    if (!r.ok())
        return errorFor(r, QStringLiteral("look up %1").arg(key));
    ObjectInfo info;
    info.key = key;
    info.size = r.header("Content-Length").toLongLong();
    info.etag = r.header("ETag");
    return info;
}

Result<QByteArray> S3Client::getSmall(const QString &key, qint64 maxBytes) const
{
    const S3Response r = execute({"GET", key, {}, {}, {}, SigV4Signer::emptyPayloadHash()});
    if (!r.ok())
        return errorFor(r, QStringLiteral("read %1").arg(key));
    if (r.body.size() > maxBytes)
        return makeError(QStringLiteral("dest.read"), QStringLiteral("%1 is unexpectedly large").arg(key));
    return r.body;
}

namespace {
// "bytes 0-9/1234" → 1234
qint64 totalFromContentRange(const QByteArray &value)
{
    const qsizetype slash = value.lastIndexOf('/');
    if (slash < 0)
        return -1;
    bool ok = false;
    const qint64 total = value.mid(slash + 1).toLongLong(&ok);
    return ok ? total : -1;
}
} // namespace

Status S3Client::getInto(const QString &key, ByteSink *sink) const
{
    auto rangeRequest = [&key](qint64 from) {
        return S3Request{
            "GET",
            key,
            {},
            {{"Range", "bytes=" + QByteArray::number(from) + '-' + QByteArray::number(from + kDownloadChunk - 1)}},
            {},
            SigV4Signer::emptyPayloadHash()};
    };
    // One range in flight ahead of the one being written: at most two chunks in memory.
    qint64 offset = 0;
    qint64 total = -1;
    std::shared_ptr<S3PendingCall> pending = submit(rangeRequest(0));
    for (;;) {
        S3Response r = wait(pending);
        pending.reset();
        if (r.status == 416 && offset == 0) { // an empty object
            total = 0;
            break;
        }
        if (!r.ok())
            return errorFor(r, QStringLiteral("read %1").arg(key));
        if (r.status == 200) { // the server ignored Range: this is the whole object
            if (offset != 0)
                return makeError(QStringLiteral("s3.failed"),
                                 QStringLiteral("%1 does not honour ranged reads: cannot resume %2")
                                     .arg(m_location.endpoint.authority(), key));
            if (Status s = sink->write(r.body.constData(), r.body.size()); !s)
                return s;
            return sink->finish();
        }
        if (total < 0)
            total = totalFromContentRange(r.header("Content-Range"));
        if (total < 0)
            return makeError(
                QStringLiteral("s3.failed"),
                QStringLiteral("%1 sent no object size for %2").arg(m_location.endpoint.authority(), key));
        const qint64 next = offset + r.body.size();
        if (r.body.isEmpty() && offset < total)
            return makeError(QStringLiteral("s3.failed"),
                             QStringLiteral("%1 returned no data for %2 at byte %3")
                                 .arg(m_location.endpoint.authority(), key)
                                 .arg(offset));
        // A short body (a dropped connection the server closed cleanly) simply resumes at `next`.
        if (next < total)
            pending = submit(rangeRequest(next));
        if (Status s = sink->write(r.body.constData(), r.body.size()); !s) {
            if (pending)
                wait(pending);
            return s;
        }
        offset = next;
        if (offset >= total)
            break;
    }
    return sink->finish();
}

Status S3Client::deleteObject(const QString &key) const
{
    const S3Response r = execute({"DELETE", key, {}, {}, {}, SigV4Signer::emptyPayloadHash(), true});
    if (!r.ok() && r.status != 404)
        return errorFor(r, QStringLiteral("delete %1").arg(key));
    return {};
}

Result<QList<S3Client::DeleteFailure>> S3Client::deleteBatch(const QStringList &batch) const
{
    QByteArray xml = "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>true</Quiet>";
    for (const QString &key : batch)
        xml += "<Object><Key>" + key.toHtmlEscaped().toUtf8() + "</Key></Object>";
    xml += "</Delete>";
    const QByteArray md5 = QCryptographicHash::hash(xml, QCryptographicHash::Md5).toBase64();
    const S3Response r = execute({"POST",
                                  QString(),
                                  {{"delete", ""}},
                                  {{"Content-MD5", md5}, {"Content-Type", "application/xml"}},
                                  xml,
                                  {}});
    if (!r.ok() || isXmlError(r.body))
        return errorFor(r.ok() ? S3Response{500, 0, {}, r.body, r.headers, r.attempts, r.clockSkewSeconds}
                               : r,
                        QStringLiteral("delete objects in bucket %1").arg(m_location.bucket));
    // Quiet mode lists only the failures: <Error><Key/><Code/><Message/></Error>.
    QList<DeleteFailure> failures;
    QXmlStreamReader x(r.body);
    while (!x.atEnd()) {
        if (x.readNext() != QXmlStreamReader::StartElement || x.name() != QLatin1String("Error"))
            continue;
        DeleteFailure failure;
        while (!(x.readNext() == QXmlStreamReader::EndElement && x.name() == QLatin1String("Error")) &&
               !x.atEnd()) {
            if (!x.isStartElement())
                continue;
            if (x.name() == QLatin1String("Key"))
                failure.key = x.readElementText();
            else if (x.name() == QLatin1String("Code"))
                failure.code = x.readElementText();
            else if (x.name() == QLatin1String("Message"))
                failure.message = x.readElementText();
        }
        if (!failure.key.isEmpty())
            failures.append(failure);
    }
    return failures;
}

Status S3Client::deleteObjects(const QStringList &keys) const
{
    for (qsizetype from = 0; from < keys.size(); from += 1000) {
        auto failures = deleteBatch(keys.mid(from, 1000));
        if (!failures)
            return failures.error();
        if (!failures->isEmpty())
            return makeError(
                QStringLiteral("s3.delete"),
                QStringLiteral("%1 could not delete %2: %3")
                    .arg(m_location.endpoint.authority(), failures->first().key, failures->first().code));
    }
    return {};
}

QList<Status> S3Client::deleteObjectsEach(const QStringList &keys) const
{
    QList<Status> results;
    results.reserve(keys.size());
    for (qsizetype from = 0; from < keys.size(); from += 1000) {
        const QStringList batch = keys.mid(from, 1000);
        auto failures = deleteBatch(batch);
        if (!failures) {
            for (qsizetype i = 0; i < batch.size(); ++i)
                results.append(failures.error());
            continue;
        }
        QHash<QString, QString> failed;
        for (const DeleteFailure &failure : std::as_const(*failures))
            failed.insert(failure.key, failure.message.isEmpty() ? failure.code
                                                                 : failure.code + QStringLiteral(" (") +
                                                                       failure.message + QLatin1Char(')'));
        for (const QString &key : batch) {
            const auto it = failed.constFind(key);
            if (it == failed.constEnd())
                results.append(Status());
            else
                results.append(makeError(QStringLiteral("s3.delete"),
                                         QStringLiteral("%1 refused to delete %2: %3")
                                             .arg(m_location.endpoint.authority(), key, *it)));
        }
    }
    return results;
}

Result<QList<S3Client::ObjectInfo>> S3Client::list(const QString &prefix) const
{
    QList<ObjectInfo> objects;
    QByteArray token;
    for (;;) {
        SigV4Signer::Pairs query{{"list-type", "2"}, {"prefix", prefix.toUtf8()}};
        if (!token.isEmpty())
            query.append({"continuation-token", token});
        const S3Response r = execute({"GET", QString(), query, {}, {}, SigV4Signer::emptyPayloadHash()});
        if (!r.ok())
            return errorFor(r, QStringLiteral("list the bucket %1").arg(m_location.bucket));
        QXmlStreamReader x(r.body);
        bool truncated = false;
        token.clear();
        while (!x.atEnd()) {
            if (x.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (x.name() == QLatin1String("Contents")) {
                ObjectInfo info;
                while (!(x.readNext() == QXmlStreamReader::EndElement &&
                         x.name() == QLatin1String("Contents")) &&
                       !x.atEnd()) {
                    if (!x.isStartElement())
                        continue;
                    const QString name = x.name().toString();
                    const QString text = x.readElementText();
                    if (name == QLatin1String("Key"))
                        info.key = text;
                    else if (name == QLatin1String("Size"))
                        info.size = text.toLongLong();
                    else if (name == QLatin1String("ETag"))
                        info.etag = text.toUtf8();
                    else if (name == QLatin1String("LastModified"))
                        info.lastModified = QDateTime::fromString(text, Qt::ISODateWithMs);
                }
                objects.append(info);
            } else if (x.name() == QLatin1String("IsTruncated")) {
                truncated = x.readElementText() == QLatin1String("true");
            } else if (x.name() == QLatin1String("NextContinuationToken")) {
                token = x.readElementText().toUtf8();
            }
        }
        if (x.hasError())
            return makeError(QStringLiteral("s3.failed"),
                             QStringLiteral("%1 sent an unreadable listing: %2")
                                 .arg(m_location.endpoint.authority(), x.errorString()));
        if (!truncated || token.isEmpty())
            break;
    }
    return objects;
}

Result<QByteArray> S3Client::createMultipartUpload(const QString &key,
                                                   const SigV4Signer::Pairs &headers) const
{
    const S3Response r = execute({"POST", key, {{"uploads", ""}}, headers, {}, {}});
    if (!r.ok())
        return errorFor(r, QStringLiteral("start uploading %1").arg(key));
    const QString id = xmlText(r.body, QStringLiteral("UploadId"));
    if (id.isEmpty())
        return makeError(QStringLiteral("s3.failed"), QStringLiteral("%1 started no multipart upload for %2")
                                                          .arg(m_location.endpoint.authority(), key));
    return id.toUtf8();
}

Status S3Client::completeMultipartUpload(const QString &key, const QByteArray &uploadId,
                                         const QList<QByteArray> &etags) const
{
    QByteArray xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
    for (qsizetype i = 0; i < etags.size(); ++i) {
        QByteArray etag = etags.at(i);
        etag.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
        xml += "<Part><PartNumber>" + QByteArray::number(i + 1) + "</PartNumber><ETag>" + etag +
               "</ETag></Part>";
    }
    xml += "</CompleteMultipartUpload>";
    const S3Response r =
        execute({"POST", key, {{"uploadId", uploadId}}, {{"Content-Type", "application/xml"}}, xml, {}});
    // S3 may answer 200 and still fail: the error is then in the body.
    if (!r.ok() || isXmlError(r.body))
        return errorFor(r.ok() ? S3Response{500, 0, {}, r.body, r.headers, r.attempts, r.clockSkewSeconds}
                               : r,
                        QStringLiteral("complete the upload of %1").arg(key));
    return {};
}

Status S3Client::abortMultipartUpload(const QString &key, const QByteArray &uploadId) const
{
    const S3Response r =
        execute({"DELETE", key, {{"uploadId", uploadId}}, {}, {}, SigV4Signer::emptyPayloadHash(), true});
    if (!r.ok() && r.status != 404)
        return errorFor(r, QStringLiteral("abort the upload of %1").arg(key));
    return {};
}

Status S3Client::checkObjectLock() const
{
    const S3Response r =
        execute({"GET", QString(), {{"object-lock", ""}}, {}, {}, SigV4Signer::emptyPayloadHash()});
    const QString action = QStringLiteral("keep backups under Object Lock");
    if (r.ok()) {
        if (xmlText(r.body, QStringLiteral("ObjectLockEnabled")) == QLatin1String("Enabled"))
            return {};
        return errorFor(S3Response{400,
                                   0,
                                   {},
                                   "<Error><Code>ObjectLockConfigurationNotFoundError</Code></Error>",
                                   r.headers,
                                   r.attempts,
                                   r.clockSkewSeconds},
                        action);
    }
    const QString code = r.errorCode();
    // Servers that do not implement the call cannot tell: the first locked upload will.
    if (code == QLatin1String("NotImplemented") || r.status == 501 || r.status == 405)
        return {};
    return errorFor(r, action);
}

} // namespace lifeboat
