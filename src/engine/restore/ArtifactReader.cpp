#include "engine/restore/ArtifactReader.h"

#include "engine/crypto/AgeDecryptor.h"
#include "engine/io/Sha256Sink.h"
#include "engine/io/ThreadedSink.h"
#include "engine/pg/ArchiveScanner.h"
#include "engine/pipeline/ParallelZstdDecompressor.h"
#include "engine/pipeline/ScanningSink.h"
#include "engine/pipeline/ZstdDecompressor.h"
#include "engine/storage/Destination.h"

#include <QJsonDocument>

namespace lifeboat {

namespace {

// Collects bytes in memory (small objects only: manifests).
class BufferSink final : public ByteSink
{
public:
    explicit BufferSink(QByteArray *out)
        : m_out(out)
    {}
    Status write(const char *data, qint64 size) override
    {
        m_out->append(data, size);
        return {};
    }
    Status finish() override { return {}; }

private:
    QByteArray *m_out;
};

// Counts stored bytes for progress, passing them on.
class ProgressSink final : public ByteSink
{
public:
    ProgressSink(ByteSink *next, const ArtifactReader::ProgressFn &fn)
        : m_next(next)
        , m_fn(fn)
    {}
    Status write(const char *data, qint64 size) override
    {
        m_done += size;
        if (m_fn && !m_fn(m_done))
            return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
        return m_next->write(data, size);
    }
    Status finish() override { return m_next->finish(); }
    void abort() override { m_next->abort(); }

private:
    ByteSink *m_next;
    const ArtifactReader::ProgressFn &m_fn;
    qint64 m_done = 0;
};

// A sink that swallows everything (integrity checks without a consumer).
class NullSink final : public ByteSink
{
public:
    Status write(const char *, qint64) override { return {}; }
    Status finish() override { return {}; }
};

std::unique_ptr<ByteSink> makeDecryptor(const DecryptionKeys &keys, ByteSink *next)
{
    if (!keys.passphrase.isEmpty())
        return AgeDecryptor::withPassphrase(keys.passphrase, next);
    return AgeDecryptor::withIdentities(keys.identities, next);
}

} // namespace

ArtifactReader::ArtifactReader(ArtifactReader &&) noexcept = default;
ArtifactReader &ArtifactReader::operator=(ArtifactReader &&) noexcept = default;
ArtifactReader::~ArtifactReader() = default;

QString ArtifactReader::label() const
{
    return QStringLiteral("backup %1 (%2, %3 UTC)")
        .arg(m_artifact.id)
        .arg(m_artifact.database, m_artifact.createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

QString ArtifactReader::locationDescription() const
{
    return m_location.destination + QLatin1Char('/') + m_location.objectPath;
}

Result<ArtifactReader> ArtifactReader::open(const ArtifactRecord &artifact, const QByteArray &s3Secret)
{
    if (artifact.prunedUtc.isValid())
        return makeError(
            QStringLiteral("artifact.pruned"),
            QStringLiteral("backup %1 was deleted by retention on %2 UTC: choose another one "
                           "(lifeboat-cli list %3 shows them)")
                .arg(artifact.id)
                .arg(artifact.prunedUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm")), artifact.profileName));
    ArtifactReader reader;
    reader.m_artifact = artifact;
    QStringList problems;
    for (const ArtifactRecord::Location &loc : artifact.locations) {
        if (loc.prunedUtc.isValid())
            continue; // deleted there by retention
        auto dest = Destination::create(loc.destination, s3Secret);
        if (!dest) {
            problems << dest.error().message;
            continue;
        }
        if (!(*dest)->exists(loc.objectPath)) {
            problems << QStringLiteral("%1/%2 is missing").arg(loc.destination, loc.objectPath);
            continue;
        }
        reader.m_location = loc;
        reader.m_destination = std::move(*dest);
        return reader;
    }
    return makeError(QStringLiteral("verify.missing"),
                     QStringLiteral("%1 cannot be read from any of its locations: %2")
                         .arg(reader.label(), problems.isEmpty() ? QStringLiteral("it has none")
                                                                 : problems.join(QStringLiteral("; "))));
}

Status ArtifactReader::decodeSmall(const QByteArray &stored, const DecryptionKeys &keys,
                                   QByteArray *plain) const
{
    if (!m_artifact.encrypted) {
        *plain = stored;
        return {};
    }
    BufferSink out(plain);
    std::unique_ptr<ByteSink> decryptor = makeDecryptor(keys, &out);
    if (Status s = decryptor->write(stored.constData(), stored.size()); !s)
        return s;
    return decryptor->finish();
}

Result<Manifest> ArtifactReader::readManifest(const DecryptionKeys &keys) const
{
    if (m_storedManifest)
        return *m_storedManifest;
    if (!m_location.manifestPath.isEmpty() && m_destination->exists(m_location.manifestPath) &&
        (!m_artifact.encrypted || !keys.isEmpty())) {
        auto stored = m_destination->readSmall(m_location.manifestPath);
        if (stored) {
            QByteArray plain;
            if (Status s = decodeSmall(*stored, keys, &plain); !s)
                return makeError(
                    s.error().code,
                    QStringLiteral("the manifest of %1 cannot be read: %2").arg(label(), s.error().message));
            auto manifest = Manifest::fromJsonBytes(plain);
            if (manifest)
                m_storedManifest = *manifest;
            return manifest;
        }
    }
    return Manifest::fromJsonBytes(m_artifact.manifestJson);
}

qint64 ArtifactReader::zstdFrameBound() const
{
    // Frames of a bounded size can be decoded in parallel; a bound outside what a backup writes is
    // not trusted (the frames are then decoded one after another, as with older backups).
    auto recorded = Manifest::fromJsonBytes(m_artifact.manifestJson);
    if (recorded && recorded->zstdFrameBytes >= Manifest::kMinZstdFrameBytes &&
        recorded->zstdFrameBytes <= Manifest::kMaxZstdFrameBytes)
        return recorded->zstdFrameBytes;
    return 0;
}

Status ArtifactReader::stream(const DecryptionKeys &keys, ByteSink *plain, ArchiveScanner *scanner,
                              const ProgressFn &progress, Decoding decoding) const
{
    if (m_artifact.encrypted && keys.isEmpty())
        return makeError(
            QStringLiteral("age.no-key"),
            QStringLiteral("%1 is encrypted and no key was given: pass the age identity file with "
                           "--identity FILE (the one `age -d -i` would use)")
                .arg(label()));
    NullSink discard;
    ByteSink *tail = plain ? plain : &discard;
    std::unique_ptr<ScanningSink> scanning;
    if (scanner) {
        scanning = std::make_unique<ScanningSink>(scanner, tail);
        tail = scanning.get();
    }
    // The stages overlap on several cores. A backup of bounded frames: this thread reads, hashes,
    // decrypts and cuts frames, workers decode them, and one more thread scans the archive and
    // writes it where it goes, in order. An older single-frame backup: three threads, this one
    // reads, hashes and decrypts, the next decompresses, the last scans and writes.
    std::unique_ptr<ThreadedSink> tailThread;
    std::unique_ptr<ZstdDecompressor> serialZstd;
    std::unique_ptr<ThreadedSink> zstdThread;
    std::unique_ptr<ParallelZstdDecompressor> parallelZstd;
    ByteSink *decoder = nullptr;
    const qint64 frameBytes = decoding == Decoding::Parallel ? zstdFrameBound() : 0;
    if (frameBytes > 0) {
        parallelZstd = std::make_unique<ParallelZstdDecompressor>(tail, frameBytes,
                                                                  ParallelZstdDecompressor::defaultWorkers());
        decoder = parallelZstd.get();
    } else {
        tailThread = std::make_unique<ThreadedSink>(tail, "lifeboat-write");
        serialZstd = std::make_unique<ZstdDecompressor>(tailThread.get());
        zstdThread = std::make_unique<ThreadedSink>(serialZstd.get(), "lifeboat-zstd");
        decoder = zstdThread.get();
    }
    std::unique_ptr<ByteSink> decryptor;
    ByteSink *afterHash = decoder;
    if (m_artifact.encrypted) {
        decryptor = makeDecryptor(keys, decoder);
        afterHash = decryptor.get();
    }
    Sha256Sink hash(afterHash);
    ProgressSink head(&hash, progress);

    auto where = [this](const Error &e) {
        QString check = QStringLiteral("its contents");
        if (e.code.startsWith(QLatin1String("age.")))
            check = QStringLiteral("decryption (age)");
        else if (e.code.startsWith(QLatin1String("zstd.")))
            check = QStringLiteral("decompression (zstd checksums)");
        else if (e.code.startsWith(QLatin1String("archive.")))
            check = QStringLiteral("the pg_dump archive check");
        return makeError(e.code, QStringLiteral("%1 failed %2 reading %3: %4")
                                     .arg(label(), check, locationDescription(), e.message));
    };

    Status s = m_destination->readInto(m_location.objectPath, &head);
    if (!s) {
        // A later stage that failed did so on earlier bytes of the stream than this thread: its
        // failure is the first problem, as it would have been with the stages in one thread.
        Status first;
        if (parallelZstd) {
            first = parallelZstd->drain();
        } else {
            const Status decompressed = zstdThread->drain();
            const Status scanned = tailThread->drain();
            first = !scanned ? scanned : decompressed;
        }
        tail->abort();
        return where(!first ? first.error() : s.error());
    }
    if (hash.bytes() != m_artifact.storedBytes)
        return makeError(
            QStringLiteral("verify.size"),
            QStringLiteral("%1 failed the size check: %2 is %3 bytes, but %4 bytes were written — the "
                           "file was truncated or changed after the backup")
                .arg(label(), locationDescription())
                .arg(hash.bytes())
                .arg(m_artifact.storedBytes));
    if (hash.hexDigest() != m_artifact.sha256)
        return makeError(
            QStringLiteral("verify.sha256"),
            QStringLiteral("%1 failed the SHA-256 check: %2 hashes to %3, but the backup recorded %4 — "
                           "the file was changed after the backup")
                .arg(label(), locationDescription(), hash.hexDigest(), m_artifact.sha256));
    return {};
}

} // namespace lifeboat
