// The keychain for real: KeychainSecretStore and lifeboat-cli's secret/key commands against a
// gnome-keyring-daemon on a private D-Bus session bus that this test starts itself (so it works
// standalone and under scripts/lib/with-keyring.sh, and never touches a real keyring). A missing
// Secret Service (a dead bus address, a bus without the service) and a locked keyring give one
// clear sentence — and no plaintext anywhere.

#include "core/ConfigPaths.h"
#include "engine/crypto/AgeIdentity.h"
#include "engine/secrets/KeychainSecretStore.h"
#include "support/KeyringSession.h"
#include "support/ProcessRunner.h"
#include "support/TestPeers.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/stat.h>

using namespace lifeboat;
using namespace lifeboat::test;

namespace {

int modeOf(const QString &path)
{
    struct stat st
    {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// Every file under `root` whose bytes contain `needle`.
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

// The lines lifeboat-cli itself printed on stderr (not log lines).
QStringList cliLines(const ProcessResult &r)
{
    QStringList out;
    for (const QString &line : r.errText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QStringLiteral("lifeboat-cli: ")))
            out << line;
    }
    return out;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    // In-process store (order matters: the first one brings the service up late).
    void retriesOnceWhenTheServiceStartsLate();
    void writeReadDelete();
    void notFoundIsEmpty();
    void scopesAndProfilesAreSeparate();
    void continuationsArriveOnTheCallersThread();
    // lifeboat-cli
    void secretSetReadsStdinOnly();
    void profileRemovalRemovesItsSecrets();
    void profileRemovalRefusesAnUnexportedIdentity();
    void keyGenerateShowExport();
    void recoveryKitPathThatExistsIsRefused();
    void corruptIdentityInTheKeychain();
    void serviceMissing_data();
    void serviceMissing();
    // Last: it leaves the keyring locked.
    void lockedKeychainSaysHowToUnlock();

private:
    void ensureKeyring();
    QString newConfigDir();
    KeychainSecretStore storeFor(const QString &configDir) const;
    ProcessResult cli(const QString &config, const QStringList &args, const QByteArray &input = QByteArray());
    void addProfile(const QString &config, const QString &name, const QStringList &extra = {});

    KeyringSession m_keyring;
    QTemporaryDir m_tmp;
    ProcessRunner m_run;
    int m_counter = 0;
};

void TestKeychain::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // Before anything in this process talks to D-Bus: libsecret keeps its first connection.
    m_keyring.exportToThisProcess();
    QProcessEnvironment env = m_keyring.environment();
    env.remove(QStringLiteral("PGPASSWORD"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("lifeboat.*.info=true"));
    m_run.setEnvironment(env);
}

void TestKeychain::cleanupTestCase()
{
    // GDBus raises SIGTERM in a process whose session bus goes away (exit-on-close): this process
    // is connected to the bus being stopped, and is about to exit anyway.
    ::signal(SIGTERM, SIG_IGN);
    m_keyring.stop();
}

void TestKeychain::ensureKeyring()
{
    if (!m_keyring.isRunning())
        QVERIFY2(m_keyring.start(), qPrintable(m_keyring.errorString()));
}

QString TestKeychain::newConfigDir()
{
    const QString dir = m_tmp.filePath(QStringLiteral("config-%1").arg(++m_counter));
    QDir().mkpath(dir);
    return dir;
}

KeychainSecretStore TestKeychain::storeFor(const QString &configDir) const
{
    KeychainSecretStore::Options options;
    options.scope = ConfigPaths(configDir).secretScope();
    return KeychainSecretStore(options);
}

ProcessResult TestKeychain::cli(const QString &config, const QStringList &args, const QByteArray &input)
{
    return m_run.cli(config, args, input, 120000);
}

void TestKeychain::addProfile(const QString &config, const QString &name, const QStringList &extra)
{
    const ProcessResult r =
        cli(config, QStringList{QStringLiteral("profile"), QStringLiteral("add"), name,
                                QStringLiteral("--db"), QStringLiteral("postgresql://u@127.0.0.1:1/db"),
                                QStringLiteral("--dest"), m_tmp.filePath(QStringLiteral("dest"))} +
                        extra);
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
}

void TestKeychain::retriesOnceWhenTheServiceStartsLate()
{
    if (m_keyring.isRunning())
        QSKIP("the keyring is already running (this test must run first)");
    // The bus does not exist yet: the first attempt fails at once, the one retry finds the service.
    KeychainSecretStore::Options options;
    options.scope = QStringLiteral("retry");
    options.retryDelayMs = 4000; // room for gnome-keyring to start on a busy machine
    KeychainSecretStore store(options);
    QElapsedTimer timer;
    timer.start();
    QFuture<Status> written = store.write({QStringLiteral("late"), SecretKind::DbPassword}, "late-start-pw");
    QThread::msleep(300);
    QVERIFY(!written.isFinished()); // waiting for its retry, not failed
    ensureKeyring();
    written.waitForFinished();
    const Status writeStatus = written.result();
    QVERIFY2(writeStatus.ok(), writeStatus.ok() ? "" : qPrintable(writeStatus.error().message));
    QVERIFY2(timer.elapsed() >= 4000,
             "the write succeeded before its retry: the service was up from the start?");
    auto read = store.readNow({QStringLiteral("late"), SecretKind::DbPassword});
    QVERIFY(read && read->has_value());
    QCOMPARE(**read, QByteArray("late-start-pw"));
}

void TestKeychain::writeReadDelete()
{
    ensureKeyring();
    KeychainSecretStore::Options options;
    options.scope = QStringLiteral("crud");
    KeychainSecretStore store(options);
    const SecretKey key{QStringLiteral("main"), SecretKind::DbPassword};
    QVERIFY(store.writeNow(key, "first-value-1"));
    auto first = store.readNow(key);
    QVERIFY2(first, first ? "" : qPrintable(first.error().message));
    QVERIFY(first->has_value());
    QCOMPARE(**first, QByteArray("first-value-1"));

    // Overwrite, with bytes that are not text.
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    QVERIFY(store.writeNow(key, binary));
    QCOMPARE(**store.readNow(key), binary);

    // Filed as "PROFILE/KIND@SCOPE" under the service "lifeboat" (names only).
    const QString items = m_keyring.searchItems(QStringLiteral("lifeboat"));
    QVERIFY2(items.contains(QStringLiteral("attribute.user = main/db-password@crud")), qPrintable(items));

    QVERIFY(store.removeNow(key));
    auto gone = store.readNow(key);
    QVERIFY(gone);
    QVERIFY(!gone->has_value());
    QVERIFY(
        !m_keyring.searchItems(QStringLiteral("lifeboat")).contains(QStringLiteral("main/db-password@crud")));
}

void TestKeychain::notFoundIsEmpty()
{
    ensureKeyring();
    KeychainSecretStore::Options options;
    options.scope = QStringLiteral("empty");
    KeychainSecretStore store(options);
    for (SecretKind kind : allSecretKinds()) {
        auto value = store.readNow({QStringLiteral("nobody"), kind});
        QVERIFY2(value, value ? "" : qPrintable(value.error().message));
        QVERIFY(!value->has_value());
        QVERIFY(store.removeNow({QStringLiteral("nobody"), kind}));
    }
}

void TestKeychain::scopesAndProfilesAreSeparate()
{
    ensureKeyring();
    KeychainSecretStore::Options a;
    a.scope = QStringLiteral("/home/ann/.config/lifeboat-a");
    KeychainSecretStore::Options b;
    b.scope = QStringLiteral("/home/ann/.config/lifeboat-b");
    KeychainSecretStore storeA(a), storeB(b);
    QVERIFY(storeA.writeNow({QStringLiteral("p"), SecretKind::Webhook}, "value-of-a"));
    QVERIFY(storeB.writeNow({QStringLiteral("p"), SecretKind::Webhook}, "value-of-b"));
    QVERIFY(storeA.writeNow({QStringLiteral("q"), SecretKind::Webhook}, "value-of-qa"));
    QCOMPARE(**storeA.readNow({QStringLiteral("p"), SecretKind::Webhook}), QByteArray("value-of-a"));
    QCOMPARE(**storeB.readNow({QStringLiteral("p"), SecretKind::Webhook}), QByteArray("value-of-b"));
    QCOMPARE(**storeA.readNow({QStringLiteral("q"), SecretKind::Webhook}), QByteArray("value-of-qa"));
    QVERIFY(!storeB.readNow({QStringLiteral("q"), SecretKind::Webhook})->has_value());
    QVERIFY(!storeA.readNow({QStringLiteral("p"), SecretKind::S3Secret})->has_value());
}

void TestKeychain::continuationsArriveOnTheCallersThread()
{
    // The GUI's way: no waiting, a continuation in the caller's thread.
    ensureKeyring();
    KeychainSecretStore::Options options;
    options.scope = QStringLiteral("async");
    KeychainSecretStore store(options);
    QVERIFY(store.writeNow({QStringLiteral("p"), SecretKind::S3Secret}, "async-value"));
    bool done = false;
    QThread *thread = nullptr;
    QByteArray value;
    store.read({QStringLiteral("p"), SecretKind::S3Secret}).then(this, [&](SecretStore::ReadResult r) {
        done = true;
        thread = QThread::currentThread();
        if (r && r->has_value())
            value = **r;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QCOMPARE(thread, QThread::currentThread());
    QCOMPARE(value, QByteArray("async-value"));
}

void TestKeychain::secretSetReadsStdinOnly()
{
    ensureKeyring();
    const QString config = newConfigDir();
    addProfile(config, QStringLiteral("p"));
    KeychainSecretStore store = storeFor(config);
    const SecretKey key{QStringLiteral("p"), SecretKind::DbPassword};

    ProcessResult set = cli(
        config,
        {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("p"), QStringLiteral("db-password")},
        "cli-secret-value-1\n");
    QVERIFY2(set.exitCode == 0, qPrintable(set.errText()));
    QVERIFY(!set.out.contains("cli-secret-value-1") && !set.err.contains("cli-secret-value-1"));
    QCOMPARE(**store.readNow(key), QByteArray("cli-secret-value-1")); // without the line break

    // Never as an argument: refused, nothing stored.
    ProcessResult asArgument =
        cli(config, {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("p"),
                     QStringLiteral("db-password"), QStringLiteral("cli-secret-value-2")});
    QCOMPARE(asArgument.exitCode, 2);
    QVERIFY(asArgument.errText().contains(QStringLiteral("read from stdin, never taken as an argument")));
    QCOMPARE(**store.readNow(key), QByteArray("cli-secret-value-1"));

    ProcessResult empty = cli(config, {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("p"),
                                       QStringLiteral("db-password")});
    QCOMPARE(empty.exitCode, 1);
    QVERIFY2(empty.errText().contains(QStringLiteral("no database password for profile 'p' was given")),
             qPrintable(empty.errText()));

    for (const QString &kind : {QStringLiteral("password"), QStringLiteral("age-identity")}) {
        ProcessResult bad =
            cli(config, {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("p"), kind},
                "x-value-x");
        QCOMPARE(bad.exitCode, 2);
    }
    ProcessResult unknownProfile = cli(
        config,
        {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("nope"), QStringLiteral("webhook")},
        "https://h/x?token=tok-1234");
    QCOMPARE(unknownProfile.exitCode, 1);
    QVERIFY(unknownProfile.errText().contains(QStringLiteral("there is no profile named 'nope'")));

    ProcessResult list = cli(config, {QStringLiteral("secret"), QStringLiteral("list"), QStringLiteral("p")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.outText().startsWith(QStringLiteral("db-password\t")));

    // Nothing of the value in the configuration folder (catalog, WAL, logs).
    QCOMPARE(filesContaining(config, "cli-secret-value-1"), QStringList());

    ProcessResult del = cli(config, {QStringLiteral("secret"), QStringLiteral("delete"), QStringLiteral("p"),
                                     QStringLiteral("db-password")});
    QVERIFY2(del.exitCode == 0, qPrintable(del.errText()));
    QVERIFY(!store.readNow(key)->has_value());
    ProcessResult again = cli(config, {QStringLiteral("secret"), QStringLiteral("delete"),
                                       QStringLiteral("p"), QStringLiteral("db-password")});
    QCOMPARE(again.exitCode, 0); // not found is not an error
    QVERIFY(
        cli(config, {QStringLiteral("secret"), QStringLiteral("list"), QStringLiteral("p")}).out.isEmpty());
}

void TestKeychain::profileRemovalRemovesItsSecrets()
{
    ensureKeyring();
    const QString config = newConfigDir();
    addProfile(config, QStringLiteral("a"));
    addProfile(config, QStringLiteral("b"));
    const QString scope = ConfigPaths(config).secretScope();
    for (const auto &[profile, kind, value] :
         {std::tuple{"a", "db-password", "a-db-pw-1"}, std::tuple{"a", "webhook", "https://h/?token=a-tok-1"},
          std::tuple{"a", "s3-secret", "a-s3-secret-1"}, std::tuple{"b", "db-password", "b-db-pw-1"}}) {
        ProcessResult r = cli(
            config,
            {QStringLiteral("secret"), QStringLiteral("set"), QLatin1String(profile), QLatin1String(kind)},
            QByteArray(value));
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
    }
    QCOMPARE(cli(config, {QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("a")}).exitCode,
             0);
    QCOMPARE(cli(config, {QStringLiteral("key"), QStringLiteral("export"), QStringLiteral("a"),
                          QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("kit-a.txt"))})
                 .exitCode,
             0);
    QString items = m_keyring.searchItems(QStringLiteral("lifeboat"));
    QCOMPARE(items.count(QStringLiteral("@") + scope), 5);

    ProcessResult removed =
        cli(config, {QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("a")});
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.errText()));
    items = m_keyring.searchItems(QStringLiteral("lifeboat"));
    QVERIFY2(!items.contains(QStringLiteral("attribute.user = a/")), qPrintable(items));
    QVERIFY2(items.contains(QStringLiteral("attribute.user = b/db-password@") + scope), qPrintable(items));
    KeychainSecretStore store = storeFor(config);
    for (SecretKind kind : allSecretKinds())
        QVERIFY(!store.readNow({QStringLiteral("a"), kind})->has_value());
    QCOMPARE(**store.readNow({QStringLiteral("b"), SecretKind::DbPassword}), QByteArray("b-db-pw-1"));
    QVERIFY(
        cli(config, {QStringLiteral("secret"), QStringLiteral("list"), QStringLiteral("a")}).out.isEmpty());
}

void TestKeychain::profileRemovalRefusesAnUnexportedIdentity()
{
    ensureKeyring();
    const QString config = newConfigDir();
    addProfile(config, QStringLiteral("c"));
    QCOMPARE(cli(config, {QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("c")}).exitCode,
             0);
    ProcessResult refused =
        cli(config, {QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("c")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.errText().contains(QStringLiteral("never exported")) &&
                 refused.errText().contains(QStringLiteral("lifeboat-cli key export c --out FILE")) &&
                 refused.errText().contains(QStringLiteral("--force")),
             qPrintable(refused.errText()));
    QCOMPARE(cli(config, {QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("c")}).exitCode,
             0);
    KeychainSecretStore store = storeFor(config);
    QVERIFY(store.readNow({QStringLiteral("c"), SecretKind::AgeIdentity})->has_value());

    ProcessResult forced = cli(config, {QStringLiteral("profile"), QStringLiteral("remove"),
                                        QStringLiteral("c"), QStringLiteral("--force")});
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.errText()));
    QVERIFY(!store.readNow({QStringLiteral("c"), SecretKind::AgeIdentity})->has_value());
}

void TestKeychain::keyGenerateShowExport()
{
    ensureKeyring();
    const QString config = newConfigDir();
    const QString extra = AgeIdentity::generate().recipient().toString();
    addProfile(config, QStringLiteral("k"), {QStringLiteral("--recipient"), extra});

    ProcessResult generated =
        cli(config, {QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("k")});
    QVERIFY2(generated.exitCode == 0, qPrintable(generated.errText()));
    const QString own = generated.outText().trimmed();
    QVERIFY2(own.startsWith(QStringLiteral("age1")) && !own.contains(QLatin1Char('\n')), qPrintable(own));
    QVERIFY(generated.errText().contains(QStringLiteral("lifeboat-cli key export k --out FILE")));
    QVERIFY(!generated.out.contains("AGE-SECRET-KEY") && !generated.err.contains("AGE-SECRET-KEY"));

    ProcessResult second =
        cli(config, {QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("k")});
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.errText().contains(QStringLiteral("already has an age identity")),
             qPrintable(second.errText()));

    ProcessResult shown = cli(config, {QStringLiteral("key"), QStringLiteral("show"), QStringLiteral("k")});
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(shown.outText(), extra + QStringLiteral("\trecipient\n") + own +
                                  QStringLiteral("\tthis machine's keychain identity, NEVER exported\n"));
    QVERIFY(shown.errText().contains(QStringLiteral("has never been exported")));

    const QString kit = m_tmp.filePath(QStringLiteral("kit-k.txt"));
    ProcessResult exported = cli(config, {QStringLiteral("key"), QStringLiteral("export"),
                                          QStringLiteral("k"), QStringLiteral("--out"), kit});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.errText()));
    QVERIFY(!exported.out.contains("AGE-SECRET-KEY") && !exported.err.contains("AGE-SECRET-KEY"));
    QCOMPARE(modeOf(kit), 0600);
    QFile f(kit);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray kitBytes = f.readAll();
    auto identities = AgeIdentity::parseIdentityFile(kitBytes);
    QVERIFY(identities && identities->size() == 1);
    QCOMPARE(identities->first().recipient().toString(), own);
    QVERIFY(kitBytes.contains(extra.toUtf8()));

    ProcessResult shownAgain = cli(config, {QStringLiteral("--json"), QStringLiteral("key"),
                                            QStringLiteral("show"), QStringLiteral("k")});
    const QJsonArray recipients = QJsonDocument::fromJson(shownAgain.out).array();
    QCOMPARE(recipients.size(), 2);
    QCOMPARE(recipients.at(1).toObject().value(QStringLiteral("recipient")).toString(), own);
    QVERIFY(recipients.at(1).toObject().value(QStringLiteral("keychainIdentity")).toBool());
    QVERIFY(!recipients.at(1).toObject().value(QStringLiteral("exportedUtc")).toString().isEmpty());

    // The kit works with the real age as an identity file.
    ProcessRunner plain;
    const QString encrypted = m_tmp.filePath(QStringLiteral("hello.age"));
    ProcessResult enc = plain.shell(QStringLiteral("printf 'hello from lifeboat' | age -r %1 -o %2")
                                        .arg(own, ProcessRunner::quote(encrypted)));
    QCOMPARE(enc.exitCode, 0);
    ProcessResult dec =
        plain.run(QStringLiteral("age"), {QStringLiteral("-d"), QStringLiteral("-i"), kit, encrypted});
    QVERIFY2(dec.exitCode == 0, qPrintable(dec.errText()));
    QCOMPARE(dec.out, QByteArray("hello from lifeboat"));
}

void TestKeychain::recoveryKitPathThatExistsIsRefused()
{
    ensureKeyring();
    const QString config = newConfigDir();
    addProfile(config, QStringLiteral("r"));
    QCOMPARE(cli(config, {QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("r")}).exitCode,
             0);
    const QString kit = m_tmp.filePath(QStringLiteral("existing-kit.txt"));
    {
        QFile f(kit);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me\n");
    }
    ProcessResult refused = cli(config, {QStringLiteral("key"), QStringLiteral("export"), QStringLiteral("r"),
                                         QStringLiteral("--out"), kit});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.errText().contains(
                 QStringLiteral("%1 already exists: choose another file, or pass --force to "
                                "overwrite it")
                     .arg(kit)),
             qPrintable(refused.errText()));
    QFile f(kit);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep me\n"));
    f.close();
    // Still never exported, so backups and `key show` keep warning.
    QVERIFY(cli(config, {QStringLiteral("key"), QStringLiteral("show"), QStringLiteral("r")})
                .out.contains("NEVER exported"));

    ProcessResult forced = cli(config, {QStringLiteral("key"), QStringLiteral("export"), QStringLiteral("r"),
                                        QStringLiteral("--out"), kit, QStringLiteral("--force")});
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.errText()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("# Lifeboat recovery kit for profile 'r'"));
    QCOMPARE(modeOf(kit), 0600);
}

void TestKeychain::corruptIdentityInTheKeychain()
{
    ensureKeyring();
    const QString config = newConfigDir();
    addProfile(config, QStringLiteral("z"));
    KeychainSecretStore store = storeFor(config);
    QVERIFY(store.writeNow({QStringLiteral("z"), SecretKind::AgeIdentity},
                           "AGE-SECRET-KEY-1THISISNOTAVALIDKEYATALL"));
    const QString kit = m_tmp.filePath(QStringLiteral("kit-z.txt"));
    for (const QStringList &args :
         {QStringList{QStringLiteral("key"), QStringLiteral("export"), QStringLiteral("z"),
                      QStringLiteral("--out"), kit},
          QStringList{QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("z")}}) {
        ProcessResult r = cli(config, args);
        QCOMPARE(r.exitCode, 1);
        const QStringList lines = cliLines(r);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(
                     QStringLiteral("the age identity of profile 'z' in the keychain is damaged")) &&
                     lines.first().contains(QStringLiteral("lifeboat-cli key import z KIT-FILE")),
                 qPrintable(lines.first()));
        QVERIFY(!r.err.contains("THISISNOTAVALIDKEY") && !r.out.contains("THISISNOTAVALIDKEY"));
    }
    QVERIFY(!QFile::exists(kit));
    QVERIFY(cli(config, {QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("z")})
                .out.contains("encryption:   none"));
}

void TestKeychain::serviceMissing_data()
{
    QTest::addColumn<bool>("bareBus");
    QTest::newRow("dead bus socket") << false;
    QTest::newRow("bus without a Secret Service") << true;
}

void TestKeychain::serviceMissing()
{
    QFETCH(bool, bareBus);
    // A session of its own: HOME and XDG dirs where a plaintext fallback would write, if there were one.
    KeyringSession nowhere;
    if (bareBus)
        QVERIFY2(nowhere.startBareBus(), qPrintable(nowhere.errorString()));
    QProcessEnvironment env = nowhere.environment();
    if (!bareBus)
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + nowhere.root() + QStringLiteral("/run/no-such-bus"));
    env.remove(QStringLiteral("PGPASSWORD"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("lifeboat.*.info=true"));
    ProcessRunner run(env);
    const QString config = nowhere.root() + QStringLiteral("/lifeboat-config");
    ProcessResult add =
        run.cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("p"),
                         QStringLiteral("--db"), QStringLiteral("postgresql://u@127.0.0.1:1/db"),
                         QStringLiteral("--dest"), nowhere.root()});
    QCOMPARE(add.exitCode, 0);

    QElapsedTimer timer;
    timer.start();
    ProcessResult set = run.cli(
        config,
        {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("p"), QStringLiteral("db-password")},
        "plaintext-canary-4711\n");
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(set.exitCode, 1);
    const QStringList lines = cliLines(set);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(
                 QStringLiteral("lifeboat-cli: cannot store the database password of profile 'p' "
                                "in the keychain: no keychain is available")) &&
                 lines.first().contains(QStringLiteral("Secret Service (org.freedesktop.secrets")) &&
                 lines.first().contains(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")),
             qPrintable(lines.first()));
    // One delayed retry (2 s), then the error.
    QCOMPARE(set.errText().count(QStringLiteral("retrying in 2000 ms")), 1);
    QVERIFY2(elapsed >= 2000, qPrintable(QString::number(elapsed)));

    // No silent plaintext anywhere: not in the config folder, HOME, XDG dirs or the runtime dir.
    QCOMPARE(filesContaining(nowhere.root(), "plaintext-canary-4711"), QStringList());
    QVERIFY(!set.out.contains("plaintext-canary-4711") && !set.err.contains("plaintext-canary-4711"));
    QVERIFY(run.cli(config, {QStringLiteral("secret"), QStringLiteral("list"), QStringLiteral("p")})
                .out.isEmpty());

    // Keys need the keychain too: nothing is half-done.
    ProcessResult key =
        run.cli(config, {QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("p")});
    QCOMPARE(key.exitCode, 1);
    QVERIFY(key.errText().contains(QStringLiteral("no keychain is available")));
    QVERIFY(run.cli(config, {QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("p")})
                .out.contains("encryption:   none"));
}

void TestKeychain::lockedKeychainSaysHowToUnlock()
{
    ensureKeyring();
    const QString config = newConfigDir();
    addProfile(config, QStringLiteral("l"));
    QCOMPARE(
        cli(config,
            {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("l"), QStringLiteral("webhook")},
            "https://hooks/x?token=locked-tok-1")
            .exitCode,
        0);
    KeychainSecretStore store = storeFor(config);
    QVERIFY(store.readNow({QStringLiteral("l"), SecretKind::Webhook})->has_value());

    QVERIFY(m_keyring.lockCollection());

    // libsecret reports a locked item as missing: the store must not.
    auto read = store.readNow({QStringLiteral("l"), SecretKind::Webhook});
    QVERIFY(!read);
    QCOMPARE(read.error().code, QStringLiteral("keychain.locked"));
    QVERIFY2(read.error().message.contains(QStringLiteral("the keychain is locked — unlock it")) &&
                 read.error().message.contains(QStringLiteral("“Login” keyring")),
             qPrintable(read.error().message));
    auto removed = store.removeNow({QStringLiteral("l"), SecretKind::Webhook});
    QVERIFY(!removed);
    QCOMPARE(removed.error().code, QStringLiteral("keychain.locked"));

    ProcessResult set = cli(
        config,
        {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("l"), QStringLiteral("db-password")},
        "locked-pw-1234");
    QCOMPARE(set.exitCode, 1);
    QCOMPARE(cliLines(set).size(), 1);
    QVERIFY2(cliLines(set).first().contains(
                 QStringLiteral("cannot store the database password of profile 'l' in the "
                                "keychain: the keychain is locked — unlock it")),
             qPrintable(set.errText()));

    // The profile is not removed while its secrets cannot be deleted.
    ProcessResult remove =
        cli(config, {QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("l")});
    QCOMPARE(remove.exitCode, 1);
    QVERIFY2(remove.errText().contains(
                 QStringLiteral("profile 'l' was not removed, because its secrets could not be "
                                "deleted")) &&
                 remove.errText().contains(QStringLiteral("locked")),
             qPrintable(remove.errText()));
    QCOMPARE(cli(config, {QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("l")}).exitCode,
             0);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "TestKeychain.moc"
