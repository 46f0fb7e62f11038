// S3Url: s3:// destination URLs (endpoints, presets, addressing styles, regions) and where the
// credentials come from — never a secret in the URL.

#include "engine/storage/S3Destination.h"
#include "engine/storage/S3Url.h"

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

    // Multipart part sizes: equal, at least 8 MiB, whole MiB, 10,000 parts cover 4× the hint.
    void partSizes_data()
    {
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<qint64>("partMiB");
        QTest::newRow("unknown") << qint64(0) << qint64(16);
        QTest::newRow("1 MiB") << qint64(1) << qint64(8);
        QTest::newRow("10 GiB") << qint64(10) * 1024 * 1024 * 1024 << qint64(8);
        QTest::newRow("100 GiB") << qint64(100) * 1024 * 1024 * 1024 << qint64(41);
        QTest::newRow("1 TiB") << qint64(1024) * 1024 * 1024 * 1024 << qint64(420);
    }

    void partSizes()
    {
        QFETCH(qint64, expected);
        QFETCH(qint64, partMiB);
        const qint64 part = S3Destination::partSizeFor(expected);
        QCOMPARE(part, partMiB * 1024 * 1024);
        QVERIFY(part * S3Destination::kMaxParts >= 4 * expected);
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
