#include "engine/storage/S3Destination.h"

#include "engine/storage/S3UploadEvent.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>

namespace lifeboat {

Result<std::unique_ptr<S3Destination>> S3Destination::create(const QString &spec,
                                                             const QByteArray &storedSecret)
{
    auto location = S3Url::parse(spec);
    if (!location)
        return location.error();
    S3Url::CredentialSources sources;
    sources.storedSecret = storedSecret;
    auto credentials = S3Url::credentials(*location, sources);
    if (!credentials)
        return credentials.error();
    return create(*location, *credentials, S3Client::Options{});
}

Result<std::unique_ptr<S3Destination>> S3Destination::create(const S3Location &location,
                                                             S3Client::Options options)
{
    auto client = S3Client::create(location, options);
    if (!client)
        return client.error();
    return std::unique_ptr<S3Destination>(new S3Destination(std::move(*client)));
}

Result<std::unique_ptr<S3Destination>> S3Destination::create(const S3Location &location,
                                                             const SigV4Signer::Credentials &credentials,
                                                             S3Client::Options options)
{
    auto client = S3Client::create(location, credentials, options);
    if (!client)
        return client.error();
    return std::unique_ptr<S3Destination>(new S3Destination(std::move(*client)));
}

S3Destination::S3Destination(std::unique_ptr<S3Client> client)
    : m_client(std::move(client))
{}

qint64 S3Destination::partSizeFor(qint64 expectedBytes)
{
    constexpr qint64 mib = 1024 * 1024;
    if (expectedBytes <= 0)
        return kUnknownSizePartSize;
    // The size is an estimate (the last dump, or the database): 10,000 parts cover twice it.
    const qint64 twice =
        expectedBytes > kMaxPartSize * kMaxParts / 2 ? kMaxPartSize * kMaxParts : 2 * expectedBytes;
    const qint64 needed = (twice + kMaxParts - 1) / kMaxParts;
    const qint64 rounded = (needed + mib - 1) / mib * mib;
    return std::clamp(rounded, kMinPartSize, kMaxPartSize);
}

SigV4Signer::Pairs S3Destination::objectHeaders(const S3Location &location, const QDateTime &nowUtc)
{
    SigV4Signer::Pairs headers;
    if (!location.storageClass.isEmpty())
        headers.append({"x-amz-storage-class", location.storageClass.toLatin1()});
    if (!location.objectLockMode.isEmpty()) {
        headers.append({"x-amz-object-lock-mode", location.objectLockMode.toLatin1()});
        const QDateTime until = nowUtc.toUTC().addDays(location.objectLockDays);
        headers.append({"x-amz-object-lock-retain-until-date", until.toString(Qt::ISODate).toLatin1()});
    }
    return headers;
}

Status S3Destination::checkWritable(qint64 expectedBytes)
{
    // A bucket has no free-space figure; each writer picks its parts from its own size.
    Q_UNUSED(expectedBytes)
    if (!m_client->location().objectLockMode.isEmpty()) {
        if (Status s = m_client->checkObjectLock(); !s)
            return s;
    }
    const QString probe =
        m_client->location().keyFor(QStringLiteral(".lifeboat-write-probe-") +
                                    QString::number(QRandomGenerator::global()->generate(), 16));
    if (Status s = m_client->putObject(probe, QByteArray()); !s)
        return s;
    // A bucket may allow writing but not deleting (object lock): the probe then stays, harmlessly.
    (void)m_client->deleteObject(probe);
    return {};
}

Result<std::unique_ptr<ByteSink>> S3Destination::openWriter(const QString &relativePath, qint64 expectedBytes)
{
    const bool probe = relativePath.section(QLatin1Char('/'), -1).startsWith(QLatin1Char('.'));
    SigV4Signer::Pairs headers;
    if (!probe)
        headers = objectHeaders(m_client->location(), QDateTime::currentDateTimeUtc());
    return std::unique_ptr<ByteSink>(
        new S3ObjectWriter(m_client.get(), m_client->location().keyFor(relativePath),
                           partSizeFor(expectedBytes), std::move(headers), m_eventLog));
}

bool S3Destination::exists(const QString &relativePath) const
{
    return m_client->head(m_client->location().keyFor(relativePath)).ok();
}

Result<std::optional<qint64>> S3Destination::objectSize(const QString &relativePath) const
{
    auto info = m_client->head(m_client->location().keyFor(relativePath));
    if (info)
        return std::optional<qint64>(info->size);
    if (info.error().code == QLatin1String("s3.missing"))
        return std::optional<qint64>();
    return info.error();
}

Result<QByteArray> S3Destination::readSmall(const QString &relativePath) const
{
    return m_client->getSmall(m_client->location().keyFor(relativePath), 64 * 1024 * 1024);
}

Status S3Destination::readInto(const QString &relativePath, ByteSink *sink) const
{
    return m_client->getInto(m_client->location().keyFor(relativePath), sink);
}

Status S3Destination::remove(const QString &relativePath)
{
    return m_client->deleteObject(m_client->location().keyFor(relativePath));
}

QList<Status> S3Destination::removeMany(const QStringList &relativePaths)
{
    QStringList keys;
    keys.reserve(relativePaths.size());
    for (const QString &path : relativePaths)
        keys << m_client->location().keyFor(path);
    return m_client->deleteObjectsEach(keys);
}

Result<QList<S3Client::ObjectInfo>> S3Destination::list(const QString &relativePrefix) const
{
    const QString root =
        m_client->location().prefix.isEmpty() ? QString() : m_client->location().prefix + QLatin1Char('/');
    auto objects = m_client->list(root + relativePrefix);
    if (!objects)
        return objects;
    for (S3Client::ObjectInfo &o : *objects)
        o.key = o.key.mid(root.size());
    return objects;
}

// --- S3ObjectWriter ---------------------------------------------------------------------------------

S3ObjectWriter::S3ObjectWriter(const S3Client *client, QString key, qint64 partSize,
                               SigV4Signer::Pairs headers, Destination::EventLog eventLog)
    : m_client(client)
    , m_key(std::move(key))
    , m_partSize(partSize)
    , m_headers(std::move(headers))
    , m_eventLog(std::move(eventLog))
{
    for (const auto &h : std::as_const(m_headers))
        m_contentMd5 = m_contentMd5 || h.first == "x-amz-object-lock-mode";
}

namespace {
QByteArray contentMd5(const QByteArray &body)
{
    return QCryptographicHash::hash(body, QCryptographicHash::Md5).toBase64();
}
} // namespace

S3ObjectWriter::~S3ObjectWriter()
{
    if (!m_done)
        abort();
}

Status S3ObjectWriter::fail(const Error &error)
{
    abort();
    return error;
}

Status S3ObjectWriter::collectOldest()
{
    auto [number, call] = m_inFlight.front();
    m_inFlight.pop_front();
    const S3Response r = S3Client::wait(call);
    if (!r.ok())
        return m_client->errorFor(r, QStringLiteral("upload part %1 of %2").arg(number).arg(m_key));
    const QByteArray etag = r.header("ETag");
    if (etag.isEmpty())
        return makeError(QStringLiteral("s3.failed"), QStringLiteral("%1 returned no ETag for part %2 of %3")
                                                          .arg(m_client->location().endpoint.authority())
                                                          .arg(number)
                                                          .arg(m_key));
    m_etags[number - 1] = etag;
    return {};
}

Status S3ObjectWriter::sendPart(QByteArray part)
{
    if (m_nextPart > S3Destination::kMaxParts)
        return makeError(
            QStringLiteral("s3.toolarge"),
            QStringLiteral("%1 grew beyond %2 parts of %3 MiB (more than twice the expected size, from the "
                           "last backup and the database's size): the upload cannot continue")
                .arg(m_key)
                .arg(S3Destination::kMaxParts)
                .arg(m_partSize / (1024 * 1024)));
    if (m_uploadId.isEmpty()) {
        auto id = m_client->createMultipartUpload(m_key, m_headers);
        if (!id)
            return id.error();
        m_uploadId = *id;
        if (m_eventLog) // before any part: a run killed from now on leaves an upload to abort
            m_eventLog(LogLevel::Info,
                       S3UploadEvent::message(m_client->location(), m_key, QString::fromUtf8(m_uploadId)));
    }
    while (int(m_inFlight.size()) >= S3Destination::kPartsInFlight) {
        if (Status s = collectOldest(); !s)
            return s;
    }
    const int number = m_nextPart++;
    m_etags.append(QByteArray());
    const QByteArray hash = SigV4Signer::sha256Hex(part);
    SigV4Signer::Pairs partHeaders;
    if (m_contentMd5)
        partHeaders.append({"Content-MD5", contentMd5(part)});
    m_inFlight.emplace_back(
        number, m_client->submit({"PUT",
                                  m_key,
                                  {{"partNumber", QByteArray::number(number)}, {"uploadId", m_uploadId}},
                                  partHeaders,
                                  std::move(part),
                                  hash}));
    return {};
}

Status S3ObjectWriter::write(const char *data, qint64 size)
{
    if (m_done)
        return makeError(QStringLiteral("s3.failed"),
                         QStringLiteral("the upload of %1 has already ended").arg(m_key));
    while (size > 0) {
        // Small objects (manifests) never reserve a whole part.
        if (m_buffer.capacity() < m_partSize && m_buffer.size() + size > 1024 * 1024)
            m_buffer.reserve(m_partSize);
        const qint64 take = std::min(size, m_partSize - m_buffer.size());
        m_buffer.append(data, take);
        data += take;
        size -= take;
        if (m_buffer.size() == m_partSize) {
            QByteArray part = std::move(m_buffer);
            m_buffer = QByteArray();
            if (Status s = sendPart(std::move(part)); !s)
                return fail(s.error());
        }
    }
    return {};
}

Status S3ObjectWriter::finish()
{
    if (m_done)
        return makeError(QStringLiteral("s3.failed"),
                         QStringLiteral("the upload of %1 has already ended").arg(m_key));
    if (m_uploadId.isEmpty()) {
        // Fits in one part: a single PUT, atomic by itself.
        SigV4Signer::Pairs headers = m_headers;
        if (m_contentMd5)
            headers.append({"Content-MD5", contentMd5(m_buffer)});
        Status s = m_client->putObject(m_key, m_buffer, headers);
        m_buffer.clear();
        m_done = true;
        return s;
    }
    if (!m_buffer.isEmpty()) {
        QByteArray last = std::move(m_buffer);
        m_buffer = QByteArray();
        if (Status s = sendPart(std::move(last)); !s)
            return fail(s.error());
    }
    while (!m_inFlight.empty()) {
        if (Status s = collectOldest(); !s)
            return fail(s.error());
    }
    if (Status s = m_client->completeMultipartUpload(m_key, m_uploadId, m_etags); !s)
        return fail(s.error());
    m_done = true;
    return {};
}

void S3ObjectWriter::abort()
{
    if (m_done)
        return;
    m_done = true;
    m_buffer.clear();
    // Let parts still in flight end, so none lands after the abort.
    while (!m_inFlight.empty()) {
        S3Client::wait(m_inFlight.front().second);
        m_inFlight.pop_front();
    }
    if (!m_uploadId.isEmpty())
        (void)m_client->abortMultipartUpload(m_key, m_uploadId);
}

} // namespace lifeboat
