#pragma once

#include "core/ConfigPaths.h"
#include "core/Profile.h"
#include "core/Result.h"

#include <QByteArray>

namespace lifeboat {

class Catalog;
class SecretStore;

// Writes profiles the way the app's profile editor saves them: the config folder, the folder
// destinations that do not exist yet (created 0700), the catalog (add or update), the secrets
// typed for the profile (into the keychain through ProfileSecrets, never into the profile), then a
// generated age identity. Every call blocks on the disk, the catalog and the keychain: run it on a
// worker thread (the GUI) or the CLI's thread. A problem comes back with the field it is about.
class ProfileStore
{
public:
    // What to save. The secrets are empty when none was typed (the keychain keeps what it holds);
    // save() wipes them whatever happens.
    struct SaveRequest
    {
        Profile profile;
        bool create = false;      // a new profile: refused (code "profile.exists") when the name is taken
        bool generateKey = false; // generate an age identity in the keychain once saved
        QByteArray dbPassword;
        QByteArray passphrase;
        QByteArray webhookUrl;
        QByteArray s3Secret;

        // Overwrites the secrets' bytes, then empties them.
        void wipeSecrets();
    };

    explicit ProfileStore(ConfigPaths paths);

    // Saves the request's profile and secrets (see the class comment). When a new profile was
    // written but a secret or the key failed, the profile stays in the catalog: save it again as an
    // update.
    Profile::FieldStatus save(SaveRequest request, SecretStore &secrets) const;

    // Turns a profile's schedule on or off in the catalog of the config folder.
    Status setScheduleEnabled(const QString &profileName, bool enabled) const;
    // The same in a catalog already open on this thread.
    static Status setScheduleEnabled(Catalog &catalog, const QString &profileName, bool enabled);

private:
    ConfigPaths m_paths;
};

} // namespace lifeboat
