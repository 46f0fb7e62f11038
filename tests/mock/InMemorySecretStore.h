#pragma once

#include "core/SecretRedactor.h"
#include "core/SecretStore.h"

#include <QFuture>
#include <QHash>
#include <QMutex>

#include <optional>

namespace lifeboat {

// A SecretStore for unit tests: values in memory (never on disk), results ready at once. It can
// fail every request with a given error (a locked or missing keychain) and counts requests, so a
// test can prove that the keychain was — or was not — touched. Test code only: the product's one
// store is KeychainSecretStore, which never falls back to plaintext.
class InMemorySecretStore final : public SecretStore
{
public:
    explicit InMemorySecretStore(QString scope = QString())
        : m_scope(std::move(scope))
    {}

    QFuture<ReadResult> read(const SecretKey &key) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_reads;
        if (m_failure)
            return QtFuture::makeReadyFuture(ReadResult(*m_failure));
        const auto it = m_values.constFind(key.storageName(m_scope));
        if (it == m_values.constEnd())
            return QtFuture::makeReadyFuture(ReadResult(std::optional<QByteArray>()));
        SecretRedactor::addSecret(*it);
        return QtFuture::makeReadyFuture(ReadResult(std::optional<QByteArray>(*it)));
    }

    QFuture<Status> write(const SecretKey &key, const QByteArray &value) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_writes;
        if (m_failure)
            return QtFuture::makeReadyFuture(Status(*m_failure));
        SecretRedactor::addSecret(value);
        m_values.insert(key.storageName(m_scope), value);
        return QtFuture::makeReadyFuture(Status());
    }

    QFuture<Status> remove(const SecretKey &key) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_removes;
        if (m_failure)
            return QtFuture::makeReadyFuture(Status(*m_failure));
        m_values.remove(key.storageName(m_scope));
        return QtFuture::makeReadyFuture(Status());
    }

    QString describe() const override { return QStringLiteral("an in-memory test store"); }

    // Every request fails with `error` until cleared (std::nullopt).
    void setFailure(std::optional<Error> error)
    {
        QMutexLocker lock(&m_mutex);
        m_failure = std::move(error);
    }
    // Puts a value in directly (e.g. a damaged identity), bypassing write().
    void plant(const SecretKey &key, const QByteArray &value)
    {
        QMutexLocker lock(&m_mutex);
        m_values.insert(key.storageName(m_scope), value);
    }
    bool contains(const SecretKey &key) const
    {
        QMutexLocker lock(&m_mutex);
        return m_values.contains(key.storageName(m_scope));
    }
    qsizetype size() const
    {
        QMutexLocker lock(&m_mutex);
        return m_values.size();
    }
    int requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_reads + m_writes + m_removes;
    }
    int reads() const
    {
        QMutexLocker lock(&m_mutex);
        return m_reads;
    }

private:
    mutable QMutex m_mutex;
    QString m_scope;
    QHash<QString, QByteArray> m_values;
    std::optional<Error> m_failure;
    int m_reads = 0;
    int m_writes = 0;
    int m_removes = 0;
};

} // namespace lifeboat
