// The desktop app's profile workflow on real widgets: the first-run welcome finds servers in a
// fake HOME; a profile is created through the wizard against a real PostgreSQL (connection test,
// database picker, key generation), backed up from its dashboard card — with an event-loop stall
// watchdog running during the backup — and seen in the card and the catalog; the schedules view
// shows a daily schedule's next run and its switch saves the profile.

#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "core/ScheduleRule.h"
#include "engine/jobs/JobRunner.h"
#include "engine/storage/S3Url.h"
#include "gui/CatalogReader.h"
#include "gui/DisplayFormat.h"
#include "gui/MainWindow.h"
#include "gui/Translations.h"
#include "gui/TrayIcon.h"
#include "gui/dashboard/DashboardCard.h"
#include "gui/dashboard/DashboardView.h"
#include "gui/profile/ProfileEditor.h"
#include "gui/profile/WelcomePage.h"
#include "gui/schedules/SchedulesView.h"
#include "mock/InMemorySecretStore.h"
#include "support/PgTestCluster.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocalServer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace lifeboat;

namespace {

// Reads the catalog the way the app does (a CatalogReader), here synchronously on the test's thread.
CatalogSnapshot readSnapshot(const ConfigPaths &paths)
{
    CatalogReader reader(paths);
    CatalogSnapshot out;
    QObject::connect(&reader, &CatalogReader::loaded, [&out](const CatalogSnapshot &s) { out = s; });
    reader.load(true);
    return out;
}

void writeFile(const QString &path, const QByteArray &contents)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(contents);
}

} // namespace

class TestProfileWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstRunFindsServersInHome();
    void wizardCreatesAProfileAndTheDashboardBacksItUp();
    void schedulesViewShowsTheNextRunAndSavesTheSwitch();
    void s3PresetsBuildTheUrl();
    void trayIconShowsTheWorstHealthAndFailures();
    void cardReasonKeepsTheDatabaseNameAsWritten();
    void mainWindowShowsTheWelcomeThenTheCardsAndSchedules();

private:
    QTemporaryDir m_tmp;
    test::PgTestCluster m_pg;
    std::shared_ptr<InMemorySecretStore> m_secrets = std::make_shared<InMemorySecretStore>();
};

void TestProfileWorkflow::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Translations::install();
    qRegisterMetaType<lifeboat::CatalogSnapshot>();
    QVERIFY(m_tmp.isValid());
}

void TestProfileWorkflow::firstRunFindsServersInHome()
{
    const QString home = m_tmp.filePath(QStringLiteral("home"));
    QVERIFY(QDir().mkpath(home));
    writeFile(home + QStringLiteral("/.pgpass"), "# comment\n"
                                                 "db1.example:5433:shop:alice:Sup3r-Secret-Pass\n"
                                                 "*:*:*:bob:An0ther-Secret\n"
                                                 "db\\:odd:5432:*:carol:x\n");
    writeFile(home + QStringLiteral("/.pg_service.conf"), "[billing]\nhost=db2.example\ndbname=billing\n");
    // A real Unix socket named like PostgreSQL's, in a directory of its own.
    const QString socketDir = m_tmp.filePath(QStringLiteral("run"));
    QVERIFY(QDir().mkpath(socketDir));
    QLocalServer socket;
    QVERIFY(socket.listen(socketDir + QStringLiteral("/.s.PGSQL.5499")));

    const ConfigPaths paths(m_tmp.filePath(QStringLiteral("first-run")));
    WelcomePage page(paths, [this] { return std::static_pointer_cast<SecretStore>(m_secrets); });
    QSignalSpy found(&page, &WelcomePage::found);
    LocalServerFinder::Options options;
    options.home = home;
    options.useProcessEnvironment = false;
    options.environment.insert(QStringLiteral("PGHOST"), QStringLiteral("envhost.example"));
    options.environment.insert(QStringLiteral("PGUSER"), QStringLiteral("dave"));
    options.socketDirectories = {socketDir};
    options.probeLocalTcp = false;
    page.findServers(options);
    QVERIFY(found.wait(60000));

    QStringList seen;
    for (const LocalServerFinder::Candidate &c : page.candidates()) {
        seen << c.spec.displayName() + QStringLiteral(" [") + c.source + QLatin1Char(']');
        QVERIFY2(!c.spec.toConnInfo().contains(QLatin1String("Secret")), "a password left ~/.pgpass");
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("dave@envhost.example [PG* environment variables]"),
                                QStringLiteral("alice@db1.example:5433 [~/.pgpass]"),
                                QStringLiteral("carol@db:odd:5432 [~/.pgpass]"),
                                QStringLiteral("service billing [pg_service.conf]"),
                                QStringLiteral("%1:5499 [local socket]").arg(socketDir)}));
    QCOMPARE(found.first().first().toInt(), 5);
    auto *list = page.findChild<QListWidget *>(QStringLiteral("serverList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 5);

    // The wizard starts prefilled for the chosen server, with a profile that validates as is.
    const Profile suggested = page.suggestedProfile(page.candidates().at(1));
    QCOMPARE(suggested.connection.host, QStringLiteral("db1.example"));
    QCOMPARE(suggested.databases, QStringList{QStringLiteral("shop")});
    const Status suggestedOk = suggested.validate();
    QVERIFY2(suggestedOk.ok(), suggestedOk.ok() ? "" : qPrintable(suggestedOk.error().message));
    list->setCurrentRow(3);
    ProfileEditor *editor = page.startWizard();
    QVERIFY(editor);
    QCOMPARE(editor->profile().connection.service, QStringLiteral("billing"));
    QCOMPARE(editor->profile().databaseMode, Profile::DatabaseMode::All);
    editor->close();
}

void TestProfileWorkflow::wizardCreatesAProfileAndTheDashboardBacksItUp()
{
    QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
    m_pg.exportClientEnvironment(); // the password reaches libpq and pg_dump as for psql (PGPASSWORD)
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE shop")).isNull());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE TABLE orders AS SELECT g AS id, md5(g::text) AS note "
                                      "FROM generate_series(1, 200000) g"),
                       QStringLiteral("shop"))
                 .isNull());
    const ConfigPaths paths(m_tmp.filePath(QStringLiteral("config")));
    const QString dest = m_tmp.filePath(QStringLiteral("dest"));
    auto provider = [this] {
        return std::static_pointer_cast<SecretStore>(m_secrets);
    };

    // --- the wizard
    ProfileEditor wizard(ProfileEditor::Mode::Create, paths, provider);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto *next = wizard.findChild<QPushButton *>(QStringLiteral("nextButton"));
    auto *finish = wizard.findChild<QPushButton *>(QStringLiteral("finishButton"));
    QVERIFY(next && finish);
    QVERIFY(!finish->isEnabled()); // a wizard: Create only on the last page
    QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("shop"));
    QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("connectionEdit")),
                     m_pg.uri(QStringLiteral("postgres")));
    QSignalSpy tested(&wizard, &ProfileEditor::connectionTested);
    wizard.findChild<QPushButton *>(QStringLiteral("testConnectionButton"))->click();
    QVERIFY(tested.wait(30000));
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
    const QString result = wizard.findChild<QLabel *>(QStringLiteral("connectionResult"))->text();
    QVERIFY2(result.contains(QStringLiteral("PostgreSQL %1.").arg(m_pg.majorVersion())), qPrintable(result));
    QVERIFY2(result.contains(QLatin1String("pg_dump")), qPrintable(result));

    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentSection(), int(ProfileEditor::DatabasesSection));
    auto *databases = wizard.findChild<QListWidget *>(QStringLiteral("databaseList"));
    const QList<QListWidgetItem *> shop = databases->findItems(QStringLiteral("shop"), Qt::MatchExactly);
    QCOMPARE(shop.size(), 1);
    shop.first()->setCheckState(Qt::Checked);

    QTest::mouseClick(next, Qt::LeftButton);
    wizard.findChild<QListWidget *>(QStringLiteral("destinationList"))->addItem(dest);
    QSignalSpy destTested(&wizard, &ProfileEditor::destinationTested);
    wizard.findChild<QPushButton *>(QStringLiteral("testDestinationButton"))->click();
    QVERIFY(destTested.wait(60000));
    QVERIFY(!destTested.first().at(0).toBool()); // not there yet: says so
    QVERIFY2(destTested.first().at(1).toString().contains(QLatin1String("does not exist")),
             qPrintable(destTested.first().at(1).toString()));
    QVERIFY(QDir().mkpath(dest));
    destTested.clear();
    wizard.findChild<QPushButton *>(QStringLiteral("testDestinationButton"))->click();
    QVERIFY(destTested.wait(60000));
    QVERIFY2(destTested.first().at(0).toBool(), qPrintable(destTested.first().at(1).toString()));

    QTest::mouseClick(next, Qt::LeftButton); // compression and encryption: a key is generated by default
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentSection(), int(ProfileEditor::ScheduleSection));
    auto *rule = wizard.findChild<QLineEdit *>(QStringLiteral("scheduleEdit"));
    QTest::keyClicks(rule, QStringLiteral("daily@02:30"));
    QCOMPARE(wizard.findChild<QLabel *>(QStringLiteral("scheduleDescription"))->text(),
             ScheduleRule::parse(QStringLiteral("daily@02:30"))->describe());
    QCOMPARE(
        wizard.findChild<QLabel *>(QStringLiteral("nextRunsLabel"))->text().split(QLatin1Char('\n')).size(),
        5);
    QTest::mouseClick(next, Qt::LeftButton);
    QVERIFY(finish->isEnabled());
    QSignalSpy saved(&wizard, &ProfileEditor::saved);
    QTest::mouseClick(finish, Qt::LeftButton);
    QVERIFY(saved.wait(30000));

    // In the catalog: the profile, with the generated key's recipient and its secret index entry.
    {
        auto catalog = Catalog::open(paths.catalogPath());
        QVERIFY(catalog.ok());
        auto profile = (*catalog)->profile(QStringLiteral("shop"));
        QVERIFY(profile.ok());
        QCOMPARE(profile->databases, QStringList{QStringLiteral("shop")});
        QCOMPARE(profile->destinations, QStringList{dest});
        QCOMPARE(profile->schedule, QStringLiteral("daily@02:30"));
        QCOMPARE(profile->recipients.size(), 1);
        auto identity = (*catalog)->secret(QStringLiteral("shop"), QStringLiteral("age-identity"));
        QVERIFY(identity.ok() && identity->has_value());
    }

    // --- the dashboard: the card warns that the key was never exported.
    JobRunner runner(paths);
    DashboardView dashboard(paths, &runner, provider);
    dashboard.resize(900, 600);
    dashboard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    dashboard.setSnapshot(readSnapshot(paths));
    DashboardCard *card = dashboard.card(QStringLiteral("shop"));
    QVERIFY(card);
    QVERIFY(card->findChild<QFrame *>(QStringLiteral("identityBanner"))->isVisibleTo(card));
    QCOMPARE(card->findChild<QLabel *>(QStringLiteral("lastBackup"))->text(),
             QStringLiteral("Last backup: none yet"));

    // Back up now, with a watchdog on the event loop: a timer every 5 ms records the longest gap.
    qint64 maxGapMs = 0;
    QElapsedTimer sinceTick;
    QTimer watchdog;
    watchdog.setInterval(5);
    watchdog.setTimerType(Qt::PreciseTimer);
    connect(&watchdog, &QTimer::timeout, this, [&] { maxGapMs = qMax(maxGapMs, sinceTick.restart()); });
    QSignalSpy finished(&runner, &JobRunner::jobFinished);
    sinceTick.start();
    watchdog.start();
    card->findChild<QPushButton *>(QStringLiteral("backUpButton"))->click();
    QVERIFY(!card->findChild<QPushButton *>(QStringLiteral("backUpButton"))->isEnabled());
    QVERIFY(finished.wait(120000));
    watchdog.stop();
    const JobInfo job = finished.first().first().value<JobInfo>();
    QVERIFY2(job.state == JobInfo::State::Succeeded, qPrintable(job.message));
    // Target (issue 7): ≤ 50 ms. The assertion allows 250 ms: this test shares a loaded 2-core CI
    // machine with the PostgreSQL server, pg_dump, zstd and the other tests running in parallel,
    // where the scheduler alone can hold the GUI thread off a core for tens of milliseconds; a
    // GUI thread that waited on the dump, the disk or the catalog would stall for whole seconds.
    qInfo("event-loop watchdog during the backup: max gap %lld ms (target 50 ms)", maxGapMs);
    QVERIFY2(maxGapMs <= 250, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(maxGapMs)));

    // The new backup in the card and in the catalog.
    dashboard.setSnapshot(readSnapshot(paths));
    const QString lastBackup = card->findChild<QLabel *>(QStringLiteral("lastBackup"))->text();
    QVERIFY2(lastBackup.startsWith(QLatin1String("Last backup: just now")), qPrintable(lastBackup));
    QVERIFY2(lastBackup.contains(QLatin1String("succeeded")), qPrintable(lastBackup));
    QVERIFY(card->findChild<QPushButton *>(QStringLiteral("verifyButton"))->isEnabled());
    auto catalog = Catalog::open(paths.catalogPath());
    QVERIFY(catalog.ok());
    auto artifacts = (*catalog)->artifacts(QStringLiteral("shop"));
    QVERIFY(artifacts.ok());
    QCOMPARE(artifacts->size(), 1);
    QCOMPARE(artifacts->first().database, QStringLiteral("shop"));
    QVERIFY(artifacts->first().encrypted);

    // Verify from the card: an integrity check of the new backup, with the key from the keychain.
    finished.clear();
    card->findChild<QPushButton *>(QStringLiteral("verifyButton"))->click();
    QVERIFY(finished.wait(60000));
    const JobInfo check = finished.first().first().value<JobInfo>();
    QCOMPARE(check.kind, RunKind::Integrity);
    QVERIFY2(check.state == JobInfo::State::Succeeded, qPrintable(check.message));
    // The card tells the integrity check from a test restore, and shows the measured objectives:
    // the daily schedule's recovery point target; no recovery time until a test restore.
    dashboard.setSnapshot(readSnapshot(paths));
    const QString verified = card->findChild<QLabel *>(QStringLiteral("lastVerified"))->text();
    QVERIFY2(
        verified.startsWith(QStringLiteral("Last verified: never by a test restore · integrity checked")),
        qPrintable(verified));
    const QString recovery = card->findChild<QLabel *>(QStringLiteral("recoveryObjectives"))->text();
    QVERIFY2(recovery.startsWith(QLatin1String("Recovery point: 24 h 0 min target")), qPrintable(recovery));
    QVERIFY2(recovery.contains(QLatin1String("recovery time: not measured yet")), qPrintable(recovery));

    // Export the recovery kit (0600) and the banner goes.
    const QString kit = m_tmp.filePath(QStringLiteral("kit.txt"));
    QSignalSpy changed(&dashboard, &DashboardView::catalogChanged);
    dashboard.exportRecoveryKit(QStringLiteral("shop"), kit);
    QVERIFY(changed.wait(60000));
    QCOMPARE(QFile::permissions(kit) &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFileDevice::Permissions());
    QVERIFY(QFile(kit).size() > 0);
    dashboard.setSnapshot(readSnapshot(paths));
    QVERIFY(!card->findChild<QFrame *>(QStringLiteral("identityBanner"))->isVisibleTo(card));
}

void TestProfileWorkflow::schedulesViewShowsTheNextRunAndSavesTheSwitch()
{
    const ConfigPaths paths(m_tmp.filePath(QStringLiteral("schedules")));
    QVERIFY(paths.ensureExists().ok());
    {
        auto catalog = Catalog::open(paths.catalogPath());
        QVERIFY(catalog.ok());
        Profile p;
        p.name = QStringLiteral("nightly");
        p.connection.host = QStringLiteral("db.example");
        p.databases = {QStringLiteral("shop")};
        p.destinations = {m_tmp.filePath(QStringLiteral("nightly-dest"))};
        p.schedule = QStringLiteral("daily@02:30");
        QVERIFY((*catalog)->addProfile(p).ok());
        Profile manual = p;
        manual.name = QStringLiteral("manual");
        manual.schedule.clear();
        QVERIFY((*catalog)->addProfile(manual).ok());
    }
    SchedulesView view(paths);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    view.setSnapshot(readSnapshot(paths));
    QTableWidget *table = view.table();
    QCOMPARE(table->rowCount(), 1); // the manual profile has no schedule
    QCOMPARE(table->item(0, SchedulesView::ProfileColumn)->text(), QStringLiteral("nightly"));
    QCOMPARE(table->item(0, SchedulesView::RuleColumn)->text(), QStringLiteral("every day at 02:30"));
    const QDateTime expected =
        ScheduleRule::parse(QStringLiteral("daily@02:30"))->nextAfter(before, QTimeZone::systemTimeZone());
    QCOMPARE(table->item(0, SchedulesView::NextRunColumn)->text(), DisplayFormat::dateTime(expected));
    QCOMPARE(table->item(0, SchedulesView::LastRunColumn)->text(), QStringLiteral("never"));

    // The switch: off, saved to the catalog off the GUI thread.
    QSignalSpy changed(&view, &SchedulesView::catalogChanged);
    table->item(0, SchedulesView::EnabledColumn)->setCheckState(Qt::Unchecked);
    QVERIFY(changed.wait(60000));
    auto catalog = Catalog::open(paths.catalogPath());
    QVERIFY(catalog.ok());
    QCOMPARE((*catalog)->profile(QStringLiteral("nightly"))->scheduleEnabled, false);
    view.setSnapshot(readSnapshot(paths));
    QCOMPARE(table->item(0, SchedulesView::NextRunColumn)->text(), QStringLiteral("paused"));
}

void TestProfileWorkflow::s3PresetsBuildTheUrl()
{
    ProfileEditor editor(ProfileEditor::Mode::Create, ConfigPaths(m_tmp.filePath(QStringLiteral("s3"))),
                         [this] { return std::static_pointer_cast<SecretStore>(m_secrets); });
    auto *provider = editor.findChild<QComboBox *>(QStringLiteral("s3ProviderCombo"));
    auto *bucket = editor.findChild<QLineEdit *>(QStringLiteral("s3BucketEdit"));
    auto *place = editor.findChild<QLineEdit *>(QStringLiteral("s3PlaceEdit"));
    auto *url = editor.findChild<QLabel *>(QStringLiteral("s3UrlLabel"));
    QVERIFY(provider && bucket && place && url);
    bucket->setText(QStringLiteral("backups"));
    const QList<std::pair<QString, QString>> cases{
        {QStringLiteral("eu-central-1"), QStringLiteral("s3://backups?region=eu-central-1")},
        {QStringLiteral("0123456789abcdef0123456789abcdef"),
         QStringLiteral("s3://backups?endpoint=r2:0123456789abcdef0123456789abcdef")},
        {QStringLiteral("us-west-004"), QStringLiteral("s3://backups?endpoint=b2:us-west-004")},
        {QStringLiteral("https://minio.example:9000"),
         QStringLiteral("s3://backups?endpoint=https://minio.example:9000&style=path")},
    };
    for (int i = 0; i < int(cases.size()); ++i) {
        provider->setCurrentIndex(i);
        place->setText(cases.at(i).first);
        QCOMPARE(url->text(), cases.at(i).second);
        // What the editor builds is what the engine accepts.
        const auto parsed = S3Url::parse(url->text());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    }
    editor.findChild<QPushButton *>(QStringLiteral("addS3Button"))->click();
    QCOMPARE(editor.profile().destinations, QStringList{cases.last().second});
}

void TestProfileWorkflow::cardReasonKeepsTheDatabaseNameAsWritten()
{
    const ConfigPaths paths(m_tmp.filePath(QStringLiteral("card-reason")));
    QVERIFY(paths.ensureExists().ok());
    JobRunner runner(paths);
    DashboardView dashboard(paths, &runner,
                            [this] { return std::static_pointer_cast<SecretStore>(m_secrets); });
    ProfileSummary damaged;
    damaged.profile.name = QStringLiteral("tiny");
    damaged.healthLevel = HealthLevel::Failing;
    damaged.healthReasons = {QStringLiteral("tiny: backup 3 (2026-11-21 15:22) failed its integrity check")};
    damaged.firstReasonNamesADatabase = true;
    ProfileSummary stale;
    stale.profile.name = QStringLiteral("shop");
    stale.healthLevel = HealthLevel::Failing;
    stale.healthReasons = {QStringLiteral("no successful backup for 31 h")};
    CatalogSnapshot snapshot;
    snapshot.profiles = {damaged, stale};
    dashboard.setSnapshot(snapshot);
    const auto reason = [&](const QString &profile) {
        DashboardCard *card = dashboard.card(profile);
        return card ? card->findChild<QLabel *>(QStringLiteral("healthReason"))->text() : QString();
    };
    // A database's name keeps its case; a sentence starts with a capital.
    QCOMPARE(reason(QStringLiteral("tiny")),
             QStringLiteral("tiny: backup 3 (2026-11-21 15:22) failed its integrity check"));
    QCOMPARE(reason(QStringLiteral("shop")), QStringLiteral("No successful backup for 31 h"));
}

void TestProfileWorkflow::trayIconShowsTheWorstHealthAndFailures()
{
    const ConfigPaths paths(m_tmp.filePath(QStringLiteral("tray")));
    QVERIFY(paths.ensureExists().ok());
    TrayIcon tray(paths);
    CatalogSnapshot snapshot;
    ProfileSummary ok;
    ok.profile.name = QStringLiteral("fine");
    ProfileSummary stale;
    stale.profile.name = QStringLiteral("shop");
    stale.healthLevel = HealthLevel::Failing;
    stale.healthReasons = {QStringLiteral("no successful backup for 31 h")};
    snapshot.profiles = {ok, stale};
    tray.setSnapshot(snapshot);
    QCOMPARE(tray.worstLevel(), HealthLevel::Failing);
    QCOMPARE(tray.toolTip(), QStringLiteral("Lifeboat\nshop: no successful backup for 31 h"));
    snapshot.profiles = {ok};
    tray.setSnapshot(snapshot);
    QCOMPARE(tray.worstLevel(), HealthLevel::Healthy);
    QCOMPARE(tray.toolTip(), QStringLiteral("Lifeboat — 1 profile, healthy"));

    // Without the alerts engine, a failed job is a notification; a successful one is not.
    JobInfo job;
    job.kind = RunKind::Backup;
    job.profileName = QStringLiteral("shop");
    job.state = JobInfo::State::Succeeded;
    tray.onJobFinished(job);
    QCOMPARE(tray.lastNotification(), QString());
    job.state = JobInfo::State::Failed;
    job.message = QStringLiteral("cannot reach PostgreSQL at db1:5432");
    tray.onJobFinished(job);
    QCOMPARE(tray.lastNotification(),
             QStringLiteral("Lifeboat: the backup of shop failed\ncannot reach PostgreSQL at db1:5432"));

    // The setting lives in the configuration folder's settings file.
    tray.setKeepRunningInTray(false);
    QCOMPARE(
        QSettings(paths.settingsPath(), QSettings::IniFormat).value(QStringLiteral("gui/keepRunningInTray")),
        QVariant(false));
    QVERIFY(!TrayIcon(paths).keepRunningInTray());
}

void TestProfileWorkflow::mainWindowShowsTheWelcomeThenTheCardsAndSchedules()
{
    const ConfigPaths paths(m_tmp.filePath(QStringLiteral("window")));
    QVERIFY(paths.ensureExists().ok());
    MainWindow window(paths);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *welcome = window.findChild<WelcomePage *>(QStringLiteral("welcomePage"));
    auto *dashboard = window.findChild<DashboardView *>(QStringLiteral("dashboardView"));
    QVERIFY(welcome && dashboard);
    QTRY_VERIFY(welcome->isVisible()); // no profile yet: the first-run welcome

    {
        auto catalog = Catalog::open(paths.catalogPath());
        QVERIFY(catalog.ok());
        Profile p;
        p.name = QStringLiteral("nightly");
        p.connection.host = QStringLiteral("db.example");
        p.databases = {QStringLiteral("shop")};
        p.destinations = {m_tmp.filePath(QStringLiteral("window-dest"))};
        p.schedule = QStringLiteral("daily@02:30");
        QVERIFY((*catalog)->addProfile(p).ok());
    }
    window.refresh();
    QTRY_VERIFY(dashboard->isVisible());
    QTRY_VERIFY(dashboard->card(QStringLiteral("nightly")));
    QVERIFY(window.showPage(MainWindow::Page::Schedules));
    auto *schedules = window.findChild<SchedulesView *>(QStringLiteral("schedulesView"));
    QVERIFY(schedules && schedules->isVisible());
    QCOMPARE(schedules->table()->rowCount(), 1);
    QCOMPARE(schedules->table()->item(0, SchedulesView::RuleColumn)->text(),
             QStringLiteral("every day at 02:30"));
    // The app's scheduler knows the profile: its catch-up column says what it does, not "not running".
    QTRY_VERIFY(schedules->table()->item(0, SchedulesView::CatchUpColumn)->text() !=
                QStringLiteral("scheduler not running"));
}

QTEST_MAIN(TestProfileWorkflow)
#include "TestProfileWorkflow.moc"
