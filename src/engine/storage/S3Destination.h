#pragma once

#include "engine/storage/Destination.h"
#include "engine/storage/S3Client.h"

#include <deque>

namespace lifeboat {

// A bucket (and key prefix) on AWS S3 or an S3-compatible service (Cloudflare R2, Backblaze B2, MinIO…).
// Objects are written with one PUT when they fit in one part, otherwise as a streamed multipart upload
// that becomes visible only when completed (and is aborted on failure).
class S3Destination final : public Destination
{
public:
    // `storedSecret`: the profile's S3 secret from the keychain (empty: environment, credentials file).
    static Result<std::unique_ptr<S3Destination>> create(const QString &spec,
                                                         const QByteArray &storedSecret = QByteArray());
    static Result<std::unique_ptr<S3Destination>> create(const S3Location &location,
                                                         S3Client::Options options);
    static Result<std::unique_ptr<S3Destination>> create(const S3Location &location,
                                                         const SigV4Signer::Credentials &credentials,
                                                         S3Client::Options options);

    QString spec() const override { return m_client->location().spec; }
    QString describe() const override { return m_client->location().describe(); }
    Status checkWritable(qint64 expectedBytes) override;
    qint64 freeBytes() const override { return -1; }
    // Objects get the URL's storage class and Object Lock retention (retain-until = now + the days),
    // except hidden names (".lifeboat-…" probes), which must stay deletable.
    Result<std::unique_ptr<ByteSink>> openWriter(const QString &relativePath,
                                                 qint64 expectedBytes = 0) override;
    bool exists(const QString &relativePath) const override;
    Result<std::optional<qint64>> objectSize(const QString &relativePath) const override;
    Result<QByteArray> readSmall(const QString &relativePath) const override;
    Status readInto(const QString &relativePath, ByteSink *sink) const override;
    Status remove(const QString &relativePath) override;
    void cancel() override { m_client->cancel(); }
    // Each multipart upload that starts is logged (S3UploadEvent) for RunRecovery.
    void setEventLog(const EventLog &log) override { m_eventLog = log; }
    QList<Status> removeMany(const QStringList &relativePaths) override;

    // Objects under the destination's prefix (keys relative to it), for retention and `dest test`.
    Result<QList<S3Client::ObjectInfo>> list(const QString &relativePrefix = QString()) const;
    S3Client *client() const { return m_client.get(); }

    // Equal-size parts (R2 requires it) in whole MiB, at least 5 MiB (S3's minimum), at most 5 GiB,
    // and 10,000 of them cover twice the expected object size; 16 MiB (objects up to 160 GiB) when the
    // size is unknown.
    static qint64 partSizeFor(qint64 expectedBytes);
    // The signed headers an object is written with: x-amz-storage-class, x-amz-object-lock-mode and
    // x-amz-object-lock-retain-until-date (`nowUtc` + the retention days). Empty when none is set.
    static SigV4Signer::Pairs objectHeaders(const S3Location &location, const QDateTime &nowUtc);
    static constexpr qint64 kMinPartSize = 5 * 1024 * 1024;
    static constexpr qint64 kMaxPartSize = 5LL * 1024 * 1024 * 1024;
    static constexpr qint64 kUnknownSizePartSize = 16 * 1024 * 1024;
    static constexpr int kMaxParts = 10000;
    static constexpr int kPartsInFlight = 3;

private:
    explicit S3Destination(std::unique_ptr<S3Client> client);
    std::unique_ptr<S3Client> m_client;
    EventLog m_eventLog;
};

// The ByteSink for one object.
class S3ObjectWriter final : public ByteSink
{
public:
    // `headers` go on the single PUT or CreateMultipartUpload; with Object Lock every PUT (object or
    // part) also carries Content-MD5, which S3 requires for uploads with a retention period.
    S3ObjectWriter(const S3Client *client, QString key, qint64 partSize, SigV4Signer::Pairs headers = {},
                   Destination::EventLog eventLog = {});
    ~S3ObjectWriter() override;
    Status write(const char *data, qint64 size) override;
    Status finish() override;
    void abort() override;

    bool usedMultipart() const { return !m_uploadId.isEmpty(); }
    int partCount() const { return int(m_etags.size()); }

private:
    Status sendPart(QByteArray part);
    Status collectOldest();
    Status fail(const Error &error);

    const S3Client *m_client;
    QString m_key;
    qint64 m_partSize;
    SigV4Signer::Pairs m_headers;
    Destination::EventLog m_eventLog;
    bool m_contentMd5 = false;
    QByteArray m_buffer;
    QByteArray m_uploadId;
    QList<QByteArray> m_etags;
    std::deque<std::pair<int, std::shared_ptr<S3PendingCall>>> m_inFlight;
    int m_nextPart = 1;
    bool m_done = false;
};

} // namespace lifeboat
