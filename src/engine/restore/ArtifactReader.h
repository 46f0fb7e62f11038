#pragma once

#include "core/ArtifactRecord.h"
#include "core/Manifest.h"
#include "core/Result.h"
#include "engine/io/ByteSink.h"
#include "engine/secrets/DecryptionKeys.h"

#include <functional>
#include <memory>
#include <optional>

namespace lifeboat {

class ArchiveScanner;
class Destination;

// Reads one stored artifact back: stored bytes → SHA-256 → [age] → zstd → a plain sink (the
// pg_dump archive), from the first of its locations that is reachable. Every layer checks
// itself as it goes (age chunk tags, zstd frame checksums); the SHA-256 and size are compared
// with the catalog at the end. Errors name the backup, the check and where it failed.
class ArtifactReader
{
public:
    // `s3Secret`: the profile's S3 secret key from the keychain, for s3:// locations (empty: the
    // AWS environment and credentials file).
    static Result<ArtifactReader> open(const ArtifactRecord &artifact,
                                       const QByteArray &s3Secret = QByteArray());
    ArtifactReader(ArtifactReader &&) noexcept;
    ArtifactReader &operator=(ArtifactReader &&) noexcept;
    ~ArtifactReader();

    // "backup 12 (shop, 2026-11-21 05:20 UTC)"
    QString label() const;
    QString locationDescription() const; // the file path or object URL read
    const ArtifactRecord &artifact() const { return m_artifact; }

    // The manifest stored beside the artifact (decrypted). Falls back to the catalog's copy.
    // Once read from its destination it is kept: later calls (the integrity check after the
    // restore's own) neither fetch nor decrypt it again. Not thread-safe.
    Result<Manifest> readManifest(const DecryptionKeys &keys) const;

    // Called as stored bytes are read; returning false stops the read (cancellation).
    using ProgressFn = std::function<bool(qint64 storedBytesRead)>;
    // Streams the whole artifact. `plain` receives the pg_dump archive (may be null: check only);
    // `scanner`, when given, sees the archive too. On any failure `plain` is aborted. The stages
    // run on three threads: `plain` and `scanner` are used from a thread of the reader's own
    // (one at a time, in order) until stream() returns; `progress` is called on the caller's.
    // A backup written as a series of bounded zstd frames (its manifest says how large) is
    // decoded on several cores at once; an older one, written as one frame, on one. OneThread
    // decodes on one thread whatever the backup: for a consumer slower than one decoder (pg_restore
    // reading a stream), where more decoders would only hold memory.
    enum class Decoding
    {
        Parallel,
        OneThread
    };
    Status stream(const DecryptionKeys &keys, ByteSink *plain, ArchiveScanner *scanner = nullptr,
                  const ProgressFn &progress = {}, Decoding decoding = Decoding::Parallel) const;

private:
    ArtifactReader() = default;
    // The catalog manifest's bound on the decoded size of a zstd frame; 0 = not bounded.
    qint64 zstdFrameBound() const;
    Status decodeSmall(const QByteArray &stored, const DecryptionKeys &keys, QByteArray *plain) const;

    ArtifactRecord m_artifact;
    ArtifactRecord::Location m_location;
    std::unique_ptr<Destination> m_destination;
    mutable std::optional<Manifest> m_storedManifest; // readManifest's result from the destination
};

} // namespace lifeboat
