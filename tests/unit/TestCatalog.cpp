#include "core/Catalog.h"
#include "mock/MockClock.h"

#include <QFile>
#include <QFileInfo>
#include <QSemaphore>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <sys/stat.h>

#include <atomic>
#include <memory>
#include <vector>

using namespace lifeboat;

namespace {

QString errorText(const Error &e)
{
    return e.code + QStringLiteral(": ") + e.message;
}

#define VERIFY_OK(result)                                                                                    \
    do {                                                                                                     \
        if (!(result).ok())                                                                                  \
            QFAIL(qPrintable(errorText((result).error())));                                                  \
    } while (false)

int fileMode(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// Runs one statement on a catalog file through a connection of its own (not the Catalog's).
QVariant rawQuery(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

Profile makeProfile(const QString &name)
{
    Profile p;
    p.name = name;
    p.connection.host = QStringLiteral("db1");
    p.databases = {QStringLiteral("shop")};
    p.destinations = {QStringLiteral("/srv/backups")};
    return p;
}

RunRecord makeRun(const QString &profile, qint64 pid = 4242)
{
    RunRecord r;
    r.profileName = profile;
    r.kind = RunKind::Backup;
    r.state = RunRecord::State::Running;
    r.databases = QStringLiteral("shop,crm");
    r.pid = pid;
    return r;
}

ArtifactRecord makeArtifact(const QString &profile, const QString &database, const QDateTime &created,
                            qint64 dumpBytes)
{
    ArtifactRecord a;
    a.profileName = profile;
    a.database = database;
    a.createdUtc = created;
    a.dumpBytes = dumpBytes;
    a.storedBytes = dumpBytes / 3;
    a.sha256 = QString(64, QLatin1Char('a'));
    a.encrypted = true;
    a.manifestJson = R"({"format":1})";
    const QString stamp = created.toString(QStringLiteral("yyyyMMddTHHmmssZ"));
    const QString object = QStringLiteral("prod/%1/%1_%2.dump.zst.age").arg(database, stamp);
    const QString manifest = QStringLiteral("prod/%1/%1_%2.manifest.json.age").arg(database, stamp);
    a.locations = {{QStringLiteral("/srv/backups"), object, manifest},
                   {QStringLiteral("/mnt/usb/lifeboat"), object, manifest}};
    return a;
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void freshCatalog();
    void walMode();
    void reopenKeepsData();
    void refusesNewerSchema();
    void refusesGarbageFile();
    void unopenableFolder();
    void profiles();
    void runsAndEvents();
    void runsNewestFirstAndLimit();
    void artifacts();
    void lastDumpBytes();
    void setVerification();
    void setIntegrity();
    void migratesSchema3Artifacts();
    void runErrorCodes();
    void migratesSchema4Runs();
    void markInterruptedRuns();
    void crashLeavesRunRunning();
    void concurrentWriters();
    void concurrentFirstOpen();
    void writeTransactionCommitsOrRollsBack();

private:
    std::unique_ptr<Catalog> openCatalog(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MockClock> m_clock;
    QString m_path;
};

void TestCatalog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<MockClock>();
    m_path = m_dir->filePath(QStringLiteral("catalog.sqlite"));
}

void TestCatalog::cleanup()
{
    m_clock.reset();
    m_dir.reset();
}

std::unique_ptr<Catalog> TestCatalog::openCatalog(const QString &path)
{
    Result<std::unique_ptr<Catalog>> opened = Catalog::open(path);
    if (!opened) {
        qWarning("%s", qPrintable(errorText(opened.error())));
        return nullptr;
    }
    return std::move(*opened);
}

void TestCatalog::freshCatalog()
{
    QVERIFY(!QFileInfo::exists(m_path));
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    QCOMPARE(catalog->path(), m_path);
    QCOMPARE(catalog->schemaVersion(), Catalog::kSchemaVersion);
    QVERIFY(Catalog::kSchemaVersion >= 1);
    QCOMPARE(fileMode(m_path), 0600);
    // The write-ahead log holds catalog data too, so it must not be readable by others either.
    VERIFY_OK(catalog->addProfile(makeProfile(QStringLiteral("prod"))));
    QVERIFY(QFileInfo::exists(m_path + QStringLiteral("-wal")));
    QCOMPARE(fileMode(m_path + QStringLiteral("-wal")), 0600);
    // Nothing yet.
    auto runs = catalog->runs();
    VERIFY_OK(runs);
    QVERIFY(runs->isEmpty());
    auto artifacts = catalog->artifacts();
    VERIFY_OK(artifacts);
    QVERIFY(artifacts->isEmpty());
    // A catalog the user loosened is tightened again when it is opened.
    catalog.reset();
    QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    QCOMPARE(fileMode(m_path), 0604);
    catalog = openCatalog(m_path);
    QVERIFY(catalog);
    QCOMPARE(fileMode(m_path), 0600);
}

void TestCatalog::walMode()
{
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    QCOMPARE(rawQuery(m_path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(rawQuery(m_path, QStringLiteral("PRAGMA user_version")).toInt(), Catalog::kSchemaVersion);
}

void TestCatalog::reopenKeepsData()
{
    qint64 runId = 0;
    {
        auto catalog = openCatalog(m_path);
        QVERIFY(catalog);
        VERIFY_OK(catalog->addProfile(makeProfile(QStringLiteral("prod"))));
        auto id = catalog->beginRun(makeRun(QStringLiteral("prod")));
        VERIFY_OK(id);
        runId = *id;
        VERIFY_OK(catalog->finishRun(runId, RunRecord::State::Succeeded, QStringLiteral("done"), 10));
    }
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    QCOMPARE(catalog->schemaVersion(), Catalog::kSchemaVersion);
    VERIFY_OK(catalog->profile(QStringLiteral("prod")));
    auto run = catalog->run(runId);
    VERIFY_OK(run);
    QCOMPARE(run->state, RunRecord::State::Succeeded);
    QCOMPARE(run->message, QStringLiteral("done"));
}

void TestCatalog::refusesNewerSchema()
{
    {
        auto catalog = openCatalog(m_path);
        QVERIFY(catalog);
        VERIFY_OK(catalog->addProfile(makeProfile(QStringLiteral("prod"))));
    }
    rawQuery(m_path, QStringLiteral("PRAGMA user_version=99"));
    QCOMPARE(rawQuery(m_path, QStringLiteral("PRAGMA user_version")).toInt(), 99);

    auto opened = Catalog::open(m_path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, QStringLiteral("catalog.version"));
    const QString message = opened.error().message;
    QVERIFY2(message.contains(QLatin1String("newer Lifeboat")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("99")), qPrintable(message));
    QVERIFY2(message.contains(m_path), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("update Lifeboat")), qPrintable(message));
    // Refusing leaves the newer catalog as it was.
    QCOMPARE(rawQuery(m_path, QStringLiteral("PRAGMA user_version")).toInt(), 99);
    QCOMPARE(rawQuery(m_path, QStringLiteral("SELECT count(*) FROM profiles")).toInt(), 1);
}

void TestCatalog::refusesGarbageFile()
{
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
    f.close();
    auto opened = Catalog::open(m_path);
    QVERIFY(!opened.ok());
    QVERIFY(!opened.error().message.isEmpty());
    QVERIFY2(opened.error().message.contains(QLatin1String("catalog")), qPrintable(opened.error().message));
}

void TestCatalog::unopenableFolder()
{
    const QString path = m_dir->filePath(QStringLiteral("missing-folder/catalog.sqlite"));
    auto opened = Catalog::open(path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, QStringLiteral("catalog.open"));
    QVERIFY2(opened.error().message.contains(path), qPrintable(opened.error().message));
    QVERIFY(!QFileInfo::exists(path));
}

void TestCatalog::profiles()
{
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);

    Profile prod = makeProfile(QStringLiteral("prod"));
    prod.zstdLevel = 7;
    auto prodId = catalog->addProfile(prod);
    VERIFY_OK(prodId);
    QVERIFY(*prodId > 0);
    auto alphaId = catalog->addProfile(makeProfile(QStringLiteral("alpha")));
    VERIFY_OK(alphaId);
    QVERIFY(*alphaId != *prodId);

    // Duplicate name.
    Profile again = makeProfile(QStringLiteral("prod"));
    again.zstdLevel = 1;
    auto duplicate = catalog->addProfile(again);
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().code, QStringLiteral("profile.exists"));
    QVERIFY2(duplicate.error().message.contains(QLatin1String("'prod' already exists")),
             qPrintable(duplicate.error().message));

    auto read = catalog->profile(QStringLiteral("prod"));
    VERIFY_OK(read);
    QCOMPARE(read->id, *prodId);
    QCOMPARE(read->zstdLevel, 7); // the duplicate did not overwrite it
    QCOMPARE(read->connection.host, QStringLiteral("db1"));

    // List, ordered by name.
    auto all = catalog->profiles();
    VERIFY_OK(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).name, QStringLiteral("alpha"));
    QCOMPARE(all->at(0).id, *alphaId);
    QCOMPARE(all->at(1).name, QStringLiteral("prod"));

    // Update.
    Profile changed = *read;
    changed.zstdLevel = 15;
    changed.destinations = {QStringLiteral("/a"), QStringLiteral("/b")};
    changed.recipients = {QStringLiteral("age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryef")};
    m_clock->advanceSeconds(60);
    VERIFY_OK(catalog->updateProfile(changed));
    read = catalog->profile(QStringLiteral("prod"));
    VERIFY_OK(read);
    QCOMPARE(read->id, *prodId);
    QCOMPARE(read->zstdLevel, 15);
    QCOMPARE(read->destinations, changed.destinations);
    QCOMPARE(read->recipients, changed.recipients);
    QCOMPARE(
        rawQuery(m_path, QStringLiteral("SELECT updated_utc FROM profiles WHERE name='prod'")).toString(),
        QStringLiteral("2026-01-15T12:01:00.000Z"));
    QCOMPARE(
        rawQuery(m_path, QStringLiteral("SELECT created_utc FROM profiles WHERE name='prod'")).toString(),
        QStringLiteral("2026-01-15T12:00:00.000Z"));

    Status missing = catalog->updateProfile(makeProfile(QStringLiteral("nope")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("profile.unknown"));
    QVERIFY(missing.error().message.contains(QLatin1String("'nope'")));

    // Unicode names survive.
    VERIFY_OK(catalog->addProfile(makeProfile(QStringLiteral("Bücher 日本"))));
    VERIFY_OK(catalog->profile(QStringLiteral("Bücher 日本")));

    // Remove.
    VERIFY_OK(catalog->removeProfile(QStringLiteral("prod")));
    auto gone = catalog->profile(QStringLiteral("prod"));
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, QStringLiteral("profile.unknown"));
    Status again2 = catalog->removeProfile(QStringLiteral("prod"));
    QVERIFY(!again2.ok());
    QCOMPARE(again2.error().code, QStringLiteral("profile.unknown"));
    all = catalog->profiles();
    VERIFY_OK(all);
    QCOMPARE(all->size(), 2);
    // The name is free again.
    VERIFY_OK(catalog->addProfile(makeProfile(QStringLiteral("prod"))));
}

void TestCatalog::runsAndEvents()
{
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    const QDateTime start = m_clock->nowUtc();

    RunRecord r = makeRun(QStringLiteral("prod"), 777);
    r.profileId = 3;
    auto id = catalog->beginRun(r);
    VERIFY_OK(id);

    auto running = catalog->run(*id);
    VERIFY_OK(running);
    QCOMPARE(running->id, *id);
    QCOMPARE(running->profileId, 3);
    QCOMPARE(running->profileName, QStringLiteral("prod"));
    QCOMPARE(running->kind, RunKind::Backup);
    QCOMPARE(running->state, RunRecord::State::Running);
    QCOMPARE(running->startedUtc, start);
    QCOMPARE(running->startedUtc.timeSpec(), Qt::UTC);
    QVERIFY(!running->finishedUtc.isValid());
    QCOMPARE(running->databases, QStringLiteral("shop,crm"));
    QCOMPARE(running->pid, 777);
    QCOMPARE(running->trigger, QStringLiteral("manual"));
    QVERIFY(!running->isFinished());

    m_clock->advanceSeconds(5);
    VERIFY_OK(catalog->addEvent(*id, LogLevel::Info, QStringLiteral("dumping shop")));
    m_clock->advanceSeconds(5);
    VERIFY_OK(catalog->addEvent(*id, LogLevel::Warning, QStringLiteral("slow disk: 'ü' \"quoted\"")));
    m_clock->advanceSeconds(50);
    VERIFY_OK(catalog->finishRun(*id, RunRecord::State::Succeeded, QStringLiteral("2 databases backed up"),
                                 123456));

    auto finished = catalog->run(*id);
    VERIFY_OK(finished);
    QCOMPARE(finished->state, RunRecord::State::Succeeded);
    QCOMPARE(finished->startedUtc, start);
    QCOMPARE(finished->finishedUtc, start.addSecs(60));
    QCOMPARE(finished->message, QStringLiteral("2 databases backed up"));
    QCOMPARE(finished->bytes, 123456);
    QCOMPARE(finished->errorCode, QString());
    QVERIFY(finished->isFinished());
    QVERIFY(!finished->refused());

    auto events = catalog->events(*id);
    VERIFY_OK(events);
    QCOMPARE(*events,
             (QStringList{QStringLiteral("2026-01-15T12:00:05.000Z info dumping shop"),
                          QStringLiteral("2026-01-15T12:00:10.000Z warning slow disk: 'ü' \"quoted\"")}));

    auto none = catalog->events(*id + 1000);
    VERIFY_OK(none);
    QVERIFY(none->isEmpty());

    auto unknown = catalog->run(*id + 1000);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, QStringLiteral("run.unknown"));

    // A run with an explicit start time and every state name survives the round trip.
    for (RunRecord::State s : {RunRecord::State::Queued, RunRecord::State::Failed,
                               RunRecord::State::Cancelled, RunRecord::State::Interrupted}) {
        RunRecord other = makeRun(QStringLiteral("other"));
        other.startedUtc = QDateTime(QDate(2025, 6, 1), QTime(8, 30, 15, 250), Qt::UTC);
        other.trigger = QStringLiteral("catch-up");
        auto otherId = catalog->beginRun(other);
        VERIFY_OK(otherId);
        VERIFY_OK(catalog->finishRun(*otherId, s, QString(), 0));
        auto back = catalog->run(*otherId);
        VERIFY_OK(back);
        QCOMPARE(back->state, s);
        QCOMPARE(back->startedUtc, other.startedUtc);
        QCOMPARE(back->message, QString());
        QCOMPARE(back->trigger, QStringLiteral("catch-up"));
    }
}

void TestCatalog::runsNewestFirstAndLimit()
{
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    QList<qint64> prodIds;
    for (int i = 0; i < 5; ++i) {
        auto id = catalog->beginRun(makeRun(i % 2 ? QStringLiteral("dev") : QStringLiteral("prod")));
        VERIFY_OK(id);
        if (i % 2 == 0)
            prodIds.prepend(*id);
        m_clock->advanceSeconds(10);
    }
    // Started earlier but recorded last: time decides, not the insertion order.
    RunRecord late = makeRun(QStringLiteral("prod"));
    late.startedUtc = m_clock->nowUtc().addDays(-1);
    auto lateId = catalog->beginRun(late);
    VERIFY_OK(lateId);
    prodIds.append(*lateId);

    auto all = catalog->runs();
    VERIFY_OK(all);
    QCOMPARE(all->size(), 6);
    for (qsizetype i = 1; i < all->size(); ++i)
        QVERIFY(all->at(i - 1).startedUtc >= all->at(i).startedUtc);

    auto prod = catalog->runs(QStringLiteral("prod"));
    VERIFY_OK(prod);
    QList<qint64> ids;
    for (const RunRecord &r : *prod)
        ids << r.id;
    QCOMPARE(ids, prodIds);

    auto two = catalog->runs(QStringLiteral("prod"), 2);
    VERIFY_OK(two);
    QCOMPARE(two->size(), 2);
    QCOMPARE(two->at(0).id, prodIds.at(0));
    QCOMPARE(two->at(1).id, prodIds.at(1));

    // Same start second: the later id first.
    auto a = catalog->beginRun(makeRun(QStringLiteral("same")));
    auto b = catalog->beginRun(makeRun(QStringLiteral("same")));
    VERIFY_OK(a);
    VERIFY_OK(b);
    auto same = catalog->runs(QStringLiteral("same"));
    VERIFY_OK(same);
    QCOMPARE(same->size(), 2);
    QCOMPARE(same->at(0).id, *b);

    auto nobody = catalog->runs(QStringLiteral("nobody"));
    VERIFY_OK(nobody);
    QVERIFY(nobody->isEmpty());
}

void TestCatalog::artifacts()
{
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    auto runId = catalog->beginRun(makeRun(QStringLiteral("prod")));
    VERIFY_OK(runId);

    const QDateTime t0 = m_clock->nowUtc();
    ArtifactRecord older = makeArtifact(QStringLiteral("prod"), QStringLiteral("shop"), t0, 3000);
    older.runId = *runId;
    older.profileId = 9;
    ArtifactRecord newer =
        makeArtifact(QStringLiteral("prod"), QStringLiteral("shop"), t0.addSecs(3600), 4000);
    newer.encrypted = false;
    ArtifactRecord other = makeArtifact(QStringLiteral("dev"), QStringLiteral("crm"), t0.addSecs(60), 5000);
    other.locations.removeLast();

    // Recorded out of time order.
    auto newerId = catalog->addArtifact(newer);
    auto olderId = catalog->addArtifact(older);
    auto otherId = catalog->addArtifact(other);
    VERIFY_OK(newerId);
    VERIFY_OK(olderId);
    VERIFY_OK(otherId);

    auto back = catalog->artifact(*olderId);
    VERIFY_OK(back);
    QCOMPARE(back->id, *olderId);
    QCOMPARE(back->runId, *runId);
    QCOMPARE(back->profileId, 9);
    QCOMPARE(back->profileName, QStringLiteral("prod"));
    QCOMPARE(back->database, QStringLiteral("shop"));
    QCOMPARE(back->createdUtc, t0);
    QCOMPARE(back->dumpBytes, 3000);
    QCOMPARE(back->storedBytes, 1000);
    QCOMPARE(back->sha256, older.sha256);
    QVERIFY(back->encrypted);
    QCOMPARE(back->manifestJson, older.manifestJson);
    QCOMPARE(back->verifyState, QString());
    QVERIFY(!back->verifiedUtc.isValid());
    QCOMPARE(back->locations.size(), 2);
    for (qsizetype i = 0; i < 2; ++i) {
        QCOMPARE(back->locations.at(i).destination, older.locations.at(i).destination);
        QCOMPARE(back->locations.at(i).objectPath, older.locations.at(i).objectPath);
        QCOMPARE(back->locations.at(i).manifestPath, older.locations.at(i).manifestPath);
        auto known = catalog->knowsObjectPath(older.locations.at(i).objectPath);
        VERIFY_OK(known);
        QVERIFY(*known);
    }
    auto unknownPath = catalog->knowsObjectPath(QStringLiteral("prod/shop/never_written.dump.zst"));
    VERIFY_OK(unknownPath);
    QVERIFY(!*unknownPath);

    auto all = catalog->artifacts();
    VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).id, *newerId);
    QCOMPARE(all->at(1).id, *otherId);
    QCOMPARE(all->at(2).id, *olderId);
    QCOMPARE(all->at(0).locations.size(), 2);
    QCOMPARE(all->at(1).locations.size(), 1);
    QCOMPARE(all->at(2).locations.size(), 2);
    QCOMPARE(all->at(2).locations.at(1).destination, QStringLiteral("/mnt/usb/lifeboat"));
    QVERIFY(!all->at(0).encrypted);

    auto prod = catalog->artifacts(QStringLiteral("prod"));
    VERIFY_OK(prod);
    QCOMPARE(prod->size(), 2);
    QCOMPARE(prod->at(0).id, *newerId);
    QCOMPARE(prod->at(1).id, *olderId);
    QCOMPARE(prod->at(1).locations.size(), 2);

    auto unknown = catalog->artifact(*otherId + 100);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, QStringLiteral("artifact.unknown"));

    // Two locations at the same destination are one location twice: refused as a whole, and
    // no half-recorded artifact is left behind.
    ArtifactRecord twice = makeArtifact(QStringLiteral("prod"), QStringLiteral("twice"), t0, 1);
    twice.locations[1].destination = twice.locations[0].destination;
    auto refused = catalog->addArtifact(twice);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("catalog.sql"));
    all = catalog->artifacts();
    VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(rawQuery(m_path, QStringLiteral("SELECT count(*) FROM artifact_locations")).toInt(), 5);
}

void TestCatalog::lastDumpBytes()
{
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    QVERIFY(!catalog->lastDumpBytes(QStringLiteral("prod"), QStringLiteral("shop")).has_value());

    const QDateTime t0 = m_clock->nowUtc();
    VERIFY_OK(catalog->addArtifact(
        makeArtifact(QStringLiteral("prod"), QStringLiteral("shop"), t0.addDays(1), 222)));
    VERIFY_OK(catalog->addArtifact(makeArtifact(QStringLiteral("prod"), QStringLiteral("shop"), t0, 111)));
    VERIFY_OK(catalog->addArtifact(
        makeArtifact(QStringLiteral("prod"), QStringLiteral("crm"), t0.addDays(2), 999)));
    VERIFY_OK(catalog->addArtifact(
        makeArtifact(QStringLiteral("dev"), QStringLiteral("shop"), t0.addDays(3), 888)));

    QCOMPARE(catalog->lastDumpBytes(QStringLiteral("prod"), QStringLiteral("shop")),
             std::optional<qint64>(222));
    QCOMPARE(catalog->lastDumpBytes(QStringLiteral("prod"), QStringLiteral("crm")),
             std::optional<qint64>(999));
    QCOMPARE(catalog->lastDumpBytes(QStringLiteral("dev"), QStringLiteral("shop")),
             std::optional<qint64>(888));
    QVERIFY(!catalog->lastDumpBytes(QStringLiteral("dev"), QStringLiteral("crm")).has_value());
}

void TestCatalog::setVerification()
{
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    auto id = catalog->addArtifact(
        makeArtifact(QStringLiteral("prod"), QStringLiteral("shop"), m_clock->nowUtc(), 10));
    VERIFY_OK(id);
    const QDateTime when(QDate(2026, 1, 16), QTime(3, 4, 5, 678), Qt::UTC);
    VERIFY_OK(catalog->setVerification(*id, QStringLiteral("verified"), when, 12.5));
    auto back = catalog->artifact(*id);
    VERIFY_OK(back);
    QCOMPARE(back->verifyState, QStringLiteral("verified"));
    QCOMPARE(back->verifiedUtc, when);
    QCOMPARE(back->restoreSeconds, 12.5);
}

void TestCatalog::setIntegrity()
{
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    auto id = catalog->addArtifact(
        makeArtifact(QStringLiteral("prod"), QStringLiteral("shop"), m_clock->nowUtc(), 10));
    VERIFY_OK(id);
    auto fresh = catalog->artifact(*id);
    VERIFY_OK(fresh);
    QCOMPARE(fresh->integrityState, QString());
    QVERIFY(!fresh->integrityCheckedUtc.isValid());

    const QDateTime when(QDate(2026, 1, 16), QTime(3, 4, 5, 678), Qt::UTC);
    const QString why = QStringLiteral("backup 1 failed the SHA-256 check");
    VERIFY_OK(catalog->setIntegrity(*id, QStringLiteral("failed"), when, why));
    auto back = catalog->artifact(*id);
    VERIFY_OK(back);
    QCOMPARE(back->integrityState, QStringLiteral("failed"));
    QCOMPARE(back->integrityCheckedUtc, when);
    QCOMPARE(back->integrityDetail, why);
    // A later check that passes replaces the record, detail included; a test restore's record is
    // its own.
    VERIFY_OK(catalog->setIntegrity(*id, QStringLiteral("ok"), when.addSecs(60)));
    VERIFY_OK(catalog->setVerification(*id, QStringLiteral("verified"), when.addSecs(90), 3.5));
    auto listed = catalog->artifacts(QStringLiteral("prod"));
    VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().integrityState, QStringLiteral("ok"));
    QCOMPARE(listed->first().integrityCheckedUtc, when.addSecs(60));
    QCOMPARE(listed->first().integrityDetail, QString());
    QCOMPARE(listed->first().verifyState, QStringLiteral("verified"));
}

void TestCatalog::migratesSchema3Artifacts()
{
    // A catalog as schema 3 left it: artifacts without the integrity columns.
    qint64 id = 0;
    {
        auto catalog = openCatalog(m_path);
        QVERIFY(catalog);
        auto added = catalog->addArtifact(
            makeArtifact(QStringLiteral("prod"), QStringLiteral("shop"), m_clock->nowUtc(), 10));
        VERIFY_OK(added);
        id = *added;
    }
    for (const char *column : {"integrity_state", "integrity_utc", "integrity_detail"})
        rawQuery(m_path, QStringLiteral("ALTER TABLE artifacts DROP COLUMN %1").arg(QLatin1String(column)));
    rawQuery(m_path, QStringLiteral("ALTER TABLE runs DROP COLUMN error_code")); // schema 5
    rawQuery(m_path, QStringLiteral("PRAGMA user_version=3"));
    QCOMPARE(rawQuery(m_path, QStringLiteral("SELECT count(*) FROM pragma_table_info('artifacts') "
                                             "WHERE name LIKE 'integrity%'"))
                 .toInt(),
             0);

    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    QCOMPARE(catalog->schemaVersion(), Catalog::kSchemaVersion);
    auto migrated = catalog->artifact(id);
    VERIFY_OK(migrated);
    QCOMPARE(migrated->sha256,
             makeArtifact(QStringLiteral("prod"), QStringLiteral("shop"), m_clock->nowUtc(), 10).sha256);
    QCOMPARE(migrated->integrityState, QString());
    QVERIFY(!migrated->integrityCheckedUtc.isValid());
    VERIFY_OK(catalog->setIntegrity(id, QStringLiteral("ok"), m_clock->nowUtc()));
    QCOMPARE(catalog->artifact(id)->integrityState, QStringLiteral("ok"));
}

void TestCatalog::runErrorCodes()
{
    // A failed run keeps its error code; a pre-flight refusal reads as refused, any other failure
    // (damage, a failed pg_restore, a code of no refusal) and a success do not.
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    struct Case
    {
        RunRecord::State state;
        const char *code;
        bool refused;
    };
    const Case cases[] = {
        {RunRecord::State::Failed, "restore.exists", true},
        {RunRecord::State::Failed, "restore.roles", true},
        {RunRecord::State::Failed, "restore.version", true},
        {RunRecord::State::Failed, "zstd.corrupt", false},
        {RunRecord::State::Failed, "restore.failed", false},
        {RunRecord::State::Failed, "", false},
        {RunRecord::State::Succeeded, "", false},
        {RunRecord::State::Cancelled, "restore.exists", false},
    };
    for (const Case &c : cases) {
        RunRecord run = makeRun(QStringLiteral("prod"), 1);
        run.kind = RunKind::Restore;
        auto id = catalog->beginRun(run);
        VERIFY_OK(id);
        VERIFY_OK(catalog->finishRun(*id, c.state, QStringLiteral("outcome"), 0, QLatin1String(c.code)));
        auto read = catalog->run(*id);
        VERIFY_OK(read);
        QCOMPARE(read->errorCode, QLatin1String(c.code));
        QVERIFY2(read->refused() == c.refused, c.code);
        auto listed = catalog->runs(QStringLiteral("prod"), 1);
        VERIFY_OK(listed);
        QCOMPARE(listed->first().errorCode, QLatin1String(c.code));
        m_clock->advanceSeconds(1);
    }
}

void TestCatalog::migratesSchema4Runs()
{
    // A catalog as schema 4 left it: runs without error codes. They read as plain failures.
    qint64 id = 0;
    {
        auto catalog = openCatalog(m_path);
        QVERIFY(catalog);
        auto begun = catalog->beginRun(makeRun(QStringLiteral("prod"), 1));
        VERIFY_OK(begun);
        id = *begun;
    }
    rawQuery(m_path, QStringLiteral("ALTER TABLE runs DROP COLUMN error_code"));
    rawQuery(m_path, QStringLiteral("UPDATE runs SET state='failed', message='database exists'"));
    rawQuery(m_path, QStringLiteral("PRAGMA user_version=4"));

    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    QCOMPARE(catalog->schemaVersion(), Catalog::kSchemaVersion);
    auto migrated = catalog->run(id);
    VERIFY_OK(migrated);
    QCOMPARE(migrated->state, RunRecord::State::Failed);
    QCOMPARE(migrated->message, QStringLiteral("database exists"));
    QCOMPARE(migrated->errorCode, QString());
    QVERIFY(!migrated->refused());
    VERIFY_OK(catalog->finishRun(id, RunRecord::State::Failed, QStringLiteral("exists"), 0,
                                 QStringLiteral("restore.exists")));
    QVERIFY(catalog->run(id)->refused());
}

void TestCatalog::markInterruptedRuns()
{
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    auto alive = catalog->beginRun(makeRun(QStringLiteral("prod"), 100));
    auto dead = catalog->beginRun(makeRun(QStringLiteral("prod"), 200));
    RunRecord queued = makeRun(QStringLiteral("prod"), 300);
    queued.state = RunRecord::State::Queued;
    auto deadQueued = catalog->beginRun(queued);
    auto done = catalog->beginRun(makeRun(QStringLiteral("prod"), 400));
    VERIFY_OK(alive);
    VERIFY_OK(dead);
    VERIFY_OK(deadQueued);
    VERIFY_OK(done);
    VERIFY_OK(catalog->finishRun(*done, RunRecord::State::Failed, QStringLiteral("disk full"), 5));
    m_clock->advanceSeconds(30);

    QList<qint64> asked;
    auto marked = catalog->markInterruptedRuns([&asked](const RunRecord &r) {
        asked << r.pid;
        return r.pid == 100;
    });
    VERIFY_OK(marked);
    QCOMPARE(*marked, 2);
    std::sort(asked.begin(), asked.end());
    QCOMPARE(asked, (QList<qint64>{100, 200, 300})); // finished runs are not even asked about

    auto a = catalog->run(*alive);
    VERIFY_OK(a);
    QCOMPARE(a->state, RunRecord::State::Running);
    QVERIFY(!a->finishedUtc.isValid());

    for (qint64 id : {*dead, *deadQueued}) {
        auto r = catalog->run(id);
        VERIFY_OK(r);
        QCOMPARE(r->state, RunRecord::State::Interrupted);
        QCOMPARE(r->finishedUtc, m_clock->nowUtc());
        QVERIFY2(r->message.contains(QLatin1String("interrupted")), qPrintable(r->message));
        QVERIFY2(r->message.contains(QString::number(r->pid)), qPrintable(r->message));
        auto events = catalog->events(id);
        VERIFY_OK(events);
        QCOMPARE(events->size(), 1);
        QVERIFY(events->at(0).contains(QLatin1String(" error interrupted")));
    }

    auto d = catalog->run(*done);
    VERIFY_OK(d);
    QCOMPARE(d->state, RunRecord::State::Failed);
    QCOMPARE(d->message, QStringLiteral("disk full"));

    // Once marked, a second pass finds nothing more.
    auto again = catalog->markInterruptedRuns([](const RunRecord &) { return false; });
    VERIFY_OK(again);
    QCOMPARE(*again, 1); // only the one that was alive before
    auto none = catalog->markInterruptedRuns([](const RunRecord &) { return false; });
    VERIFY_OK(none);
    QCOMPARE(*none, 0);
}

void TestCatalog::crashLeavesRunRunning()
{
    // A process that dies mid-run leaves the catalog files as they are on disk at that moment:
    // the database and its un-checkpointed write-ahead log. Copy them while the catalog is open.
    const QString crashed = m_dir->filePath(QStringLiteral("crashed.sqlite"));
    qint64 runId = 0;
    {
        auto catalog = openCatalog(m_path);
        QVERIFY(catalog);
        VERIFY_OK(catalog->addProfile(makeProfile(QStringLiteral("prod"))));
        auto id = catalog->beginRun(makeRun(QStringLiteral("prod"), 31337));
        VERIFY_OK(id);
        runId = *id;
        VERIFY_OK(catalog->addEvent(runId, LogLevel::Info, QStringLiteral("dumping shop")));
        QVERIFY(QFile::copy(m_path, crashed));
        QVERIFY(QFile::copy(m_path + QStringLiteral("-wal"), crashed + QStringLiteral("-wal")));
    }

    m_clock->advanceSeconds(3600);
    auto catalog = openCatalog(crashed);
    QVERIFY(catalog);
    auto before = catalog->run(runId);
    VERIFY_OK(before);
    QCOMPARE(before->state, RunRecord::State::Running);
    QCOMPARE(before->pid, 31337);

    auto marked = catalog->markInterruptedRuns([](const RunRecord &) { return false; });
    VERIFY_OK(marked);
    QCOMPARE(*marked, 1);
    auto after = catalog->run(runId);
    VERIFY_OK(after);
    QCOMPARE(after->state, RunRecord::State::Interrupted);
    QCOMPARE(after->finishedUtc, m_clock->nowUtc());
    auto events = catalog->events(runId);
    VERIFY_OK(events);
    QCOMPARE(events->size(), 2);
    QVERIFY(events->at(0).endsWith(QLatin1String("info dumping shop")));

    // And it stays interrupted once the catalog is reopened.
    catalog.reset();
    catalog = openCatalog(crashed);
    QVERIFY(catalog);
    after = catalog->run(runId);
    VERIFY_OK(after);
    QCOMPARE(after->state, RunRecord::State::Interrupted);
}

void TestCatalog::concurrentWriters()
{
    {
        auto catalog = openCatalog(m_path);
        QVERIFY(catalog);
    }
    constexpr int Threads = 2;
    constexpr int RunsPerThread = 200;
    std::atomic<int> failures{0};
    QSemaphore ready, go;
    QList<qint64> ids[Threads];
    QString errors[Threads];

    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            auto opened = Catalog::open(m_path);
            ready.release();
            if (!opened) {
                errors[t] = errorText(opened.error());
                ++failures;
                return;
            }
            go.acquire();
            Catalog &catalog = **opened;
            const QString profile = QStringLiteral("writer-%1").arg(t);
            for (int i = 0; i < RunsPerThread; ++i) {
                auto id = catalog.beginRun(makeRun(profile, 1000 + t));
                if (!id) {
                    errors[t] = errorText(id.error());
                    ++failures;
                    return;
                }
                ids[t] << *id;
                Status e = catalog.addEvent(*id, LogLevel::Info, QStringLiteral("run %1").arg(i));
                Status f = catalog.finishRun(*id, RunRecord::State::Succeeded, QStringLiteral("ok"), i);
                if (!e || !f) {
                    errors[t] = errorText(!e ? e.error() : f.error());
                    ++failures;
                    return;
                }
                if (i % 50 == 0) {
                    auto a = catalog.addArtifact(
                        makeArtifact(profile, QStringLiteral("db%1").arg(i), m_clock->nowUtc(), i));
                    if (!a) {
                        errors[t] = errorText(a.error());
                        ++failures;
                        return;
                    }
                }
            }
        }));
        threads.back()->start();
    }
    ready.acquire(Threads);
    go.release(Threads);
    for (auto &thread : threads)
        QVERIFY(thread->wait(120000));
    for (int t = 0; t < Threads; ++t)
        QVERIFY2(errors[t].isEmpty(), qPrintable(errors[t]));
    QCOMPARE(failures.load(), 0);

    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    auto all = catalog->runs();
    VERIFY_OK(all);
    QCOMPARE(all->size(), Threads * RunsPerThread);
    QSet<qint64> unique;
    for (const RunRecord &r : *all) {
        unique.insert(r.id);
        QCOMPARE(r.state, RunRecord::State::Succeeded);
    }
    QCOMPARE(unique.size(), Threads * RunsPerThread);
    for (int t = 0; t < Threads; ++t) {
        QCOMPARE(ids[t].size(), RunsPerThread);
        auto mine = catalog->runs(QStringLiteral("writer-%1").arg(t));
        VERIFY_OK(mine);
        QCOMPARE(mine->size(), RunsPerThread);
        for (qint64 id : std::as_const(ids[t]))
            QVERIFY(unique.contains(id));
    }
    QCOMPARE(rawQuery(m_path, QStringLiteral("SELECT count(*) FROM events")).toInt(),
             Threads * RunsPerThread);
    auto artifacts = catalog->artifacts();
    VERIFY_OK(artifacts);
    QCOMPARE(artifacts->size(), Threads * (RunsPerThread / 50));
}

void TestCatalog::concurrentFirstOpen()
{
    // The app, the CLI and a timer may all open a catalog that does not exist yet at once: each
    // must end up with the same, migrated, catalog.
    constexpr int Threads = 4;
    for (int round = 0; round < 5; ++round) {
        const QString path = m_dir->filePath(QStringLiteral("first-%1.sqlite").arg(round));
        QSemaphore go;
        QString errors[Threads];
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                go.acquire();
                auto opened = Catalog::open(path);
                if (!opened) {
                    errors[t] = errorText(opened.error());
                    return;
                }
                auto id = (*opened)->addProfile(makeProfile(QStringLiteral("p%1").arg(t)));
                if (!id)
                    errors[t] = errorText(id.error());
            }));
            threads.back()->start();
        }
        go.release(Threads);
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        for (int t = 0; t < Threads; ++t)
            QVERIFY2(errors[t].isEmpty(), qPrintable(errors[t]));
        auto catalog = openCatalog(path);
        QVERIFY(catalog);
        QCOMPARE(catalog->schemaVersion(), Catalog::kSchemaVersion);
        auto all = catalog->profiles();
        VERIFY_OK(all);
        QCOMPARE(all->size(), Threads);
        QCOMPARE(fileMode(path), 0600);
    }
}

void TestCatalog::writeTransactionCommitsOrRollsBack()
{
    auto catalog = openCatalog(m_path);
    QVERIFY(catalog);
    Catalog::AlertStateEntry entry;
    entry.profileName = QStringLiteral("prod");
    entry.subject = QStringLiteral("shop");
    entry.condition = QStringLiteral("stale");
    entry.state = QStringLiteral("failing");

    // A failing step rolls back what the transaction wrote before it.
    const Status failed = catalog->inWriteTransaction([&]() -> Status {
        if (Status s = catalog->setAlertState(entry); !s)
            return s;
        return makeError(QStringLiteral("test.fail"), QStringLiteral("the decision failed"));
    });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, QStringLiteral("test.fail"));
    auto none = catalog->alertStates(QStringLiteral("prod"));
    VERIFY_OK(none);
    QVERIFY(none->isEmpty());

    // A successful one commits; another connection (another process) sees it afterwards.
    VERIFY_OK(catalog->inWriteTransaction([&]() -> Status { return catalog->setAlertState(entry); }));
    auto other = openCatalog(m_path);
    QVERIFY(other);
    auto seen = other->alertStates(QStringLiteral("prod"));
    VERIFY_OK(seen);
    QCOMPARE(seen->size(), 1);
    QCOMPARE(seen->first().state, QStringLiteral("failing"));
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "TestCatalog.moc"
