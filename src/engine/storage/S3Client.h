#pragma once

#include "core/Result.h"
#include "engine/io/ByteSink.h"
#include "engine/storage/S3Url.h"
#include "engine/storage/SigV4Signer.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QWaitCondition>

#include <atomic>
#include <memory>

class QNetworkReply;
class QThread;

namespace lifeboat {

class S3Transport;

// One HTTP request to S3 and, once done, its response.
struct S3Request
{
    QByteArray method;
    QString key;                // object key; empty = the bucket itself
    SigV4Signer::Pairs query;   // decoded
    SigV4Signer::Pairs headers; // extra headers (Range, Content-Type); signed
    QByteArray body;
    QByteArray payloadHash; // empty = computed from body
    bool cleanup = false;   // still sent after S3Client::cancel() (aborting or deleting what was written)
};

struct S3Response
{
    int status = 0;       // HTTP status; 0 = no response (network error)
    int networkError = 0; // QNetworkReply::NetworkError
    QString networkErrorText;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int attempts = 0;
    qint64 clockSkewSeconds = 0; // server Date − local clock, when the server sent a Date
    bool cancelled = false;      // S3Client::cancel() interrupted it (never retried)

    QByteArray header(const QByteArray &name) const;
    bool ok() const { return status >= 200 && status < 300; }
    QString errorCode() const; // <Error><Code> of an XML error body
};

// A pending request: the job thread waits on it; the transport thread completes it.
class S3PendingCall
{
public:
    S3Request request;
    S3Response response;
    QMutex mutex;
    QWaitCondition done;
    bool finished = false;
    QNetworkReply *reply = nullptr; // transport thread only: the attempt on the wire, if any
};

// S3's REST API over Qt Network. Requests run in a dedicated transport thread that owns the
// QNetworkAccessManager; the calling (job) thread submits them and blocks until the reply — never the
// GUI thread, never a nested event loop. Transient failures (5xx, SlowDown, RequestTimeout, timeouts,
// connection resets) are retried per request with exponential backoff and jitter, re-signed each time.
class S3Client
{
public:
    struct Options
    {
        int maxAttempts = 6;
        int baseDelayMs = 200;
        int maxDelayMs = 8000;
        int transferTimeoutMs = 120000;
    };

    struct ObjectInfo
    {
        QString key;
        qint64 size = -1;
        QByteArray etag;
        QDateTime lastModified;
    };

    static Result<std::unique_ptr<S3Client>>
    create(const S3Location &location, const SigV4Signer::Credentials &credentials, Options options);
    static Result<std::unique_ptr<S3Client>> create(const S3Location &location, Options options);
    static Result<std::unique_ptr<S3Client>> create(const S3Location &location);
    ~S3Client();

    const S3Location &location() const { return m_location; }

    // Low level: submit without waiting (bounded by the caller), then wait.
    std::shared_ptr<S3PendingCall> submit(S3Request request) const;
    static S3Response wait(const std::shared_ptr<S3PendingCall> &call);
    S3Response execute(S3Request request) const { return wait(submit(std::move(request))); }

    // One sentence for a failed response; `action` says what we tried ("upload X").
    Error errorFor(const S3Response &response, const QString &action) const;
    static bool isTransient(const S3Response &response);

    // `headers` (signed): storage class and Object Lock retention of the object, Content-MD5.
    Status putObject(const QString &key, const QByteArray &body,
                     const SigV4Signer::Pairs &headers = {}) const;
    Result<ObjectInfo> head(const QString &key) const; // error code "s3.missing" when absent
    Result<QByteArray> getSmall(const QString &key, qint64 maxBytes) const;
    // Streams the object into `sink` in ranged GETs (each retried and resumed on its own).
    Status getInto(const QString &key, ByteSink *sink) const;
    Status deleteObject(const QString &key) const;
    // DeleteObjects: up to 1,000 keys per request; fails with the first key S3 could not delete.
    Status deleteObjects(const QStringList &keys) const;
    // DeleteObjects with each key's own outcome (one Status per key, in order): a failed request
    // fails every key of its batch, an <Error> entry only its key.
    QList<Status> deleteObjectsEach(const QStringList &keys) const;
    Result<QList<ObjectInfo>> list(const QString &prefix) const; // ListObjectsV2, all pages

    Result<QByteArray> createMultipartUpload(const QString &key,
                                             const SigV4Signer::Pairs &headers = {}) const;
    Status completeMultipartUpload(const QString &key, const QByteArray &uploadId,
                                   const QList<QByteArray> &etags) const;
    Status abortMultipartUpload(const QString &key, const QByteArray &uploadId) const;

    // GetObjectLockConfiguration: fails with one sentence when the bucket has no Object Lock; a server
    // that cannot tell (not implemented) passes, and the first locked upload will say.
    Status checkObjectLock() const;

    // From any thread: interrupts every request waiting on the network (their callers get an error
    // with code "cancelled" at once) and fails later ones immediately, except cleanup requests.
    void cancel() const;
    bool isCancelled() const { return m_cancelled.load(); }

    // The last clock difference the server's Date header showed (seconds, server − local).
    qint64 lastClockSkewSeconds() const { return m_lastSkew.load(); }

    static constexpr qint64 kDownloadChunk = 8 * 1024 * 1024;

private:
    S3Client(S3Location location, SigV4Signer::Credentials credentials, Options options);

    // One <Error> entry of a DeleteObjects answer (quiet mode lists only the failures).
    struct DeleteFailure
    {
        QString key;
        QString code;
        QString message;
    };
    // One DeleteObjects request for at most 1,000 keys: the keys it could not delete, in the
    // answer's order; an error when the request itself failed.
    Result<QList<DeleteFailure>> deleteBatch(const QStringList &batch) const;

    S3Location m_location;
    QString m_accessKeyId;  // not secret: named in error messages
    QString m_secretSource; // where the secret came from, for messages
    QThread *m_thread = nullptr;
    S3Transport *m_transport = nullptr;
    mutable std::atomic<qint64> m_lastSkew{0};
    mutable std::atomic<bool> m_cancelled{false};
};

} // namespace lifeboat
