#pragma once

#include "core/Result.h"
#include "engine/io/ByteSink.h"
#include "engine/pipeline/EncryptionSettings.h"

#include <memory>
#include <optional>
#include <vector>

namespace lifeboat {

class Sha256Sink;
class ZstdCompressor;

// The stages that turn bytes into a stored object, owned together:
//   [zstd] → [age] → SHA-256 → tee → destination writers
// The hash is of the stored bytes, exactly what a destination holds (and `sha256sum` prints).
class StoreChain
{
public:
    // zstdLevel empty = no compression (manifests). zstdFrameBytes > 0: a series of frames of that
    // many input bytes each (see ZstdCompressor), 0: one frame.
    static Result<std::unique_ptr<StoreChain>> create(std::optional<int> zstdLevel, int zstdThreads,
                                                      const EncryptionSettings &encryption,
                                                      std::vector<std::unique_ptr<ByteSink>> writers,
                                                      qint64 zstdFrameBytes = 0);
    ~StoreChain();

    ByteSink *head() const { return m_head; }
    Status write(const char *data, qint64 size) { return m_head->write(data, size); }
    // Flushes every stage; writers make their objects visible only now. Same as flush() + commit().
    Status finish();
    // Two phases, so related objects appear in a chosen order (a backup's manifest before its dump):
    // flush() ends compression and encryption and fixes size and SHA-256 — nothing is visible yet;
    // commit() makes the objects visible (fsync + link / complete the multipart upload).
    Status flush();
    Status commit();
    void abort();

    qint64 storedBytes() const;
    QString sha256() const;
    qint64 inputBytes() const { return m_input; }

private:
    StoreChain() = default;

    std::vector<std::unique_ptr<ByteSink>> m_writers;
    std::unique_ptr<ByteSink> m_tee;
    std::unique_ptr<ByteSink> m_gate;
    std::unique_ptr<Sha256Sink> m_hash;
    std::unique_ptr<ByteSink> m_encryptor;
    std::unique_ptr<ZstdCompressor> m_compressor;
    std::unique_ptr<ByteSink> m_counter;
    ByteSink *m_head = nullptr;
    qint64 m_input = 0;
    bool m_finished = false;
};

} // namespace lifeboat
