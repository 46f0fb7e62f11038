// PgPassFile: a password reaches a child process through a 0600 passfile in a private 0700
// directory named by PGPASSFILE in the child's explicit environment — never argv, never
// PGPASSWORD — and the file is wiped and removed afterwards, also when the child fails, and
// leftovers of a killed process are swept up.

#include "engine/io/ChildProcess.h"
#include "engine/pg/PgPassFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace lifeboat;

namespace {
int modeOf(const QString &path)
{
    struct stat st
    {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestPgPassFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_base.isValid()); }
    void lifecycle();
    void escaping_data();
    void escaping();
    void environmentReplacesPgPassword();
    void childReadsItAndItIsRemovedAfterFailure();
    void lineBreaksAreRefused();
    void unusableBaseDirFailsCleanly();
    void staleDirectoriesAreRemoved();
    void runtimeDirIsPreferred();

private:
    QStringList entries() const
    {
        return QDir(m_base.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    }
    QTemporaryDir m_base;
};

void TestPgPassFile::lifecycle()
{
    QString path, dir;
    {
        auto file = PgPassFile::create(QByteArrayLiteral("s3cret-pw"), m_base.path());
        QVERIFY2(file, file ? "" : qPrintable(file.error().message));
        path = (*file)->path();
        dir = (*file)->directory();
        QVERIFY(path.startsWith(dir + QLatin1Char('/')));
        QVERIFY2(QFileInfo(dir).fileName().startsWith(QStringLiteral("lifeboat-pg-%1-").arg(::getpid())),
                 qPrintable(dir));
        QCOMPARE(QFileInfo(dir).absolutePath(), QFileInfo(m_base.path()).absoluteFilePath());
        QCOMPARE(modeOf(dir), 0700);
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(readAll(path), QByteArrayLiteral("*:*:*:*:s3cret-pw\n"));
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("pgpass")});
    }
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(dir));
    QVERIFY2(entries().isEmpty(), qPrintable(entries().join(QLatin1Char(' '))));
}

void TestPgPassFile::escaping_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("plain") << QByteArray("abc") << QByteArray("abc");
    QTest::newRow("colon") << QByteArray("a:b") << QByteArray("a\\:b");
    QTest::newRow("backslash") << QByteArray("a\\b") << QByteArray("a\\\\b");
    QTest::newRow("both") << QByteArray("\\:") << QByteArray("\\\\\\:");
    QTest::newRow("utf8 and spaces") << QByteArray("pä ss") << QByteArray("pä ss");
}

void TestPgPassFile::escaping()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, field);
    QCOMPARE(PgPassFile::escape(password), field);
}

void TestPgPassFile::environmentReplacesPgPassword()
{
    auto file = PgPassFile::create(QByteArrayLiteral("pw-1234"), m_base.path());
    QVERIFY(file);
    const QStringList base = {QStringLiteral("PATH=/usr/bin"), QStringLiteral("PGPASSWORD=from-env"),
                              QStringLiteral("PGPASSFILE=/home/u/.pgpass"), QStringLiteral("PGHOST=db1")};
    const QStringList env = (*file)->environment(base);
    QCOMPARE(env, (QStringList{QStringLiteral("PATH=/usr/bin"), QStringLiteral("PGHOST=db1"),
                               QStringLiteral("PGPASSFILE=") + (*file)->path()}));
    // Default base: this process's environment, minus PGPASSWORD.
    qputenv("PGPASSWORD", "leaky");
    const QStringList inherited = (*file)->environment();
    qunsetenv("PGPASSWORD");
    QVERIFY(inherited.contains(QStringLiteral("PGPASSFILE=") + (*file)->path()));
    for (const QString &e : inherited)
        QVERIFY2(!e.startsWith(QLatin1String("PGPASSWORD=")), qPrintable(e));
    QVERIFY(!inherited.join(QLatin1Char('\n')).contains(QLatin1String("pw-1234")));
}

void TestPgPassFile::childReadsItAndItIsRemovedAfterFailure()
{
    // The child finds the password through PGPASSFILE alone, and fails; the file still goes.
    QString path;
    QByteArray seen;
    int exitCode = -1;
    {
        auto file = PgPassFile::create(QByteArrayLiteral("child-pw-77"), m_base.path());
        QVERIFY(file);
        path = (*file)->path();
        const QStringList args = {QStringLiteral("-c"),
                                  QStringLiteral("cat \"$PGPASSFILE\"; ls -ld \"$PGPASSFILE\" >&2; "
                                                 "echo \"${PGPASSWORD:-none}\"; exit 3")};
        QVERIFY(!args.join(QLatin1Char(' ')).contains(QLatin1String("child-pw-77")));
        ChildProcess child;
        QVERIFY(child.start(QStringLiteral("/bin/sh"), args, (*file)->environment()));
        char buffer[256];
        for (qint64 n; (n = child.readStdout(buffer, sizeof buffer)) > 0;)
            seen.append(buffer, n);
        exitCode = child.wait();
    }
    QCOMPARE(exitCode, 3);
    QCOMPARE(seen, QByteArrayLiteral("*:*:*:*:child-pw-77\nnone\n"));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(entries().isEmpty());
}

void TestPgPassFile::lineBreaksAreRefused()
{
    for (const QByteArray &bad : {QByteArray("a\nb"), QByteArray("a\rb"), QByteArray("a\0b", 3)}) {
        auto file = PgPassFile::create(bad, m_base.path());
        QVERIFY(!file);
        QCOMPARE(file.error().code, QStringLiteral("pg.passfile"));
    }
    QVERIFY(entries().isEmpty());
}

void TestPgPassFile::unusableBaseDirFailsCleanly()
{
    auto file =
        PgPassFile::create(QByteArrayLiteral("pw-1234"), m_base.filePath(QStringLiteral("missing/dir")));
    QVERIFY(!file);
    QCOMPARE(file.error().code, QStringLiteral("pg.passfile"));
    QVERIFY(file.error().message.contains(QLatin1String("missing/dir")));
    QVERIFY(!file.error().message.contains(QLatin1String("pw-1234")));
}

void TestPgPassFile::staleDirectoriesAreRemoved()
{
    // A process that died (pid 2^22+ is above Linux's pid_max default of 4194304) left its passfile.
    const QString dead = m_base.filePath(QStringLiteral("lifeboat-pg-4194999-AbCdEf"));
    QVERIFY(QDir().mkdir(dead));
    {
        QFile f(dead + QStringLiteral("/pgpass"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("*:*:*:*:old\n");
    }
    // One of a live process (ours) stays, and so does anything not named like ours.
    const QString live = m_base.filePath(QStringLiteral("lifeboat-pg-%1-XyZxYz").arg(::getpid()));
    QVERIFY(QDir().mkdir(live));
    const QString other = m_base.filePath(QStringLiteral("something-else"));
    QVERIFY(QDir().mkdir(other));

    auto file = PgPassFile::create(QByteArrayLiteral("pw-1234"), m_base.path()); // sweeps first
    QVERIFY(file);
    QVERIFY(!QFileInfo::exists(dead));
    QVERIFY(QFileInfo::exists(live));
    QVERIFY(QFileInfo::exists(other));
    QCOMPARE(PgPassFile::removeStale(m_base.path()), 0);
    file->reset();
    QVERIFY(QDir(live).removeRecursively());
    QVERIFY(QDir(other).removeRecursively());
    QVERIFY(entries().isEmpty());
}

void TestPgPassFile::runtimeDirIsPreferred()
{
    QTemporaryDir runtime;
    QVERIFY(runtime.isValid());
    QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
    QCOMPARE(PgPassFile::defaultBaseDir(), runtime.path());
    // A runtime dir others can enter is not used.
    QFile::setPermissions(runtime.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeOther);
    QCOMPARE(PgPassFile::defaultBaseDir(), QDir::tempPath());
    qputenv("XDG_RUNTIME_DIR", QByteArray());
    QCOMPARE(PgPassFile::defaultBaseDir(), QDir::tempPath());
    if (saved.isNull())
        qunsetenv("XDG_RUNTIME_DIR");
    else
        qputenv("XDG_RUNTIME_DIR", saved);
}

QTEST_GUILESS_MAIN(TestPgPassFile)
#include "TestPgPassFile.moc"
