// Alerts end to end: webhook payloads (generic, Slack, Mattermost, Discord, Teams, healthchecks)
// checked by a real local HTTP receiver, retries on 5xx, unreachable and silent receivers, alert
// de-duplication (one per change of state, reminders, recovery) with a mock clock, the
// Prometheus textfile, `lifeboat-cli status` exit codes against a real catalog, and a real backup
// whose webhook is unreachable: the backup still succeeds and the failure is recorded.

#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "core/SecretStore.h"
#include "engine/alerts/AlertService.h"
#include "engine/alerts/PrometheusTextfileWriter.h"
#include "engine/alerts/WebhookPayload.h"
#include "engine/alerts/WebhookSender.h"
#include "mock/InMemorySecretStore.h"
#include "mock/MockClock.h"
#include "support/KeyringSession.h"
#include "support/PgTestCluster.h"
#include "support/ProcessRunner.h"
#include "support/WebhookReceiver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lifeboat;
using namespace lifeboat::test;

namespace {

Alert sampleAlert(const QString &event = QStringLiteral("failure"))
{
    Alert a;
    a.profileName = QStringLiteral("shop");
    a.subject = QStringLiteral("app");
    a.condition = QStringLiteral("backup-failed");
    a.event = event;
    a.level = HealthLevel::Failing;
    a.message = QStringLiteral("the last backup failed: could not connect to db1:5432");
    a.timeUtc = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
    a.runId = 7;
    return a;
}

WebhookResult deliver(WebhookSender &sender, const WebhookRequest &request, int timeoutMs = 30000)
{
    QSignalSpy spy(&sender, &WebhookSender::finished);
    sender.send(request);
    if (!spy.wait(timeoutMs))
        return WebhookResult{false, 0, 0, QStringLiteral("no result from WebhookSender")};
    return spy.first().at(1).value<WebhookResult>();
}

// Records a backup run of `profile` (and, when it succeeds, one artifact per database) that
// lasts `seconds` on the mock clock.
qint64 recordBackup(Catalog &catalog, MockClock &clock, const Profile &profile, bool ok,
                    qint64 bytes = qint64(1) << 20, int seconds = 90)
{
    RunRecord run;
    run.profileId = profile.id;
    run.profileName = profile.name;
    run.kind = RunKind::Backup;
    run.state = RunRecord::State::Running;
    run.startedUtc = clock.nowUtc();
    auto id = catalog.beginRun(run);
    if (!id)
        return 0;
    if (ok) {
        for (const QString &db : profile.databases) {
            ArtifactRecord a;
            a.runId = *id;
            a.profileId = profile.id;
            a.profileName = profile.name;
            a.database = db;
            a.createdUtc = clock.nowUtc();
            a.dumpBytes = bytes * 3;
            a.storedBytes = bytes;
            a.sha256 = QStringLiteral("00");
            a.manifestJson = "{}";
            a.locations.append({QStringLiteral("/backups"), db + QStringLiteral(".dump.zst"),
                                db + QStringLiteral(".manifest.json")});
            if (!catalog.addArtifact(a))
                return 0;
        }
    }
    clock.advanceSeconds(seconds);
    (void)catalog.finishRun(
        *id, ok ? RunRecord::State::Succeeded : RunRecord::State::Failed,
        ok ? QStringLiteral("backed up") : QStringLiteral("could not connect to db1:5432"), ok ? bytes : 0);
    return *id;
}

AlertPassResult runPass(AlertService &service, const std::function<void()> &start)
{
    QSignalSpy spy(&service, &AlertService::passFinished);
    start();
    if (!spy.wait(60000))
        return {};
    return spy.first().at(0).value<AlertPassResult>();
}

} // namespace

class TestWebhook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void payloadFormats_data();
    void payloadFormats();
    void serverErrorsAreRetried();
    void clientErrorIsNotRetried();
    void unreachableWebhook();
    void silentWebhookTimesOut();
    void alertsAreDeduplicated();
    void healthchecksGetEveryBackupOutcome();
    void failedDeliveryIsRecordedOnTheRun();
    void prometheusTextfile();
    void prometheusTextfilePassesPromtool();
    void statusExitCodes();
    void unreachableWebhookNeverFailsARealBackup();

private:
    struct Setup
    {
        QString configDir;
        std::unique_ptr<Catalog> catalog;
        std::shared_ptr<InMemorySecretStore> store;
        Profile profile;
    };
    // A config dir with a catalog, profile "shop" (database "app") and its webhook URL.
    bool makeSetup(Setup &s, const QString &format, const QString &webhookUrl);

    QTemporaryDir m_tmp;
    int m_counter = 0;
};

void TestWebhook::initTestCase()
{
    QVERIFY(m_tmp.isValid());
}

bool TestWebhook::makeSetup(Setup &s, const QString &format, const QString &webhookUrl)
{
    s.configDir = m_tmp.filePath(QStringLiteral("config-%1").arg(++m_counter));
    QDir().mkpath(s.configDir);
    auto catalog = Catalog::open(ConfigPaths(s.configDir).catalogPath());
    if (!catalog)
        return false;
    s.catalog = std::move(*catalog);
    s.profile.name = QStringLiteral("shop");
    s.profile.databases = {QStringLiteral("app")};
    s.profile.destinations = {QStringLiteral("/backups")};
    s.profile.alerts.webhookFormat = format;
    s.profile.alerts.reminderHours = 24;
    auto id = s.catalog->addProfile(s.profile);
    if (!id)
        return false;
    s.profile.id = *id;
    s.store = std::make_shared<InMemorySecretStore>(ConfigPaths(s.configDir).secretScope());
    if (!webhookUrl.isEmpty()) {
        s.store->plant(SecretKey{s.profile.name, SecretKind::Webhook}, webhookUrl.toUtf8());
        if (!s.catalog->recordSecret(s.profile.name, QStringLiteral("webhook")))
            return false;
    }
    return true;
}

void TestWebhook::payloadFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QStringList>("keys");

    const QString json = QStringLiteral("application/json");
    QTest::newRow("generic") << QStringLiteral("generic") << QStringLiteral("failure")
                             << QStringLiteral("/hook") << json
                             << QStringList{QStringLiteral("condition"), QStringLiteral("database"),
                                            QStringLiteral("event"),     QStringLiteral("host"),
                                            QStringLiteral("level"),     QStringLiteral("message"),
                                            QStringLiteral("profile"),   QStringLiteral("runId"),
                                            QStringLiteral("time"),      QStringLiteral("title")};
    QTest::newRow("slack") << QStringLiteral("slack") << QStringLiteral("failure") << QStringLiteral("/hook")
                           << json << QStringList{QStringLiteral("text")};
    QTest::newRow("mattermost") << QStringLiteral("mattermost") << QStringLiteral("failure")
                                << QStringLiteral("/hook") << json << QStringList{QStringLiteral("text")};
    QTest::newRow("discord") << QStringLiteral("discord") << QStringLiteral("failure")
                             << QStringLiteral("/hook") << json << QStringList{QStringLiteral("content")};
    QTest::newRow("teams") << QStringLiteral("teams") << QStringLiteral("failure") << QStringLiteral("/hook")
                           << json << QStringList{QStringLiteral("@context"),   QStringLiteral("@type"),
                                                  QStringLiteral("summary"),    QStringLiteral("text"),
                                                  QStringLiteral("themeColor"), QStringLiteral("title")};
    QTest::newRow("healthchecks failure")
        << QStringLiteral("healthchecks") << QStringLiteral("failure") << QStringLiteral("/hook/fail")
        << QStringLiteral("text/plain; charset=utf-8") << QStringList();
    QTest::newRow("healthchecks success")
        << QStringLiteral("healthchecks") << QStringLiteral("success") << QStringLiteral("/hook")
        << QStringLiteral("text/plain; charset=utf-8") << QStringList();
    QTest::newRow("healthchecks test")
        << QStringLiteral("healthchecks") << QStringLiteral("test") << QStringLiteral("/hook/log")
        << QStringLiteral("text/plain; charset=utf-8") << QStringList();
}

void TestWebhook::payloadFormats()
{
    QFETCH(QString, format);
    QFETCH(QString, event);
    QFETCH(QString, path);
    QFETCH(QString, contentType);
    QFETCH(QStringList, keys);

    WebhookReceiver receiver;
    QVERIFY(receiver.start());
    WebhookSender sender;
    const Alert alert = sampleAlert(event);
    auto request = WebhookPayload::build(format, QUrl(receiver.url()), alert, QStringLiteral("box1"));
    QVERIFY2(request.ok(), request.ok() ? "" : qPrintable(request.error().message));
    const WebhookResult result = deliver(sender, *request);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.attempts, 1);
    QCOMPARE(result.httpStatus, 200);

    QCOMPARE(receiver.count(), 1);
    const WebhookReceiver::Request r = receiver.requests().first();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(QString::fromLatin1(r.path), path);
    QCOMPARE(QString::fromLatin1(r.headers.value("content-type")), contentType);
    QVERIFY(r.headers.value("user-agent").startsWith("Lifeboat/"));
    const QString expectedText =
        QStringLiteral("[shop/app] %1: the last backup failed: could not connect to db1:5432 (host box1)")
            .arg(event);
    if (keys.isEmpty()) { // healthchecks: the text is the body
        QCOMPARE(QString::fromUtf8(r.body), expectedText);
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
    QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
    const QJsonObject o = doc.object();
    QStringList actualKeys = o.keys();
    actualKeys.sort();
    QCOMPARE(actualKeys, keys);
    if (format == QLatin1String("generic")) {
        QCOMPARE(o.value(QLatin1String("profile")).toString(), QStringLiteral("shop"));
        QCOMPARE(o.value(QLatin1String("database")).toString(), QStringLiteral("app"));
        QCOMPARE(o.value(QLatin1String("event")).toString(), QStringLiteral("failure"));
        QCOMPARE(o.value(QLatin1String("level")).toString(), QStringLiteral("failing"));
        QCOMPARE(o.value(QLatin1String("condition")).toString(), QStringLiteral("backup-failed"));
        QCOMPARE(o.value(QLatin1String("message")).toString(), alert.message);
        QCOMPARE(o.value(QLatin1String("host")).toString(), QStringLiteral("box1"));
        QCOMPARE(o.value(QLatin1String("time")).toString(), QStringLiteral("2026-01-15T12:00:00Z"));
        QCOMPARE(o.value(QLatin1String("runId")).toInteger(), 7);
        QCOMPARE(o.value(QLatin1String("title")).toString(), QStringLiteral("Lifeboat: shop is failing"));
    } else if (format == QLatin1String("teams")) {
        QCOMPARE(o.value(QLatin1String("@type")).toString(), QStringLiteral("MessageCard"));
        QCOMPARE(o.value(QLatin1String("@context")).toString(),
                 QStringLiteral("https://schema.org/extensions"));
        QCOMPARE(o.value(QLatin1String("title")).toString(), QStringLiteral("Lifeboat: shop is failing"));
        QCOMPARE(o.value(QLatin1String("themeColor")).toString(), QStringLiteral("D40E0D"));
        QCOMPARE(o.value(QLatin1String("text")).toString(), expectedText);
    } else {
        QCOMPARE(o.value(keys.first()).toString(), expectedText);
    }
}

void TestWebhook::serverErrorsAreRetried()
{
    WebhookReceiver receiver;
    QVERIFY(receiver.start());
    receiver.answerNext({500, 503});
    WebhookSender sender(WebhookSender::Options{5000, 4, 50});
    auto request = WebhookPayload::build(QStringLiteral("generic"), QUrl(receiver.url()), sampleAlert(),
                                         QStringLiteral("box1"));
    QVERIFY(request.ok());
    const WebhookResult result = deliver(sender, *request);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.attempts, 3);
    QCOMPARE(receiver.count(), 3);
    // The same message each time; delivered (200) exactly once.
    for (const WebhookReceiver::Request &r : receiver.requests())
        QCOMPARE(r.body, receiver.requests().first().body);
    QTest::qWait(300);
    QCOMPARE(receiver.count(), 3);
}

void TestWebhook::clientErrorIsNotRetried()
{
    WebhookReceiver receiver;
    QVERIFY(receiver.start());
    receiver.answerNext({404});
    WebhookSender sender(WebhookSender::Options{5000, 4, 50});
    const QString url = receiver.url(QStringLiteral("/services/T000/B000/tokenAbc123xyz"));
    auto request =
        WebhookPayload::build(QStringLiteral("slack"), QUrl(url), sampleAlert(), QStringLiteral("box1"));
    QVERIFY(request.ok());
    const WebhookResult result = deliver(sender, *request);
    QVERIFY(!result.ok);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(result.httpStatus, 404);
    QCOMPARE(result.error, QStringLiteral("the webhook of profile 'shop' answered HTTP 404"));
    QCOMPARE(receiver.count(), 1);
}

void TestWebhook::unreachableWebhook()
{
    WebhookSender sender(WebhookSender::Options{5000, 3, 50});
    const QString url = QStringLiteral("http://127.0.0.1:%1/services/T000/B000/tokenAbc123xyz")
                            .arg(WebhookReceiver::closedPort());
    auto request =
        WebhookPayload::build(QStringLiteral("generic"), QUrl(url), sampleAlert(), QStringLiteral("box1"));
    QVERIFY(request.ok());
    const WebhookResult result = deliver(sender, *request);
    QVERIFY(!result.ok);
    QCOMPARE(result.attempts, 3);
    QCOMPARE(result.httpStatus, 0);
    QVERIFY2(result.error.startsWith(QStringLiteral("the webhook of profile 'shop' could not be reached (")),
             qPrintable(result.error));
    QVERIFY2(result.error.endsWith(QStringLiteral("after 3 attempts")), qPrintable(result.error));
    QVERIFY2(!result.error.contains(QStringLiteral("tokenAbc123xyz")), qPrintable(result.error));
}

void TestWebhook::silentWebhookTimesOut()
{
    WebhookReceiver receiver;
    QVERIFY(receiver.start());
    receiver.answerNext({-1, -1});
    WebhookSender sender(WebhookSender::Options{400, 2, 50});
    auto request = WebhookPayload::build(QStringLiteral("discord"), QUrl(receiver.url()), sampleAlert(),
                                         QStringLiteral("box1"));
    QVERIFY(request.ok());
    const WebhookResult result = deliver(sender, *request);
    QVERIFY(!result.ok);
    QCOMPARE(result.attempts, 2);
    QVERIFY2(result.error.contains(QStringLiteral("no answer within 0.4 s")), qPrintable(result.error));
    QCOMPARE(receiver.count(), 2);
}

void TestWebhook::alertsAreDeduplicated()
{
    MockClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    WebhookReceiver receiver;
    QVERIFY(receiver.start());
    Setup s;
    QVERIFY(makeSetup(s, QStringLiteral("generic"), receiver.url()));
    AlertService service(ConfigPaths(s.configDir), s.store, WebhookSender::Options{5000, 3, 50});
    QSignalSpy desktop(&service, &AlertService::notification);
    auto check = [&] {
        return runPass(service, [&] { service.check(s.profile.name); });
    };

    QVERIFY(recordBackup(*s.catalog, clock, s.profile, true) > 0);
    AlertPassResult r = check();
    QCOMPARE(r.alerts.size(), 0); // healthy: nothing to say
    QCOMPARE(receiver.count(), 0);

    // The first failure: one alert.
    QVERIFY(recordBackup(*s.catalog, clock, s.profile, false) > 0);
    r = check();
    QCOMPARE(r.alerts.size(), 1);
    QCOMPARE(r.delivered, 1);
    QCOMPARE(receiver.count(), 1);
    QJsonObject sent = receiver.requests().last().json();
    QCOMPARE(sent.value(QLatin1String("event")).toString(), QStringLiteral("failure"));
    QCOMPARE(sent.value(QLatin1String("level")).toString(), QStringLiteral("failing"));
    QCOMPARE(sent.value(QLatin1String("message")).toString(),
             QStringLiteral("the last backup failed: could not connect to db1:5432"));
    QCOMPARE(desktop.size(), 1);
    auto states = s.catalog->alertStates(s.profile.name);
    QVERIFY(states.ok());
    QCOMPARE(states->size(), 1);
    QCOMPARE(states->first().condition, QStringLiteral("backup-failed"));
    QCOMPARE(states->first().state, QStringLiteral("failing"));

    // The same failing state again (even a longer streak): nothing new.
    r = check();
    QCOMPARE(r.alerts.size(), 0);
    QVERIFY(recordBackup(*s.catalog, clock, s.profile, false) > 0);
    r = check();
    QCOMPARE(r.alerts.size(), 0);
    QCOMPARE(receiver.count(), 1);

    // 23 h later: still quiet; after 24 h: one reminder.
    clock.advanceSeconds(23 * 3600);
    QCOMPARE(check().alerts.size(), 0);
    clock.advanceSeconds(3600);
    r = check();
    QCOMPARE(r.alerts.size(), 1);
    QCOMPARE(receiver.count(), 2);
    sent = receiver.requests().last().json();
    QCOMPARE(sent.value(QLatin1String("event")).toString(), QStringLiteral("reminder"));
    QCOMPARE(sent.value(QLatin1String("message")).toString(),
             QStringLiteral("the last 2 backups failed: could not connect to db1:5432"));
    QCOMPARE(check().alerts.size(), 0);

    // The clock jumps back a day: no reminder storm, no alert.
    clock.advanceSeconds(-24 * 3600);
    QCOMPARE(check().alerts.size(), 0);
    clock.advanceSeconds(24 * 3600);

    // Recovery: one "recovered", then silence.
    QVERIFY(recordBackup(*s.catalog, clock, s.profile, true) > 0);
    r = check();
    QCOMPARE(r.alerts.size(), 1);
    QCOMPARE(receiver.count(), 3);
    sent = receiver.requests().last().json();
    QCOMPARE(sent.value(QLatin1String("event")).toString(), QStringLiteral("recovered"));
    QCOMPARE(sent.value(QLatin1String("level")).toString(), QStringLiteral("healthy"));
    QVERIFY2(
        sent.value(QLatin1String("message")).toString().startsWith(QStringLiteral("backups succeed again")),
        qPrintable(sent.value(QLatin1String("message")).toString()));
    QCOMPARE(check().alerts.size(), 0);
    QCOMPARE(receiver.count(), 3);
    states = s.catalog->alertStates(s.profile.name);
    QVERIFY(states.ok());
    QCOMPARE(states->size(), 0);
    QCOMPARE(desktop.size(), 3);

    // Desktop notifications off: webhooks only.
    s.profile.alerts.desktop = false;
    QVERIFY(s.catalog->updateProfile(s.profile).ok());
    QVERIFY(recordBackup(*s.catalog, clock, s.profile, false) > 0);
    QCOMPARE(check().alerts.size(), 1);
    QCOMPARE(receiver.count(), 4);
    QCOMPARE(desktop.size(), 3);
}

void TestWebhook::healthchecksGetEveryBackupOutcome()
{
    MockClock clock;
    WebhookReceiver receiver;
    QVERIFY(receiver.start());
    Setup s;
    QVERIFY(makeSetup(s, QStringLiteral("healthchecks"), receiver.url(QStringLiteral("/ping/abc-123"))));
    AlertService service(ConfigPaths(s.configDir), s.store, WebhookSender::Options{5000, 3, 50});

    JobInfo job;
    job.kind = RunKind::Backup;
    job.profileName = s.profile.name;
    for (bool ok : {true, true, false}) {
        job.runId = recordBackup(*s.catalog, clock, s.profile, ok);
        job.state = ok ? JobInfo::State::Succeeded : JobInfo::State::Failed;
        job.message = ok ? QStringLiteral("backed up") : QStringLiteral("could not connect to db1:5432");
        const AlertPassResult r = runPass(service, [&] { service.jobFinished(job); });
        QCOMPARE(r.failed, 0);
    }
    QCOMPARE(receiver.count(), 3); // every outcome, not only changes
    QCOMPARE(receiver.requests().at(0).path, QByteArray("/ping/abc-123"));
    QCOMPARE(receiver.requests().at(1).path, QByteArray("/ping/abc-123"));
    QCOMPARE(receiver.requests().at(2).path, QByteArray("/ping/abc-123/fail"));
    QVERIFY(receiver.requests().at(2).body.contains("could not connect to db1:5432"));

    // A staleness check is not a ping (healthchecks.io notices silence itself).
    runPass(service, [&] { service.check(s.profile.name); });
    QCOMPARE(receiver.count(), 3);
    // A test goes to /log.
    const AlertPassResult t = runPass(service, [&] { service.sendTest(s.profile.name); });
    QCOMPARE(t.delivered, 1);
    QCOMPARE(receiver.requests().last().path, QByteArray("/ping/abc-123/log"));
}

void TestWebhook::failedDeliveryIsRecordedOnTheRun()
{
    MockClock clock;
    Setup s;
    const QString url =
        QStringLiteral("http://127.0.0.1:%1/hooks/sEcReTtOkEn9876").arg(WebhookReceiver::closedPort());
    QVERIFY(makeSetup(s, QStringLiteral("generic"), url));
    AlertService service(ConfigPaths(s.configDir), s.store, WebhookSender::Options{5000, 2, 50});
    JobInfo job;
    job.kind = RunKind::Backup;
    job.profileName = s.profile.name;
    job.runId = recordBackup(*s.catalog, clock, s.profile, false);
    job.state = JobInfo::State::Failed;
    const AlertPassResult r = runPass(service, [&] { service.jobFinished(job); });
    QCOMPARE(r.alerts.size(), 1);
    QCOMPARE(r.failed, 1);
    QCOMPARE(r.warnings.size(), 1);
    QVERIFY2(r.warnings.first().startsWith(
                 QStringLiteral("alert not delivered: the webhook of profile 'shop' could not be reached")),
             qPrintable(r.warnings.first()));
    auto events = s.catalog->events(job.runId);
    QVERIFY(events.ok());
    const QString all = events->join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("warning alert not delivered: the webhook of profile 'shop'")),
             qPrintable(all));
    QVERIFY(!all.contains(QStringLiteral("sEcReTtOkEn9876")));
    // The run itself is untouched.
    auto run = s.catalog->run(job.runId);
    QVERIFY(run.ok());
    QCOMPARE(run->state, RunRecord::State::Failed);
    QCOMPARE(run->message, QStringLiteral("could not connect to db1:5432"));
}

void TestWebhook::prometheusTextfile()
{
    MockClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    Setup s;
    QVERIFY(makeSetup(s, QStringLiteral("generic"), QString()));
    const QString folder = m_tmp.filePath(QStringLiteral("textfiles"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/lifeboat.prom");
    s.profile.databases = {QStringLiteral("app"), QStringLiteral("we\"ird\\db")};
    s.profile.alerts.prometheusTextfile = path;
    QVERIFY(s.catalog->updateProfile(s.profile).ok());
    Profile other;
    other.name = QStringLiteral("crm");
    other.databases = {QStringLiteral("crm")};
    other.destinations = {QStringLiteral("/backups")};
    other.alerts.prometheusTextfile = path;
    QVERIFY(s.catalog->addProfile(other).ok());

    const QDateTime started = clock.nowUtc();
    const qint64 runId = recordBackup(*s.catalog, clock, s.profile, true, 5242880, 90);
    QVERIFY(runId > 0);
    auto artifacts = s.catalog->artifacts(s.profile.name);
    QVERIFY(artifacts.ok());
    for (const ArtifactRecord &a : *artifacts)
        if (a.database == QLatin1String("app"))
            QVERIFY(s.catalog->setVerification(a.id, QStringLiteral("verified"), clock.nowUtc(), 12.5).ok());

    AlertService service(ConfigPaths(s.configDir), s.store);
    const AlertPassResult r = runPass(service, [&] { service.check(s.profile.name); });
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));

    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    const QString t = QString::number(started.toSecsSinceEpoch());
    const QStringList expected = {
        QStringLiteral(
            "# HELP lifeboat_backup_last_success_timestamp_seconds Unix time of the newest successful "
            "backup of the database."),
        QStringLiteral("# TYPE lifeboat_backup_last_success_timestamp_seconds gauge"),
        QStringLiteral("lifeboat_backup_last_success_timestamp_seconds{profile=\"shop\",database=\"app\"} ") +
            t,
        QStringLiteral("lifeboat_backup_last_success_timestamp_seconds{profile=\"shop\",database="
                       "\"we\\\"ird\\\\db\"} ") +
            t,
        QStringLiteral("# HELP lifeboat_backup_duration_seconds Duration of the backup run that made the "
                       "newest backup."),
        QStringLiteral("# TYPE lifeboat_backup_duration_seconds gauge"),
        QStringLiteral("lifeboat_backup_duration_seconds{profile=\"shop\",database=\"app\"} 90.000"),
        QStringLiteral(
            "lifeboat_backup_duration_seconds{profile=\"shop\",database=\"we\\\"ird\\\\db\"} 90.000"),
        QStringLiteral(
            "# HELP lifeboat_backup_size_bytes Stored size of the newest backup (compressed, encrypted)."),
        QStringLiteral("# TYPE lifeboat_backup_size_bytes gauge"),
        QStringLiteral("lifeboat_backup_size_bytes{profile=\"shop\",database=\"app\"} 5242880"),
        QStringLiteral("lifeboat_backup_size_bytes{profile=\"shop\",database=\"we\\\"ird\\\\db\"} 5242880"),
        QStringLiteral(
            "# HELP lifeboat_backup_verification_success 1 if the newest verification (a real restore) "
            "of the database succeeded, 0 if it failed or there was none."),
        QStringLiteral("# TYPE lifeboat_backup_verification_success gauge"),
        QStringLiteral("lifeboat_backup_verification_success{profile=\"shop\",database=\"app\"} 1"),
        QStringLiteral(
            "lifeboat_backup_verification_success{profile=\"shop\",database=\"we\\\"ird\\\\db\"} 0"),
        QStringLiteral(
            "# HELP lifeboat_health_status Health of the profile: 0 healthy, 1 warning, 2 failing."),
        QStringLiteral("# TYPE lifeboat_health_status gauge"),
        QStringLiteral("lifeboat_health_status{profile=\"crm\"} 1"), // never backed up
        QStringLiteral("lifeboat_health_status{profile=\"shop\"} 0"),
        QString(), // the file ends with a newline
    };
    QCOMPARE(lines.size(), expected.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(lines.at(i), expected.at(i));
    QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadOther | QFile::WriteOther | QFile::ExeOther),
             QFile::ReadOther);
    // Written through a temporary file and a rename: nothing else is left in the folder.
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("lifeboat.prom")});
}

void TestWebhook::prometheusTextfilePassesPromtool()
{
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (promtool.isEmpty())
        QSKIP("promtool is not installed (Debian ships it only inside the 96 MB prometheus server package); "
              "prometheusTextfile checks the format line by line");
    HealthReport report;
    report.profileName = QStringLiteral("we\"ird\\profile\nname");
    report.level = HealthLevel::Warning;
    DatabaseHealth d;
    d.database = QStringLiteral("app");
    d.lastSuccessUtc = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    d.lastDurationSeconds = 12.25;
    d.lastSizeBytes = 1234;
    report.databases.append(d);
    const QString path = m_tmp.filePath(QStringLiteral("promtool.prom"));
    QVERIFY(PrometheusTextfileWriter::write(path, {report}).ok());
    ProcessRunner run;
    const ProcessResult check =
        run.shell(QStringLiteral("%1 check metrics < %2").arg(promtool, ProcessRunner::quote(path)));
    QVERIFY2(check.exitCode == 0, qPrintable(check.errText() + check.outText()));
}

void TestWebhook::statusExitCodes()
{
    const QString config = m_tmp.filePath(QStringLiteral("status-config"));
    QVERIFY(QDir().mkpath(config));
    ProcessRunner run;
    ProcessResult r = run.cli(config, {QStringLiteral("status")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.outText().contains(QStringLiteral("no profiles yet")), qPrintable(r.outText()));

    auto catalog = Catalog::open(ConfigPaths(config).catalogPath());
    QVERIFY(catalog.ok());
    const QDateTime realNow = QDateTime::currentDateTimeUtc();
    auto addProfile = [&](const QString &name, const QString &schedule) {
        Profile p;
        p.name = name;
        p.databases = {QStringLiteral("app")};
        p.destinations = {QStringLiteral("/backups")};
        p.schedule = schedule;
        auto id = (*catalog)->addProfile(p);
        p.id = id.ok() ? *id : 0;
        return p;
    };
    {
        MockClock clock(realNow.addSecs(-3600));
        const Profile fresh = addProfile(QStringLiteral("fresh"), QStringLiteral("daily@02:00"));
        QVERIFY(recordBackup(**catalog, clock, fresh, true) > 0);
    }
    r = run.cli(config, {QStringLiteral("status")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.outText() + r.errText()));
    QVERIFY2(r.outText().startsWith(QStringLiteral("fresh  HEALTHY  schedule daily@02:00  RPO target 24 h")),
             qPrintable(r.outText()));

    addProfile(QStringLiteral("new"), QString());
    r = run.cli(config, {QStringLiteral("status")});
    QVERIFY2(r.exitCode == 1, qPrintable(r.outText() + r.errText()));
    QVERIFY2(r.outText().contains(QStringLiteral("warning app: never backed up")), qPrintable(r.outText()));

    {
        MockClock clock(realNow.addSecs(-40 * 3600));
        const Profile stale = addProfile(QStringLiteral("stale"), QStringLiteral("daily@02:00"));
        QVERIFY(recordBackup(**catalog, clock, stale, true) > 0);
    }
    r = run.cli(config, {QStringLiteral("status")});
    QVERIFY2(r.exitCode == 2, qPrintable(r.outText() + r.errText()));
    QVERIFY2(r.outText().contains(QStringLiteral("FAILING app: no successful backup for 40 h (schedule: ")),
             qPrintable(r.outText()));

    QCOMPARE(run.cli(config, {QStringLiteral("status"), QStringLiteral("fresh")}).exitCode, 0);
    QCOMPARE(run.cli(config, {QStringLiteral("status"), QStringLiteral("new")}).exitCode, 1);
    r = run.cli(config, {QStringLiteral("status"), QStringLiteral("nosuch")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.errText().contains(QStringLiteral("there is no profile named 'nosuch'")),
             qPrintable(r.errText()));
    QCOMPARE(run.cli(config, {QStringLiteral("status"), QStringLiteral("--bogus")}).exitCode, 3);

    r = run.cli(config, {QStringLiteral("--json"), QStringLiteral("status")});
    QCOMPARE(r.exitCode, 2);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("level")).toString(), QStringLiteral("failing"));
    const QJsonArray profiles = o.value(QLatin1String("profiles")).toArray();
    QCOMPARE(profiles.size(), 3);
    QCOMPARE(profiles.at(0).toObject().value(QLatin1String("profile")).toString(), QStringLiteral("fresh"));
    QCOMPARE(profiles.at(0).toObject().value(QLatin1String("level")).toString(), QStringLiteral("healthy"));
    QCOMPARE(profiles.at(0)
                 .toObject()
                 .value(QLatin1String("rpo"))
                 .toObject()
                 .value(QLatin1String("intervalSeconds"))
                 .toInteger(),
             86400);
    QCOMPARE(profiles.at(1).toObject().value(QLatin1String("level")).toString(), QStringLiteral("warning"));
    QCOMPARE(profiles.at(2).toObject().value(QLatin1String("level")).toString(), QStringLiteral("failing"));
    QCOMPARE(profiles.at(2)
                 .toObject()
                 .value(QLatin1String("findings"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("condition"))
                 .toString(),
             QStringLiteral("stale"));
}

void TestWebhook::unreachableWebhookNeverFailsARealBackup()
{
    KeyringSession keyring;
    QVERIFY2(keyring.start(), qPrintable(keyring.errorString()));
    PgTestCluster pg;
    QVERIFY2(pg.start(), qPrintable(pg.errorString()));
    QVERIFY(!pg.psql(QStringLiteral("CREATE DATABASE shopdb")).isNull());
    QVERIFY(!pg.psql(QStringLiteral("CREATE TABLE t(id int); INSERT INTO t SELECT generate_series(1, 1000)"),
                     QStringLiteral("shopdb"))
                 .isNull());

    ProcessRunner run(keyring.environment(pg.clientEnvironment()));
    const QString config = m_tmp.filePath(QStringLiteral("backup-config"));
    const QString dest = m_tmp.filePath(QStringLiteral("backup-dest"));
    QVERIFY(QDir().mkpath(config));
    QVERIFY(QDir().mkpath(dest));
    ProcessResult r =
        run.cli(config, {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("shop"),
                         QStringLiteral("--db"), pg.uri(QStringLiteral("shopdb")), QStringLiteral("--dest"),
                         dest, QStringLiteral("--webhook-format"), QStringLiteral("healthchecks")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
    const QString token = QStringLiteral("pingToken4242abcd");
    const QString url =
        QStringLiteral("http://127.0.0.1:%1/ping/%2").arg(WebhookReceiver::closedPort()).arg(token);
    r = run.cli(
        config,
        {QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("webhook")},
        url.toUtf8());
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));

    r = run.cli(config, {QStringLiteral("--json"), QStringLiteral("backup"), QStringLiteral("shop")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
    const QJsonObject job = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(job.value(QLatin1String("artifactIds")).toArray().size(), 1);
    QVERIFY2(r.errText().contains(
                 QStringLiteral("alert not delivered: the webhook of profile 'shop' could not be reached")),
             qPrintable(r.errText()));
    QVERIFY2(!r.errText().contains(token) && !r.outText().contains(token), qPrintable(r.errText()));

    auto catalog = Catalog::open(ConfigPaths(config).catalogPath());
    QVERIFY(catalog.ok());
    const qint64 runId = job.value(QLatin1String("runId")).toInteger();
    auto stored = (*catalog)->run(runId);
    QVERIFY(stored.ok());
    QCOMPARE(stored->state, RunRecord::State::Succeeded);
    auto events = (*catalog)->events(runId);
    QVERIFY(events.ok());
    const QString all = events->join(QLatin1Char('\n'));
    QVERIFY2(all.contains(
                 QStringLiteral("alert not delivered: the webhook of profile 'shop' could not be reached")),
             qPrintable(all));
    QVERIFY(!all.contains(token));

    r = run.cli(config, {QStringLiteral("status"), QStringLiteral("shop")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.outText() + r.errText()));
}

QTEST_GUILESS_MAIN(TestWebhook)
#include "TestWebhook.moc"
