// S3Url: s3:// destination URLs (endpoints, presets, addressing styles, regions, storage class and
// Object Lock options) and where the credentials come from — the keychain first, never a secret in
// the URL; S3Destination's choice of part size and the headers objects are written with.

#include "engine/storage/S3Destination.h"
#include "engine/storage/S3UploadEvent.h"
#include "engine/storage/S3Url.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat;

namespace {
QStringList envList(const char *items)
{
    return QString::fromLatin1(items).split(QLatin1Char(';'));
}
} // namespace

class TestS3Url : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("region");
        QTest::addColumn<bool>("pathStyle");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QByteArray>("objectPath"); // request path of key "prefix/x.dump"

        QTest::newRow("aws default") << "s3://my-bucket/backups/prod"
                                     << "my-bucket"
                                     << "backups/prod"
                                     << "https://s3.us-east-1.amazonaws.com"
                                     << "us-east-1" << false << "https://my-bucket.s3.us-east-1.amazonaws.com"
                                     << QByteArray("/backups/prod/x.dump");
        QTest::newRow("aws preset + region")
            << "s3://b-1/p?endpoint=aws&region=eu-central-1"
            << "b-1"
            << "p"
            << "https://s3.eu-central-1.amazonaws.com"
            << "eu-central-1" << false << "https://b-1.s3.eu-central-1.amazonaws.com"
            << QByteArray("/p/x.dump");
        QTest::newRow("aws dotted bucket is path style")
            << "s3://my.bucket/p"
            << "my.bucket"
            << "p"
            << "https://s3.us-east-1.amazonaws.com"
            << "us-east-1" << true << "https://s3.us-east-1.amazonaws.com"
            << QByteArray("/my.bucket/p/x.dump");
        QTest::newRow("r2") << "s3://bkt/?endpoint=r2:0123456789abcdef0123456789abcdef"
                            << "bkt"
                            << ""
                            << "https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com"
                            << "auto" << true
                            << "https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com"
                            << QByteArray("/bkt/x.dump");
        QTest::newRow("b2") << "s3://bkt/a/b/?endpoint=b2:us-west-004"
                            << "bkt"
                            << "a/b"
                            << "https://s3.us-west-004.backblazeb2.com"
                            << "us-west-004" << false << "https://bkt.s3.us-west-004.backblazeb2.com"
                            << QByteArray("/a/b/x.dump");
        QTest::newRow("minio path style")
            << "s3://bkt/pre?endpoint=http://127.0.0.1:9000&style=path"
            << "bkt"
            << "pre"
            << "http://127.0.0.1:9000"
            << "us-east-1" << true << "http://127.0.0.1:9000" << QByteArray("/bkt/pre/x.dump");
        QTest::newRow("minio virtual, custom region")
            << "s3://bkt?endpoint=https://minio.example.com&style=virtual&region=home"
            << "bkt"
            << ""
            << "https://minio.example.com"
            << "home" << false << "https://bkt.minio.example.com" << QByteArray("/x.dump");
        QTest::newRow("encoded endpoint")
            << "s3://bkt/p?endpoint=http%3A%2F%2Flocalhost%3A4568"
            << "bkt"
            << "p"
            << "http://localhost:4568"
            << "us-east-1" << true << "http://localhost:4568" << QByteArray("/bkt/p/x.dump");
    }

    void parses()
    {
        QFETCH(QString, spec);
        QFETCH(QString, bucket);
        QFETCH(QString, prefix);
        QFETCH(QString, endpoint);
        QFETCH(QString, region);
        QFETCH(bool, pathStyle);
        QFETCH(QString, baseUrl);
        QFETCH(QByteArray, objectPath);
        auto loc = S3Url::parse(spec);
        QVERIFY2(loc.ok(), loc.ok() ? "" : qPrintable(loc.error().message));
        QCOMPARE(loc->spec, spec);
        QCOMPARE(loc->bucket, bucket);
        QCOMPARE(loc->prefix, prefix);
        QCOMPARE(loc->endpoint.toString(), endpoint);
        QCOMPARE(loc->region, region);
        QCOMPARE(loc->pathStyle, pathStyle);
        QCOMPARE(loc->baseUrl().toString(), baseUrl);
        QCOMPARE(loc->requestPath(loc->keyFor(QStringLiteral("x.dump"))), objectPath);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("not s3") << "https://bucket/x"
                                << "is not an S3 URL";
        QTest::newRow("secret in query") << "s3://bucket/x?access_key=AKIA1&secret_key=TOPSECRET"
                                         << "an S3 URL must not contain a secret";
        QTest::newRow("secret as aws name") << "s3://bucket/x?aws_secret_access_key=TOPSECRET"
                                            << "an S3 URL must not contain a secret";
        QTest::newRow("secret in userinfo") << "s3://AKIA1:TOPSECRET@bucket/x"
                                            << "an S3 URL must not contain a secret";
        QTest::newRow("bad bucket") << "s3://B_ad/x"
                                    << "is not a valid bucket name";
        QTest::newRow("short bucket") << "s3://ab/x"
                                      << "is not a valid bucket name";
        QTest::newRow("unknown option") << "s3://bucket/x?regoin=eu"
                                        << "unknown S3 URL option 'regoin'";
        QTest::newRow("bad style") << "s3://bucket/x?style=dns"
                                   << "is not an addressing style";
        QTest::newRow("bad endpoint") << "s3://bucket/x?endpoint=ftp://h"
                                      << "is not an S3 endpoint";
        QTest::newRow("endpoint with path") << "s3://bucket/x?endpoint=http://h/p"
                                            << "is not an S3 endpoint";
        QTest::newRow("bad r2 account") << "s3://bucket/x?endpoint=r2:xyz"
                                        << "is not a Cloudflare account id";
        QTest::newRow("bad b2 region") << "s3://bucket/x?endpoint=b2:west"
                                       << "is not a Backblaze B2 region";
        QTest::newRow("relative ca") << "s3://bucket/x?endpoint=https://h&ca=ca.pem"
                                     << "is not an absolute path";
        QTest::newRow("bad region") << "s3://bucket/x?region=eu%20west"
                                    << "is not an S3 region name";
        QTest::newRow("unknown storage class")
            << "s3://bucket/x?storage-class=CHEAP"
            << "storage-class=CHEAP is not an S3 storage class: use STANDARD";
        QTest::newRow("lower-case storage class") << "s3://bucket/x?storage-class=standard_ia"
                                                  << "is not an S3 storage class";
        QTest::newRow("glacier cannot be read back")
            << "s3://bucket/x?storage-class=GLACIER"
            << "cannot be read back without a separate restore request";
        QTest::newRow("bad lock mode") << "s3://bucket/x?object-lock=forever&object-lock-days=3"
                                       << "object-lock=forever is not an S3 Object Lock mode";
        QTest::newRow("lock without days") << "s3://bucket/x?object-lock=governance"
                                           << "needs the retention period: add &object-lock-days=N";
        QTest::newRow("days without lock") << "s3://bucket/x?object-lock-days=30"
                                           << "object-lock-days needs object-lock=governance";
        QTest::newRow("zero days") << "s3://bucket/x?object-lock=compliance&object-lock-days=0"
                                   << "object-lock-days=0 is not a retention period";
        QTest::newRow("days not a number") << "s3://bucket/x?object-lock=compliance&object-lock-days=1w"
                                           << "object-lock-days=1w is not a retention period";
        QTest::newRow("too many days") << "s3://bucket/x?object-lock=compliance&object-lock-days=36501"
                                       << "object-lock-days=36501 is not a retention period";
    }

    void refuses()
    {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        auto loc = S3Url::parse(spec);
        QVERIFY(!loc.ok());
        QCOMPARE(loc.error().code, QStringLiteral("dest.invalid"));
        QVERIFY2(loc.error().message.contains(message), qPrintable(loc.error().message));
        QVERIFY2(!loc.error().message.contains(QLatin1String("TOPSECRET")), qPrintable(loc.error().message));
    }

    void objectOptions_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("storageClass");
        QTest::addColumn<QString>("lockMode");
        QTest::addColumn<int>("lockDays");
        QTest::newRow("none") << "s3://bucket/x"
                              << ""
                              << "" << 0;
        QTest::newRow("storage class") << "s3://bucket/x?storage-class=STANDARD_IA"
                                       << "STANDARD_IA"
                                       << "" << 0;
        QTest::newRow("glacier instant retrieval") << "s3://bucket/x?storage-class=GLACIER_IR"
                                                   << "GLACIER_IR"
                                                   << "" << 0;
        QTest::newRow("governance")
            << "s3://bucket/x?endpoint=http://127.0.0.1:9000&object-lock=governance&object-lock-days=30"
            << ""
            << "GOVERNANCE" << 30;
        QTest::newRow("compliance + class")
            << "s3://bucket/x?object-lock=compliance&object-lock-days=36500&storage-class=ONEZONE_IA"
            << "ONEZONE_IA"
            << "COMPLIANCE" << 36500;
    }

    void objectOptions()
    {
        QFETCH(QString, spec);
        QFETCH(QString, storageClass);
        QFETCH(QString, lockMode);
        QFETCH(int, lockDays);
        auto loc = S3Url::parse(spec);
        QVERIFY2(loc.ok(), loc.ok() ? "" : qPrintable(loc.error().message));
        QCOMPARE(loc->storageClass, storageClass);
        QCOMPARE(loc->objectLockMode, lockMode);
        QCOMPARE(loc->objectLockDays, lockDays);
    }

    // The headers objects are written with: retain-until is the upload time plus the days, in UTC.
    void objectHeaders()
    {
        const QDateTime now(QDate(2026, 11, 21), QTime(7, 46, 10), Qt::UTC);
        auto plain = S3Url::parse(QStringLiteral("s3://bucket/x"));
        QVERIFY(plain.ok());
        QVERIFY(S3Destination::objectHeaders(*plain, now).isEmpty());
        auto locked = S3Url::parse(QStringLiteral(
            "s3://bucket/x?storage-class=STANDARD_IA&object-lock=compliance&object-lock-days=30"));
        QVERIFY(locked.ok());
        const SigV4Signer::Pairs expected{{"x-amz-storage-class", "STANDARD_IA"},
                                          {"x-amz-object-lock-mode", "COMPLIANCE"},
                                          {"x-amz-object-lock-retain-until-date", "2026-12-21T07:46:10Z"}};
        QCOMPARE(S3Destination::objectHeaders(*locked, now), expected);
        // A local time is converted, not taken as UTC.
        const QDateTime offset = now.toOffsetFromUtc(2 * 3600);
        QCOMPARE(S3Destination::objectHeaders(*locked, offset), expected);
    }

    // Multipart part sizes: equal, whole MiB, at least 5 MiB (S3's minimum) and at most 5 GiB, and
    // 10,000 parts cover twice the expected size; 16 MiB (160 GiB) when the size is unknown.
    void partSizes_data()
    {
        constexpr qint64 gib = 1024 * 1024 * 1024;
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<qint64>("partMiB");
        QTest::newRow("unknown") << qint64(0) << qint64(16);
        QTest::newRow("1 byte") << qint64(1) << qint64(5);
        QTest::newRow("10 GiB: the 5 MiB minimum") << 10 * gib << qint64(5);
        QTest::newRow("25 GiB: 5.24 MiB rounds up") << 25 * gib << qint64(6);
        QTest::newRow("100 GiB") << 100 * gib << qint64(21);
        QTest::newRow("1 TiB") << 1024 * gib << qint64(210);
        QTest::newRow("30 TiB: the 5 GiB maximum") << 30 * 1024 * gib << qint64(5120);
    }

    void partSizes()
    {
        QFETCH(qint64, expected);
        QFETCH(qint64, partMiB);
        const qint64 part = S3Destination::partSizeFor(expected);
        QCOMPARE(part, partMiB * 1024 * 1024);
        QVERIFY(part >= 5 * 1024 * 1024);
        QVERIFY(part <= 5LL * 1024 * 1024 * 1024);
        if (part < S3Destination::kMaxPartSize)
            QVERIFY(part * S3Destination::kMaxParts >= 2 * expected);
    }

    // The run event of a multipart upload round-trips (RunRecovery parses it from the catalog's event
    // lines, "TIME LEVEL MESSAGE"), keys with spaces and quotes included.
    void uploadEventRoundTrips()
    {
        auto loc = S3Url::parse(QStringLiteral("s3://bucket/pre%20fix?endpoint=http://127.0.0.1:9000"));
        QVERIFY(loc.ok());
        const QString key = QStringLiteral("pre fix/my \"shop\"/shop_20261121T074610Z.dump.zst");
        const QString message = S3UploadEvent::message(*loc, key, QStringLiteral("2f1c9e/Ab+=x"));
        auto parsed = S3UploadEvent::parse(QStringLiteral("2026-11-21T07:46:10Z info ") + message);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->key, key);
        QCOMPARE(parsed->bucket, QStringLiteral("bucket"));
        QCOMPARE(parsed->endpoint, QStringLiteral("http://127.0.0.1:9000"));
        QCOMPARE(parsed->uploadId, QStringLiteral("2f1c9e/Ab+=x"));
        QVERIFY(parsed->isAt(*loc));
        auto other = S3Url::parse(QStringLiteral("s3://bucket/other?endpoint=http://127.0.0.1:9000"));
        QVERIFY(other.ok());
        QVERIFY(!parsed->isAt(*other));
        QVERIFY(!S3UploadEvent::parse(QStringLiteral("2026-11-21T07:46:10Z info dumping database 'x'"))
                     .has_value());
    }

    // The keychain's secret comes first, paired with the URL's key id, then the environment's.
    void keychainSecretComesFirst()
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("credentials"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = filesecret\n");
        f.close();
        S3Url::CredentialSources sources;
        sources.useProcessEnvironment = false;
        sources.credentialsFile = file;
        sources.environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("envsecret"));
        sources.environment.insert(QStringLiteral("AWS_SESSION_TOKEN"), QStringLiteral("envtoken"));
        sources.storedSecret = "keychainsecret";

        auto url = S3Url::parse(QStringLiteral("s3://bucket/x?access_key=AKIAURL"));
        QVERIFY(url.ok());
        auto creds = S3Url::credentials(*url, sources);
        QVERIFY2(creds.ok(), creds.ok() ? "" : qPrintable(creds.error().message));
        QCOMPARE(creds->accessKeyId, QStringLiteral("AKIAURL"));
        QCOMPARE(creds->secretAccessKey, QByteArray("keychainsecret"));
        QVERIFY(creds->sessionToken.isEmpty()); // the environment's token belongs to its own secret
        QCOMPARE(creds->secretSource, QStringLiteral("keychain"));

        auto bare = S3Url::parse(QStringLiteral("s3://bucket/x"));
        QVERIFY(bare.ok());
        sources.environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIAENV"));
        creds = S3Url::credentials(*bare, sources);
        QVERIFY(creds.ok());
        QCOMPARE(creds->accessKeyId, QStringLiteral("AKIAENV"));
        QCOMPARE(creds->secretAccessKey, QByteArray("keychainsecret"));

        // No key id anywhere but the credentials file's, which belongs to the file's secret.
        sources.environment.clear();
        creds = S3Url::credentials(*bare, sources);
        QVERIFY(!creds.ok());
        QCOMPARE(creds.error().code, QStringLiteral("s3.credentials"));
        QVERIFY2(
            creds.error().message.startsWith(QLatin1String("the keychain holds the secret key for S3 bucket "
                                                           "bucket")),
            qPrintable(creds.error().message));
        QVERIFY(!creds.error().message.contains(QLatin1String("keychainsecret")));

        // Without a keychain secret: the environment, then the file (as before).
        sources.storedSecret.clear();
        creds = S3Url::credentials(*bare, sources);
        QVERIFY(creds.ok());
        QCOMPARE(creds->secretAccessKey, QByteArray("filesecret"));
        QVERIFY(creds->secretSource.startsWith(QLatin1String("file:")));
    }

    void credentials_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QStringList>("env"); // NAME=VALUE
        QTest::addColumn<QString>("file");    // credentials file contents
        QTest::addColumn<QString>("keyId");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("error");
        const QString file =
            QStringLiteral("[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = "
                           "defsecret\n\n[profile other]\naws_access_key_id=AKIAOTHER\n"
                           "aws_secret_access_key=othersecret\naws_session_token=othertoken\n");
        QTest::newRow("environment")
            << "s3://bucket/x"
            << envList("AWS_ACCESS_KEY_ID=AKIAENV;AWS_SECRET_ACCESS_KEY=envsecret;AWS_SESSION_TOKEN=envtoken")
            << file << "AKIAENV" << QByteArray("envsecret") << QByteArray("envtoken") << "";
        QTest::newRow("url key id + env secret")
            << "s3://bucket/x?access_key=AKIAURL" << envList("AWS_SECRET_ACCESS_KEY=envsecret") << QString()
            << "AKIAURL" << QByteArray("envsecret") << QByteArray() << "";
        QTest::newRow("default profile file") << "s3://bucket/x" << QStringList{} << file << "AKIADEFAULT"
                                              << QByteArray("defsecret") << QByteArray() << "";
        QTest::newRow("profile= in url")
            << "s3://bucket/x?profile=other" << QStringList{} << file << "AKIAOTHER"
            << QByteArray("othersecret") << QByteArray("othertoken") << "";
        QTest::newRow("AWS_PROFILE") << "s3://bucket/x" << envList("AWS_PROFILE=other") << file << "AKIAOTHER"
                                     << QByteArray("othersecret") << QByteArray("othertoken") << "";
        QTest::newRow("env secret for another key id is not used")
            << "s3://bucket/x?access_key=AKIAURL"
            << envList("AWS_ACCESS_KEY_ID=AKIAENV;AWS_SECRET_ACCESS_KEY=envsecret") << QString() << "AKIAURL"
            << QByteArray() << QByteArray() << "no secret key for access key AKIAURL";
        QTest::newRow("nothing") << "s3://bucket/x" << QStringList{} << QString() << "" << QByteArray()
                                 << QByteArray() << "no access key id for S3 bucket bucket";
    }

    void credentials()
    {
        QFETCH(QString, spec);
        QFETCH(QStringList, env);
        QFETCH(QString, file);
        QFETCH(QString, keyId);
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, token);
        QFETCH(QString, error);
        QTemporaryDir tmp;
        S3Url::CredentialSources sources;
        sources.useProcessEnvironment = false;
        sources.credentialsFile = tmp.filePath(QStringLiteral("credentials"));
        if (!file.isEmpty()) {
            QFile f(sources.credentialsFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(file.toUtf8());
        }
        for (const QString &e : env)
            sources.environment.insert(e.section(QLatin1Char('='), 0, 0), e.section(QLatin1Char('='), 1));
        auto loc = S3Url::parse(spec);
        QVERIFY(loc.ok());
        auto creds = S3Url::credentials(*loc, sources);
        if (!error.isEmpty()) {
            QVERIFY(!creds.ok());
            QCOMPARE(creds.error().code, QStringLiteral("s3.credentials"));
            QVERIFY2(creds.error().message.startsWith(error), qPrintable(creds.error().message));
            return;
        }
        QVERIFY2(creds.ok(), creds.ok() ? "" : qPrintable(creds.error().message));
        QCOMPARE(creds->accessKeyId, keyId);
        QCOMPARE(creds->secretAccessKey, secret);
        QCOMPARE(creds->sessionToken, token);
    }
};

QTEST_GUILESS_MAIN(TestS3Url)
#include "TestS3Url.moc"
