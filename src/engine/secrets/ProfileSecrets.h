#pragma once

#include "core/Catalog.h"
#include "core/Profile.h"
#include "core/Result.h"
#include "core/SecretStore.h"
#include "engine/crypto/AgeIdentity.h"
#include "engine/crypto/AgeRecipient.h"

#include <QByteArray>
#include <QDateTime>

#include <memory>
#include <optional>

namespace lifeboat {

// The secrets of profiles: values in a SecretStore (the keychain), names in the catalog's secret
// index. Every call blocks on the store, so use it on a worker thread or the CLI's thread, with
// the Catalog opened for that thread. Error messages name the secret and say how to fix it.
class ProfileSecrets
{
public:
    ProfileSecrets(SecretStore &store, Catalog &catalog);

    // Stores a secret and indexes it. Refuses values shorter than SecretRedactor::kMinimumLength
    // (they could not be kept out of logs).
    Status set(const QString &profileName, SecretKind kind, const QByteArray &value);
    // Deletes a secret and its index entry; not found is not an error. True if one was indexed.
    Result<bool> remove(const QString &profileName, SecretKind kind);
    // Deletes every secret the index lists for the profile (before the profile is removed).
    Status removeAll(const QString &profileName);
    // Reads a secret; an empty optional when the keychain has none.
    SecretStore::ReadResult get(const QString &profileName, SecretKind kind);

    // The profile's S3 secret key when the index lists one; empty otherwise (then
    // AWS_SECRET_ACCESS_KEY and ~/.aws/credentials apply). For reading its backups back.
    Result<QByteArray> storedS3Secret(const QString &profileName);

    // The passphrase of a passphrase profile. Missing: an error naming it and how to set it.
    Result<QByteArray> passphrase(const QString &profileName);

    // age identity (kind AgeIdentity): generated here, kept in the keychain, its recipient added to
    // the profile. Refuses when the profile already has one (or uses a passphrase).
    Result<AgeRecipient> generateIdentity(const QString &profileName);
    // Stores an identity from an identity file (a recovery kit): refuses a different valid one.
    Result<AgeRecipient> importIdentity(const QString &profileName, const QByteArray &identityFile);
    // The profile's identity. Missing or damaged: an error saying what to do.
    Result<AgeIdentity> identity(const QString &profileName);
    // Writes a recovery kit (see RecoveryKit) and records the export in the index.
    Status exportRecoveryKit(const QString &profileName, const QString &path, bool overwrite);
    // True when the profile has an identity that was never exported (the only copy is here).
    bool identityNeverExported(const QString &profileName) const;

    // "lifeboat-cli secret set 'my profile' db-password"
    static QString setCommand(const QString &profileName, SecretKind kind);

private:
    SecretKey key(const QString &profileName, SecretKind kind) const { return SecretKey{profileName, kind}; }

    SecretStore &m_store;
    Catalog &m_catalog;
};

} // namespace lifeboat
