#include "engine/profiles/ProfileStore.h"

#include "core/Catalog.h"
#include "core/SecretStore.h"
#include "engine/secrets/ProfileSecrets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace lifeboat {

namespace {

// A folder typed (or suggested by the welcome) that does not exist yet is created, private.
Profile::FieldStatus createMissingFolders(const Profile &profile)
{
    for (const QString &dest : profile.destinations) {
        if (dest.startsWith(QLatin1Char('/')) && !QFileInfo::exists(dest)) {
            if (!QDir().mkpath(dest))
                return {makeError(QStringLiteral("profile.dest"),
                                  QStringLiteral("cannot create the destination folder %1: check that its "
                                                 "parent folder exists and is writable")
                                      .arg(dest)),
                        Profile::Field::Destinations};
            QFile::setPermissions(dest, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
    }
    return {};
}

Status writeProfile(Catalog &catalog, const Profile &profile, bool create)
{
    if (!create)
        return catalog.updateProfile(profile);
    if (auto existing = catalog.profile(profile.name); existing)
        return makeError(
            QStringLiteral("profile.exists"),
            QStringLiteral("a profile named '%1' exists already: choose another name").arg(profile.name));
    if (auto id = catalog.addProfile(profile); !id)
        return id.error();
    return {};
}

} // namespace

void ProfileStore::SaveRequest::wipeSecrets()
{
    for (QByteArray *secret : {&dbPassword, &passphrase, &webhookUrl, &s3Secret}) {
        secret->fill('\0');
        secret->clear();
    }
}

ProfileStore::ProfileStore(ConfigPaths paths)
    : m_paths(std::move(paths))
{}

Profile::FieldStatus ProfileStore::save(SaveRequest request, SecretStore &store) const
{
    struct Wiper
    {
        SaveRequest &request;
        ~Wiper() { request.wipeSecrets(); }
    } wiper{request};
    const Profile &p = request.profile;
    if (Status s = m_paths.ensureExists(); !s)
        return s;
    if (Profile::FieldStatus s = createMissingFolders(p); !s)
        return s;
    auto catalog = Catalog::open(m_paths.catalogPath());
    if (!catalog)
        return catalog.error();
    if (Status s = writeProfile(**catalog, p, request.create); !s)
        return {s, s.error().code == QLatin1String("profile.exists") ? Profile::Field::Name
                                                                     : Profile::Field::None};
    ProfileSecrets secrets(store, **catalog);
    struct Typed
    {
        SecretKind kind;
        const QByteArray &value;
        Profile::Field field;
    };
    const Typed typed[] = {{SecretKind::DbPassword, request.dbPassword, Profile::Field::DatabasePassword},
                           {SecretKind::Passphrase, request.passphrase, Profile::Field::Passphrase},
                           {SecretKind::Webhook, request.webhookUrl, Profile::Field::WebhookUrl},
                           {SecretKind::S3Secret, request.s3Secret, Profile::Field::S3Secret}};
    for (const Typed &secret : typed) {
        if (secret.value.isEmpty())
            continue;
        if (Status s = secrets.set(p.name, secret.kind, secret.value); !s)
            return {s, secret.field};
    }
    request.wipeSecrets();
    if (request.generateKey) {
        if (auto recipient = secrets.generateIdentity(p.name); !recipient)
            return {recipient.error(), Profile::Field::Encryption};
    }
    return {};
}

Status ProfileStore::setScheduleEnabled(const QString &profileName, bool enabled) const
{
    auto catalog = Catalog::open(m_paths.catalogPath());
    if (!catalog)
        return catalog.error();
    return setScheduleEnabled(**catalog, profileName, enabled);
}

Status ProfileStore::setScheduleEnabled(Catalog &catalog, const QString &profileName, bool enabled)
{
    auto profile = catalog.profile(profileName);
    if (!profile)
        return profile.error();
    profile->scheduleEnabled = enabled;
    return catalog.updateProfile(*profile);
}

} // namespace lifeboat
