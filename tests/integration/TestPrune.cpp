// Retention end to end: real backups of a real PostgreSQL database to a local folder and to a real
// S3 server (s3rver), then `lifeboat-cli prune`: exactly the doomed backups' files go (dump, globals,
// manifest) at both destinations and everything else stays byte for byte — foreign files placed
// beside them included; the catalog marks them pruned, `list` no longer offers them and verify
// refuses them; `prune --dry-run` deletes nothing. Pruning runs after each successful backup, keeps
// the newest verified backup, pauses while backups fail, leaves a backup whose manifest does not
// describe it alone (a failed prune run the backup survives), and marks one deleted by hand.

#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "engine/storage/S3Destination.h"
#include "support/PgTestCluster.h"
#include "support/ProcessRunner.h"
#include "support/S3rverProcess.h"
#include "support/TestPeers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat;
using namespace lifeboat::test;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

// Every file below `dir` (relative path → SHA-256 of its bytes).
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.insert(QDir(dir).relativeFilePath(path), fileHash(path));
    }
    return out;
}

} // namespace

class TestPrune : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pruneDeletesExactlyTheDoomedBackupsLocallyAndOnS3();
    void pruneAfterBackupKeepsVerifiedPausesWhileFailingAndTouchesNothingForeign();

private:
    QString newDir(const QString &name);
    QString s3Url(const QString &prefix) const;
    std::unique_ptr<S3Destination> s3(const QString &prefix) const;
    QMap<QString, qint64> s3Keys(const QString &prefix) const;
    void setRetention(const QString &config, const QString &profile, const RetentionPolicy &policy);
    QList<qint64> listedIds(const QString &config, const QString &profile);
    ArtifactRecord artifact(const QString &config, qint64 id);
    QList<RunRecord> runsOf(const QString &config, const QString &profile, const QString &kind);
    QStringList eventsOf(const QString &config, qint64 runId);

    QTemporaryDir m_tmp;
    PgTestCluster m_pg;
    S3rverProcess m_s3;
    ProcessRunner m_run;
    QString m_keyFile;
    QString m_recipient;
};

QString TestPrune::newDir(const QString &name)
{
    const QString dir = m_tmp.filePath(name);
    QDir().mkpath(dir);
    return dir;
}

QString TestPrune::s3Url(const QString &prefix) const
{
    return QStringLiteral("s3://bucket/%1?endpoint=http://127.0.0.1:%2&style=path&region=us-east-1")
        .arg(prefix)
        .arg(m_s3.port());
}

std::unique_ptr<S3Destination> TestPrune::s3(const QString &prefix) const
{
    auto loc = S3Url::parse(s3Url(prefix));
    if (!loc)
        qFatal("%s", qPrintable(loc.error().message));
    auto d = S3Destination::create(*loc, SigV4Signer::Credentials{QStringLiteral("S3RVER"), "S3RVER", {}},
                                   S3Client::Options());
    if (!d)
        qFatal("%s", qPrintable(d.error().message));
    return std::move(*d);
}

QMap<QString, qint64> TestPrune::s3Keys(const QString &prefix) const
{
    QMap<QString, qint64> out;
    auto listed = s3(prefix)->list();
    if (!listed)
        qFatal("%s", qPrintable(listed.error().message));
    for (const auto &o : *listed)
        out.insert(o.key, o.size);
    return out;
}

void TestPrune::setRetention(const QString &config, const QString &profile, const RetentionPolicy &policy)
{
    auto catalog = Catalog::open(ConfigPaths(config).catalogPath());
    QVERIFY(catalog.ok());
    auto p = (*catalog)->profile(profile);
    QVERIFY(p.ok());
    p->retention = policy;
    QVERIFY((*catalog)->updateProfile(*p).ok());
}

QList<qint64> TestPrune::listedIds(const QString &config, const QString &profile)
{
    const ProcessResult r = m_run.cli(config, {QStringLiteral("--json"), QStringLiteral("list"), profile});
    QList<qint64> ids;
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    for (const QJsonValue &v : list)
        ids << v.toObject().value(QLatin1String("id")).toInteger();
    return ids; // newest first
}

ArtifactRecord TestPrune::artifact(const QString &config, qint64 id)
{
    auto catalog = Catalog::open(ConfigPaths(config).catalogPath());
    if (!catalog)
        return {};
    auto a = (*catalog)->artifact(id, true);
    return a ? *a : ArtifactRecord();
}

QList<RunRecord> TestPrune::runsOf(const QString &config, const QString &profile, const QString &kind)
{
    QList<RunRecord> out;
    auto catalog = Catalog::open(ConfigPaths(config).catalogPath());
    if (!catalog)
        return out;
    auto runs = (*catalog)->runs(profile);
    if (!runs)
        return out;
    for (const RunRecord &r : *runs) {
        if (runKindName(r.kind) == kind)
            out << r;
    }
    return out; // newest first
}

QStringList TestPrune::eventsOf(const QString &config, qint64 runId)
{
    auto catalog = Catalog::open(ConfigPaths(config).catalogPath());
    if (!catalog)
        return {};
    auto events = (*catalog)->events(runId);
    return events ? *events : QStringList();
}

void TestPrune::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE fixture")).isNull());
    QVERIFY2(
        m_pg.psqlFile(sourceDir() + QStringLiteral("/tests/data/fixture.sql"), QStringLiteral("fixture")),
        qPrintable(m_pg.lastPsqlError()));
    const QString error = m_s3.start(newDir(QStringLiteral("s3data")), {QStringLiteral("bucket")});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QProcessEnvironment env = m_pg.clientEnvironment();
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("S3RVER"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("S3RVER"));
    env.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
    env.remove(QStringLiteral("AWS_PROFILE"));
    m_run.setEnvironment(env);
    m_keyFile = m_tmp.filePath(QStringLiteral("key.txt"));
    QCOMPARE(m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-o"), m_keyFile}).exitCode, 0);
    m_recipient =
        m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-y"), m_keyFile}).outText().trimmed();
    QVERIFY(m_recipient.startsWith(QLatin1String("age1")));
}

void TestPrune::pruneDeletesExactlyTheDoomedBackupsLocallyAndOnS3()
{
    const QString config = newDir(QStringLiteral("config-1"));
    const QString folder = newDir(QStringLiteral("folder-1"));
    const QString url = s3Url(QStringLiteral("prune1"));
    ProcessResult add =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("prod"),
                           QStringLiteral("--db"), m_pg.uri(QStringLiteral("fixture")),
                           QStringLiteral("--dest"), folder, QStringLiteral("--dest"), url,
                           QStringLiteral("--recipient"), m_recipient, QStringLiteral("--globals")});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    for (int i = 0; i < 4; ++i) {
        ProcessResult backup = m_run.cli(config, {QStringLiteral("backup"), QStringLiteral("prod")});
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText() + backup.outText()));
        QVERIFY2(!backup.outText().contains(QLatin1String("retention:")), "no policy yet: no prune");
    }
    const QList<qint64> ids = listedIds(config, QStringLiteral("prod"));
    QCOMPARE(ids.size(), 4);

    // Things Lifeboat did not write, beside its own: a note, a look-alike dump, an object in the bucket.
    const QString dbFolder = folder + QStringLiteral("/prod/fixture");
    for (const QString &name :
         {QStringLiteral("notes.txt"), QStringLiteral("fixture_20000101T000000Z.dump.zst.age")}) {
        QFile f(dbFolder + QLatin1Char('/') + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not Lifeboat's\n");
    }
    {
        auto bucket = s3(QStringLiteral("prune1")); // outlives its writer
        auto writer = bucket->openWriter(QStringLiteral("prod/fixture/foreign.txt"));
        QVERIFY(writer.ok());
        QVERIFY((*writer)->write("not Lifeboat's\n", 15).ok());
        QVERIFY((*writer)->finish().ok());
    }
    const auto folderBefore = snapshot(folder);
    const auto keysBefore = s3Keys(QStringLiteral("prune1"));
    QCOMPARE(folderBefore.size(), 4 * 3 + 2); // dump, globals, manifest per backup + 2 foreign
    QCOMPARE(keysBefore.size(), 4 * 3 + 1);

    RetentionPolicy policy;
    policy.keepLast = 2;
    setRetention(config, QStringLiteral("prod"), policy);

    // A dry run shows what would go and deletes nothing, records nothing.
    ProcessResult dry =
        m_run.cli(config, {QStringLiteral("prune"), QStringLiteral("prod"), QStringLiteral("--dry-run")});
    QVERIFY2(dry.exitCode == 0, qPrintable(dry.errText() + dry.outText()));
    QVERIFY2(dry.outText().contains(QLatin1String("would delete 2 backups")), qPrintable(dry.outText()));
    QVERIFY2(dry.outText().contains(QLatin1String("keep-last 2")), qPrintable(dry.outText()));
    ProcessResult dryJson = m_run.cli(config, {QStringLiteral("--json"), QStringLiteral("prune"),
                                               QStringLiteral("prod"), QStringLiteral("--dry-run")});
    QCOMPARE(dryJson.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(dryJson.out).object();
    const QJsonArray destinations = report.value(QLatin1String("destinations")).toArray();
    QCOMPARE(destinations.size(), 2);
    for (const QJsonValue &d : destinations) {
        QMap<qint64, QString> actions;
        for (const QJsonValue &b : d.toObject().value(QLatin1String("backups")).toArray())
            actions.insert(b.toObject().value(QLatin1String("id")).toInteger(),
                           b.toObject().value(QLatin1String("action")).toString());
        QCOMPARE(actions.value(ids.at(0)), QStringLiteral("keep"));
        QCOMPARE(actions.value(ids.at(1)), QStringLiteral("keep"));
        QCOMPARE(actions.value(ids.at(2)), QStringLiteral("would-delete"));
        QCOMPARE(actions.value(ids.at(3)), QStringLiteral("would-delete"));
    }
    QCOMPARE(snapshot(folder), folderBefore);
    QCOMPARE(s3Keys(QStringLiteral("prune1")), keysBefore);
    QVERIFY(runsOf(config, QStringLiteral("prod"), QStringLiteral("prune")).isEmpty());
    QCOMPARE(listedIds(config, QStringLiteral("prod")).size(), 4);

    // The real thing.
    ProcessResult prune = m_run.cli(config, {QStringLiteral("prune"), QStringLiteral("prod")});
    QVERIFY2(prune.exitCode == 0, qPrintable(prune.errText() + prune.outText()));
    QVERIFY2(prune.outText().contains(QLatin1String("deleted 2 backups")), qPrintable(prune.outText()));

    // Exactly the two oldest backups' files are gone, at both destinations; everything else is
    // byte-identical.
    QStringList doomedPaths;
    for (qint64 id : {ids.at(2), ids.at(3)}) {
        const ArtifactRecord a = artifact(config, id);
        QCOMPARE(a.locations.size(), 2);
        const QString base = a.locations.first().objectPath.chopped(QStringLiteral(".dump.zst.age").size());
        doomedPaths << a.locations.first().objectPath << a.locations.first().manifestPath
                    << base + QStringLiteral(".globals.sql.zst.age");
        QVERIFY2(a.prunedUtc.isValid(), "the artifact is marked pruned");
        for (const auto &loc : a.locations)
            QVERIFY2(loc.prunedUtc.isValid(), qPrintable(loc.destination));
    }
    auto folderExpected = folderBefore;
    auto keysExpected = keysBefore;
    for (const QString &path : std::as_const(doomedPaths)) {
        QVERIFY2(folderExpected.remove(path) == 1, qPrintable(path));
        QVERIFY2(keysExpected.remove(path) == 1, qPrintable(path));
    }
    QCOMPARE(snapshot(folder), folderExpected);
    QCOMPARE(s3Keys(QStringLiteral("prune1")), keysExpected);
    for (qint64 id : {ids.at(0), ids.at(1)}) {
        const ArtifactRecord a = artifact(config, id);
        QVERIFY(!a.prunedUtc.isValid());
        QCOMPARE(a.locations.size(), 2);
    }

    // The catalog: list offers only what is left, the run says what happened, verify refuses.
    QCOMPARE(listedIds(config, QStringLiteral("prod")), (QList<qint64>{ids.at(0), ids.at(1)}));
    const QList<RunRecord> pruneRuns = runsOf(config, QStringLiteral("prod"), QStringLiteral("prune"));
    QCOMPARE(pruneRuns.size(), 1);
    QCOMPARE(pruneRuns.first().state, RunRecord::State::Succeeded);
    QVERIFY2(pruneRuns.first().message.startsWith(QLatin1String("deleted 2 backups")),
             qPrintable(pruneRuns.first().message));
    const QStringList events = eventsOf(config, pruneRuns.first().id);
    QCOMPARE(events.filter(QStringLiteral("deleted backup")).size(), 4); // 2 backups × 2 destinations
    ProcessResult verify = m_run.cli(config, {QStringLiteral("verify"), QString::number(ids.at(3)),
                                              QStringLiteral("--identity"), m_keyFile});
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.errText().contains(QLatin1String("was deleted by retention")),
             qPrintable(verify.errText()));

    // Again: nothing more goes.
    ProcessResult again = m_run.cli(config, {QStringLiteral("prune"), QStringLiteral("prod")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.errText()));
    QVERIFY2(again.outText().contains(QLatin1String("nothing to delete")), qPrintable(again.outText()));
    QCOMPARE(snapshot(folder), folderExpected);
    QCOMPARE(s3Keys(QStringLiteral("prune1")), keysExpected);
}

void TestPrune::pruneAfterBackupKeepsVerifiedPausesWhileFailingAndTouchesNothingForeign()
{
    const QString config = newDir(QStringLiteral("config-2"));
    const QString folder = newDir(QStringLiteral("folder-2"));
    ProcessResult add =
        m_run.cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("lab"),
                           QStringLiteral("--db"), m_pg.uri(QStringLiteral("fixture")),
                           QStringLiteral("--dest"), folder});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    auto backup = [&] {
        return m_run.cli(config, {QStringLiteral("backup"), QStringLiteral("lab")});
    };
    QCOMPARE(backup().exitCode, 0);
    QCOMPARE(backup().exitCode, 0);
    QList<qint64> ids = listedIds(config, QStringLiteral("lab"));
    QCOMPARE(ids.size(), 2);
    const qint64 a = ids.at(1); // the oldest: proven by a real restore (into a scratch database)
    const qint64 b = ids.at(0);
    ProcessResult verify =
        m_run.cli(config, {QStringLiteral("verify"), QString::number(a), QStringLiteral("--restore"),
                           QStringLiteral("--target"), m_pg.uri()});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.errText() + verify.outText()));
    QCOMPARE(artifact(config, a).verifyState, QStringLiteral("verified"));

    // keep-last 1, then a backup: B goes, A stays as the newest verified backup.
    RetentionPolicy keepOne;
    keepOne.keepLast = 1;
    setRetention(config, QStringLiteral("lab"), keepOne);
    ProcessResult c = backup();
    QVERIFY2(c.exitCode == 0, qPrintable(c.errText()));
    QVERIFY2(c.outText().contains(QLatin1String("retention: deleted 1 backup")), qPrintable(c.outText()));
    ids = listedIds(config, QStringLiteral("lab"));
    QCOMPARE(ids.size(), 2);
    QCOMPARE(ids.at(1), a);
    QVERIFY(!ids.contains(b));
    QVERIFY(artifact(config, b).prunedUtc.isValid());
    QVERIFY(!QFile::exists(folder + QLatin1Char('/') + artifact(config, b).locations.first().objectPath));
    QVERIFY(QFile::exists(folder + QLatin1Char('/') + artifact(config, a).locations.first().objectPath));
    const qint64 cId = ids.at(0);
    QList<RunRecord> pruneRuns = runsOf(config, QStringLiteral("lab"), QStringLiteral("prune"));
    QCOMPARE(pruneRuns.size(), 1);
    QCOMPARE(pruneRuns.first().state, RunRecord::State::Succeeded);

    // Two more backups without a policy: A, C, D, E.
    setRetention(config, QStringLiteral("lab"), RetentionPolicy());
    QCOMPARE(backup().exitCode, 0);
    QCOMPARE(backup().exitCode, 0);
    ids = listedIds(config, QStringLiteral("lab"));
    QCOMPARE(ids.size(), 4);
    const qint64 e = ids.at(0);
    const qint64 d = ids.at(1);
    QCOMPARE(ids.at(2), cId);
    const ArtifactRecord cRec = artifact(config, cId);
    const ArtifactRecord dRec = artifact(config, d);
    const ArtifactRecord eRec = artifact(config, e);
    // C's files deleted by hand; D's manifest replaced by one that describes another backup.
    QVERIFY(QFile::remove(folder + QLatin1Char('/') + cRec.locations.first().objectPath));
    QVERIFY(QFile::remove(folder + QLatin1Char('/') + cRec.locations.first().manifestPath));
    const QString dManifest = folder + QLatin1Char('/') + dRec.locations.first().manifestPath;
    QVERIFY(QFile::remove(dManifest));
    QVERIFY(QFile::copy(folder + QLatin1Char('/') + eRec.locations.first().manifestPath, dManifest));

    // A backup fails (the server is unreachable): pruning pauses, nothing is deleted.
    setRetention(config, QStringLiteral("lab"), keepOne);
    {
        auto catalog = Catalog::open(ConfigPaths(config).catalogPath());
        QVERIFY(catalog.ok());
        auto p = (*catalog)->profile(QStringLiteral("lab"));
        QVERIFY(p.ok());
        p->connection.port = QString::number(PgTestCluster::freePort());
        QVERIFY((*catalog)->updateProfile(*p).ok());
    }
    QCOMPARE(backup().exitCode, 1);
    const auto before = snapshot(folder);
    ProcessResult paused = m_run.cli(config, {QStringLiteral("prune"), QStringLiteral("lab")});
    QVERIFY2(paused.exitCode == 0, qPrintable(paused.errText()));
    QVERIFY2(paused.outText().contains(QLatin1String("the last backup failed: pruning paused")),
             qPrintable(paused.outText()));
    QCOMPARE(snapshot(folder), before);
    QCOMPARE(listedIds(config, QStringLiteral("lab")).size(), 4);
    pruneRuns = runsOf(config, QStringLiteral("lab"), QStringLiteral("prune"));
    QCOMPARE(pruneRuns.size(), 2);
    QVERIFY2(pruneRuns.first().message.startsWith(QLatin1String("nothing deleted: the last backup failed")),
             qPrintable(pruneRuns.first().message));

    // The server is back: the next backup succeeds and prunes. E goes; C is marked (it was already
    // gone); D is left alone because its manifest does not describe it — a failed prune run, while
    // the backup itself succeeds. A (newest verified) and F (newest) stay.
    {
        auto catalog = Catalog::open(ConfigPaths(config).catalogPath());
        QVERIFY(catalog.ok());
        auto p = (*catalog)->profile(QStringLiteral("lab"));
        QVERIFY(p.ok());
        p->connection.port = QString::number(m_pg.port());
        QVERIFY((*catalog)->updateProfile(*p).ok());
    }
    ProcessResult f = backup();
    QVERIFY2(f.exitCode == 0, qPrintable(f.errText() + f.outText()));
    QVERIFY2(f.outText().contains(QLatin1String("retention: deleted 1 backup (")), qPrintable(f.outText()));
    QVERIFY2(f.outText().contains(QLatin1String("marked 1 backup already deleted by hand")),
             qPrintable(f.outText()));
    QVERIFY2(f.outText().contains(QLatin1String("could not be deleted")), qPrintable(f.outText()));
    pruneRuns = runsOf(config, QStringLiteral("lab"), QStringLiteral("prune"));
    QCOMPARE(pruneRuns.size(), 3);
    QCOMPARE(pruneRuns.first().state, RunRecord::State::Failed);
    QVERIFY2(pruneRuns.first().message.contains(QLatin1String("does not describe it")),
             qPrintable(pruneRuns.first().message));
    QVERIFY2(!eventsOf(config, pruneRuns.first().id).filter(QStringLiteral("already gone")).isEmpty(),
             qPrintable(eventsOf(config, pruneRuns.first().id).join(QLatin1Char('\n'))));
    QCOMPARE(runsOf(config, QStringLiteral("lab"), QStringLiteral("backup")).first().state,
             RunRecord::State::Succeeded);

    ids = listedIds(config, QStringLiteral("lab"));
    QCOMPARE(ids.size(), 3); // F, D (left alone), A
    QVERIFY(ids.contains(a));
    QVERIFY(ids.contains(d));
    QVERIFY(!ids.contains(e));
    QVERIFY(!ids.contains(cId));
    QVERIFY(artifact(config, cId).prunedUtc.isValid());
    QVERIFY(artifact(config, e).prunedUtc.isValid());
    QVERIFY(!QFile::exists(folder + QLatin1Char('/') + eRec.locations.first().objectPath));
    QVERIFY(!QFile::exists(folder + QLatin1Char('/') + eRec.locations.first().manifestPath));
    // D's files are untouched.
    QCOMPARE(fileHash(dManifest), before.value(dRec.locations.first().manifestPath));
    QCOMPARE(fileHash(folder + QLatin1Char('/') + dRec.locations.first().objectPath),
             before.value(dRec.locations.first().objectPath));
}

QTEST_GUILESS_MAIN(TestPrune)
#include "TestPrune.moc"
