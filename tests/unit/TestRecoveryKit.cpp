// RecoveryKit: the kit is a valid age identity file (everything but the key is a comment), names
// the profile's recipients, and carries the exact commands to check, decrypt and restore without
// Lifeboat; it is written 0600 and never over an existing file unless asked to.

#include "engine/crypto/AgeIdentity.h"
#include "engine/secrets/RecoveryKit.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace lifeboat;

namespace {
int modeOf(const QString &path)
{
    struct stat st
    {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestRecoveryKit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void kitIsAnAgeIdentityFile();
    void kitNamesRecipientsAndServer();
    void kitHasTheExactRestoreCommands();
    void kitWarnsWhenTheKeyIsNotARecipient();
    void allDatabasesProfile();
    void shellQuote_data();
    void shellQuote();
    void writeIsPrivateAndRefusesExistingFiles();
    void writeOverwritesOnlyWhenAsked();
    void writeRefusesMissingFolderAndFolders();

private:
    RecoveryKit::Input input() const;
    QTemporaryDir m_tmp;
    AgeIdentity m_identity;
    QString m_extraRecipient;
};

void TestRecoveryKit::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_identity = AgeIdentity::generate();
    QVERIFY(m_identity.isValid());
    m_extraRecipient = AgeIdentity::generate().recipient().toString();
}

RecoveryKit::Input TestRecoveryKit::input() const
{
    RecoveryKit::Input in;
    in.profile.name = QStringLiteral("Main DB");
    in.profile.connection.host = QStringLiteral("db1.example.com");
    in.profile.connection.port = QStringLiteral("5433");
    in.profile.connection.user = QStringLiteral("backup");
    in.profile.databases = {QStringLiteral("shop"), QStringLiteral("crm")};
    in.profile.destinations = {QStringLiteral("/srv/backups")};
    in.profile.recipients = {m_identity.recipient().toString(), m_extraRecipient};
    in.identity = m_identity.toString();
    in.recipient = m_identity.recipient().toString();
    in.kitPath = QStringLiteral("/home/ann/kits/main kit.txt");
    in.createdUtc = QDateTime(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC);
    in.hostName = QStringLiteral("laptop");
    return in;
}

void TestRecoveryKit::kitIsAnAgeIdentityFile()
{
    const QByteArray kit = RecoveryKit::render(input());
    const QList<QByteArray> lines = kit.split('\n');
    QVERIFY(kit.endsWith('\n'));
    QCOMPARE(lines.last(), QByteArray()); // after the final newline
    QCOMPARE(QString::fromUtf8(lines.at(lines.size() - 2)), m_identity.toString());
    for (qsizetype i = 0; i < lines.size() - 2; ++i)
        QVERIFY2(lines.at(i).startsWith('#'), lines.at(i).constData());
    // Exactly one copy of the key, and age's identity-file rules accept the kit as is.
    QCOMPARE(kit.count(m_identity.toString().toUtf8()), 1);
    auto identities = AgeIdentity::parseIdentityFile(kit);
    QVERIFY2(identities, identities ? "" : qPrintable(identities.error().message));
    QCOMPARE(identities->size(), 1);
    QCOMPARE(identities->first().recipient(), m_identity.recipient());
}

void TestRecoveryKit::kitNamesRecipientsAndServer()
{
    const QString kit = QString::fromUtf8(RecoveryKit::render(input()));
    QVERIFY(kit.startsWith(QLatin1String("# Lifeboat recovery kit for profile 'Main DB'\n")));
    QVERIFY(kit.contains(QLatin1String("# Created 2026-03-01T09:30:00Z on laptop by Lifeboat ")));
    QVERIFY(kit.contains(
        QStringLiteral("# Its public key (recipient): %1\n").arg(m_identity.recipient().toString())));
    QVERIFY(kit.contains(QStringLiteral("#   %1   (this key)\n").arg(m_identity.recipient().toString())));
    QVERIFY(kit.contains(QStringLiteral("#   %1   (another recipient)\n").arg(m_extraRecipient)));
    QVERIFY(kit.contains(QLatin1String("# Server:       backup@db1.example.com:5433\n")));
    QVERIFY(kit.contains(QLatin1String("# Databases:    shop, crm\n")));
    QVERIFY(kit.contains(QLatin1String("# Destinations: /srv/backups\n")));
    QVERIFY(kit.contains(QLatin1String("KEEP THIS FILE SECRET")));
    QVERIFY(!kit.contains(QLatin1String("NOT among them")));
}

void TestRecoveryKit::kitHasTheExactRestoreCommands()
{
    const QString kit = QString::fromUtf8(RecoveryKit::render(input()));
    const QString k = QStringLiteral("'/home/ann/kits/main kit.txt'");
    const QStringList expected = {
        QStringLiteral("#      ls /srv/backups/Main_DB/shop/\n"),
        QStringLiteral("#      B=/srv/backups/Main_DB/shop/shop_20250101T020000Z\n"),
        QStringLiteral("#      sha256sum \"$B.dump.zst.age\"\n"),
        QStringLiteral("#      age -d -i %1 \"$B.manifest.json.age\" > manifest.json\n").arg(k),
        QStringLiteral(
            "#      createdb --host=db1.example.com --port=5433 --username=backup restored_shop\n"),
        QStringLiteral(
            "#      age -d -i %1 \"$B.dump.zst.age\" | zstd -d | pg_restore --host=db1.example.com "
            "--port=5433 --username=backup --no-owner --dbname=restored_shop\n")
            .arg(k),
        QStringLiteral("age -d -i %1 \"$B.dump.zst.age\" | zstd -d | pg_restore --list\n").arg(k),
        QStringLiteral("#      age -d -i %1 \"$B.globals.sql.zst.age\" | zstd -d > globals.sql\n").arg(k),
        QStringLiteral("#      psql --host=db1.example.com --port=5433 --username=backup --dbname=postgres "
                       "--file=globals.sql\n"),
        QStringLiteral("# (The other databases: crm — same steps in their own folders.)\n"),
        QStringLiteral("# With Lifeboat on a new machine: lifeboat-cli key import 'Main DB' %1\n").arg(k),
    };
    for (const QString &line : expected)
        QVERIFY2(kit.contains(line), qPrintable(QStringLiteral("missing: ") + line));
}

void TestRecoveryKit::kitWarnsWhenTheKeyIsNotARecipient()
{
    RecoveryKit::Input in = input();
    in.profile.recipients = {m_extraRecipient};
    const QString kit = QString::fromUtf8(RecoveryKit::render(in));
    QVERIFY(kit.contains(QLatin1String("this key is NOT among them")));
}

void TestRecoveryKit::allDatabasesProfile()
{
    RecoveryKit::Input in = input();
    in.profile.databaseMode = Profile::DatabaseMode::All;
    in.profile.databases.clear();
    in.profile.connection = ConnectionSpec();
    in.profile.connection.service = QStringLiteral("prod");
    const QString kit = QString::fromUtf8(RecoveryKit::render(in));
    QVERIFY(kit.contains(QLatin1String("# Databases:    all (each in its own folder)\n")));
    QVERIFY(kit.contains(QLatin1String("#      ls /srv/backups/Main_DB/DATABASE/\n")));
    QVERIFY(kit.contains(QLatin1String("#      PGSERVICE=prod createdb restored_DATABASE\n")));
    QVERIFY(kit.contains(
        QLatin1String("| zstd -d | PGSERVICE=prod pg_restore --no-owner --dbname=restored_DATABASE\n")));
}

void TestRecoveryKit::shellQuote_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << QStringLiteral("/srv/kit.txt") << QStringLiteral("/srv/kit.txt");
    QTest::newRow("space") << QStringLiteral("/a b") << QStringLiteral("'/a b'");
    QTest::newRow("quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
    QTest::newRow("dollar") << QStringLiteral("$HOME") << QStringLiteral("'$HOME'");
    QTest::newRow("empty") << QString() << QStringLiteral("''");
}

void TestRecoveryKit::shellQuote()
{
    QFETCH(QString, input);
    QFETCH(QString, quoted);
    QCOMPARE(RecoveryKit::shellQuote(input), quoted);
}

void TestRecoveryKit::writeIsPrivateAndRefusesExistingFiles()
{
    const QString path = m_tmp.filePath(QStringLiteral("kit-a.txt"));
    QVERIFY(RecoveryKit::write(path, QByteArrayLiteral("first\n"), false));
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(readAll(path), QByteArrayLiteral("first\n"));

    const Status again = RecoveryKit::write(path, QByteArrayLiteral("second\n"), false);
    QVERIFY(!again);
    QCOMPARE(again.error().code, QStringLiteral("kit.exists"));
    QVERIFY(again.error().message.contains(QLatin1String("--force")));
    QCOMPARE(readAll(path), QByteArrayLiteral("first\n"));

    // A dangling symlink counts as existing: nothing is written through it.
    const QString link = m_tmp.filePath(QStringLiteral("kit-link.txt"));
    const QString target = m_tmp.filePath(QStringLiteral("elsewhere.txt"));
    QVERIFY(QFile::link(target, link));
    const Status viaLink = RecoveryKit::write(link, QByteArrayLiteral("x\n"), false);
    QVERIFY(!viaLink);
    QCOMPARE(viaLink.error().code, QStringLiteral("kit.exists"));
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(QFile::remove(link));

    // No temporary files left behind.
    const QStringList hidden =
        QDir(m_tmp.path()).entryList({QStringLiteral(".lifeboat-kit-*")}, QDir::Files | QDir::Hidden);
    QVERIFY2(hidden.isEmpty(), qPrintable(hidden.join(QLatin1Char(' '))));
}

void TestRecoveryKit::writeOverwritesOnlyWhenAsked()
{
    const QString path = m_tmp.filePath(QStringLiteral("kit-b.txt"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old kit\n");
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    QVERIFY(RecoveryKit::write(path, QByteArrayLiteral("new kit\n"), true));
    QCOMPARE(readAll(path), QByteArrayLiteral("new kit\n"));
    QCOMPARE(modeOf(path), 0600);
    const QStringList hidden =
        QDir(m_tmp.path()).entryList({QStringLiteral(".lifeboat-kit-*")}, QDir::Files | QDir::Hidden);
    QVERIFY(hidden.isEmpty());
}

void TestRecoveryKit::writeRefusesMissingFolderAndFolders()
{
    const Status missing =
        RecoveryKit::write(m_tmp.filePath(QStringLiteral("no/such/dir/kit.txt")), "x", false);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, QStringLiteral("kit.write"));
    QVERIFY(missing.error().message.contains(QLatin1String("does not exist")));
    const Status folder = RecoveryKit::write(m_tmp.path(), "x", true);
    QVERIFY(!folder);
    QCOMPARE(folder.error().code, QStringLiteral("kit.exists"));
}

QTEST_GUILESS_MAIN(TestRecoveryKit)
#include "TestRecoveryKit.moc"
