#include "engine/pipeline/StoreChain.h"

#include "engine/crypto/AgeEncryptor.h"
#include "engine/io/Sha256Sink.h"
#include "engine/io/TeeSink.h"
#include "engine/pipeline/ZstdCompressor.h"

namespace lifeboat {

namespace {
// Counts the bytes entering the chain.
class CountingSink final : public ByteSink
{
public:
    CountingSink(ByteSink *next, qint64 *counter)
        : m_next(next)
        , m_counter(counter)
    {}
    Status write(const char *data, qint64 size) override
    {
        *m_counter += size;
        return m_next->write(data, size);
    }
    Status finish() override { return m_next->finish(); }
    void abort() override { m_next->abort(); }

private:
    ByteSink *m_next;
    qint64 *m_counter;
};
// Holds back finish() from the writers until commit().
class GateSink final : public ByteSink
{
public:
    explicit GateSink(ByteSink *next)
        : m_next(next)
    {}
    Status write(const char *data, qint64 size) override { return m_next->write(data, size); }
    Status finish() override { return {}; }
    void abort() override { m_next->abort(); }

private:
    ByteSink *m_next;
};
} // namespace

StoreChain::~StoreChain()
{
    if (!m_finished)
        abort();
}

Result<std::unique_ptr<StoreChain>> StoreChain::create(std::optional<int> zstdLevel, int zstdThreads,
                                                       const EncryptionSettings &encryption,
                                                       std::vector<std::unique_ptr<ByteSink>> writers,
                                                       qint64 zstdFrameBytes)
{
    std::unique_ptr<StoreChain> chain(new StoreChain);
    chain->m_writers = std::move(writers);
    std::vector<ByteSink *> raw;
    for (auto &w : chain->m_writers)
        raw.push_back(w.get());
    chain->m_tee = std::make_unique<TeeSink>(raw);
    chain->m_gate = std::make_unique<GateSink>(chain->m_tee.get());
    chain->m_hash = std::make_unique<Sha256Sink>(chain->m_gate.get());
    ByteSink *next = chain->m_hash.get();
    if (!encryption.passphrase.isEmpty()) {
        auto enc = AgeEncryptor::forPassphrase(encryption.passphrase, encryption.scryptLogN, next);
        if (!enc)
            return enc.error();
        chain->m_encryptor = std::move(*enc);
        next = chain->m_encryptor.get();
    } else if (!encryption.recipients.isEmpty()) {
        auto enc = AgeEncryptor::forRecipients(encryption.recipients, next);
        if (!enc)
            return enc.error();
        chain->m_encryptor = std::move(*enc);
        next = chain->m_encryptor.get();
    }
    if (zstdLevel) {
        auto zstd = ZstdCompressor::create(*zstdLevel, zstdThreads, next, zstdFrameBytes);
        if (!zstd)
            return zstd.error();
        chain->m_compressor = std::move(*zstd);
        next = chain->m_compressor.get();
    }
    chain->m_counter = std::make_unique<CountingSink>(next, &chain->m_input);
    chain->m_head = chain->m_counter.get();
    return chain;
}

Status StoreChain::finish()
{
    if (Status s = flush(); !s)
        return s;
    return commit();
}

Status StoreChain::flush()
{
    Status s = m_head->finish();
    if (!s) {
        abort();
        return s;
    }
    return {};
}

Status StoreChain::commit()
{
    Status s = m_tee->finish();
    if (!s) {
        abort();
        return s;
    }
    m_finished = true;
    return {};
}

void StoreChain::abort()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_head)
        m_head->abort();
    // Writers abort themselves on destruction too; make sure even if a stage swallowed abort().
    for (auto &w : m_writers)
        w->abort();
}

qint64 StoreChain::storedBytes() const
{
    return m_hash->bytes();
}

QString StoreChain::sha256() const
{
    return m_hash->hexDigest();
}

} // namespace lifeboat
