#include "engine/storage/S3Destination.h"

#include <QRandomGenerator>

namespace lifeboat {

Result<std::unique_ptr<S3Destination>> S3Destination::create(const QString &spec)
{
    auto location = S3Url::parse(spec);
    if (!location)
        return location.error();
    return create(*location, S3Client::Options{});
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
    // The hint is an estimate (a quarter of the last dump): 10,000 parts cover four times it.
    const qint64 needed = (4 * expectedBytes + kMaxParts - 1) / kMaxParts;
    const qint64 rounded = (needed + mib - 1) / mib * mib;
    return std::max(kMinPartSize, rounded);
}

Status S3Destination::checkWritable(qint64 expectedBytes)
{
    m_expectedBytes = expectedBytes;
    const QString probe =
        m_client->location().keyFor(QStringLiteral(".lifeboat-write-probe-") +
                                    QString::number(QRandomGenerator::global()->generate(), 16));
    if (Status s = m_client->putObject(probe, QByteArray()); !s)
        return s;
    // A bucket may allow writing but not deleting (object lock): the probe then stays, harmlessly.
    (void)m_client->deleteObject(probe);
    return {};
}

Result<std::unique_ptr<ByteSink>> S3Destination::openWriter(const QString &relativePath)
{
    return std::unique_ptr<ByteSink>(new S3ObjectWriter(
        m_client.get(), m_client->location().keyFor(relativePath), partSizeFor(m_expectedBytes)));
}

bool S3Destination::exists(const QString &relativePath) const
{
    return m_client->head(m_client->location().keyFor(relativePath)).ok();
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

S3ObjectWriter::S3ObjectWriter(const S3Client *client, QString key, qint64 partSize)
    : m_client(client)
    , m_key(std::move(key))
    , m_partSize(partSize)
{}

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
            QStringLiteral("%1 grew beyond %2 parts of %3 MiB (more than twice the expected size): "
                           "the upload cannot continue")
                .arg(m_key)
                .arg(S3Destination::kMaxParts)
                .arg(m_partSize / (1024 * 1024)));
    if (m_uploadId.isEmpty()) {
        auto id = m_client->createMultipartUpload(m_key);
        if (!id)
            return id.error();
        m_uploadId = *id;
    }
    while (int(m_inFlight.size()) >= S3Destination::kPartsInFlight) {
        if (Status s = collectOldest(); !s)
            return s;
    }
    const int number = m_nextPart++;
    m_etags.append(QByteArray());
    const QByteArray hash = SigV4Signer::sha256Hex(part);
    m_inFlight.emplace_back(
        number, m_client->submit({"PUT",
                                  m_key,
                                  {{"partNumber", QByteArray::number(number)}, {"uploadId", m_uploadId}},
                                  {},
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
        if (m_buffer.capacity() < m_partSize)
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
        const Status s = m_client->putObject(m_key, m_buffer);
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
