// ProfileSecrets over an in-memory store and a real catalog: the secret index (names only), removal
// of a profile's secrets, messages for missing, damaged and unreachable secrets, age identities
// (generate, export, import) and what a BackupJob is given.

#include "core/Catalog.h"
#include "engine/crypto/AgeIdentity.h"
#include "engine/secrets/JobSecrets.h"
#include "engine/secrets/ProfileSecrets.h"
#include "mock/InMemorySecretStore.h"
#include "mock/MockClock.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat;

class TestProfileSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void setIndexesNamesNeverValues();
    void shortValuesAreRefused();
    void removeAllDeletesEveryIndexedSecret();
    void removeAllStopsWhenTheKeychainFails();
    void removingAMissingSecretIsNotAnError();
    void missingPassphraseIsNamedWithTheFix();
    void keychainErrorsPassThrough();
    void generateIdentityAddsItsRecipient();
    void generateRefusesASecondIdentityAndPassphraseProfiles();
    void damagedIdentityIsReportedWithoutItsText();
    void exportRecordsTheExport();
    void importRestoresADamagedIdentity();
    void jobSecretsLeaveTheKeychainAloneWithoutADbPassword();
    void jobSecretsReadIndexedSecrets();
    void oldCatalogsMigrate();

private:
    Profile addProfile(const QString &name, bool passphrase = false);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<InMemorySecretStore> m_store;
    std::unique_ptr<MockClock> m_clock;
};

void TestProfileSecrets::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto catalog = Catalog::open(m_dir->filePath(QStringLiteral("catalog.sqlite")));
    QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().message));
    m_catalog = std::move(*catalog);
    m_store = std::make_unique<InMemorySecretStore>();
    m_clock = std::make_unique<MockClock>();
}

void TestProfileSecrets::cleanup()
{
    m_catalog.reset();
    m_store.reset();
    m_clock.reset();
    m_dir.reset();
}

Profile TestProfileSecrets::addProfile(const QString &name, bool passphrase)
{
    Profile p;
    p.name = name;
    p.connection.host = QStringLiteral("db1");
    p.databases = {QStringLiteral("shop")};
    p.destinations = {m_dir->filePath(QStringLiteral("dest"))};
    p.passphrase = passphrase;
    auto id = m_catalog->addProfile(p);
    if (!id)
        qFatal("cannot add profile: %s", qPrintable(id.error().message));
    p.id = *id;
    return p;
}

void TestProfileSecrets::setIndexesNamesNeverValues()
{
    addProfile(QStringLiteral("main"));
    ProfileSecrets secrets(*m_store, *m_catalog);
    QVERIFY(secrets.set(QStringLiteral("main"), SecretKind::DbPassword, "pg-pass-123"));
    QVERIFY(secrets.set(QStringLiteral("main"), SecretKind::Webhook, "https://hooks/x?token=abcd"));
    auto index = m_catalog->secrets(QStringLiteral("main"));
    QVERIFY(index);
    QCOMPARE(index->size(), 2);
    QCOMPARE(index->at(0).kind, QStringLiteral("db-password"));
    QCOMPARE(index->at(1).kind, QStringLiteral("webhook"));
    QCOMPARE(index->at(0).writtenUtc, m_clock->nowUtc());
    QVERIFY(index->at(0).publicKey.isEmpty());
    auto value = secrets.get(QStringLiteral("main"), SecretKind::DbPassword);
    QVERIFY(value && value->has_value());
    QCOMPARE(**value, QByteArray("pg-pass-123"));
    // The catalog file holds names, not values.
    m_catalog.reset();
    for (const QString &name :
         QDir(m_dir->path()).entryList({QStringLiteral("catalog.sqlite*")}, QDir::Files)) {
        QFile f(m_dir->filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains("pg-pass-123") && !bytes.contains("token=abcd"), qPrintable(name));
    }
}

void TestProfileSecrets::shortValuesAreRefused()
{
    addProfile(QStringLiteral("main"));
    ProfileSecrets secrets(*m_store, *m_catalog);
    const Status s = secrets.set(QStringLiteral("main"), SecretKind::DbPassword, "abc");
    QVERIFY(!s);
    QCOMPARE(s.error().code, QStringLiteral("secret.short"));
    QVERIFY(!s.error().message.contains(QLatin1String("abc")));
    QCOMPARE(m_store->requests(), 0);
    QVERIFY(m_catalog->secrets(QStringLiteral("main"))->isEmpty());
}

void TestProfileSecrets::removeAllDeletesEveryIndexedSecret()
{
    addProfile(QStringLiteral("main"));
    addProfile(QStringLiteral("other"));
    ProfileSecrets secrets(*m_store, *m_catalog);
    QVERIFY(secrets.set(QStringLiteral("main"), SecretKind::DbPassword, "pw-main-1"));
    QVERIFY(secrets.set(QStringLiteral("main"), SecretKind::S3Secret, "s3-main-1"));
    QVERIFY(secrets.generateIdentity(QStringLiteral("main")));
    QVERIFY(secrets.set(QStringLiteral("other"), SecretKind::DbPassword, "pw-other-1"));
    QCOMPARE(m_store->size(), 4);

    QVERIFY(secrets.removeAll(QStringLiteral("main")));
    QCOMPARE(m_store->size(), 1);
    QVERIFY(m_store->contains({QStringLiteral("other"), SecretKind::DbPassword}));
    QVERIFY(m_catalog->secrets(QStringLiteral("main"))->isEmpty());
    QCOMPARE(m_catalog->secrets(QStringLiteral("other"))->size(), 1);
}

void TestProfileSecrets::removeAllStopsWhenTheKeychainFails()
{
    addProfile(QStringLiteral("main"));
    ProfileSecrets secrets(*m_store, *m_catalog);
    QVERIFY(secrets.set(QStringLiteral("main"), SecretKind::DbPassword, "pw-main-1"));
    m_store->setFailure(
        makeError(QStringLiteral("keychain.locked"), QStringLiteral("the keychain is locked")));
    const Status s = secrets.removeAll(QStringLiteral("main"));
    QVERIFY(!s);
    QCOMPARE(s.error().code, QStringLiteral("keychain.locked"));
    // The index still lists it, so removing can be retried once the keychain is unlocked.
    QCOMPARE(m_catalog->secrets(QStringLiteral("main"))->size(), 1);
    m_store->setFailure(std::nullopt);
    QVERIFY(secrets.removeAll(QStringLiteral("main")));
    QCOMPARE(m_store->size(), 0);
}

void TestProfileSecrets::removingAMissingSecretIsNotAnError()
{
    addProfile(QStringLiteral("main"));
    ProfileSecrets secrets(*m_store, *m_catalog);
    auto removed = secrets.remove(QStringLiteral("main"), SecretKind::Webhook);
    QVERIFY(removed);
    QCOMPARE(*removed, false);
    auto value = secrets.get(QStringLiteral("main"), SecretKind::Webhook);
    QVERIFY(value);
    QVERIFY(!value->has_value());
}

void TestProfileSecrets::missingPassphraseIsNamedWithTheFix()
{
    addProfile(QStringLiteral("my profile"), true);
    ProfileSecrets secrets(*m_store, *m_catalog);
    auto passphrase = secrets.passphrase(QStringLiteral("my profile"));
    QVERIFY(!passphrase);
    QCOMPARE(passphrase.error().code, QStringLiteral("secret.missing"));
    QCOMPARE(
        passphrase.error().message,
        QStringLiteral("profile 'my profile' encrypts with a passphrase, but the keychain holds none for it: "
                       "store it with `lifeboat-cli secret set 'my profile' passphrase`"));
}

void TestProfileSecrets::keychainErrorsPassThrough()
{
    addProfile(QStringLiteral("main"), true);
    m_store->setFailure(makeError(QStringLiteral("keychain.unavailable"), QStringLiteral("no keychain")));
    ProfileSecrets secrets(*m_store, *m_catalog);
    auto passphrase = secrets.passphrase(QStringLiteral("main"));
    QVERIFY(!passphrase);
    QCOMPARE(passphrase.error().code, QStringLiteral("keychain.unavailable"));
    const Status set = secrets.set(QStringLiteral("main"), SecretKind::Passphrase, "correct horse");
    QVERIFY(!set);
    QCOMPARE(set.error().code, QStringLiteral("keychain.unavailable"));
    // Nothing was indexed for a secret that was not stored.
    QVERIFY(m_catalog->secrets(QStringLiteral("main"))->isEmpty());
}

void TestProfileSecrets::generateIdentityAddsItsRecipient()
{
    addProfile(QStringLiteral("main"));
    ProfileSecrets secrets(*m_store, *m_catalog);
    QVERIFY(!secrets.identityNeverExported(QStringLiteral("main")));
    auto recipient = secrets.generateIdentity(QStringLiteral("main"));
    QVERIFY2(recipient, recipient ? "" : qPrintable(recipient.error().message));
    QVERIFY(recipient->toString().startsWith(QLatin1String("age1")));
    QCOMPARE(m_catalog->profile(QStringLiteral("main"))->recipients, QStringList{recipient->toString()});
    auto identity = secrets.identity(QStringLiteral("main"));
    QVERIFY(identity);
    QCOMPARE(identity->recipient(), *recipient);
    auto entry = m_catalog->secret(QStringLiteral("main"), QStringLiteral("age-identity"));
    QVERIFY(entry && entry->has_value());
    QCOMPARE((*entry)->publicKey, recipient->toString());
    QVERIFY(!(*entry)->exportedUtc.isValid());
    QVERIFY(secrets.identityNeverExported(QStringLiteral("main")));
}

void TestProfileSecrets::generateRefusesASecondIdentityAndPassphraseProfiles()
{
    addProfile(QStringLiteral("main"));
    addProfile(QStringLiteral("pp"), true);
    ProfileSecrets secrets(*m_store, *m_catalog);
    auto first = secrets.generateIdentity(QStringLiteral("main"));
    QVERIFY(first);
    auto second = secrets.generateIdentity(QStringLiteral("main"));
    QVERIFY(!second);
    QCOMPARE(second.error().code, QStringLiteral("key.exists"));
    QVERIFY(second.error().message.contains(first->toString()));
    QCOMPARE(secrets.identity(QStringLiteral("main"))->recipient(), *first);
    QCOMPARE(m_catalog->profile(QStringLiteral("main"))->recipients.size(), 1);

    auto pp = secrets.generateIdentity(QStringLiteral("pp"));
    QVERIFY(!pp);
    QCOMPARE(pp.error().code, QStringLiteral("key.passphrase-profile"));
    QVERIFY(!m_store->contains({QStringLiteral("pp"), SecretKind::AgeIdentity}));
}

void TestProfileSecrets::damagedIdentityIsReportedWithoutItsText()
{
    addProfile(QStringLiteral("main"));
    m_store->plant({QStringLiteral("main"), SecretKind::AgeIdentity}, "AGE-SECRET-KEY-1DAMAGEDQQQQPPPPZZZZ");
    ProfileSecrets secrets(*m_store, *m_catalog);
    for (const Error &e : {secrets.identity(QStringLiteral("main")).error(),
                           secrets.generateIdentity(QStringLiteral("main")).error()}) {
        QCOMPARE(e.code, QStringLiteral("secret.corrupt"));
        QVERIFY2(e.message.contains(
                     QLatin1String("the age identity of profile 'main' in the keychain is damaged")),
                 qPrintable(e.message));
        QVERIFY(e.message.contains(QLatin1String("lifeboat-cli key import main KIT-FILE")));
        QVERIFY(!e.message.contains(QLatin1String("DAMAGED")));
    }
    const Status exported =
        secrets.exportRecoveryKit(QStringLiteral("main"), m_dir->filePath(QStringLiteral("kit")), false);
    QVERIFY(!exported);
    QCOMPARE(exported.error().code, QStringLiteral("secret.corrupt"));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("kit"))));
}

void TestProfileSecrets::exportRecordsTheExport()
{
    addProfile(QStringLiteral("main"));
    ProfileSecrets secrets(*m_store, *m_catalog);
    auto missing =
        secrets.exportRecoveryKit(QStringLiteral("main"), m_dir->filePath(QStringLiteral("kit0")), false);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, QStringLiteral("secret.missing"));
    QVERIFY(missing.error().message.contains(QLatin1String("lifeboat-cli key generate main")));

    QVERIFY(secrets.generateIdentity(QStringLiteral("main")));
    m_clock->advanceSeconds(60);
    const QString kit = m_dir->filePath(QStringLiteral("kit.txt"));
    QVERIFY(secrets.exportRecoveryKit(QStringLiteral("main"), kit, false));
    QVERIFY(!secrets.identityNeverExported(QStringLiteral("main")));
    auto entry = m_catalog->secret(QStringLiteral("main"), QStringLiteral("age-identity"));
    QCOMPARE((*entry)->exportedUtc, m_clock->nowUtc());
    QFile f(kit);
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto fromKit = AgeIdentity::parseIdentityFile(f.readAll());
    QVERIFY(fromKit);
    QCOMPARE(fromKit->first().recipient(), secrets.identity(QStringLiteral("main"))->recipient());

    // Refused on an existing path, before the keychain is even read.
    const int before = m_store->reads();
    const Status again = secrets.exportRecoveryKit(QStringLiteral("main"), kit, false);
    QVERIFY(!again);
    QCOMPARE(again.error().code, QStringLiteral("kit.exists"));
    QCOMPARE(m_store->reads(), before);
    QVERIFY(secrets.exportRecoveryKit(QStringLiteral("main"), kit, true));

    // Re-recording the same identity keeps the export; a new public key resets it.
    QVERIFY(
        m_catalog->recordSecret(QStringLiteral("main"), QStringLiteral("age-identity"), (*entry)->publicKey));
    QVERIFY(!secrets.identityNeverExported(QStringLiteral("main")));
    QVERIFY(m_catalog->recordSecret(QStringLiteral("main"), QStringLiteral("age-identity"),
                                    QStringLiteral("age1other")));
    QVERIFY(secrets.identityNeverExported(QStringLiteral("main")));
}

void TestProfileSecrets::importRestoresADamagedIdentity()
{
    addProfile(QStringLiteral("main"));
    ProfileSecrets secrets(*m_store, *m_catalog);
    auto recipient = secrets.generateIdentity(QStringLiteral("main"));
    QVERIFY(recipient);
    const QString kit = m_dir->filePath(QStringLiteral("kit.txt"));
    QVERIFY(secrets.exportRecoveryKit(QStringLiteral("main"), kit, false));
    QFile f(kit);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray kitBytes = f.readAll();

    m_store->plant({QStringLiteral("main"), SecretKind::AgeIdentity}, "garbage");
    QCOMPARE(secrets.identity(QStringLiteral("main")).error().code, QStringLiteral("secret.corrupt"));
    auto imported = secrets.importIdentity(QStringLiteral("main"), kitBytes);
    QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
    QCOMPARE(*imported, *recipient);
    QCOMPARE(secrets.identity(QStringLiteral("main"))->recipient(), *recipient);
    QVERIFY(!secrets.identityNeverExported(QStringLiteral("main")));

    // A different valid identity is not replaced.
    const QByteArray other = AgeIdentity::generate().toString().toUtf8() + '\n';
    auto refused = secrets.importIdentity(QStringLiteral("main"), other);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("key.exists"));
    QCOMPARE(secrets.identity(QStringLiteral("main"))->recipient(), *recipient);
    // Not an identity file at all.
    auto junk = secrets.importIdentity(QStringLiteral("main"), "hello\n");
    QVERIFY(!junk);
    QCOMPARE(junk.error().code, QStringLiteral("key.import"));
}

void TestProfileSecrets::jobSecretsLeaveTheKeychainAloneWithoutADbPassword()
{
    addProfile(QStringLiteral("main"));
    auto store = std::make_shared<InMemorySecretStore>();
    const JobSecrets secrets{.store = store};
    auto password = secrets.dbPassword(*m_catalog, QStringLiteral("main"));
    QVERIFY(password);
    QVERIFY(!password->has_value()); // libpq's own sources, keychain untouched
    auto s3 = secrets.s3SecretKey(*m_catalog, QStringLiteral("main"));
    QVERIFY(s3);
    QVERIFY(s3->isEmpty()); // the AWS environment / credentials file
    QCOMPARE(store->requests(), 0);
}

void TestProfileSecrets::jobSecretsReadIndexedSecrets()
{
    addProfile(QStringLiteral("pp"), true);
    auto store = std::make_shared<InMemorySecretStore>();
    ProfileSecrets secrets(*store, *m_catalog);
    QVERIFY(secrets.set(QStringLiteral("pp"), SecretKind::DbPassword, "pg-pass-999"));
    const JobSecrets job{.store = store};
    auto password = job.dbPassword(*m_catalog, QStringLiteral("pp"));
    QVERIFY(password && password->has_value());
    QCOMPARE(**password, QByteArray("pg-pass-999"));
    auto missing = job.passphrase(*m_catalog, QStringLiteral("pp"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, QStringLiteral("secret.missing"));
    QVERIFY(missing.error().message.contains(QLatin1String("`lifeboat-cli secret set pp passphrase`")));
    QVERIFY(secrets.set(QStringLiteral("pp"), SecretKind::Passphrase, "correct horse battery"));
    auto passphrase = job.passphrase(*m_catalog, QStringLiteral("pp"));
    QVERIFY(passphrase);
    QCOMPARE(*passphrase, QByteArray("correct horse battery"));
    // Without a store nothing is read, and a passphrase profile says how to store one.
    auto none = JobSecrets{}.passphrase(*m_catalog, QStringLiteral("pp"));
    QVERIFY(!none);
    QCOMPARE(none.error().code, QStringLiteral("secret.missing"));
}

void TestProfileSecrets::oldCatalogsMigrate()
{
    // A catalog of schema 1 (before the secret index) gains the index and the schema-3 columns and
    // keeps its profiles.
    m_catalog.reset();
    const QString path = m_dir->filePath(QStringLiteral("old.sqlite"));
    {
        auto catalog = Catalog::open(path);
        QVERIFY(catalog);
        Profile p;
        p.name = QStringLiteral("legacy");
        p.databases = {QStringLiteral("x")};
        p.destinations = {QStringLiteral("/tmp")};
        QVERIFY((*catalog)->addProfile(p));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        // Undo what schemas 2, 3, 4 and 5 added (SQLite ≥ 3.35 drops columns).
        QVERIFY(q.exec(QStringLiteral("DROP TABLE secrets")));
        QVERIFY(q.exec(QStringLiteral("DROP TABLE alert_state")));
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE runs DROP COLUMN run_trigger")));
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE runs DROP COLUMN error_code")));
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE artifacts DROP COLUMN pruned_utc")));
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE artifact_locations DROP COLUMN pruned_utc")));
        for (const char *column : {"integrity_state", "integrity_utc", "integrity_detail"})
            QVERIFY(
                q.exec(QStringLiteral("ALTER TABLE artifacts DROP COLUMN %1").arg(QLatin1String(column))));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=1")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
    auto catalog = Catalog::open(path);
    QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().message));
    QCOMPARE((*catalog)->schemaVersion(), Catalog::kSchemaVersion);
    QVERIFY((*catalog)->profile(QStringLiteral("legacy")));
    QVERIFY((*catalog)->recordSecret(QStringLiteral("legacy"), QStringLiteral("db-password")));
    QCOMPARE((*catalog)->secrets(QStringLiteral("legacy"))->size(), 1);
}

QTEST_GUILESS_MAIN(TestProfileSecrets)
#include "TestProfileSecrets.moc"
