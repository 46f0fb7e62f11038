#include "engine/pg/PgToolFinder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <climits>

using namespace lifeboat;

namespace {

const QString DebianPg15 = QStringLiteral("/usr/lib/postgresql/15/bin/pg_dump");

// Writes an executable script `name` into `dir` that prints `versionLine` for --version.
bool writeFakeTool(const QString &dir, const QString &name, const QString &versionLine, int exitCode = 0,
                   bool executable = true)
{
    QDir().mkpath(dir);
    QFile f(QDir(dir).filePath(name));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray script = "#!/bin/sh\n"
                              "if [ \"$1\" = --version ]; then printf '%s\\n' '" +
                              versionLine.toUtf8() + "'; fi\nexit " + QByteArray::number(exitCode) + "\n";
    if (f.write(script) != script.size())
        return false;
    f.close();
    QFile::Permissions perms = QFile::ReadOwner | QFile::WriteOwner;
    if (executable)
        perms |= QFile::ExeOwner;
    return QFile::setPermissions(f.fileName(), perms);
}

QString describe(const QList<PgTool> &tools)
{
    QStringList out;
    for (const PgTool &t : tools)
        out << QStringLiteral("%1 %2 (%3)").arg(t.path, t.version).arg(t.major);
    return out.join(QStringLiteral(", "));
}

} // namespace

class TestPgToolFinder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void probe_data();
    void probe();
    void probeRefusesWhatIsNotATool();
    void candidatesOfThisMachine();
    void debianWrapperIsNotProbed();
    void findsInstalledForServer15();
    void serverTooNew();
    void configuredDirectory_data();
    void configuredDirectory();
    void configuredDirectoryWinsATie();
    void searchDirectories();

private:
    QTemporaryDir m_dir;
    QList<PgTool> m_installed; // pg_dump copies outside the test's folders
};

void TestPgToolFinder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!QFileInfo(DebianPg15).isExecutable())
        QSKIP("needs PostgreSQL 15's client tools in /usr/lib/postgresql/15/bin");
    m_installed = PgToolFinder().candidates(QStringLiteral("pg_dump"));
    // A fake that cannot run here (a noexec /tmp) would make every fake-based test meaningless.
    const QString probeDir = m_dir.filePath(QStringLiteral("exec-check"));
    QVERIFY(writeFakeTool(probeDir, QStringLiteral("pg_dump"), QStringLiteral("pg_dump (PostgreSQL) 42.1")));
    QVERIFY2(PgToolFinder::probe(QDir(probeDir).filePath(QStringLiteral("pg_dump"))).has_value(),
             "scripts in the temporary folder cannot be run");
}

void TestPgToolFinder::probe_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("version");

    QTest::newRow("plain") << QStringLiteral("pg_dump (PostgreSQL) 17.2") << 17 << QStringLiteral("17.2");
    QTest::newRow("debian") << QStringLiteral("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)") << 15
                            << QStringLiteral("15.18");
    QTest::newRow("ubuntu pgdg") << QStringLiteral("pg_dump (PostgreSQL) 16.4 (Ubuntu 16.4-1.pgdg22.04+1)")
                                 << 16 << QStringLiteral("16.4");
    QTest::newRow("beta") << QStringLiteral("pg_dump (PostgreSQL) 18beta1") << 18 << QStringLiteral("18");
    QTest::newRow("devel") << QStringLiteral("pg_dump (PostgreSQL) 19devel") << 19 << QStringLiteral("19");
    QTest::newRow("old numbering") << QStringLiteral("pg_dump (PostgreSQL) 9.6.24") << 9
                                   << QStringLiteral("9.6");
    QTest::newRow("pg_restore") << QStringLiteral("pg_restore (PostgreSQL) 17.0") << 17
                                << QStringLiteral("17.0");
}

void TestPgToolFinder::probe()
{
    QFETCH(QString, line);
    QFETCH(int, major);
    QFETCH(QString, version);

    const QString dir =
        m_dir.filePath(QStringLiteral("probe-") + QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(writeFakeTool(dir, QStringLiteral("pg_dump"), line));
    const QString path = QDir(dir).filePath(QStringLiteral("pg_dump"));
    const std::optional<PgTool> tool = PgToolFinder::probe(path);
    QVERIFY(tool.has_value());
    QCOMPARE(tool->name, QStringLiteral("pg_dump"));
    QCOMPARE(tool->path, QFileInfo(path).absoluteFilePath());
    QCOMPARE(tool->major, major);
    QCOMPARE(tool->version, version);
    // Asked again: the same answer (from the cache).
    const std::optional<PgTool> again = PgToolFinder::probe(path);
    QVERIFY(again.has_value());
    QCOMPARE(again->version, version);
}

void TestPgToolFinder::probeRefusesWhatIsNotATool()
{
    const QString dir = m_dir.filePath(QStringLiteral("not-tools"));
    QVERIFY(writeFakeTool(dir, QStringLiteral("other"), QStringLiteral("hello world 17.2")));
    QVERIFY(writeFakeTool(dir, QStringLiteral("failing"), QStringLiteral("pg_dump (PostgreSQL) 17.2"), 1));
    QVERIFY(
        writeFakeTool(dir, QStringLiteral("notexec"), QStringLiteral("pg_dump (PostgreSQL) 17.2"), 0, false));
    QVERIFY(QDir(dir).mkdir(QStringLiteral("folder")));

    QVERIFY(!PgToolFinder::probe(QDir(dir).filePath(QStringLiteral("other"))).has_value());
    QVERIFY(!PgToolFinder::probe(QDir(dir).filePath(QStringLiteral("failing"))).has_value());
    QVERIFY(!PgToolFinder::probe(QDir(dir).filePath(QStringLiteral("notexec"))).has_value());
    QVERIFY(!PgToolFinder::probe(QDir(dir).filePath(QStringLiteral("folder"))).has_value());
    QVERIFY(!PgToolFinder::probe(QDir(dir).filePath(QStringLiteral("missing"))).has_value());
}

void TestPgToolFinder::candidatesOfThisMachine()
{
    QVERIFY2(!m_installed.isEmpty(), "no pg_dump found at all");
    bool hasDebian15 = false;
    QSet<QString> canonical;
    for (qsizetype i = 0; i < m_installed.size(); ++i) {
        const PgTool &t = m_installed.at(i);
        QCOMPARE(t.name, QStringLiteral("pg_dump"));
        QVERIFY(QFileInfo(t.path).isAbsolute());
        QVERIFY(t.version.startsWith(QString::number(t.major)));
        if (i > 0)
            QVERIFY2(m_installed.at(i - 1).major >= t.major, qPrintable(describe(m_installed)));
        const QString c = QFileInfo(t.path).canonicalFilePath();
        QVERIFY2(!canonical.contains(c), qPrintable(QStringLiteral("listed twice: ") + c));
        canonical.insert(c);
        hasDebian15 = hasDebian15 || (t.path == DebianPg15 && t.major == 15);
    }
    QVERIFY2(hasDebian15, qPrintable(describe(m_installed)));
}

void TestPgToolFinder::debianWrapperIsNotProbed()
{
    QVERIFY(PgToolFinder::isDebianWrapper(QStringLiteral("/usr/share/postgresql-common/pg_wrapper")));
    QVERIFY(!PgToolFinder::isDebianWrapper(DebianPg15));
    const QString wrapper = QFileInfo(QStringLiteral("/usr/bin/pg_dump")).canonicalFilePath();
    if (!PgToolFinder::isDebianWrapper(wrapper))
        QSKIP("/usr/bin/pg_dump is not postgresql-common's pg_wrapper on this machine");
    // It runs one of /usr/lib/postgresql/*/bin/pg_dump, which are listed themselves.
    for (const PgTool &t : std::as_const(m_installed))
        QVERIFY2(QFileInfo(t.path).canonicalFilePath() != wrapper, qPrintable(describe(m_installed)));
    // A tool directory set to /usr/bin is honoured all the same: there the wrapper is the copy.
    const QList<PgTool> configured =
        PgToolFinder(QStringLiteral("/usr/bin")).candidates(QStringLiteral("pg_dump"));
    bool listed = false;
    for (const PgTool &t : configured)
        listed = listed || t.path == QStringLiteral("/usr/bin/pg_dump");
    QVERIFY2(listed, qPrintable(describe(configured)));
}

void TestPgToolFinder::findsInstalledForServer15()
{
    const Result<PgTool> tool = PgToolFinder().find(QStringLiteral("pg_dump"), 15);
    QVERIFY2(tool.ok(), qPrintable(tool.ok() ? QString() : tool.error().message));
    QVERIFY(tool->major >= 15);
    // The lowest major that fits, and of those the first in search order.
    int lowest = INT_MAX;
    for (const PgTool &t : std::as_const(m_installed)) {
        if (t.major >= 15)
            lowest = qMin(lowest, t.major);
    }
    QCOMPARE(tool->major, lowest);
    if (lowest == 15)
        QCOMPARE(tool->path, DebianPg15); // the real binary, not the /usr/bin wrapper

    // An older server is served by the same lowest fitting version.
    const Result<PgTool> older = PgToolFinder().find(QStringLiteral("pg_dump"), 12);
    QVERIFY(older.ok());
    QVERIFY(older->major >= 12);
    QVERIFY(older->major <= tool->major);
}

void TestPgToolFinder::serverTooNew()
{
    const Result<PgTool> tool = PgToolFinder().find(QStringLiteral("pg_dump"), 99);
    QVERIFY(!tool.ok());
    QCOMPARE(tool.error().code, QStringLiteral("tools.missing"));
    const QString message = tool.error().message;
    QVERIFY2(message.contains(QLatin1String("postgresql-client-99")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("PostgreSQL 99")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("pg_dump version 99 or newer")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("found only")), qPrintable(message));
    for (const PgTool &t : std::as_const(m_installed))
        QVERIFY2(message.contains(QStringLiteral("%1 at %2").arg(t.version, t.path)), qPrintable(message));
    QVERIFY(!message.contains(QLatin1Char('\n')));

    const Result<PgTool> none = PgToolFinder().find(QStringLiteral("lifeboat_no_such_tool"), 15);
    QVERIFY(!none.ok());
    QVERIFY2(none.error().message.contains(QLatin1String("none was found")),
             qPrintable(none.error().message));
    QVERIFY2(none.error().message.contains(QLatin1String("postgresql-client-15")),
             qPrintable(none.error().message));
}

void TestPgToolFinder::configuredDirectory_data()
{
    QTest::addColumn<int>("serverMajor");
    QTest::addColumn<bool>("fake"); // expect the configured fake (17.2), else an installed copy

    // The lowest major that is at least the server's wins, wherever it is.
    QTest::newRow("server 15 takes installed 15") << 15 << false;
    QTest::newRow("server 16 takes fake 17") << 16 << true;
    QTest::newRow("server 17 takes fake 17") << 17 << true;
}

void TestPgToolFinder::configuredDirectory()
{
    QFETCH(int, serverMajor);
    QFETCH(bool, fake);

    const QString dir = m_dir.filePath(QStringLiteral("tools17"));
    QVERIFY(writeFakeTool(dir, QStringLiteral("pg_dump"), QStringLiteral("pg_dump (PostgreSQL) 17.2")));
    for (const PgTool &t : std::as_const(m_installed)) {
        if (t.major >= 16 && t.major <= 17)
            QSKIP("an installed pg_dump 16 or 17 would make the expectations ambiguous");
    }

    const PgToolFinder finder(dir);
    QCOMPARE(finder.searchDirectories().value(0), dir);
    const QList<PgTool> all = finder.candidates(QStringLiteral("pg_dump"));
    QCOMPARE(all.value(0).major, 17); // highest first
    QCOMPARE(all.value(0).path, QDir(dir).filePath(QStringLiteral("pg_dump")));

    const Result<PgTool> tool = finder.find(QStringLiteral("pg_dump"), serverMajor);
    QVERIFY2(tool.ok(), qPrintable(tool.ok() ? QString() : tool.error().message));
    if (fake) {
        QCOMPARE(tool->path, QDir(dir).filePath(QStringLiteral("pg_dump")));
        QCOMPARE(tool->major, 17);
        QCOMPARE(tool->version, QStringLiteral("17.2"));
    } else {
        QCOMPARE(tool->major, 15);
        QCOMPARE(tool->path, DebianPg15);
    }

    // Too new even for the fake: the message lists it too.
    const Result<PgTool> none = finder.find(QStringLiteral("pg_dump"), 18);
    QVERIFY(!none.ok());
    QVERIFY2(none.error().message.contains(QStringLiteral("17.2 at ") +
                                           QDir(dir).filePath(QStringLiteral("pg_dump"))),
             qPrintable(none.error().message));
    QVERIFY2(none.error().message.contains(QStringLiteral("at ") + DebianPg15),
             qPrintable(none.error().message));
}

void TestPgToolFinder::configuredDirectoryWinsATie()
{
    // Same major as an installed copy: the one the user configured is used.
    const QString dir = m_dir.filePath(QStringLiteral("tools15"));
    QVERIFY(writeFakeTool(dir, QStringLiteral("pg_dump"), QStringLiteral("pg_dump (PostgreSQL) 15.99")));
    const Result<PgTool> tool = PgToolFinder(dir).find(QStringLiteral("pg_dump"), 15);
    QVERIFY(tool.ok());
    QCOMPARE(tool->path, QDir(dir).filePath(QStringLiteral("pg_dump")));
    QCOMPARE(tool->version, QStringLiteral("15.99"));

    // A configured directory without the tool falls back to the installed ones.
    const QString empty = m_dir.filePath(QStringLiteral("empty-tools"));
    QVERIFY(QDir().mkpath(empty));
    const Result<PgTool> fallback = PgToolFinder(empty).find(QStringLiteral("pg_dump"), 15);
    QVERIFY(fallback.ok());
    QCOMPARE(fallback->path, DebianPg15);
}

void TestPgToolFinder::searchDirectories()
{
    const QString configured = m_dir.filePath(QStringLiteral("configured"));
    const QStringList dirs = PgToolFinder(configured).searchDirectories();
    QCOMPARE(dirs.value(0), configured);
    QVERIFY(dirs.contains(QStringLiteral("/usr/lib/postgresql/15/bin")));
    QVERIFY(dirs.indexOf(QStringLiteral("/usr/lib/postgresql/15/bin")) <
                dirs.indexOf(QStringLiteral("/usr/bin")) ||
            !dirs.contains(QStringLiteral("/usr/bin")));
    for (const QString &p : qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts))
        QVERIFY2(dirs.contains(p), qPrintable(p));
    QCOMPARE(QSet<QString>(dirs.begin(), dirs.end()).size(), dirs.size());
    QVERIFY(!PgToolFinder().searchDirectories().contains(configured));
}

QTEST_GUILESS_MAIN(TestPgToolFinder)
#include "TestPgToolFinder.moc"
