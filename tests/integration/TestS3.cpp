// S3 destinations against a real, SigV4-verifying S3 server (@20minutes/s3rver on loopback), proven
// with a peer client (awscli): what Lifeboat uploads (single PUT and multipart) awscli downloads
// byte-identical, and what awscli uploads Lifeboat lists and reads; awkward keys round-trip; wrong
// secrets and missing buckets are one clear sentence and leave nothing; injected faults (500, 503
// SlowDown, connection resets) are retried into a byte-identical object, a permanent failure aborts
// the multipart upload; and a full lifeboat-cli backup to S3 + a folder is verified from S3 alone.
// Storage class and Object Lock retention are sent as signed headers (seen by a recording proxy, accepted
// by s3rver's signature check), a bucket without Object Lock is one sentence, and cancelling a backup
// interrupts an S3 request that is waiting and aborts its multipart upload; the upload of a run killed
// outright is aborted by the next start (RunRecovery).

#include "core/Catalog.h"
#include "engine/storage/Destination.h"
#include "engine/storage/S3Destination.h"
#include "support/FaultyHttpProxy.h"
#include "support/PgTestCluster.h"
#include "support/ProcessRunner.h"
#include "support/S3rverProcess.h"
#include "support/TestPeers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace lifeboat;
using namespace lifeboat::test;

namespace {
QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    gen.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// Collects what a destination streams out.
class MemorySink final : public ByteSink
{
public:
    Status write(const char *data, qint64 size) override
    {
        bytes.append(data, size);
        ++writes;
        return {};
    }
    Status finish() override
    {
        finished = true;
        return {};
    }
    QByteArray bytes;
    int writes = 0;
    bool finished = false;
};

Status writeAll(ByteSink *sink, const QByteArray &data, qint64 block = 256 * 1024)
{
    for (qint64 at = 0; at < data.size(); at += block) {
        if (Status s = sink->write(data.constData() + at, std::min(block, data.size() - at)); !s)
            return s;
    }
    return sink->finish();
}
} // namespace

class TestS3 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void smallAndMultipartUploadsAreReadByAwsCli_data();
    void smallAndMultipartUploadsAreReadByAwsCli();
    void objectUploadedByAwsCliIsListedAndRead();
    void awkwardKeysRoundTrip_data();
    void awkwardKeysRoundTrip();
    void deleteObjectsRemovesMany();
    void wrongSecretIsOneSentenceAndLeavesNothing();
    void missingBucketIsOneSentence();
    void unreachableEndpointIsOneSentence();
    void secretInUrlIsRefused();
    void transientFaultsAreRetried();
    void permanentFailureAbortsTheUpload();
    void clockSkewIsMeasured();
    void tlsNeedsTheRightCa();
    void cliBackupToS3IsVerifiedFromS3();
    void cliDestTest();
    void objectLockAndStorageClassAreSignedHeaders();
    void bucketWithoutObjectLockIsOneSentence();
    void cancelInterruptsAWaitingUpload();
    void recoveryAbortsTheUploadOfAKilledRun();
    void benchmarkUpload(); // only with LIFEBOAT_S3_BENCH_MB (bench/s3-bench.sh)

private:
    QString url(const QString &prefix, int port = 0) const;
    std::unique_ptr<S3Destination> dest(const QString &prefix, int port = 0,
                                        const QByteArray &secret = "S3RVER");
    ProcessResult aws(const QStringList &args) const;
    // Starts `lifeboat-cli backup big` (config folder "config-PREFIX") of a ~25 MB database to
    // `prefix` through `proxy`, which never answers the upload's part 1, and waits until part 1 was
    // sent: `uploadId` is the upload's id. On failure the test has failed (QTest::currentTestFailed).
    void startBackupStuckOnPartOne(PgTestCluster &pg, FaultyHttpProxy &proxy, const QString &prefix,
                                   QProcess &backup, QByteArray *uploadId);

    QTemporaryDir m_tmp;
    S3rverProcess m_s3;
    ProcessRunner m_run;
    S3Client::Options m_fast;
};

QString TestS3::url(const QString &prefix, int port) const
{
    return QStringLiteral("s3://bucket/%1?endpoint=http://127.0.0.1:%2&style=path&region=us-east-1")
        .arg(prefix)
        .arg(port ? port : m_s3.port());
}

std::unique_ptr<S3Destination> TestS3::dest(const QString &prefix, int port, const QByteArray &secret)
{
    auto loc = S3Url::parse(url(prefix, port));
    if (!loc)
        qFatal("%s", qPrintable(loc.error().message));
    auto d =
        S3Destination::create(*loc, SigV4Signer::Credentials{QStringLiteral("S3RVER"), secret, {}}, m_fast);
    if (!d)
        qFatal("%s", qPrintable(d.error().message));
    return std::move(*d);
}

ProcessResult TestS3::aws(const QStringList &args) const
{
    return m_run.run(QStringLiteral("aws"),
                     QStringList{QStringLiteral("--endpoint-url"), m_s3.endpoint(),
                                 QStringLiteral("--region"), QStringLiteral("us-east-1")} +
                         args);
}

void TestS3::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    const QString data = m_tmp.filePath(QStringLiteral("s3data"));
    QDir().mkpath(data);
    const QString error = m_s3.start(data, {QStringLiteral("bucket")});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("S3RVER"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("S3RVER"));
    env.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
    env.remove(QStringLiteral("AWS_PROFILE"));
    m_run.setEnvironment(env);
    m_fast.baseDelayMs = 20;
    m_fast.maxDelayMs = 200;
    m_fast.maxAttempts = 5;
    m_fast.transferTimeoutMs = 30000;
}

void TestS3::smallAndMultipartUploadsAreReadByAwsCli_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("multipart");
    QTest::newRow("empty") << qint64(0) << false;
    QTest::newRow("1 MiB, one PUT") << qint64(1024 * 1024) << false;
    QTest::newRow("40 MiB + 123 bytes, multipart") << qint64(40 * 1024 * 1024 + 123) << true;
}

void TestS3::smallAndMultipartUploadsAreReadByAwsCli()
{
    QFETCH(qint64, size);
    QFETCH(bool, multipart);
    auto d = dest(QStringLiteral("up"));
    QVERIFY2(d->checkWritable(size).ok(), "checkWritable");
    const QByteArray data = randomBytes(size, quint32(size));
    const QString name = QStringLiteral("obj-%1.bin").arg(size);
    auto w = d->openWriter(name, size);
    QVERIFY(w.ok());
    auto *writer = static_cast<S3ObjectWriter *>(w->get());
    const Status s = writeAll(writer, data);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    QCOMPARE(writer->usedMultipart(), multipart);
    if (multipart)
        QCOMPARE(writer->partCount(), 9); // 8 × 5 MiB + the rest: equal-size parts

    const QString local = m_tmp.filePath(name);
    ProcessResult cp =
        aws({QStringLiteral("s3"), QStringLiteral("cp"), QStringLiteral("s3://bucket/up/") + name, local});
    QVERIFY2(cp.exitCode == 0, qPrintable(cp.errText()));
    QFile f(local);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.size(), size);
    QCOMPARE(sha256(f.readAll()), sha256(data));

    // And Lifeboat reads it back, streamed in ranges.
    MemorySink sink;
    QVERIFY(d->readInto(name, &sink).ok());
    QVERIFY(sink.finished);
    QCOMPARE(sha256(sink.bytes), sha256(data));
    QVERIFY(d->exists(name));
}

void TestS3::objectUploadedByAwsCliIsListedAndRead()
{
    const QByteArray data = randomBytes(20 * 1024 * 1024 + 7, 42);
    const QString local = m_tmp.filePath(QStringLiteral("from-aws.bin"));
    QFile f(local);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
    f.close();
    ProcessResult cp = aws({QStringLiteral("s3"), QStringLiteral("cp"), local,
                            QStringLiteral("s3://bucket/peer/db/from-aws.bin")});
    QVERIFY2(cp.exitCode == 0, qPrintable(cp.errText()));
    auto d = dest(QStringLiteral("peer"));
    auto listed = d->list();
    QVERIFY2(listed.ok(), listed.ok() ? "" : qPrintable(listed.error().message));
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->at(0).key, QStringLiteral("db/from-aws.bin"));
    QCOMPARE(listed->at(0).size, data.size());
    MemorySink sink;
    QVERIFY(d->readInto(QStringLiteral("db/from-aws.bin"), &sink).ok());
    QCOMPARE(sha256(sink.bytes), sha256(data));
    QVERIFY(sink.writes >= 3); // streamed in 8 MiB ranges, not read whole
    QVERIFY(d->remove(QStringLiteral("db/from-aws.bin")).ok());
    QVERIFY(!d->exists(QStringLiteral("db/from-aws.bin")));
}

void TestS3::awkwardKeysRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("spaces") << QStringLiteral("my db/my file 1.dump");
    QTest::newRow("plus and equals") << QStringLiteral("a+b=c/x+y=z.dump");
    QTest::newRow("unicode") << QStringLiteral("données/Ünïcødé ሴ.dump");
    QTest::newRow("punctuation") << QStringLiteral("p/!$()*,;:@~.dump");
    QTest::newRow("ampersand and quote") << QStringLiteral("q/a&b'c.dump");
}

void TestS3::awkwardKeysRoundTrip()
{
    QFETCH(QString, name);
    auto d = dest(QStringLiteral("keys"));
    const QByteArray data = name.toUtf8().repeated(1000);
    auto w = d->openWriter(name);
    QVERIFY(w.ok());
    const Status s = writeAll(w->get(), data);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    // awscli sees exactly that key.
    ProcessResult head =
        aws({QStringLiteral("s3api"), QStringLiteral("head-object"), QStringLiteral("--bucket"),
             QStringLiteral("bucket"), QStringLiteral("--key"), QStringLiteral("keys/") + name});
    QVERIFY2(head.exitCode == 0, qPrintable(head.errText()));
    auto small = d->readSmall(name);
    QVERIFY(small.ok());
    QCOMPARE(*small, data);
    auto listed = d->list();
    QVERIFY2(listed.ok(), listed.ok() ? "" : qPrintable(listed.error().message));
    QStringList keys;
    for (const auto &o : *listed)
        keys << o.key;
    // s3rver 5.0.0 XML-escapes '&' and '\'' twice in its listings ("&amp;amp;"): only there, not in Lifeboat.
    if (!name.contains(QLatin1Char('&')))
        QVERIFY2(keys.contains(name), qPrintable(keys.join(QLatin1Char('|'))));
    QVERIFY(d->remove(name).ok());
    QVERIFY(!d->exists(name));
}

void TestS3::deleteObjectsRemovesMany()
{
    auto d = dest(QStringLiteral("many"));
    QStringList keys;
    for (int i = 0; i < 25; ++i) {
        const QString name = QStringLiteral("db/obj %1+=ü.bin").arg(i);
        auto w = d->openWriter(name);
        QVERIFY(w.ok());
        QVERIFY(writeAll(w->get(), name.toUtf8()).ok());
        keys << QStringLiteral("many/") + name;
    }
    auto listed = d->list();
    QVERIFY2(listed.ok(), listed.ok() ? "" : qPrintable(listed.error().message));
    QCOMPARE(listed->size(), 25);
    const Status s = d->client()->deleteObjects(keys);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    listed = d->list();
    QVERIFY2(listed.ok(), listed.ok() ? "" : qPrintable(listed.error().message));
    QVERIFY(listed->isEmpty());
}

void TestS3::wrongSecretIsOneSentenceAndLeavesNothing()
{
    auto d = dest(QStringLiteral("wrong"), 0, "not-the-secret");
    const Status s = d->checkWritable(0);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("s3.auth"));
    QVERIFY2(s.error().message.startsWith(QLatin1String("the secret key for access key S3RVER is wrong")),
             qPrintable(s.error().message));
    QVERIFY(!s.error().message.contains(QLatin1String("not-the-secret")));
    auto w = d->openWriter(QStringLiteral("x.dump"));
    QVERIFY(w.ok());
    QVERIFY(!writeAll(w->get(), randomBytes(10 * 1024 * 1024, 1)).ok());
    auto listed = dest(QStringLiteral("wrong"))->list();
    QVERIFY2(listed.ok(), listed.ok() ? "" : qPrintable(listed.error().message));
    QVERIFY(listed->isEmpty());
}

void TestS3::missingBucketIsOneSentence()
{
    auto loc = S3Url::parse(QStringLiteral("s3://nobucket/x?endpoint=%1").arg(m_s3.endpoint()));
    QVERIFY(loc.ok());
    auto d = S3Destination::create(*loc, {QStringLiteral("S3RVER"), "S3RVER", {}}, m_fast);
    QVERIFY(d.ok());
    const Status s = (*d)->checkWritable(0);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("s3.nobucket"));
    QCOMPARE(s.error().message,
             QStringLiteral("the bucket nobucket does not exist at 127.0.0.1:%1: create it or "
                            "correct the URL")
                 .arg(m_s3.port()));
}

void TestS3::unreachableEndpointIsOneSentence()
{
    // Port 1 (tcpmux) is closed on the test machines: connection refused at once.
    auto loc = S3Url::parse(QStringLiteral("s3://bucket/x?endpoint=http://127.0.0.1:1"));
    QVERIFY(loc.ok());
    auto gone = S3Destination::create(*loc, {QStringLiteral("S3RVER"), "S3RVER", {}}, m_fast);
    QVERIFY(gone.ok());
    const Status s = (*gone)->checkWritable(0);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("s3.unreachable"));
    QVERIFY2(s.error().message.startsWith(QLatin1String("cannot reach the S3 endpoint 127.0.0.1:1")),
             qPrintable(s.error().message));
}

void TestS3::secretInUrlIsRefused()
{
    auto r = Destination::create(url(QStringLiteral("x")) + QStringLiteral("&secret_key=abc"));
    QVERIFY(!r.ok());
    QVERIFY2(!r.error().message.contains(QLatin1String("abc")), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(QLatin1String("must not contain a secret")),
             qPrintable(r.error().message));
}

void TestS3::transientFaultsAreRetried()
{
    FaultyHttpProxy proxy(m_s3.port());
    QVERIFY(proxy.start());
    proxy.addFault("partNumber=1&", FaultyHttpProxy::Fault::ResetConnection, 1);
    proxy.addFault("partNumber=2&", FaultyHttpProxy::Fault::SlowDown503, 2);
    proxy.addFault("partNumber=3&", FaultyHttpProxy::Fault::InternalError500, 1);
    proxy.addFault("partNumber=4&", FaultyHttpProxy::Fault::ResetConnection, 2);
    proxy.addFault("?uploads", FaultyHttpProxy::Fault::InternalError500, 1);
    auto d = dest(QStringLiteral("faults"), proxy.port());
    const QByteArray data = randomBytes(40 * 1024 * 1024 + 5, 7);
    QVERIFY(d->checkWritable(data.size()).ok());
    auto w = d->openWriter(QStringLiteral("retried.bin"), data.size()); // 5 MiB parts, 9 of them
    QVERIFY(w.ok());
    const Status s = writeAll(w->get(), data);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    QCOMPARE(proxy.faultsInjected(), 7);
    const QString local = m_tmp.filePath(QStringLiteral("retried.bin"));
    ProcessResult cp = aws({QStringLiteral("s3"), QStringLiteral("cp"),
                            QStringLiteral("s3://bucket/faults/retried.bin"), local});
    QVERIFY2(cp.exitCode == 0, qPrintable(cp.errText()));
    QFile f(local);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(sha256(f.readAll()), sha256(data));

    // Downloads retry too.
    proxy.addFault("GET /bucket/faults/retried.bin", FaultyHttpProxy::Fault::ResetConnection, 2);
    MemorySink sink;
    QVERIFY(d->readInto(QStringLiteral("retried.bin"), &sink).ok());
    QCOMPARE(sha256(sink.bytes), sha256(data));
}

void TestS3::permanentFailureAbortsTheUpload()
{
    FaultyHttpProxy proxy(m_s3.port());
    QVERIFY(proxy.start());
    proxy.addFault("partNumber=2&", FaultyHttpProxy::Fault::InternalError500, -1);
    auto d = dest(QStringLiteral("broken"), proxy.port());
    auto w = d->openWriter(QStringLiteral("never.bin"));
    QVERIFY(w.ok());
    const Status s = writeAll(w->get(), randomBytes(30 * 1024 * 1024, 3));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("s3.failed"));
    QVERIFY2(
        s.error().message.contains(QLatin1String("refused to upload part 2 of broken/never.bin: HTTP 500 "
                                                 "InternalError")),
        qPrintable(s.error().message));
    bool aborted = false;
    int part2Attempts = 0;
    for (const QByteArray &line : proxy.requestLines()) {
        aborted = aborted || (line.startsWith("DELETE /bucket/broken/never.bin?uploadId="));
        part2Attempts += line.contains("partNumber=2&") ? 1 : 0;
    }
    QVERIFY(aborted);
    QCOMPARE(part2Attempts, m_fast.maxAttempts);
    auto listed = dest(QStringLiteral("broken"))->list();
    QVERIFY2(listed.ok(), listed.ok() ? "" : qPrintable(listed.error().message));
    QVERIFY(listed->isEmpty());
    ProcessResult uploads = aws({QStringLiteral("s3api"), QStringLiteral("list-multipart-uploads"),
                                 QStringLiteral("--bucket"), QStringLiteral("bucket")});
    QVERIFY(!uploads.outText().contains(QLatin1String("never.bin")));
}

void TestS3::clockSkewIsMeasured()
{
    FaultyHttpProxy proxy(m_s3.port());
    QVERIFY(proxy.start());
    proxy.addFault("PUT", FaultyHttpProxy::Fault::ClockSkewed403, -1);
    const Status s = dest(QStringLiteral("skew"), proxy.port())->checkWritable(0);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("s3.clock"));
    QVERIFY2(s.error().message.startsWith(
                 QLatin1String("this computer's clock is 1200 seconds behind the S3 server's")),
             qPrintable(s.error().message));
}

void TestS3::tlsNeedsTheRightCa()
{
    // A private CA and a server certificate for 127.0.0.1 it signed.
    const QString dir = m_tmp.filePath(QStringLiteral("tls"));
    QDir().mkpath(dir);
    ProcessResult pki = m_run.shell(
        QStringLiteral(
            "cd %1 && openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 "
            "-subj /CN=lifeboat-test-ca 2>/dev/null && openssl req -newkey rsa:2048 -nodes -keyout "
            "server.key -out server.csr -subj /CN=127.0.0.1 2>/dev/null && printf "
            "'subjectAltName=IP:127.0.0.1' > ext && openssl x509 -req -in server.csr -CA ca.pem -CAkey "
            "ca.key -CAcreateserial -out server.pem -days 2 -extfile ext 2>/dev/null")
            .arg(ProcessRunner::quote(dir)));
    QVERIFY2(pki.exitCode == 0, qPrintable(pki.errText()));
    const QString data = m_tmp.filePath(QStringLiteral("s3tls"));
    QDir().mkpath(data);
    S3rverProcess tls;
    const QString error = tls.start(data, {QStringLiteral("bucket")}, dir + QStringLiteral("/server.key"),
                                    dir + QStringLiteral("/server.pem"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const SigV4Signer::Credentials creds{QStringLiteral("S3RVER"), "S3RVER", {}};

    auto untrusted = S3Url::parse(QStringLiteral("s3://bucket/t?endpoint=%1").arg(tls.endpoint()));
    QVERIFY(untrusted.ok());
    const Status s = (*S3Destination::create(*untrusted, creds, m_fast))->checkWritable(0);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("s3.tls"));
    QVERIFY2(s.error().message.startsWith(
                 QStringLiteral("the TLS connection to 127.0.0.1:%1 failed").arg(tls.port())),
             qPrintable(s.error().message));

    auto trusted = S3Url::parse(QStringLiteral("s3://bucket/t?endpoint=%1&ca=%2")
                                    .arg(tls.endpoint(), dir + QStringLiteral("/ca.pem")));
    QVERIFY(trusted.ok());
    auto d = S3Destination::create(*trusted, creds, m_fast);
    QVERIFY(d.ok());
    const Status ok = (*d)->checkWritable(0);
    QVERIFY2(ok.ok(), ok.ok() ? "" : qPrintable(ok.error().message));
    auto w = (*d)->openWriter(QStringLiteral("over-tls.bin"));
    QVERIFY(w.ok());
    const QByteArray bytes = randomBytes(9 * 1024 * 1024, 9);
    QVERIFY(writeAll(w->get(), bytes).ok());
    MemorySink sink;
    QVERIFY((*d)->readInto(QStringLiteral("over-tls.bin"), &sink).ok());
    QCOMPARE(sha256(sink.bytes), sha256(bytes));
}

void TestS3::cliBackupToS3IsVerifiedFromS3()
{
    PgTestCluster pg;
    QVERIFY2(pg.start(), qPrintable(pg.errorString()));
    QVERIFY(!pg.psql(QStringLiteral("CREATE DATABASE fixture")).isNull());
    QVERIFY2(pg.psqlFile(sourceDir() + QStringLiteral("/tests/data/fixture.sql"), QStringLiteral("fixture")),
             qPrintable(pg.lastPsqlError()));
    ProcessRunner run(m_run.environment());
    QProcessEnvironment env = pg.clientEnvironment();
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("S3RVER"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("S3RVER"));
    run.setEnvironment(env);
    const QString key = m_tmp.filePath(QStringLiteral("key.txt"));
    QCOMPARE(run.run(QStringLiteral("age-keygen"), {QStringLiteral("-o"), key}).exitCode, 0);
    const QString recipient =
        run.run(QStringLiteral("age-keygen"), {QStringLiteral("-y"), key}).outText().trimmed();
    const QString config = m_tmp.filePath(QStringLiteral("config"));
    const QString folder = m_tmp.filePath(QStringLiteral("folder"));
    QDir().mkpath(config);
    QDir().mkpath(folder);
    // Through a proxy that records the requests (it injects no faults here).
    FaultyHttpProxy proxy(m_s3.port());
    QVERIFY(proxy.start());
    const QString s3 = url(QStringLiteral("backups"), proxy.port());
    ProcessResult add =
        run.cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("prod"),
                         QStringLiteral("--db"), pg.uri(QStringLiteral("fixture")), QStringLiteral("--dest"),
                         s3, QStringLiteral("--dest"), folder, QStringLiteral("--recipient"), recipient});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    ProcessResult backup = run.cli(config, {QStringLiteral("backup"), QStringLiteral("prod")});
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText() + backup.outText()));
    QVERIFY(!backup.errText().contains(QLatin1String("S3RVER\n")));

    // The same bytes in the bucket and the folder.
    auto d = dest(QStringLiteral("backups"));
    auto listed = d->list();
    QVERIFY2(listed.ok(), listed.ok() ? "" : qPrintable(listed.error().message));
    QString dumpKey;
    for (const auto &o : *listed) {
        if (o.key.endsWith(QLatin1String(".dump.zst.age")))
            dumpKey = o.key;
    }
    QVERIFY2(dumpKey.startsWith(QLatin1String("prod/fixture/fixture_")), qPrintable(dumpKey));
    QFile local(folder + QLatin1Char('/') + dumpKey);
    QVERIFY(local.open(QIODevice::ReadOnly));
    MemorySink remote;
    QVERIFY(d->readInto(dumpKey, &remote).ok());
    QCOMPARE(sha256(remote.bytes), sha256(local.readAll()));
    local.close();

    // Take the folder away: verify must read from S3.
    QVERIFY(QDir(folder).removeRecursively());
    const QJsonArray list =
        QJsonDocument::fromJson(
            run.cli(config, {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("prod")}).out)
            .array();
    QCOMPARE(list.size(), 1);
    const qint64 id = list.at(0).toObject().value(QLatin1String("id")).toInteger();
    const qsizetype before = proxy.requestLines().size();
    ProcessResult verify =
        run.cli(config, {QStringLiteral("verify"), QString::number(id), QStringLiteral("--identity"), key});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.errText() + verify.outText()));
    QVERIFY2(verify.outText().contains(QLatin1String("matches the backup record")),
             qPrintable(verify.outText()));
    // The stored manifest is fetched (and decrypted) once per check, the artifact read once.
    int manifestGets = 0, dumpGets = 0;
    const QList<QByteArray> lines = proxy.requestLines().mid(before);
    for (const QByteArray &line : lines) {
        manifestGets += line.startsWith("GET ") && line.contains(".manifest.json.age ") ? 1 : 0;
        dumpGets += line.startsWith("GET ") && line.contains(".dump.zst.age ") ? 1 : 0;
    }
    QVERIFY2(manifestGets == 1 && dumpGets == 1, lines.join('\n').constData());
}

void TestS3::cliDestTest()
{
    ProcessResult ok =
        m_run.cli(m_tmp.filePath(QStringLiteral("config-dt")),
                  {QStringLiteral("dest"), QStringLiteral("test"), url(QStringLiteral("probe"))});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.errText() + ok.outText()));
    QVERIFY2(ok.outText().contains(QLatin1String("write, read and delete")), qPrintable(ok.outText()));
    QProcessEnvironment env = m_run.environment();
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("wrong"));
    ProcessRunner wrong(env);
    ProcessResult bad =
        wrong.cli(m_tmp.filePath(QStringLiteral("config-dt")),
                  {QStringLiteral("dest"), QStringLiteral("test"), url(QStringLiteral("probe"))});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.errText().contains(QLatin1String("the secret key for access key S3RVER is wrong")),
             qPrintable(bad.errText()));
    auto listed = dest(QStringLiteral("probe"))->list();
    QVERIFY2(listed.ok(), listed.ok() ? "" : qPrintable(listed.error().message));
    QVERIFY(listed->isEmpty());
}

namespace {
// The value of header `name` in a recorded request head (empty when absent).
QByteArray headerIn(const QByteArray &head, const QByteArray &name)
{
    for (QByteArray line : head.split('\n')) {
        line = line.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// "SignedHeaders=a;b;c" of the Authorization header.
QList<QByteArray> signedHeadersIn(const QByteArray &head)
{
    const QByteArray auth = headerIn(head, "Authorization");
    const qsizetype at = auth.indexOf("SignedHeaders=");
    if (at < 0)
        return {};
    const qsizetype end = auth.indexOf(',', at);
    return auth.mid(at + 14, end < 0 ? -1 : end - at - 14).split(';');
}
} // namespace

void TestS3::objectLockAndStorageClassAreSignedHeaders()
{
    FaultyHttpProxy proxy(m_s3.port()); // recording only: no faults
    QVERIFY(proxy.start());
    auto loc =
        S3Url::parse(url(QStringLiteral("locked"), proxy.port()) +
                     QStringLiteral("&storage-class=STANDARD_IA&object-lock=governance&object-lock-days=7"));
    QVERIFY2(loc.ok(), loc.ok() ? "" : qPrintable(loc.error().message));
    auto d =
        S3Destination::create(*loc, SigV4Signer::Credentials{QStringLiteral("S3RVER"), "S3RVER", {}}, m_fast);
    QVERIFY(d.ok());
    // s3rver does not implement GetObjectLockConfiguration: it cannot tell, so the check passes.
    const Status writable = (*d)->checkWritable(0);
    QVERIFY2(writable.ok(), writable.ok() ? "" : qPrintable(writable.error().message));

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QByteArray small = randomBytes(300 * 1024, 11);
    const QByteArray large = randomBytes(12 * 1024 * 1024 + 7, 12);
    auto w = (*d)->openWriter(QStringLiteral("p/db/small.dump"), small.size());
    QVERIFY(w.ok());
    Status s = writeAll(w->get(), small);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message)); // s3rver checked every signature
    w = (*d)->openWriter(QStringLiteral("p/db/large.dump"), large.size());
    QVERIFY(w.ok());
    s = writeAll(w->get(), large);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    QCOMPARE(static_cast<S3ObjectWriter *>(w->get())->partCount(), 3); // 5 MiB parts

    const QList<QByteArray> lockHeaders{"x-amz-object-lock-mode", "x-amz-object-lock-retain-until-date",
                                        "x-amz-storage-class"};
    int singlePuts = 0, creates = 0, parts = 0, probes = 0;
    for (const QByteArray &head : proxy.requestHeads()) {
        const QByteArray line = head.left(head.indexOf('\r'));
        const QList<QByteArray> signedHeaders = signedHeadersIn(head);
        if (line.startsWith("PUT /bucket/locked/.lifeboat-write-probe-")) {
            ++probes; // probes must stay deletable: no retention, no class
            for (const QByteArray &h : lockHeaders)
                QVERIFY2(headerIn(head, h).isEmpty(), head.constData());
            continue;
        }
        const bool single = line.startsWith("PUT /bucket/locked/p/db/small.dump ");
        const bool create = line.startsWith("POST /bucket/locked/p/db/large.dump?uploads");
        const bool part = line.startsWith("PUT /bucket/locked/p/db/large.dump?partNumber=");
        if (single || create) {
            single ? ++singlePuts : ++creates;
            QCOMPARE(headerIn(head, "x-amz-object-lock-mode"), QByteArray("GOVERNANCE"));
            QCOMPARE(headerIn(head, "x-amz-storage-class"), QByteArray("STANDARD_IA"));
            const QDateTime until = QDateTime::fromString(
                QString::fromLatin1(headerIn(head, "x-amz-object-lock-retain-until-date")), Qt::ISODate);
            QVERIFY2(until.isValid() && until.timeSpec() == Qt::UTC, head.constData());
            QVERIFY(until >= before.addDays(7).addSecs(-1) &&
                    until <= QDateTime::currentDateTimeUtc().addDays(7));
            for (const QByteArray &h : lockHeaders)
                QVERIFY2(signedHeaders.contains(h), head.constData());
        }
        if (single || part) {
            // S3 requires Content-MD5 (or a checksum) on every upload with Object Lock parameters.
            QVERIFY2(signedHeaders.contains("content-md5"), head.constData());
            if (single)
                QCOMPARE(headerIn(head, "Content-MD5"),
                         QCryptographicHash::hash(small, QCryptographicHash::Md5).toBase64());
        }
        if (part) {
            const int number = line.mid(line.indexOf("partNumber=") + 11).split('&').first().toInt();
            const QByteArray body = large.mid(qint64(number - 1) * 5 * 1024 * 1024, 5 * 1024 * 1024);
            QCOMPARE(headerIn(head, "Content-MD5"),
                     QCryptographicHash::hash(body, QCryptographicHash::Md5).toBase64());
            ++parts;
        }
    }
    QCOMPARE(probes, 1);
    QCOMPARE(singlePuts, 1);
    QCOMPARE(creates, 1);
    QCOMPARE(parts, 3);
    // s3rver keeps the storage class it was given: awscli sees it.
    for (const QString &key :
         {QStringLiteral("locked/p/db/small.dump"), QStringLiteral("locked/p/db/large.dump")}) {
        ProcessResult head =
            aws({QStringLiteral("s3api"), QStringLiteral("head-object"), QStringLiteral("--bucket"),
                 QStringLiteral("bucket"), QStringLiteral("--key"), key});
        QVERIFY2(head.exitCode == 0, qPrintable(head.errText()));
        QCOMPARE(QJsonDocument::fromJson(head.out).object().value(QLatin1String("StorageClass")).toString(),
                 QStringLiteral("STANDARD_IA"));
    }
}

void TestS3::bucketWithoutObjectLockIsOneSentence()
{
    FaultyHttpProxy proxy(m_s3.port());
    QVERIFY(proxy.start());
    // Answers like AWS for a bucket created without Object Lock.
    proxy.addFault("?object-lock", FaultyHttpProxy::Fault::BucketWithoutObjectLock, -1);
    proxy.addHeadFault("x-amz-object-lock-mode", FaultyHttpProxy::Fault::BucketWithoutObjectLock, -1);
    auto loc = S3Url::parse(url(QStringLiteral("nolock"), proxy.port()) +
                            QStringLiteral("&object-lock=compliance&object-lock-days=30"));
    QVERIFY(loc.ok());
    auto d =
        S3Destination::create(*loc, SigV4Signer::Credentials{QStringLiteral("S3RVER"), "S3RVER", {}}, m_fast);
    QVERIFY(d.ok());
    const QString expected = QStringLiteral(
        "the bucket bucket at 127.0.0.1:%1 does not have S3 Object Lock enabled, so it refused to %2 "
        "with object-lock=compliance: enable Object Lock on the bucket (or use a bucket created with "
        "it) or remove object-lock from the destination URL");
    // Before the backup: checkWritable asks for the bucket's Object Lock configuration.
    const Status checked = (*d)->checkWritable(0);
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().code, QStringLiteral("s3.object-lock"));
    QCOMPARE(checked.error().message,
             expected.arg(proxy.port()).arg(QStringLiteral("keep backups under Object Lock")));

    // A locked upload the bucket refuses (single PUT and multipart): the same sentence, nothing left.
    auto w = (*d)->openWriter(QStringLiteral("p/db/x.dump"), 1024);
    QVERIFY(w.ok());
    Status s = writeAll(w->get(), randomBytes(1024, 5));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("s3.object-lock"));
    QCOMPARE(s.error().message, expected.arg(proxy.port()).arg(QStringLiteral("upload nolock/p/db/x.dump")));
    w = (*d)->openWriter(QStringLiteral("p/db/y.dump"), 6 * 1024 * 1024);
    QVERIFY(w.ok());
    s = writeAll(w->get(), randomBytes(6 * 1024 * 1024, 6));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("s3.object-lock"));
    QVERIFY2(s.error().message.contains(QLatin1String("refused to start uploading nolock/p/db/y.dump")),
             qPrintable(s.error().message));
    auto listed = dest(QStringLiteral("nolock"))->list();
    QVERIFY(listed.ok());
    QVERIFY(listed->isEmpty());
}

namespace {
// Waits until the proxy has seen part 1 of a multipart upload; returns its upload id.
QByteArray waitForPartOne(const FaultyHttpProxy &proxy, QProcess &backup)
{
    QElapsedTimer waiting;
    waiting.start();
    while (waiting.elapsed() < 120000 && backup.state() == QProcess::Running) {
        for (const QByteArray &line : proxy.requestLines()) {
            if (line.contains("partNumber=1&uploadId="))
                return line.mid(line.indexOf("uploadId=") + 9).split(' ').first();
        }
        backup.waitForFinished(50);
    }
    return {};
}
} // namespace

void TestS3::startBackupStuckOnPartOne(PgTestCluster &pg, FaultyHttpProxy &proxy, const QString &prefix,
                                       QProcess &backup, QByteArray *uploadId)
{
    QVERIFY(!pg.psql(QStringLiteral("CREATE DATABASE big")).isNull());
    // ~25 MB of random hex: about 13 MB after zstd, so a multipart upload of 5 MiB parts.
    QVERIFY2(
        !pg.psql(QStringLiteral("CREATE TABLE noise AS SELECT g, md5(random()::text) || md5(random()::text) "
                                "|| md5(random()::text) || md5(random()::text) AS hex "
                                "FROM generate_series(1, 200000) g"),
                 QStringLiteral("big"))
             .isNull(),
        qPrintable(pg.lastPsqlError()));
    QVERIFY(proxy.start());
    proxy.addFault("partNumber=1&", FaultyHttpProxy::Fault::Hang, -1); // the first part never gets an answer

    QProcessEnvironment env = pg.clientEnvironment();
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("S3RVER"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("S3RVER"));
    ProcessRunner run(env);
    const QString config = m_tmp.filePath(QStringLiteral("config-") + prefix);
    QDir().mkpath(config);
    ProcessResult add =
        run.cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("big"),
                         QStringLiteral("--db"), pg.uri(QStringLiteral("big")), QStringLiteral("--dest"),
                         url(prefix, proxy.port())});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));

    backup.setProcessEnvironment(env);
    backup.start(cliPath(),
                 {QStringLiteral("--config-dir"), config, QStringLiteral("backup"), QStringLiteral("big")});
    QVERIFY(backup.waitForStarted());
    *uploadId = waitForPartOne(proxy, backup);
    QVERIFY2(!uploadId->isEmpty(), backup.readAllStandardError().constData());
}

void TestS3::cancelInterruptsAWaitingUpload()
{
    PgTestCluster pg;
    QVERIFY2(pg.start(), qPrintable(pg.errorString()));
    FaultyHttpProxy proxy(m_s3.port());
    QProcess backup;
    QByteArray uploadId;
    startBackupStuckOnPartOne(pg, proxy, QStringLiteral("cancel"), backup, &uploadId);
    if (QTest::currentTestFailed())
        return;
    QTest::qWait(500); // the job now waits on part 1 (or its turn to send more)
    QCOMPARE(backup.state(), QProcess::Running);

    QElapsedTimer cancelling;
    cancelling.start();
    ::kill(pid_t(backup.processId()), SIGINT);
    QVERIFY(backup.waitForFinished(20000));
    const qint64 ms = cancelling.elapsed();
    qInfo() << "the cancelled backup ended" << ms << "ms after SIGINT";
    const QString err = QString::fromUtf8(backup.readAllStandardError());
    QVERIFY2(ms < 3000, qPrintable(QStringLiteral("cancel took %1 ms: %2").arg(ms).arg(err)));
    QVERIFY(backup.exitCode() != 0);
    QVERIFY2(err.contains(QLatin1String("cancelled")), qPrintable(err));

    // The multipart upload was aborted (s3rver answers AbortMultipartUpload with 405, so the abort
    // request itself is the evidence), and no object appeared.
    bool aborted = false;
    for (const QByteArray &line : proxy.requestLines())
        aborted = aborted || (line.startsWith("DELETE /bucket/cancel/big/big/") &&
                              line.contains(QByteArray(QByteArray("uploadId=") + uploadId)));
    QVERIFY2(aborted, proxy.requestLines().join('\n').constData());
    auto listed = dest(QStringLiteral("cancel"))->list();
    QVERIFY2(listed.ok(), listed.ok() ? "" : qPrintable(listed.error().message));
    QVERIFY2(listed->isEmpty(), qPrintable(listed->value(0).key));
}

void TestS3::recoveryAbortsTheUploadOfAKilledRun()
{
    PgTestCluster pg;
    QVERIFY2(pg.start(), qPrintable(pg.errorString()));
    FaultyHttpProxy proxy(m_s3.port());
    // The backup dies with its upload in flight: no abort is sent.
    QProcess backup;
    QByteArray uploadId;
    startBackupStuckOnPartOne(pg, proxy, QStringLiteral("killed"), backup, &uploadId);
    if (QTest::currentTestFailed())
        return;
    ::kill(pid_t(backup.processId()), SIGKILL);
    QVERIFY(backup.waitForFinished(10000));
    auto abortsOf = [&proxy](const QByteArray &id) {
        int n = 0;
        for (const QByteArray &line : proxy.requestLines())
            n += line.startsWith("DELETE /bucket/killed/big/big/") &&
                         line.contains(QByteArray(QByteArray("uploadId=") + id))
                     ? 1
                     : 0;
        return n;
    };
    QCOMPARE(abortsOf(uploadId), 0);
    ProcessRunner run(backup.processEnvironment());
    const QString config = m_tmp.filePath(QStringLiteral("config-killed"));

    // The next lifeboat-cli start marks the run interrupted and aborts the upload its events recorded.
    ProcessResult list = run.cli(config, {QStringLiteral("list"), QStringLiteral("big")});
    QVERIFY2(list.errText().contains(QLatin1String("1 interrupted run(s) found")),
             qPrintable(list.errText()));
    QCOMPARE(abortsOf(uploadId), 1);
    // The run's history says what happened to the upload (s3rver does not implement
    // AbortMultipartUpload and answers 405, so here it says how to abort it by hand).
    {
        auto catalog = Catalog::open(config + QStringLiteral("/catalog.sqlite"));
        QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().message));
        auto runs = (*catalog)->runs(QStringLiteral("big"), 1);
        QVERIFY(runs.ok() && runs->size() == 1);
        QCOMPARE(runs->first().state, RunRecord::State::Interrupted);
        auto events = (*catalog)->events(runs->first().id);
        QVERIFY(events.ok());
        const QString text = events->join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral("started the multipart upload of \"killed/big/big/")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("the interrupted multipart upload of \"killed/big/big/")) &&
                     text.contains(QStringLiteral("(upload id %1)").arg(QString::fromLatin1(uploadId))),
                 qPrintable(text));
    }
    // A second start does nothing more.
    (void)run.cli(config, {QStringLiteral("list"), QStringLiteral("big")});
    QCOMPARE(abortsOf(uploadId), 1);
}

void TestS3::benchmarkUpload()
{
    const qint64 mb = qEnvironmentVariableIntValue("LIFEBOAT_S3_BENCH_MB");
    if (mb <= 0)
        QSKIP("set LIFEBOAT_S3_BENCH_MB (bench/s3-bench.sh) to run the upload benchmark");
    // An incompressible file of `mb` MiB, written in 1 MiB blocks.
    const QString path = m_tmp.filePath(QStringLiteral("bench.bin"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (qint64 i = 0; i < mb; ++i)
            f.write(randomBytes(1024 * 1024, quint32(i)));
    }
    auto d = dest(QStringLiteral("bench"));
    QVERIFY(d->checkWritable(mb * 1024 * 1024).ok());
    QElapsedTimer timer;
    timer.start();
    auto w = d->openWriter(QStringLiteral("lifeboat.bin"), mb * 1024 * 1024);
    QVERIFY(w.ok());
    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray block(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = in.read(block.data(), block.size());
        QVERIFY(n >= 0);
        if (n == 0)
            break;
        QVERIFY((*w)->write(block.constData(), n).ok());
    }
    QVERIFY((*w)->finish().ok());
    const qint64 lifeboatMs = timer.elapsed();
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);

    ProcessResult peer =
        m_run.shell(QStringLiteral("%3 -f '%e %M' %4 --endpoint-url %1 --region us-east-1 s3 cp --quiet %2 "
                                   "s3://bucket/bench/aws.bin 2>&1 >/dev/null | tail -1")
                        .arg(m_s3.endpoint(), ProcessRunner::quote(path),
                             ProcessRunner::quote(test::peerProgram(QStringLiteral("time"))),
                             ProcessRunner::quote(test::peerProgram(QStringLiteral("aws")))));
    QVERIFY2(peer.exitCode == 0, qPrintable(peer.errText() + peer.outText()));
    const QStringList awsFacts = peer.outText().trimmed().split(QLatin1Char(' '));
    const QString report =
        QStringLiteral(
            "S3 upload of %1 MiB to s3rver on loopback: lifeboat %2 s (peak RSS of the whole test process "
            "%3 MiB, part size %4 MiB, 3 parts in flight); aws s3 cp %5 s (peak RSS %6 MiB)")
            .arg(mb)
            .arg(double(lifeboatMs) / 1000.0, 0, 'f', 1)
            .arg(ru.ru_maxrss / 1024)
            .arg(S3Destination::partSizeFor(mb * 1024 * 1024) / (1024 * 1024))
            .arg(awsFacts.value(0))
            .arg(awsFacts.value(1).toLongLong() / 1024);
    qInfo().noquote() << report;
    QFile::remove(path);
}

QTEST_GUILESS_MAIN(TestS3)
#include "TestS3.moc"
