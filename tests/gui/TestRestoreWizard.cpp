// The restore wizard against a real PostgreSQL: a real backup (lifeboat-cli, encrypted with an age
// key), then the wizard's pages driven with QTest — pick the backup, pass the integrity check, a
// new database, the options from the table of contents, pre-flight, the restore — and the report
// and the database checked through libpq; and a restore cancelled mid-way drops its new database.

#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "engine/jobs/JobRunner.h"
#include "engine/pg/PgSession.h"
#include "gui/Translations.h"
#include "gui/restore/RestoreIntegrityPage.h"
#include "gui/restore/RestoreOptionsPage.h"
#include "gui/restore/RestorePickPage.h"
#include "gui/restore/RestorePreflightPage.h"
#include "gui/restore/RestoreReportPage.h"
#include "gui/restore/RestoreRunPage.h"
#include "gui/restore/RestoreWizard.h"
#include "mock/InMemorySecretStore.h"
#include "support/PgTestCluster.h"
#include "support/ProcessRunner.h"
#include "support/TestPeers.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace lifeboat;
using namespace lifeboat::test;

class TestRestoreWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void restoresIntoANewDatabase();
    void cancelDropsTheNewDatabase();

private:
    qint64 backUp(const QString &profile, const QString &database);
    qint64 count(const QString &database, const QString &sql);
    bool databaseExists(const QString &database);
    // Drives the wizard from the pick page to the run page (the restore has started).
    void driveToRun(RestoreWizard &wizard, qint64 artifactId, const QString &database);

    PgTestCluster m_pg;
    QTemporaryDir m_tmp;
    ProcessRunner m_run;
    QString m_config;
    QString m_keyFile;
    qint64 m_fixtureId = 0;
    qint64 m_bulkId = 0;
};

void TestRestoreWizard::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Translations::install();
    QVERIFY(m_tmp.isValid());
    QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
    m_pg.exportClientEnvironment(); // the wizard's jobs (in this process) find the password as libpq does
    m_run.setEnvironment(m_pg.clientEnvironment());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE fixture")).isNull());
    QVERIFY2(
        m_pg.psqlFile(sourceDir() + QStringLiteral("/tests/data/fixture.sql"), QStringLiteral("fixture")),
        qPrintable(m_pg.lastPsqlError()));
    // A database big enough that its restore is still running when the test cancels it.
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE bulk")).isNull());
    QVERIFY2(!m_pg.psql(QStringLiteral(
                            "CREATE TABLE items AS SELECT g AS id, md5(g::text) || md5((g * 7)::text) AS "
                            "body FROM generate_series(1, 1500000) g"),
                        QStringLiteral("bulk"))
                  .isNull(),
             qPrintable(m_pg.lastPsqlError()));

    m_keyFile = m_tmp.filePath(QStringLiteral("key.txt"));
    QCOMPARE(m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-o"), m_keyFile}).exitCode, 0);
    const QString recipient =
        m_run.run(QStringLiteral("age-keygen"), {QStringLiteral("-y"), m_keyFile}).outText().trimmed();
    m_config = m_tmp.filePath(QStringLiteral("config"));
    const QString dest = m_tmp.filePath(QStringLiteral("dest"));
    QDir().mkpath(dest);
    for (const QString &db : {QStringLiteral("fixture"), QStringLiteral("bulk")}) {
        ProcessResult add =
            m_run.cli(m_config, {QStringLiteral("profile"), QStringLiteral("add"), db, QStringLiteral("--db"),
                                 m_pg.uri(db), QStringLiteral("--dest"), dest, QStringLiteral("--recipient"),
                                 recipient});
        QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    }
    m_fixtureId = backUp(QStringLiteral("fixture"), QStringLiteral("fixture"));
    m_bulkId = backUp(QStringLiteral("bulk"), QStringLiteral("bulk"));
    QVERIFY(m_fixtureId > 0 && m_bulkId > 0);
}

qint64 TestRestoreWizard::backUp(const QString &profile, const QString &database)
{
    ProcessResult backup = m_run.cli(m_config, {QStringLiteral("backup"), profile});
    if (backup.exitCode != 0) {
        qWarning() << backup.errText();
        return 0;
    }
    const QJsonArray list =
        QJsonDocument::fromJson(
            m_run.cli(m_config, {QStringLiteral("--json"), QStringLiteral("list"), profile}).out)
            .array();
    for (const QJsonValue &v : list) {
        if (v.toObject().value(QLatin1String("database")).toString() == database)
            return v.toObject().value(QLatin1String("id")).toInteger();
    }
    return 0;
}

qint64 TestRestoreWizard::count(const QString &database, const QString &sql)
{
    ConnectionSpec spec;
    spec.host = m_pg.host();
    spec.port = QString::number(m_pg.port());
    spec.user = m_pg.superuser();
    auto session = PgSession::connect(spec, database);
    if (!session) {
        qWarning() << session.error().message;
        return -1;
    }
    auto rows = (*session)->query(sql);
    return rows && !rows->isEmpty() ? rows->first().first().toLongLong() : -1;
}

bool TestRestoreWizard::databaseExists(const QString &database)
{
    return count(QStringLiteral("postgres"),
                 QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'").arg(database)) == 1;
}

void TestRestoreWizard::driveToRun(RestoreWizard &wizard, qint64 artifactId, const QString &database)
{
    // 1. Pick: the backup preselected (as History's Restore… does); encrypted, so an identity file.
    wizard.preselect(artifactId);
    auto *pick = qobject_cast<RestorePickPage *>(wizard.page(RestoreWizard::PickPage));
    QVERIFY(pick);
    QTRY_VERIFY(pick->tree()->topLevelItemCount() == 2);
    QTRY_VERIFY(pick->isComplete());
    QCOMPARE(wizard.artifact().id, artifactId);
    QVERIFY(wizard.artifact().encrypted);
    QVERIFY(!wizard.manifest().tables.isEmpty());
    wizard.setIdentityFiles({m_keyFile});
    wizard.next();

    // 2. Integrity: a job; the page completes only once it passed.
    QCOMPARE(wizard.currentId(), int(RestoreWizard::IntegrityPage));
    auto *integrity = qobject_cast<RestoreIntegrityPage *>(wizard.currentPage());
    QVERIFY(!integrity->isComplete());
    QTRY_VERIFY_WITH_TIMEOUT(integrity->job().isFinished(), 120000);
    QVERIFY2(integrity->succeeded(), qPrintable(integrity->job().message));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next();

    // 3. Target: a new database on the profile's server, named <db>_restore_<yyyyMMdd_HHmm>.
    QCOMPARE(wizard.currentId(), int(RestoreWizard::TargetPage));
    auto *name = wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("targetNameEdit"));
    QVERIFY(name->text().startsWith(wizard.artifact().database + QStringLiteral("_restore_")));
    QVERIFY(wizard.currentPage()->findChild<QRadioButton *>(QStringLiteral("targetNewButton"))->isChecked());
    // Replacing needs the name typed again.
    wizard.currentPage()->findChild<QRadioButton *>(QStringLiteral("targetReplaceButton"))->setChecked(true);
    QCOMPARE(name->text(), wizard.artifact().database);
    QVERIFY(!wizard.currentPage()->isComplete());
    QTest::keyClicks(wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("targetConfirmEdit")),
                     wizard.artifact().database);
    QVERIFY(wizard.currentPage()->isComplete());
    wizard.currentPage()->findChild<QRadioButton *>(QStringLiteral("targetNewButton"))->setChecked(true);
    name->setText(database);
    QVERIFY(wizard.currentPage()->isComplete());
    wizard.next();

    // 4. Options: the table of contents with row counts, all checked.
    QCOMPARE(wizard.currentId(), int(RestoreWizard::OptionsPage));
    auto *options = qobject_cast<RestoreOptionsPage *>(wizard.currentPage());
    QVERIFY(options->tree()->topLevelItemCount() > 0);
    for (QTreeWidgetItemIterator it(options->tree()); *it; ++it)
        QCOMPARE((*it)->checkState(0), Qt::Checked);
    wizard.next();

    // 5. Pre-flight on the worker thread.
    QCOMPARE(wizard.currentId(), int(RestoreWizard::PreflightPage));
    auto *preflight = qobject_cast<RestorePreflightPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(preflight->results()->topLevelItemCount() > 0, 30000);
    QTRY_VERIFY(preflight->isComplete());
    QStringList checks;
    for (int i = 0; i < preflight->results()->topLevelItemCount(); ++i)
        checks << preflight->results()->topLevelItem(i)->text(0) + QStringLiteral(": ") +
                      preflight->results()->topLevelItem(i)->text(1);
    const QString checkText = checks.join(QLatin1Char('\n'));
    QVERIFY2(checkText.contains(QStringLiteral("Versions: target PostgreSQL")), qPrintable(checkText));
    QVERIFY2(checkText.contains(QStringLiteral("a new database '%1' will be created").arg(database)),
             qPrintable(checkText));
    QVERIFY2(checkText.contains(QLatin1String("Disk space:")), qPrintable(checkText));
    QVERIFY(!databaseExists(database)); // nothing changed on the server yet
    wizard.next();                      // the commit: the restore starts
    QCOMPARE(wizard.currentId(), int(RestoreWizard::RunPage));
}

void TestRestoreWizard::restoresIntoANewDatabase()
{
    const ConfigPaths paths(m_config);
    JobRunner runner(paths);
    RestoreWizard wizard(paths, &runner, std::make_shared<InMemorySecretStore>());
    wizard.resize(900, 650);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    driveToRun(wizard, m_fixtureId, QStringLiteral("fixture_wizard"));
    if (QTest::currentTestFailed())
        return;

    auto *run = qobject_cast<RestoreRunPage *>(wizard.currentPage());
    QVERIFY(!wizard.button(QWizard::BackButton)->isVisible() ||
            !wizard.button(QWizard::BackButton)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(run->job().isFinished(), 180000);
    QVERIFY2(run->succeeded(), qPrintable(run->job().message));
    wizard.next();

    QCOMPARE(wizard.currentId(), int(RestoreWizard::ReportPage));
    auto *report = qobject_cast<RestoreReportPage *>(wizard.currentPage());
    QVERIFY(report->comparison()->topLevelItemCount() > 0);
    bool sawUnicode = false;
    for (int i = 0; i < report->comparison()->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = report->comparison()->topLevelItem(i);
        QCOMPARE(item->text(3), QStringLiteral("matches"));
        QCOMPARE(item->text(1), item->text(2));
        if (item->text(0) == QStringLiteral("données.Ünïcødé tåble")) {
            sawUnicode = true;
            QCOMPARE(item->text(1), QStringLiteral("250"));
        }
    }
    QVERIFY(sawUnicode);
    QCOMPARE(report->connectionString(),
             QStringLiteral("postgresql://postgres@127.0.0.1:%1/fixture_wizard").arg(m_pg.port()));
    QCOMPARE(report->psqlCommand(), QStringLiteral("psql '%1'").arg(report->connectionString()));
    QVERIFY(wizard.findChild<QPushButton *>(QStringLiteral("reportConnectionEditCopy")));

    // The rows are really there.
    QCOMPARE(count(QStringLiteral("fixture_wizard"),
                   QStringLiteral("SELECT count(*) FROM \"données\".\"Ünïcødé tåble\"")),
             qint64(250));
    QCOMPARE(count(QStringLiteral("fixture"), QStringLiteral("SELECT count(*) FROM sales.customers")),
             count(QStringLiteral("fixture_wizard"), QStringLiteral("SELECT count(*) FROM sales.customers")));
    // Done starts over (the wizard is also the main window's Restore page).
    wizard.button(QWizard::FinishButton)->click();
}

void TestRestoreWizard::cancelDropsTheNewDatabase()
{
    const ConfigPaths paths(m_config);
    JobRunner runner(paths);
    RestoreWizard wizard(paths, &runner, std::make_shared<InMemorySecretStore>());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    driveToRun(wizard, m_bulkId, QStringLiteral("bulk_cancelled"));
    if (QTest::currentTestFailed())
        return;
    auto *run = qobject_cast<RestoreRunPage *>(wizard.currentPage());
    // Cancel once the new database exists and the data is going in.
    QTRY_VERIFY_WITH_TIMEOUT(databaseExists(QStringLiteral("bulk_cancelled")) || run->job().isFinished(),
                             60000);
    QVERIFY2(!run->job().isFinished(), "the restore finished before it could be cancelled");
    QVERIFY(run->cancelButton()->isEnabled());
    run->cancelButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(run->job().isFinished(), 60000);
    QCOMPARE(run->job().state, JobInfo::State::Cancelled);
    QVERIFY2(run->job().message.contains(QLatin1String("dropped")), qPrintable(run->job().message));
    QVERIFY(!run->isComplete());
    QVERIFY(!databaseExists(QStringLiteral("bulk_cancelled")));
    QVERIFY(databaseExists(QStringLiteral("bulk"))); // the source is untouched
}

QTEST_MAIN(TestRestoreWizard)
#include "TestRestoreWizard.moc"
