#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QString>

#include <optional>

namespace lifeboat {

// What a secret is for. Each profile has at most one secret of each kind.
enum class SecretKind
{
    DbPassword,
    S3Secret,
    Passphrase,
    Webhook,
    AgeIdentity
};

// "db-password", "s3-secret", "passphrase", "webhook", "age-identity": the names users type
// (`lifeboat-cli secret set PROFILE KIND`) and the names the catalog's secret index keeps.
QString secretKindName(SecretKind kind);
std::optional<SecretKind> secretKindFromName(const QString &name);
QList<SecretKind> allSecretKinds();
// What the secret is, for messages: "database password", "age identity", ….
QString secretKindDescription(SecretKind kind);

// Where one secret lives: a profile and a kind. `scope` separates independent Lifeboat setups
// sharing one keychain (different --config-dir): empty for the default configuration folder.
struct SecretKey
{
    QString profile;
    SecretKind kind = SecretKind::DbPassword;

    // The name under which the secret is filed in the keychain: "PROFILE/KIND", plus "@SCOPE"
    // when the scope is not empty. Names only: the value is never part of it.
    QString storageName(const QString &scope) const;
};

// Secrets live in the OS keychain only. The interface is asynchronous (QFuture): a GUI attaches
// a continuation (`future.then(context, …)`) and never waits; worker threads and the CLI may use
// the blocking helpers below, which wait for the result. Implementations must be callable from
// any thread, never fall back to plaintext storage, return an empty optional (not an error) for
// a secret that does not exist, and turn a missing or locked keychain into one sentence saying
// which service is needed or how to unlock it (codes "keychain.unavailable", "keychain.locked",
// "keychain.timeout", …).
//
// Values are bytes (UTF-8 for text). Callers wipe their copies when done (`value.fill('\0')`).
class SecretStore
{
public:
    using ReadResult = Result<std::optional<QByteArray>>;

    virtual ~SecretStore() = default;

    virtual QFuture<ReadResult> read(const SecretKey &key) = 0;
    virtual QFuture<Status> write(const SecretKey &key, const QByteArray &value) = 0;
    // Deleting a secret that does not exist succeeds.
    virtual QFuture<Status> remove(const SecretKey &key) = 0;
    // Which keychain this is, for messages ("the Secret Service (GNOME Keyring, KWallet)").
    virtual QString describe() const = 0;

    // Blocking helpers for worker threads and the CLI. On the GUI thread of a QGuiApplication they
    // refuse (code "keychain.gui-thread") instead of freezing the window.
    ReadResult readNow(const SecretKey &key);
    Status writeNow(const SecretKey &key, const QByteArray &value);
    Status removeNow(const SecretKey &key);

    // True when the calling thread is the GUI thread of a QGuiApplication (where waiting is banned).
    static bool isGuiThread();
};

} // namespace lifeboat
