#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "engine/jobs/JobModel.h"
#include "gui/DisplayFormat.h"
#include "gui/MainWindow.h"
#include "gui/PlaceholderTableView.h"
#include "gui/RecordTableModel.h"
#include "gui/Translations.h"
#include "gui/dashboard/BackupTableModel.h"
#include "gui/dashboard/DashboardCard.h"
#include "gui/dashboard/DashboardView.h"
#include "gui/dashboard/ProfileTableModel.h"
#include "gui/dashboard/RunTableModel.h"
#include "gui/history/HistoryModel.h"
#include "gui/history/HistoryView.h"
#include "gui/profile/ProfileEditor.h"
#include "gui/profile/WelcomePage.h"
#include "gui/restore/RestorePickPage.h"
#include "gui/restore/RestoreWizard.h"
#include "mock/MockClock.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace lifeboat;

namespace {

// The age README's example recipient: well-formed, and nobody holds its key.
const QString Recipient = QStringLiteral("age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p");

QDateTime utc(int day, int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(2026, 1, day), QTime(hour, minute, second), Qt::UTC);
}

QString sha(char c)
{
    return QString(64, QLatin1Char(c));
}

QVariant cell(QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->data(model->index(row, column), role);
}

QList<qint64> keys(QAbstractItemModel *model)
{
    QList<qint64> out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << cell(model, row, 0, RecordTableModel::KeyRole).toLongLong();
    return out;
}

QList<qint64> column(QAbstractItemModel *model, int column)
{
    QList<qint64> out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << cell(model, row, column, RecordTableModel::RawRole).toLongLong();
    return out;
}

// The focusable widgets under `root` (shown or not) that a screen reader would announce without a
// name: no accessible name of their own, no label (buddy) or text naming them. Parts of composite
// widgets (a spin box's or combo box's line edit, a scroll area's viewport) are their parent's.
QStringList unnamedFocusableWidgets(QWidget *root)
{
    QStringList out;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
            continue;
        QWidget *parent = w->parentWidget();
        if (qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent))
            continue;
        if (auto *area = parent ? qobject_cast<QAbstractScrollArea *>(parent->parentWidget()) : nullptr;
            area && area->viewport() == parent)
            continue; // an item editor inside a view
        if (auto *area = qobject_cast<QAbstractScrollArea *>(parent); area && area->viewport() == w)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(w);
        const QString name = accessible ? accessible->text(QAccessible::Name).trimmed() : QString();
        if (!name.isEmpty())
            continue;
        QString path = QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('#') + w->objectName();
        for (QWidget *p = parent; p && p != root; p = p->parentWidget()) {
            if (!p->objectName().isEmpty()) {
                path += QStringLiteral(" in ") + p->objectName();
                break;
            }
        }
        out << path;
    }
    return out;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheCatalog();
    void refusedRestoreIsNotShownAsAFailure();
    void refreshKeepsSelectionAndPicksUpNewBackups();
    void emptyCatalogShowsTheWelcome();
    void everyFocusableWidgetHasAnAccessibleName();
    void unreadableCatalogSaysWhy();
    void backUpNowRunsAJobAndShowsItsOutcome();
    void navigationShortcutsAndRestoreFromHistory();

private:
    struct Seed
    {
        qint64 profileId = 0;
        QList<qint64> artifactIds; // oldest first
        QList<qint64> runIds;      // oldest first
    };
    // Fills the catalog through its API: profile "shop", three runs (ok, failed, ok), three backups.
    Seed seedCatalog(Catalog &catalog, MockClock &clock, const QString &host = QStringLiteral("db1.example"),
                     const QString &port = QStringLiteral("5432"));
    qint64 addArtifact(Catalog &catalog, const Seed &seed, qint64 runId, const QString &database,
                       const QDateTime &created, qint64 stored, char shaChar,
                       const QString &verifyState = QString());

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMainWindow::initTestCase()
{
    // English, with its plural forms ("1 profile", "2 profiles") from the compiled-in resources.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Translations::install();
    QCOMPARE(QCoreApplication::translate("lifeboat::MainWindow", "%n profile(s)", nullptr, 2),
             QStringLiteral("2 profiles"));
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMainWindow::cleanup()
{
    m_dir.reset();
}

qint64 TestMainWindow::addArtifact(Catalog &catalog, const Seed &seed, qint64 runId, const QString &database,
                                   const QDateTime &created, qint64 stored, char shaChar,
                                   const QString &verifyState)
{
    ArtifactRecord a;
    a.runId = runId;
    a.profileId = seed.profileId;
    a.profileName = QStringLiteral("shop");
    a.database = database;
    a.createdUtc = created;
    a.dumpBytes = stored * 4;
    a.storedBytes = stored;
    a.sha256 = sha(shaChar);
    a.encrypted = true;
    const QString stamp = created.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    a.locations.append({m_dir->path() + QStringLiteral("/dest"),
                        QStringLiteral("shop/%1/%1_%2.dump.zst.age").arg(database, stamp),
                        QStringLiteral("shop/%1/%1_%2.manifest.json.age").arg(database, stamp)});
    a.manifestJson = "{}";
    a.verifyState = verifyState;
    if (!verifyState.isEmpty()) {
        a.verifiedUtc = created.addSecs(600);
        a.restoreSeconds = 12.5;
    }
    auto id = catalog.addArtifact(a);
    if (!id)
        qWarning() << id.error().message;
    return id ? *id : 0;
}

TestMainWindow::Seed TestMainWindow::seedCatalog(Catalog &catalog, MockClock &clock, const QString &host,
                                                 const QString &port)
{
    Seed seed;
    Profile profile;
    profile.name = QStringLiteral("shop");
    profile.connection.host = host;
    profile.connection.port = port;
    profile.connection.user = QStringLiteral("backup");
    profile.connection.dbname = QStringLiteral("shop");
    profile.databases = {QStringLiteral("shop"), QStringLiteral("billing")};
    profile.destinations = {m_dir->path() + QStringLiteral("/dest")};
    profile.recipients = {Recipient};
    auto profileId = catalog.addProfile(profile);
    if (!profileId) {
        qWarning() << profileId.error().message;
        return seed;
    }
    seed.profileId = *profileId;

    auto run = [&](const QDateTime &started, qint64 seconds, RunRecord::State state, const QString &message) {
        clock.setNow(started);
        RunRecord r;
        r.profileId = seed.profileId;
        r.profileName = QStringLiteral("shop");
        r.state = RunRecord::State::Running;
        r.startedUtc = started;
        r.databases = QStringLiteral("shop, billing");
        r.pid = ::getpid();
        auto id = catalog.beginRun(r);
        if (!id)
            return qint64(0);
        clock.setNow(started.addSecs(seconds));
        if (Status s = catalog.finishRun(*id, state, message, 0); !s)
            return qint64(0);
        seed.runIds << *id;
        return *id;
    };
    const qint64 first =
        run(utc(14, 2), 95, RunRecord::State::Succeeded, QStringLiteral("2 databases backed up"));
    seed.artifactIds << addArtifact(catalog, seed, first, QStringLiteral("shop"), utc(14, 2, 1), 1234567,
                                    'a');
    seed.artifactIds << addArtifact(catalog, seed, first, QStringLiteral("billing"), utc(14, 2, 1, 30),
                                    2500000, 'b', QStringLiteral("verified"));
    run(utc(15, 2), 3, RunRecord::State::Failed, QStringLiteral("could not connect to db1.example: timeout"));
    const qint64 third =
        run(utc(15, 10), 42, RunRecord::State::Succeeded, QStringLiteral("1 database backed up"));
    seed.artifactIds << addArtifact(catalog, seed, third, QStringLiteral("shop"), utc(15, 10, 0, 40), 1300000,
                                    'c');
    clock.setNow(utc(15, 12));
    return seed;
}

void TestMainWindow::refusedRestoreIsNotShownAsAFailure()
{
    // A restore its pre-flight turned down ("the target exists") says "restore refused" with a
    // warning, not "restore failed" in red next to a healthy card; a restore that failed says so.
    MockClock clock;
    const ConfigPaths paths(m_dir->path() + QStringLiteral("/config"));
    QVERIFY(paths.ensureExists().ok());
    auto catalog = Catalog::open(paths.catalogPath());
    QVERIFY2(catalog.ok(), catalog ? "" : qPrintable(catalog.error().message));
    const Seed seed = seedCatalog(**catalog, clock);
    QVERIFY(seed.profileId > 0);
    auto restoreRun = [&](int hour, const QString &code, const QString &message) {
        clock.setNow(utc(15, hour));
        RunRecord r;
        r.profileId = seed.profileId;
        r.profileName = QStringLiteral("shop");
        r.kind = RunKind::Restore;
        r.state = RunRecord::State::Running;
        r.startedUtc = clock.nowUtc();
        r.pid = ::getpid();
        auto id = (*catalog)->beginRun(r);
        if (!id || !(*catalog)->finishRun(*id, RunRecord::State::Failed, message, 0, code))
            return qint64(0);
        return *id;
    };
    const qint64 failed =
        restoreRun(13, QStringLiteral("restore.failed"), QStringLiteral("pg_restore failed: out of memory"));
    const qint64 refused = restoreRun(14, QStringLiteral("restore.exists"),
                                      QStringLiteral("database 'shop' already exists on db1.example"));
    QVERIFY(failed > 0 && refused > 0);
    clock.setNow(utc(15, 15));

    MainWindow window(paths);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *profiles = window.findChild<QListView *>(QStringLiteral("profilesView"));
    auto *history = window.findChild<QTableView *>(QStringLiteral("historyView"));
    QVERIFY(profiles && history);
    QTRY_COMPARE(profiles->model()->rowCount(), 1);
    const auto image = [](const QVariant &icon) {
        return icon.value<QIcon>().pixmap(16, 16).toImage();
    };
    const QImage warning = QIcon(QStringLiteral(":/icons/state-warning.svg")).pixmap(16, 16).toImage();
    const QImage red = QIcon(QStringLiteral(":/icons/state-failed.svg")).pixmap(16, 16).toImage();
    QVERIFY(warning != red);

    QAbstractItemModel *p = profiles->model();
    QTRY_COMPARE(cell(p, 0, ProfileTableModel::StatusColumn).toString(), QStringLiteral("restore refused"));
    QCOMPARE(cell(p, 0, ProfileTableModel::StatusColumn, RecordTableModel::RawRole).toString(),
             QStringLiteral("refused"));
    QVERIFY(cell(p, 0, ProfileTableModel::StatusColumn, Qt::ToolTipRole)
                .toString()
                .endsWith(QLatin1String("database 'shop' already exists on db1.example")));
    QCOMPARE(image(cell(p, 0, ProfileTableModel::StatusColumn, Qt::DecorationRole)), warning);

    QAbstractItemModel *h = history->model();
    QTRY_COMPARE(keys(h).value(0), refused);
    QCOMPARE(keys(h).value(1), failed);
    QCOMPARE(cell(h, 0, RunTableModel::StateColumn).toString(), QStringLiteral("refused"));
    QCOMPARE(cell(h, 0, RunTableModel::StateColumn, RecordTableModel::RawRole).toString(),
             QStringLiteral("refused"));
    QCOMPARE(image(cell(h, 0, RunTableModel::StateColumn, Qt::DecorationRole)), warning);
    QCOMPARE(cell(h, 1, RunTableModel::StateColumn).toString(), QStringLiteral("failed"));
    QCOMPARE(cell(h, 1, RunTableModel::StateColumn, RecordTableModel::RawRole).toString(),
             QStringLiteral("failed"));
    QCOMPARE(image(cell(h, 1, RunTableModel::StateColumn, Qt::DecorationRole)), red);
}

void TestMainWindow::showsTheCatalog()
{
    MockClock clock;
    const ConfigPaths paths(m_dir->path() + QStringLiteral("/config"));
    QVERIFY(paths.ensureExists().ok());
    auto catalog = Catalog::open(paths.catalogPath());
    QVERIFY2(catalog.ok(), catalog ? "" : qPrintable(catalog.error().message));
    const Seed seed = seedCatalog(**catalog, clock);
    QCOMPARE(seed.artifactIds.size(), 3);
    QVERIFY(!seed.artifactIds.contains(0));

    MainWindow window(paths);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *profiles = window.findChild<QListView *>(QStringLiteral("profilesView"));
    auto *backups = window.findChild<QTableView *>(QStringLiteral("backupsView"));
    auto *history = window.findChild<QTableView *>(QStringLiteral("historyView"));
    QVERIFY(profiles && backups && history);

    // The profile, summarised.
    QTRY_COMPARE(profiles->model()->rowCount(), 1);

    // Its card gets the height it needs and the profile list below the rest: the card is whole,
    // with no blank band under it.
    auto *dashboardSplitter = window.findChild<QSplitter *>(QStringLiteral("dashboardPageSplitter"));
    auto *dashboard = window.findChild<DashboardView *>(QStringLiteral("dashboardView"));
    QVERIFY(dashboardSplitter && dashboard);
    QTRY_VERIFY(dashboard->card(QStringLiteral("shop")));
    const auto fitted = [&] {
        const QList<int> sizes = dashboardSplitter->sizes();
        return qMin(dashboard->contentHeight(), (sizes.value(0) + sizes.value(1)) * 2 / 3);
    };
    QTRY_COMPARE(dashboardSplitter->sizes().value(0), fitted());
    DashboardCard *shopCard = dashboard->card(QStringLiteral("shop"));
    QVERIFY(dashboard->contentHeight() >= shopCard->sizeHint().height());
    QTRY_COMPARE(shopCard->visibleRegion().boundingRect().height(), shopCard->height());
    const int below = dashboard->height() - shopCard->mapTo(dashboard, QPoint(0, shopCard->height())).y();
    QVERIFY2(below < shopCard->height() / 2,
             qPrintable(QStringLiteral("%1 px of the dashboard's %2 are blank below the card")
                            .arg(below)
                            .arg(dashboard->height())));
    QVERIFY(profiles->isVisible());
    QAbstractItemModel *p = profiles->model();
    QCOMPARE(cell(p, 0, ProfileTableModel::NameColumn).toString(), QStringLiteral("shop"));
    QCOMPARE(cell(p, 0, ProfileTableModel::ServerColumn).toString(),
             QStringLiteral("backup@db1.example:5432"));
    QCOMPARE(cell(p, 0, ProfileTableModel::DatabasesColumn).toString(), QStringLiteral("shop, billing"));
    QCOMPARE(cell(p, 0, ProfileTableModel::LastBackupColumn, RecordTableModel::RawRole).toDateTime(),
             utc(15, 10, 0, 40));
    QCOMPARE(cell(p, 0, ProfileTableModel::LastBackupColumn).toString(), QStringLiteral("1 h ago"));
    QCOMPARE(cell(p, 0, ProfileTableModel::SizeColumn, RecordTableModel::RawRole).toLongLong(), 1300000);
    QCOMPARE(cell(p, 0, ProfileTableModel::SizeColumn).toString(), DisplayFormat::size(1300000));
    QCOMPARE(cell(p, 0, ProfileTableModel::StatusColumn, RecordTableModel::RawRole).toString(),
             QStringLiteral("succeeded"));
    QCOMPARE(cell(p, 0, ProfileTableModel::EncryptionColumn, RecordTableModel::RawRole).toBool(), true);
    QCOMPARE(cell(p, 0, ProfileTableModel::EncryptionColumn).toString(), QStringLiteral("encrypted"));
    QCOMPARE(cell(p, 0, ProfileTableModel::EncryptionColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("Encrypted with age to 1 key: ") + Recipient);

    // It is selected, so its backups show: newest first, with their sizes and hashes.
    QTRY_COMPARE(keys(backups->model()),
                 (QList<qint64>{seed.artifactIds.at(2), seed.artifactIds.at(1), seed.artifactIds.at(0)}));
    QAbstractItemModel *b = backups->model();
    QCOMPARE(column(b, BackupTableModel::SizeColumn), (QList<qint64>{1300000, 2500000, 1234567}));
    QCOMPARE(cell(b, 0, BackupTableModel::IdColumn).toString(), QString::number(seed.artifactIds.at(2)));
    QCOMPARE(cell(b, 1, BackupTableModel::DatabaseColumn).toString(), QStringLiteral("billing"));
    QCOMPARE(cell(b, 1, BackupTableModel::SizeColumn).toString(), DisplayFormat::size(2500000));
    QCOMPARE(cell(b, 2, BackupTableModel::Sha256Column).toString(), QStringLiteral("aaaaaaaaaaaa"));
    QCOMPARE(cell(b, 2, BackupTableModel::Sha256Column, Qt::ToolTipRole).toString(),
             QStringLiteral("SHA-256 of the stored file: ") + sha('a'));
    QCOMPARE(cell(b, 1, BackupTableModel::VerifiedColumn, RecordTableModel::RawRole).toString(),
             QStringLiteral("verified"));
    QCOMPARE(cell(b, 0, BackupTableModel::VerifiedColumn, RecordTableModel::RawRole).toString(), QString());
    QCOMPARE(cell(b, 0, BackupTableModel::VerifiedColumn).toString(), QStringLiteral("not yet"));

    // And its history.
    QAbstractItemModel *h = history->model();
    QCOMPARE(keys(h), (QList<qint64>{seed.runIds.at(2), seed.runIds.at(1), seed.runIds.at(0)}));
    QCOMPARE(cell(h, 1, RunTableModel::StateColumn, RecordTableModel::RawRole).toString(),
             QStringLiteral("failed"));
    QCOMPARE(cell(h, 1, RunTableModel::MessageColumn).toString(),
             QStringLiteral("could not connect to db1.example: timeout"));
    QCOMPARE(cell(h, 2, RunTableModel::DurationColumn, RecordTableModel::RawRole).toLongLong(), 95000);
    QCOMPARE(cell(h, 2, RunTableModel::DurationColumn).toString(), QStringLiteral("1 min 35 s"));
    QCOMPARE(cell(h, 0, RunTableModel::DatabasesColumn).toString(), QStringLiteral("shop, billing"));

    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(0), QStringLiteral("&Backups (3)"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("&History (3)"));

    // The status bar.
    auto *catalogPath = window.findChild<QLabel *>(QStringLiteral("catalogPathLabel"));
    auto *profileCount = window.findChild<QLabel *>(QStringLiteral("profileCountLabel"));
    auto *running = window.findChild<QLabel *>(QStringLiteral("runningJobsLabel"));
    QVERIFY(catalogPath && profileCount && running);
    QVERIFY2(catalogPath->text().contains(paths.catalogPath()), qPrintable(catalogPath->text()));
    QCOMPARE(profileCount->text(), QStringLiteral("1 profile"));
    QCOMPARE(running->text(), QStringLiteral("No jobs running"));

    auto *backUpNow = window.findChild<QAction *>(QStringLiteral("backUpNowAction"));
    QVERIFY(backUpNow);
    QVERIFY(backUpNow->isEnabled());
}

void TestMainWindow::refreshKeepsSelectionAndPicksUpNewBackups()
{
    MockClock clock;
    const ConfigPaths paths(m_dir->path() + QStringLiteral("/config"));
    QVERIFY(paths.ensureExists().ok());
    auto catalog = Catalog::open(paths.catalogPath());
    QVERIFY(catalog.ok());
    const Seed seed = seedCatalog(**catalog, clock);

    MainWindow window(paths);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *profiles = window.findChild<QListView *>(QStringLiteral("profilesView"));
    auto *backups = window.findChild<QTableView *>(QStringLiteral("backupsView"));
    QVERIFY(profiles && backups);
    QTRY_COMPARE(backups->model()->rowCount(), 3);

    // The user picks the middle backup.
    backups->selectionModel()->setCurrentIndex(
        backups->model()->index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(backups->currentIndex().data(RecordTableModel::KeyRole).toLongLong(), seed.artifactIds.at(1));

    // Meanwhile lifeboat-cli adds a profile (sorted before "shop") and a new backup of shop.
    Profile archive;
    archive.name = QStringLiteral("archive");
    archive.connection.host = QStringLiteral("db2.example");
    archive.databases = {QStringLiteral("ledger")};
    archive.destinations = {m_dir->path() + QStringLiteral("/dest")};
    QVERIFY((*catalog)->addProfile(archive).ok());
    const qint64 newest =
        addArtifact(**catalog, seed, 0, QStringLiteral("billing"), utc(15, 11, 30), 2600000, 'd');
    QVERIFY(newest > 0);
    // And integrity checks: the newest backup and the verified one found damaged, one found intact.
    QVERIFY((*catalog)
                ->setIntegrity(newest, QStringLiteral("failed"), utc(15, 11, 40),
                               QStringLiteral("backup %1 failed the SHA-256 check").arg(newest))
                .ok());
    QVERIFY((*catalog)->setIntegrity(seed.artifactIds.at(0), QStringLiteral("ok"), utc(15, 11, 0)).ok());
    QVERIFY((*catalog)
                ->setIntegrity(seed.artifactIds.at(1), QStringLiteral("failed"), utc(15, 11, 10),
                               QStringLiteral("backup 2 failed the SHA-256 check"))
                .ok());

    // F5.
    auto *refresh = window.findChild<QAction *>(QStringLiteral("refreshAction"));
    QVERIFY(refresh);
    QCOMPARE(refresh->shortcut(), QKeySequence(Qt::Key_F5));
    refresh->trigger();
    QTRY_COMPARE(profiles->model()->rowCount(), 2);
    QCOMPARE(cell(profiles->model(), 0, ProfileTableModel::NameColumn).toString(), QStringLiteral("archive"));
    QCOMPARE(cell(profiles->model(), 0, ProfileTableModel::LastBackupColumn).toString(),
             QStringLiteral("never"));
    QCOMPARE(cell(profiles->model(), 0, ProfileTableModel::EncryptionColumn).toString(),
             QStringLiteral("not encrypted"));
    // "shop" is still the selected profile, and the same backup is still the selected one.
    QCOMPARE(profiles->currentIndex().row(), 1);
    QCOMPARE(profiles->currentIndex().siblingAtColumn(ProfileTableModel::NameColumn).data().toString(),
             QStringLiteral("shop"));
    QTRY_COMPARE(backups->model()->rowCount(), 4);
    QCOMPARE(keys(backups->model()).first(), newest);
    QCOMPARE(backups->currentIndex().data(RecordTableModel::KeyRole).toLongLong(), seed.artifactIds.at(1));
    QCOMPARE(backups->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(backups->selectionModel()->selectedRows().first().row(), 2);
    const QList<qint64> ids = keys(backups->model());
    const auto verifiedCell = [&](qint64 id, int role) {
        return cell(backups->model(), int(ids.indexOf(id)), BackupTableModel::VerifiedColumn, role);
    };
    // Damage outranks the older test restore; an intact backup says when it was checked.
    QCOMPARE(verifiedCell(seed.artifactIds.at(1), Qt::DisplayRole).toString(), QStringLiteral("DAMAGED"));
    QCOMPARE(verifiedCell(seed.artifactIds.at(1), RecordTableModel::RawRole).toString(),
             QStringLiteral("damaged"));
    QVERIFY2(verifiedCell(seed.artifactIds.at(1), Qt::ToolTipRole)
                 .toString()
                 .endsWith(QLatin1String("will not restore: backup 2 failed the SHA-256 check")),
             qPrintable(verifiedCell(seed.artifactIds.at(1), Qt::ToolTipRole).toString()));
    QCOMPARE(verifiedCell(seed.artifactIds.at(0), Qt::DisplayRole).toString(),
             QStringLiteral("integrity ok %1").arg(DisplayFormat::date(utc(15, 11, 0))));
    QCOMPARE(verifiedCell(seed.artifactIds.at(0), RecordTableModel::RawRole).toString(),
             QStringLiteral("intact"));
    QCOMPARE(verifiedCell(seed.artifactIds.at(2), Qt::DisplayRole).toString(), QStringLiteral("not yet"));

    // The card's Restore… starts the wizard at the newest backup not found damaged.
    auto *dashboard = window.findChild<DashboardView *>(QStringLiteral("dashboardView"));
    QVERIFY(dashboard && dashboard->card(QStringLiteral("shop")));
    QTRY_VERIFY(dashboard->card(QStringLiteral("shop"))
                    ->findChild<QPushButton *>(QStringLiteral("restoreButton"))
                    ->isEnabled());
    dashboard->card(QStringLiteral("shop"))
        ->findChild<QPushButton *>(QStringLiteral("restoreButton"))
        ->click();
    QCOMPARE(window.currentPage(), MainWindow::Page::Restore);
    QTRY_COMPARE(window.restoreWizard()->artifact().id, seed.artifactIds.at(2));
    window.showPage(MainWindow::Page::Dashboard);
    auto *profileCount = window.findChild<QLabel *>(QStringLiteral("profileCountLabel"));
    QVERIFY(profileCount);
    QCOMPARE(profileCount->text(), QStringLiteral("2 profiles"));

    // Without F5: the timer reads the catalog again within a few seconds.
    const qint64 later =
        addArtifact(**catalog, seed, 0, QStringLiteral("shop"), utc(15, 11, 45), 1400000, 'e');
    QTRY_COMPARE_WITH_TIMEOUT(keys(backups->model()).first(), later, MainWindow::kRefreshIntervalMs * 3);
    QCOMPARE(backups->currentIndex().data(RecordTableModel::KeyRole).toLongLong(), seed.artifactIds.at(1));
}

void TestMainWindow::emptyCatalogShowsTheWelcome()
{
    const ConfigPaths paths(m_dir->path() + QStringLiteral("/empty config"));
    MainWindow window(paths);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *welcome = window.findChild<WelcomePage *>(QStringLiteral("welcomePage"));
    auto *profiles = window.findChild<QListView *>(QStringLiteral("profilesView"));
    auto *content = window.findChild<QStackedWidget *>(QStringLiteral("contentStack"));
    QVERIFY(welcome && profiles && content);
    QTRY_VERIFY(welcome->isVisible());
    // The welcome alone: no second "no profiles" page, no empty profile list below it.
    QVERIFY(!content->isVisible());
    QVERIFY(!profiles->isVisible());
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("emptyStatePage")));
    // The reader created the catalog.
    QVERIFY(QFile::exists(paths.catalogPath()));
    auto *backUpNow = window.findChild<QAction *>(QStringLiteral("backUpNowAction"));
    QVERIFY(backUpNow);
    QVERIFY(!backUpNow->isEnabled());
    auto *profileCount = window.findChild<QLabel *>(QStringLiteral("profileCountLabel"));
    QVERIFY(profileCount);
    QCOMPARE(profileCount->text(), QStringLiteral("0 profiles"));

    // A profile added from the command line replaces the empty state.
    auto catalog = Catalog::open(paths.catalogPath());
    QVERIFY(catalog.ok());
    Profile profile;
    profile.name = QStringLiteral("first");
    profile.connection.host = QStringLiteral("localhost");
    profile.databases = {QStringLiteral("app")};
    profile.destinations = {m_dir->path() + QStringLiteral("/dest")};
    QVERIFY((*catalog)->addProfile(profile).ok());
    window.refresh();
    QTRY_VERIFY(profiles->isVisible());
    QVERIFY(content->isVisible());
    QVERIFY(!welcome->isVisible());
    QCOMPARE(cell(profiles->model(), 0, ProfileTableModel::NameColumn).toString(), QStringLiteral("first"));
    // It has no backups yet, and its (empty) table says so.
    auto *backups = window.findChild<PlaceholderTableView *>(QStringLiteral("backupsView"));
    QVERIFY(backups);
    QTRY_COMPARE(backups->placeholderText(),
                 QStringLiteral("No backups of first yet. Back up now (Ctrl+B) makes one."));
    QCOMPARE(backups->model()->rowCount(), 0);
}

void TestMainWindow::everyFocusableWidgetHasAnAccessibleName()
{
    // With a profile, so the dashboard's cards and lists exist.
    const ConfigPaths paths(m_dir->path() + QStringLiteral("/config"));
    QVERIFY(QDir().mkpath(paths.root()));
    {
        auto catalog = Catalog::open(paths.catalogPath());
        QVERIFY(catalog.ok());
        MockClock clock;
        seedCatalog(**catalog, clock);
    }
    MainWindow window(paths);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *profiles = window.findChild<QListView *>(QStringLiteral("profilesView"));
    QVERIFY(profiles);
    QTRY_VERIFY(profiles->isVisible());
    QTRY_VERIFY(window.findChild<QWidget *>(QStringLiteral("dashboardCard")));
    for (MainWindow::Page page : {MainWindow::Page::Dashboard, MainWindow::Page::Schedules,
                                  MainWindow::Page::History, MainWindow::Page::Restore}) {
        QVERIFY(window.showPage(page));
        QTest::qWait(50);
    }
    const QStringList unnamed = unnamedFocusableWidgets(&window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));

    // Every section of the profile wizard and of the editor.
    for (ProfileEditor::Mode mode : {ProfileEditor::Mode::Create, ProfileEditor::Mode::Edit}) {
        ProfileEditor editor(mode, paths, [] { return std::shared_ptr<SecretStore>(); });
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const QStringList unnamedInEditor = unnamedFocusableWidgets(&editor);
        QVERIFY2(unnamedInEditor.isEmpty(), qPrintable(unnamedInEditor.join(QStringLiteral("\n"))));
    }
}

void TestMainWindow::unreadableCatalogSaysWhy()
{
    // The configuration "folder" is a file: nothing can be created in it.
    const QString notAFolder = m_dir->path() + QStringLiteral("/file");
    QFile file(notAFolder);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    MainWindow window{ConfigPaths(notAFolder)};
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *message = window.findChild<QLabel *>(QStringLiteral("catalogMessageLabel"));
    QVERIFY(message);
    QTRY_VERIFY2(message->text().startsWith(QStringLiteral("Could not read the catalog.")),
                 qPrintable(message->text()));
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(notAFolder));
}

void TestMainWindow::backUpNowRunsAJobAndShowsItsOutcome()
{
    // A server that is not there (nothing listens on port 1): the job fails fast, no PostgreSQL needed.
    const ConfigPaths paths(m_dir->path() + QStringLiteral("/config"));
    QVERIFY(paths.ensureExists().ok());
    {
        MockClock clock;
        auto catalog = Catalog::open(paths.catalogPath());
        QVERIFY(catalog.ok());
        seedCatalog(**catalog, clock, QStringLiteral("127.0.0.1"), QStringLiteral("1"));
    }

    MainWindow window(paths);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *backUpNow = window.findChild<QAction *>(QStringLiteral("backUpNowAction"));
    auto *jobs = window.findChild<QTableView *>(QStringLiteral("jobsView"));
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelJobButton"));
    QVERIFY(backUpNow && jobs && cancel);
    QCOMPARE(backUpNow->shortcut(), QKeySequence(QStringLiteral("Ctrl+B")));
    QTRY_VERIFY(backUpNow->isEnabled());

    backUpNow->trigger();
    QCOMPARE(jobs->model()->rowCount(), 1);
    QCOMPARE(cell(jobs->model(), 0, JobModel::ProfileColumn).toString(), QStringLiteral("shop"));
    QCOMPARE(jobs->currentIndex().row(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(cell(jobs->model(), 0, JobModel::StateColumn).toString(),
                              QStringLiteral("failed"), 30000);
    QVERIFY2(!cell(jobs->model(), 0, JobModel::PhaseColumn).toString().isEmpty(), "the failure says why");
    QVERIFY(!cancel->isEnabled());
    QTRY_VERIFY(backUpNow->isEnabled());
    auto *running = window.findChild<QLabel *>(QStringLiteral("runningJobsLabel"));
    QVERIFY(running);
    QCOMPARE(running->text(), QStringLiteral("No jobs running"));
}

void TestMainWindow::navigationShortcutsAndRestoreFromHistory()
{
    const ConfigPaths paths(m_dir->path() + QStringLiteral("/config"));
    QVERIFY(paths.ensureExists().ok());
    Seed seed;
    {
        MockClock clock;
        auto catalog = Catalog::open(paths.catalogPath());
        QVERIFY(catalog.ok());
        seed = seedCatalog(**catalog, clock);
    }
    MainWindow window(paths);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
    QVERIFY(navigation);
    QCOMPARE(window.currentPage(), MainWindow::Page::Dashboard);
    QVERIFY(!navigation->accessibleName().isEmpty());

    // Ctrl+3: History, with the catalog's runs (read on its own thread).
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::History);
    QCOMPARE(navigation->currentItem()->text(), QStringLiteral("History"));
    HistoryView *history = window.historyView();
    QTRY_COMPARE(history->model()->rowCount(), 3);
    QCOMPARE(history->model()->runAt(0).id, seed.runIds.last());
    // Ctrl+4: Restore; Ctrl+1: back to the Dashboard; the list moves the pages too.
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::Restore);
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::Dashboard);
    for (int row = 0; row < navigation->count(); ++row) {
        if (navigation->item(row)->text() == QStringLiteral("History"))
            navigation->setCurrentRow(row);
    }
    QCOMPARE(window.currentPage(), MainWindow::Page::History);

    // History's Restore… opens the wizard on the Restore page with that backup selected.
    history->selectRun(seed.runIds.first());
    QTRY_COMPARE(history->selectedArtifactId(), seed.artifactIds.first());
    history->findChild<QPushButton *>(QStringLiteral("restoreRunButton"))->click();
    QCOMPARE(window.currentPage(), MainWindow::Page::Restore);
    RestoreWizard *wizard = window.restoreWizard();
    QCOMPARE(wizard->currentId(), int(RestoreWizard::PickPage));
    QTRY_COMPARE(wizard->artifact().id, seed.artifactIds.first());
    QTRY_VERIFY(wizard->currentPage()->isComplete());
    QCOMPARE(wizard->artifact().database, QStringLiteral("shop"));
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
