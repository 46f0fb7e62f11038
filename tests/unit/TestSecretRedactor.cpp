// SecretRedactor: known secret values, URL passwords, credentials in query strings, keyword lists,
// JSON and headers, and age secret keys become "***" — in strings, in log output through the Qt
// message handler, and in job events written to the catalog.

#include "core/Catalog.h"
#include "core/SecretRedactor.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat;

namespace {
QStringList g_captured;

void captureHandler(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_captured << message;
}
} // namespace

class TestSecretRedactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { SecretRedactor::clearSecrets(); }

    void patterns_data();
    void patterns();
    void knownValues_data();
    void knownValues();
    void shortValuesAreNotRegistered();
    void messageHandlerRedactsLogOutput();
    void catalogEventsAreRedacted();
    void concurrentUse();
};

void TestSecretRedactor::patterns_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("postgres URL password")
        << QStringLiteral("connecting to postgresql://alice:s3cr3t@db1:5432/shop")
        << QStringLiteral("connecting to postgresql://***@db1:5432/shop");
    QTest::newRow("postgres URL without password kept")
        << QStringLiteral("postgresql://alice@db1/shop") << QStringLiteral("postgresql://alice@db1/shop");
    QTest::newRow("https userinfo with @ in password")
        << QStringLiteral("GET https://u:p@ss@host/x") << QStringLiteral("GET https://***@host/x");
    QTest::newRow("s3 URL userinfo") << QStringLiteral("s3://AKIAEXAMPLE:wJalrXUtnFEMI@bucket/prefix")
                                     << QStringLiteral("s3://***@bucket/prefix");
    QTest::newRow("token in query")
        << QStringLiteral("POST https://hooks.example/notify?channel=ops&token=abc123XYZ")
        << QStringLiteral("POST https://hooks.example/notify?channel=ops&token=***");
    QTest::newRow("key first in query") << QStringLiteral("https://x.example/api?key=AIzaSyD-1234&v=2")
                                        << QStringLiteral("https://x.example/api?key=***&v=2");
    QTest::newRow("presigned S3 URL")
        << QStringLiteral(
               "https://b.s3.amazonaws.com/"
               "o?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20250101"
               "&X-Amz-Signature=0123456789abcdef0123456789abcdef&X-Amz-Security-Token=FQoGZXIvYXdzEJr")
        << QStringLiteral("https://b.s3.amazonaws.com/"
                          "o?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20250101"
                          "&X-Amz-Signature=***&X-Amz-Security-Token=***");
    QTest::newRow("signature case-insensitive")
        << QStringLiteral("url?SIGNATURE=deadbeef") << QStringLiteral("url?SIGNATURE=***");
    QTest::newRow("password in query")
        << QStringLiteral("?user=bob&password=hunter22&x=1") << QStringLiteral("?user=bob&password=***&x=1");
    QTest::newRow("libpq keyword list") << QStringLiteral("host=db1 user=bob password=hunter22 dbname=shop")
                                        << QStringLiteral("host=db1 user=bob password=*** dbname=shop");
    QTest::newRow("libpq quoted value") << QStringLiteral("host=db1 password='two words' dbname=x")
                                        << QStringLiteral("host=db1 password=*** dbname=x");
    QTest::newRow("libpq quoted escaped")
        << QStringLiteral("password='a\\'b c' port=5") << QStringLiteral("password=*** port=5");
    QTest::newRow("sslpassword") << QStringLiteral("sslpassword=pem-pass sslmode=require")
                                 << QStringLiteral("sslpassword=*** sslmode=require");
    QTest::newRow("sslkey path is not a key=") << QStringLiteral("sslkey=/home/u/.postgresql/postgresql.key")
                                               << QStringLiteral("sslkey=/home/u/.postgresql/postgresql.key");
    QTest::newRow("monkey= is not key=")
        << QStringLiteral("monkey=banana") << QStringLiteral("monkey=banana");
    QTest::newRow("json password") << QStringLiteral(R"({"user":"bob","password":"hunter22","port":5})")
                                   << QStringLiteral(R"({"user":"bob","password":"***","port":5})");
    QTest::newRow("authorization bearer") << QStringLiteral("Authorization: Bearer eyJhbGciOi.abc.def")
                                          << QStringLiteral("Authorization: Bearer ***");
    QTest::newRow("sigv4 header") << QStringLiteral(
                                         "Authorization: AWS4-HMAC-SHA256 Credential=AKIA/x, "
                                         "SignedHeaders=host, Signature=fe5f80f77d5fa3beca038a248ff0")
                                  << QStringLiteral("Authorization: AWS4-HMAC-SHA256 Credential=AKIA/x, "
                                                    "SignedHeaders=host, Signature=***");
    QTest::newRow("age secret key")
        << QStringLiteral(
               "identity AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZ "
               "loaded")
        << QStringLiteral("identity *** loaded");
    QTest::newRow("age recipient stays")
        << QStringLiteral("to age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p")
        << QStringLiteral("to age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p");
    QTest::newRow("plain message untouched")
        << QStringLiteral("dumping database 'shop' to main/shop/shop_x.dump.zst")
        << QStringLiteral("dumping database 'shop' to main/shop/shop_x.dump.zst");
    QTest::newRow("empty") << QString() << QString();
}

void TestSecretRedactor::patterns()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(SecretRedactor::redact(input), expected);
    // Redaction is idempotent.
    QCOMPARE(SecretRedactor::redact(SecretRedactor::redact(input)), expected);
    QCOMPARE(SecretRedactor::redact(input.toUtf8()), expected.toUtf8());
}

void TestSecretRedactor::knownValues_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("anywhere in text")
        << QStringLiteral("Tr0ub4dor&3") << QStringLiteral("pg said: Tr0ub4dor&3 is wrong")
        << QStringLiteral("pg said: *** is wrong");
    QTest::newRow("every occurrence")
        << QStringLiteral("abcd1234") << QStringLiteral("abcd1234/abcd1234") << QStringLiteral("***/***");
    QTest::newRow("percent-encoded in a URL")
        << QStringLiteral("p@ss w/rd") << QStringLiteral("https://h/?q=p%40ss%20w%2Frd&z=1")
        << QStringLiteral("https://h/?q=***&z=1");
    QTest::newRow("form-encoded (+ for space)")
        << QStringLiteral("two words") << QStringLiteral("a=two+words") << QStringLiteral("a=***");
    QTest::newRow("unicode") << QStringLiteral("pässwörd-ü") << QStringLiteral("value pässwörd-ü end")
                             << QStringLiteral("value *** end");
    QTest::newRow("regex metacharacters")
        << QStringLiteral("a.*b(c)[d]") << QStringLiteral("x a.*b(c)[d] y axxb(c)[d]")
        << QStringLiteral("x *** y axxb(c)[d]");
}

void TestSecretRedactor::knownValues()
{
    QFETCH(QString, secret);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    SecretRedactor::addSecret(secret.toUtf8());
    QCOMPARE(SecretRedactor::redact(input), expected);
    SecretRedactor::clearSecrets();
    QCOMPARE(SecretRedactor::redact(input), input);
}

void TestSecretRedactor::shortValuesAreNotRegistered()
{
    SecretRedactor::addSecret(QByteArray("abc"));
    QCOMPARE(SecretRedactor::redact(QStringLiteral("abc abc")), QStringLiteral("abc abc"));
    SecretRedactor::addSecret(QByteArray("abcd"));
    QCOMPARE(SecretRedactor::redact(QStringLiteral("abcd abc")), QStringLiteral("*** abc"));
}

void TestSecretRedactor::messageHandlerRedactsLogOutput()
{
    // The redacting handler forwards to the handler installed before it.
    const QtMessageHandler before = qInstallMessageHandler(captureHandler);
    SecretRedactor::installMessageHandler();
    SecretRedactor::addSecret(QStringLiteral("Sup3r-Secret-Value"));
    g_captured.clear();
    qWarning("libpq: password Sup3r-Secret-Value for postgresql://u:pw12345@h/db rejected");
    qInfo() << "webhook https://hooks.example/x?token=tok-999";
    QCOMPARE(g_captured.size(), 2);
    QCOMPARE(g_captured.at(0), QStringLiteral("libpq: password *** for postgresql://***@h/db rejected"));
    QVERIFY2(g_captured.at(1).contains(QLatin1String("token=***")), qPrintable(g_captured.at(1)));
    QVERIFY(!g_captured.join(QLatin1Char('\n')).contains(QLatin1String("tok-999")));
    qInstallMessageHandler(before);
}

void TestSecretRedactor::catalogEventsAreRedacted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto catalog = Catalog::open(dir.filePath(QStringLiteral("catalog.sqlite")));
    QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().message));
    RunRecord run;
    run.profileName = QStringLiteral("p");
    run.kind = RunKind::Backup;
    auto id = (*catalog)->beginRun(run);
    QVERIFY(id);
    SecretRedactor::addSecret(QStringLiteral("db-pass-4242"));
    QVERIFY((*catalog)->addEvent(*id, LogLevel::Error, QStringLiteral("auth failed with db-pass-4242")));
    QVERIFY((*catalog)->finishRun(*id, RunRecord::State::Failed,
                                  QStringLiteral("cannot reach postgresql://u:db-pass-4242@h"), 0));
    auto events = (*catalog)->events(*id);
    QVERIFY(events);
    QCOMPARE(events->size(), 1);
    QVERIFY2(events->first().endsWith(QLatin1String("error auth failed with ***")),
             qPrintable(events->first()));
    auto stored = (*catalog)->run(*id);
    QVERIFY(stored);
    QCOMPARE(stored->message, QStringLiteral("cannot reach postgresql://***@h"));
    // Nothing of the value reached the file.
    catalog->reset();
    for (const QString &name : QDir(dir.path()).entryList(QDir::Files)) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("db-pass-4242"), qPrintable(name));
    }
}

void TestSecretRedactor::concurrentUse()
{
    // Registering and redacting from several threads at once stays consistent.
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads << QThread::create([t] {
            for (int i = 0; i < 200; ++i) {
                const QString secret = QStringLiteral("thread%1-secret-%2").arg(t).arg(i);
                SecretRedactor::addSecret(secret);
                if (SecretRedactor::redact(QStringLiteral("x ") + secret) != QStringLiteral("x ***"))
                    qFatal("a registered secret was not redacted");
            }
        });
        threads.last()->start();
    }
    for (QThread *t : threads) {
        QVERIFY(t->wait(60000));
        delete t;
    }
}

QTEST_GUILESS_MAIN(TestSecretRedactor)
#include "TestSecretRedactor.moc"
