// ProfileStore over an in-memory keychain and a real catalog in a temporary config folder: a new
// profile's folders, catalog row, secrets and generated key; a taken name; an update; a folder that
// cannot be created; a keychain that fails (the field it is about, the profile kept); the schedule
// switch.

#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "engine/profiles/ProfileStore.h"
#include "mock/InMemorySecretStore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat;

class TestProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createWritesFoldersCatalogSecretsAndKey();
    void createRefusesATakenName();
    void updateKeepsTheKeychainWhenNothingIsTyped();
    void folderThatCannotBeCreatedNamesTheDestinations();
    void keychainFailureNamesTheSecretAndKeepsTheProfile();
    void setScheduleEnabledChangesOnlyTheSwitch();

private:
    Profile profile(const QString &name) const;
    std::unique_ptr<Catalog> openCatalog() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConfigPaths> m_paths;
    std::unique_ptr<InMemorySecretStore> m_store;
};

void TestProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_paths = std::make_unique<ConfigPaths>(m_dir->filePath(QStringLiteral("config"))); // not there yet
    m_store = std::make_unique<InMemorySecretStore>(m_paths->secretScope());
}

void TestProfileStore::cleanup()
{
    m_store.reset();
    m_paths.reset();
    m_dir.reset();
}

Profile TestProfileStore::profile(const QString &name) const
{
    Profile p;
    p.name = name;
    p.connection.host = QStringLiteral("db1");
    p.databases = {QStringLiteral("shop")};
    p.destinations = {m_dir->filePath(QStringLiteral("backups/") + name)}; // two levels missing
    return p;
}

std::unique_ptr<Catalog> TestProfileStore::openCatalog() const
{
    auto catalog = Catalog::open(m_paths->catalogPath());
    if (!catalog)
        qWarning("%s", qPrintable(catalog.error().message));
    return catalog ? std::move(*catalog) : nullptr;
}

void TestProfileStore::createWritesFoldersCatalogSecretsAndKey()
{
    ProfileStore::SaveRequest request;
    request.profile = profile(QStringLiteral("shop"));
    request.create = true;
    request.generateKey = true;
    request.dbPassword = "pg-password-123";
    request.s3Secret = "s3-secret-key-456";
    const Profile::FieldStatus saved = ProfileStore(*m_paths).save(request, *m_store);
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
    QCOMPARE(saved.field, Profile::Field::None);

    const QString dest = request.profile.destinations.first();
    QVERIFY(QFileInfo(dest).isDir());
    QCOMPARE(QFile::permissions(dest) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup |
                                         QFile::WriteOther | QFile::ExeGroup | QFile::ExeOther),
             QFileDevice::Permissions());

    auto catalog = openCatalog();
    QVERIFY(catalog);
    auto stored = catalog->profile(QStringLiteral("shop"));
    QVERIFY(stored.ok());
    QCOMPARE(stored->databases, QStringList{QStringLiteral("shop")});
    QCOMPARE(stored->recipients.size(), 1); // the generated key's recipient
    QVERIFY(m_store->contains({QStringLiteral("shop"), SecretKind::DbPassword}));
    QVERIFY(m_store->contains({QStringLiteral("shop"), SecretKind::S3Secret}));
    QVERIFY(m_store->contains({QStringLiteral("shop"), SecretKind::AgeIdentity}));
    QVERIFY(!m_store->contains({QStringLiteral("shop"), SecretKind::Passphrase}));
    // The profile's JSON holds no secret.
    const QByteArray json = QJsonDocument(stored->toJson()).toJson();
    QVERIFY(!json.contains("pg-password-123") && !json.contains("s3-secret-key-456"));
}

void TestProfileStore::createRefusesATakenName()
{
    ProfileStore::SaveRequest first;
    first.profile = profile(QStringLiteral("shop"));
    first.create = true;
    QVERIFY(ProfileStore(*m_paths).save(first, *m_store).ok());

    ProfileStore::SaveRequest second = first;
    second.profile.databases = {QStringLiteral("other")};
    second.dbPassword = "pg-password-123";
    const Profile::FieldStatus again = ProfileStore(*m_paths).save(second, *m_store);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("profile.exists"));
    QCOMPARE(again.error().message,
             QStringLiteral("a profile named 'shop' exists already: choose another name"));
    QCOMPARE(again.field, Profile::Field::Name);
    // Nothing of the second request was written.
    auto catalog = openCatalog();
    QVERIFY(catalog);
    QCOMPARE(catalog->profile(QStringLiteral("shop"))->databases, QStringList{QStringLiteral("shop")});
    QVERIFY(!m_store->contains({QStringLiteral("shop"), SecretKind::DbPassword}));
}

void TestProfileStore::updateKeepsTheKeychainWhenNothingIsTyped()
{
    ProfileStore::SaveRequest create;
    create.profile = profile(QStringLiteral("shop"));
    create.create = true;
    create.dbPassword = "pg-password-123";
    QVERIFY(ProfileStore(*m_paths).save(create, *m_store).ok());
    const qsizetype secrets = m_store->size();

    ProfileStore::SaveRequest update;
    update.profile = profile(QStringLiteral("shop"));
    update.profile.databases = {QStringLiteral("shop"), QStringLiteral("crm")};
    const Profile::FieldStatus saved = ProfileStore(*m_paths).save(update, *m_store);
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
    auto catalog = openCatalog();
    QVERIFY(catalog);
    QCOMPARE(catalog->profile(QStringLiteral("shop"))->databases,
             (QStringList{QStringLiteral("shop"), QStringLiteral("crm")}));
    QCOMPARE(m_store->size(), secrets);
    QVERIFY(m_store->contains({QStringLiteral("shop"), SecretKind::DbPassword}));
}

void TestProfileStore::folderThatCannotBeCreatedNamesTheDestinations()
{
    const QString file = m_dir->filePath(QStringLiteral("a-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    ProfileStore::SaveRequest request;
    request.profile = profile(QStringLiteral("shop"));
    request.profile.destinations = {file + QStringLiteral("/backups")};
    request.create = true;
    const Profile::FieldStatus saved = ProfileStore(*m_paths).save(request, *m_store);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, QStringLiteral("profile.dest"));
    QCOMPARE(saved.error().message, QStringLiteral("cannot create the destination folder %1/backups: check "
                                                   "that its parent folder exists and is writable")
                                        .arg(file));
    QCOMPARE(saved.field, Profile::Field::Destinations);
    auto catalog = openCatalog();
    QVERIFY(catalog);
    QVERIFY(!catalog->profile(QStringLiteral("shop")).ok()); // before the catalog: nothing written
}

void TestProfileStore::keychainFailureNamesTheSecretAndKeepsTheProfile()
{
    m_store->setFailure(makeError(QStringLiteral("keychain.unavailable"), QStringLiteral("no keychain")));
    ProfileStore::SaveRequest request;
    request.profile = profile(QStringLiteral("shop"));
    request.create = true;
    request.webhookUrl = "https://hooks.example.org/token=abcd";
    const Profile::FieldStatus saved = ProfileStore(*m_paths).save(request, *m_store);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.field, Profile::Field::WebhookUrl);
    QVERIFY(!saved.error().message.contains(QLatin1String("abcd")));
    auto catalog = openCatalog();
    QVERIFY(catalog);
    QVERIFY(catalog->profile(QStringLiteral("shop")).ok()); // written: the editor switches to Edit

    // Generating the key fails on the keychain too: the encryption field.
    m_store->setFailure(makeError(QStringLiteral("keychain.unavailable"), QStringLiteral("no keychain")));
    ProfileStore::SaveRequest update;
    update.profile = profile(QStringLiteral("shop"));
    update.generateKey = true;
    const Profile::FieldStatus key = ProfileStore(*m_paths).save(update, *m_store);
    QVERIFY(!key.ok());
    QCOMPARE(key.field, Profile::Field::Encryption);
}

void TestProfileStore::setScheduleEnabledChangesOnlyTheSwitch()
{
    ProfileStore::SaveRequest request;
    request.profile = profile(QStringLiteral("shop"));
    request.profile.schedule = QStringLiteral("daily@02:30");
    request.create = true;
    QVERIFY(ProfileStore(*m_paths).save(request, *m_store).ok());

    const Status off = ProfileStore(*m_paths).setScheduleEnabled(QStringLiteral("shop"), false);
    QVERIFY2(off.ok(), off.ok() ? "" : qPrintable(off.error().message));
    auto catalog = openCatalog();
    QVERIFY(catalog);
    auto paused = catalog->profile(QStringLiteral("shop"));
    QVERIFY(paused.ok());
    QVERIFY(!paused->scheduleEnabled);
    QCOMPARE(paused->schedule, QStringLiteral("daily@02:30"));
    QCOMPARE(paused->databases, QStringList{QStringLiteral("shop")});

    // In a catalog already open (the scheduler's worker has its own).
    QVERIFY(ProfileStore::setScheduleEnabled(*catalog, QStringLiteral("shop"), true).ok());
    QVERIFY(catalog->profile(QStringLiteral("shop"))->scheduleEnabled);

    const Status missing = ProfileStore::setScheduleEnabled(*catalog, QStringLiteral("nope"), true);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().message, catalog->profile(QStringLiteral("nope")).error().message);
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "TestProfileStore.moc"
