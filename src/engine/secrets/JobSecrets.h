#pragma once

#include "core/Result.h"
#include "engine/secrets/DecryptionKeys.h"

#include <QByteArray>
#include <QStringList>

#include <memory>
#include <optional>

namespace lifeboat {

class Catalog;
class SecretStore;

// What a job may read from the keychain, said once by whoever starts it (the GUI, the CLI, the
// scheduler, an outer job): the store, and values the caller already has. The job asks on its
// worker thread, so the GUI thread never waits on the keychain, and a secret is read only when the
// catalog's secret index lists one: otherwise libpq's own sources (PGPASSWORD, ~/.pgpass) and the
// AWS environment / credentials file apply, and the keychain is not touched at all.
struct JobSecrets
{
    std::shared_ptr<SecretStore> store; // null: nothing is read from the keychain
    QByteArray s3Secret;                // given by an outer job (a backup hands its own to its prune)
    DecryptionKeys keys;                // what opens the backups; empty: read as decryptionKeys() says
    QStringList identityFiles;          // identity files to read for that (as `age -i` takes them)

    // The profile's database password, when the index lists one; else an empty optional.
    Result<std::optional<QByteArray>> dbPassword(Catalog &catalog, const QString &profileName) const;
    // `s3Secret` when given, else the keychain's when the index lists one, else empty.
    Result<QByteArray> s3SecretKey(Catalog &catalog, const QString &profileName) const;
    // The passphrase of a passphrase profile. Missing: an error naming it and how to set it.
    Result<QByteArray> passphrase(Catalog &catalog, const QString &profileName) const;
    // What opens the profile's backups: `keys` when given, else the identity files, else (for an
    // encrypted backup) the profile's own identity or passphrase from the keychain; else none.
    Result<DecryptionKeys> decryptionKeys(Catalog &catalog, const QString &profileName, bool encrypted) const;
};

} // namespace lifeboat
