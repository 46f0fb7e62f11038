// RecoveryKitExport over an in-memory keychain and the catalog of a config folder: the kit holds the
// profile's identity, is private (0600) and its export is recorded; a profile without an identity
// and an existing file without overwrite are refused, each in one sentence.

#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "engine/crypto/AgeIdentity.h"
#include "engine/profiles/RecoveryKitExport.h"
#include "engine/secrets/ProfileSecrets.h"
#include "mock/InMemorySecretStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat;

class TestRecoveryKitExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void writesAPrivateKitAndRecordsTheExport();
    void refusesAProfileWithoutIdentity();
    void overwritesOnlyWhenAsked();

private:
    void addProfile(const QString &name, bool withIdentity);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConfigPaths> m_paths;
    std::unique_ptr<InMemorySecretStore> m_store;
};

void TestRecoveryKitExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_paths = std::make_unique<ConfigPaths>(m_dir->filePath(QStringLiteral("config")));
    QVERIFY(m_paths->ensureExists().ok());
    m_store = std::make_unique<InMemorySecretStore>(m_paths->secretScope());
}

void TestRecoveryKitExport::cleanup()
{
    m_store.reset();
    m_paths.reset();
    m_dir.reset();
}

void TestRecoveryKitExport::addProfile(const QString &name, bool withIdentity)
{
    auto catalog = Catalog::open(m_paths->catalogPath());
    QVERIFY(catalog.ok());
    Profile p;
    p.name = name;
    p.databases = {QStringLiteral("shop")};
    p.destinations = {m_dir->filePath(QStringLiteral("dest"))};
    QVERIFY((*catalog)->addProfile(p).ok());
    if (withIdentity)
        QVERIFY(ProfileSecrets(*m_store, **catalog).generateIdentity(name).ok());
}

void TestRecoveryKitExport::writesAPrivateKitAndRecordsTheExport()
{
    addProfile(QStringLiteral("shop"), true);
    const QString kit = m_dir->filePath(QStringLiteral("kit.txt"));
    const Status written = RecoveryKitExport::write(*m_paths, *m_store, QStringLiteral("shop"), kit, true);
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));

    QCOMPARE(QFile::permissions(kit) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup |
                                        QFile::WriteOther | QFile::ExeGroup | QFile::ExeOther),
             QFileDevice::Permissions());
    QFile f(kit);
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto fromKit = AgeIdentity::parseIdentityFile(f.readAll());
    QVERIFY(fromKit.ok());
    auto catalog = Catalog::open(m_paths->catalogPath());
    QVERIFY(catalog.ok());
    ProfileSecrets secrets(*m_store, **catalog);
    QCOMPARE(fromKit->first().recipient(), secrets.identity(QStringLiteral("shop"))->recipient());
    QVERIFY(!secrets.identityNeverExported(QStringLiteral("shop")));
}

void TestRecoveryKitExport::refusesAProfileWithoutIdentity()
{
    addProfile(QStringLiteral("shop"), false);
    const QString kit = m_dir->filePath(QStringLiteral("kit.txt"));
    const Status written = RecoveryKitExport::write(*m_paths, *m_store, QStringLiteral("shop"), kit, true);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, QStringLiteral("secret.missing"));
    QVERIFY2(written.error().message.contains(QLatin1String("lifeboat-cli key generate shop")),
             qPrintable(written.error().message));
    QVERIFY(!QFile::exists(kit));
}

void TestRecoveryKitExport::overwritesOnlyWhenAsked()
{
    addProfile(QStringLiteral("shop"), true);
    const QString kit = m_dir->filePath(QStringLiteral("kit.txt"));
    {
        QFile f(kit);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("something else");
    }
    auto catalog = Catalog::open(m_paths->catalogPath());
    QVERIFY(catalog.ok());
    const Status refused = RecoveryKitExport::write(**catalog, *m_store, QStringLiteral("shop"), kit, false);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("kit.exists"));
    QVERIFY(ProfileSecrets(*m_store, **catalog).identityNeverExported(QStringLiteral("shop")));

    QVERIFY(RecoveryKitExport::write(**catalog, *m_store, QStringLiteral("shop"), kit, true).ok());
    QFile f(kit);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(AgeIdentity::parseIdentityFile(f.readAll()).ok());
}

QTEST_GUILESS_MAIN(TestRecoveryKitExport)
#include "TestRecoveryKitExport.moc"
