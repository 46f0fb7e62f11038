#pragma once

#include "core/SecretStore.h"

namespace lifeboat {

// The OS keychain through QtKeychain (on Linux: the Secret Service — GNOME Keyring, KWallet — via
// libsecret). Never falls back to plaintext (setInsecureFallback(false)).
//
// QtKeychain jobs are asynchronous QObjects whose results arrive through their thread's event
// loop, so every job runs in one process-wide keychain thread (QtKeychain queues its jobs in a
// singleton that must stay in one thread); callers get a QFuture and never run a nested event
// loop. A GUI attaches a continuation; worker threads and the CLI may wait (readNow() etc.).
//
// Behaviour (the Nextcloud desktop's habits):
//   - one delayed retry (retryDelayMs, 2 s) when the Secret Service is not reachable yet, e.g.
//     right after login;
//   - a secret that does not exist reads as an empty optional, and deleting it succeeds;
//   - libsecret reports items of a locked collection as "not found" (and "deletes" them without
//     deleting anything), so after "not found" and after a delete the store asks the Secret
//     Service whether a matching item is locked, and then says how to unlock it;
//   - a request unanswered after timeoutMs (an unlock prompt nobody sees) fails with one sentence.
class KeychainSecretStore final : public SecretStore
{
public:
    struct Options
    {
        QString service = QStringLiteral("lifeboat");
        QString scope; // see SecretKey::storageName
        int retryDelayMs = 2000;
        int timeoutMs = 60000;
    };

    KeychainSecretStore();
    explicit KeychainSecretStore(Options options);
    ~KeychainSecretStore() override;

    QFuture<ReadResult> read(const SecretKey &key) override;
    QFuture<Status> write(const SecretKey &key, const QByteArray &value) override;
    QFuture<Status> remove(const SecretKey &key) override;
    QString describe() const override;

    const Options &options() const { return m_options; }

private:
    Options m_options;
};

} // namespace lifeboat
