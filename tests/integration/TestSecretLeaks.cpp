// Secrets never leak during a backup. A PostgreSQL role has a password known only to the keychain
// (no PGPASSWORD, no ~/.pgpass); while lifeboat-cli backs up, every process in its tree is polled:
// no command line and no environment may contain the password, and pg_dump/pg_dumpall must get
// it from a 0600 passfile in a 0700 folder, which is gone afterwards. Then the catalog, the
// configuration folder, logs, temp and runtime folders and stdout/stderr are scanned: zero
// occurrences. The backup restores with the exported recovery kit and the peers age | zstd |
// pg_restore. Passphrase profiles use the scrypt work factor calibrated into the profile.
// A backup to a real S3 server (s3rver) whose secret key only the keychain holds (no AWS_* variables,
// no ~/.aws/credentials) works, verifies and passes `dest test --profile`, and neither that secret nor
// the database password shows up in any child's argv or environment, the log output, the catalog,
// the settings or an error text (a wrong S3 secret in the keychain included).

#include "engine/crypto/AgeDecryptor.h"
#include "support/KeyringSession.h"
#include "support/PgTestCluster.h"
#include "support/ProcessRunner.h"
#include "support/S3rverProcess.h"
#include "support/TestPeers.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace lifeboat;
using namespace lifeboat::test;

namespace {

int modeOf(const QString &path)
{
    struct stat st
    {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QByteArray readProc(qint64 pid, const char *what)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(what)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// pid → parent pid of every process now.
QHash<qint64, qint64> processParents()
{
    QHash<qint64, qint64> parents;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        const QByteArray stat = readProc(pid, "stat");
        const qsizetype close = stat.lastIndexOf(')'); // the command name may contain anything
        if (close < 0)
            continue;
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() > 1)
            parents.insert(pid, fields.at(1).toLongLong());
    }
    return parents;
}

// `root` and all its descendants.
QList<qint64> processTree(qint64 root)
{
    const QHash<qint64, qint64> parents = processParents();
    QList<qint64> tree{root};
    for (qsizetype i = 0; i < tree.size(); ++i) {
        for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
            if (it.value() == tree.at(i) && !tree.contains(it.key()))
                tree.append(it.key());
        }
    }
    return tree;
}

QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

QStringList passfileFolders(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("lifeboat-pg-*")}, QDir::AllEntries | QDir::Hidden);
}

class CollectingSink final : public ByteSink
{
public:
    Status write(const char *data, qint64 size) override
    {
        bytes.append(data, size);
        return {};
    }
    Status finish() override { return {}; }
    QByteArray bytes;
};

// What the test saw of the backup's process tree.
struct TreeWatch
{
    QSet<QString> programs;    // comm names seen below lifeboat-cli
    QStringList passfiles;     // PGPASSFILE values seen in children
    QStringList leaks;         // "pid comm: where" for every occurrence of the secret
    QStringList badPassfiles;  // passfiles that were not 0600 in a 0700 folder
    QStringList pgPasswordEnv; // children that had PGPASSWORD at all
    QStringList coreDumps;     // processes that could write a core dump (RLIMIT_CORE != 0)
    QString cliUmask;          // lifeboat-cli's umask
    int polls = 0;
};

} // namespace

class TestSecretLeaks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void withoutTheKeychainNoPasswordIsFound();
    void backupLeaksNothing();
    void restoreLeaksNothing();
    void wrongPasswordInTheKeychain();
    void passphraseProfile();
    void s3BackupWithTheKeychainSecretLeaksNothing();

private:
    ProcessResult cli(const QStringList &args, const QByteArray &input = QByteArray()) const;
    // Runs lifeboat-cli, polling its process tree until it exits.
    ProcessResult watchedCli(const QStringList &args, const QByteArray &secret, TreeWatch *watch) const;
    ProcessResult watchedCli(const QStringList &args, const QList<QByteArray> &secrets, TreeWatch *watch,
                             const QProcessEnvironment &env) const;
    void scanEverywhere(const QByteArray &secret);
    QString newDestDir();

    KeyringSession m_keyring;
    PgTestCluster m_pg;
    QTemporaryDir m_tmp;
    ProcessRunner m_super; // psql, pg_restore as the superuser (PGPASSWORD of the test cluster)
    QProcessEnvironment m_cliEnv;
    QString m_config;
    QString m_cliTmp;
    QString m_kit;
    QByteArray m_password;
    int m_counter = 0;
};

ProcessResult TestSecretLeaks::cli(const QStringList &args, const QByteArray &input) const
{
    ProcessRunner run(m_cliEnv);
    return run.cli(m_config, args, input, 300000);
}

QString TestSecretLeaks::newDestDir()
{
    const QString dir = m_tmp.filePath(QStringLiteral("dest-%1").arg(++m_counter));
    QDir().mkpath(dir);
    return dir;
}

void TestSecretLeaks::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(m_keyring.start(), qPrintable(m_keyring.errorString()));
    QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
    m_super.setEnvironment(m_pg.clientEnvironment());

    // A password only the keychain will know; ':' and '\' exercise the passfile's escaping.
    m_password =
        QStringLiteral("Lk%1:pa\\ss-Secret").arg(QRandomGenerator::global()->generate64(), 0, 36).toUtf8();
    const QString sqlPassword = QString::fromUtf8(m_password);
    QVERIFY(
        !m_pg.psql(QStringLiteral("CREATE ROLE lb_secret LOGIN PASSWORD '%1'").arg(sqlPassword)).isNull());
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE leaky OWNER lb_secret")).isNull());
    QVERIFY2(!m_pg.psql(QStringLiteral("SET ROLE lb_secret; "
                                       "CREATE TABLE items(id int PRIMARY KEY, payload text NOT NULL); "
                                       "INSERT INTO items SELECT g, md5(g::text) || repeat('x', 200) "
                                       "FROM generate_series(1, 200000) g;"),
                        QStringLiteral("leaky"))
                  .isNull(),
             qPrintable(m_pg.lastPsqlError()));

    m_config = m_tmp.filePath(QStringLiteral("config"));
    m_cliTmp = m_tmp.filePath(QStringLiteral("cli-tmp"));
    QDir().mkpath(m_cliTmp);
    m_kit = m_tmp.filePath(QStringLiteral("recovery-kit.txt"));
    // lifeboat-cli sees no PGPASSWORD and no ~/.pgpass: the keychain is its only source.
    m_cliEnv = m_keyring.environment();
    for (const char *name : {"PGPASSWORD", "PGHOST", "PGPORT", "PGUSER", "PGSERVICE", "PGSERVICEFILE"})
        m_cliEnv.remove(QString::fromLatin1(name));
    m_cliEnv.insert(QStringLiteral("PGPASSFILE"), m_tmp.filePath(QStringLiteral("no-such-pgpass")));
    m_cliEnv.insert(QStringLiteral("TMPDIR"), m_cliTmp);
    m_cliEnv.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("lifeboat.*=true"));
    QVERIFY(!m_cliEnv.toStringList().join(QLatin1Char('\n')).contains(QString::fromUtf8(m_password)));
}

void TestSecretLeaks::cleanupTestCase()
{
    m_pg.stop();
    m_keyring.stop();
}

ProcessResult TestSecretLeaks::watchedCli(const QStringList &args, const QByteArray &secret,
                                          TreeWatch *watch) const
{
    return watchedCli(args, QList<QByteArray>{secret}, watch, m_cliEnv);
}

ProcessResult TestSecretLeaks::watchedCli(const QStringList &args, const QList<QByteArray> &secrets,
                                          TreeWatch *watch, const QProcessEnvironment &env) const
{
    QProcess proc;
    proc.setProcessEnvironment(env);
    proc.start(cliPath(), QStringList{QStringLiteral("--config-dir"), m_config} + args);
    ProcessResult r;
    if (!proc.waitForStarted(30000)) {
        r.err = "could not start lifeboat-cli";
        return r;
    }
    proc.closeWriteChannel();
    const qint64 root = proc.processId();
    QByteArray out, err;
    QElapsedTimer timer;
    timer.start();
    while (proc.state() != QProcess::NotRunning && timer.elapsed() < 300000) {
        ++watch->polls;
        const QList<qint64> tree = processTree(root);
        // Once lifeboat-cli has children its main() has long run (before, /proc shows what it
        // inherited from this test).
        const bool started = tree.size() > 1;
        for (const qint64 pid : tree) {
            const QString comm = QString::fromUtf8(readProc(pid, "comm")).trimmed();
            if (pid != root && !comm.isEmpty())
                watch->programs.insert(comm);
            if (pid == root && !started)
                continue;
            // Core dumps are off in lifeboat-cli from the start, and so in everything it starts.
            for (const QByteArray &line : readProc(pid, "limits").split('\n')) {
                if (line.startsWith("Max core file size") &&
                    line.simplified() != "Max core file size 0 0 bytes")
                    watch->coreDumps
                        << QStringLiteral("%1 %2: %3").arg(pid).arg(comm, QString::fromUtf8(line));
            }
            if (pid == root && watch->cliUmask.isEmpty()) {
                for (const QByteArray &line : readProc(pid, "status").split('\n')) {
                    if (line.startsWith("Umask:"))
                        watch->cliUmask = QString::fromUtf8(line.mid(6)).trimmed();
                }
            }
            const QByteArray cmdline = readProc(pid, "cmdline");
            const QByteArray environ = readProc(pid, "environ");
            for (const QByteArray &secret : secrets) {
                if (cmdline.contains(secret))
                    watch->leaks << QStringLiteral("%1 %2: command line").arg(pid).arg(comm);
                if (environ.contains(secret))
                    watch->leaks << QStringLiteral("%1 %2: environment").arg(pid).arg(comm);
            }
            for (const QByteArray &entry : environ.split('\0')) {
                if (entry.startsWith("PGPASSWORD="))
                    watch->pgPasswordEnv << QStringLiteral("%1 %2").arg(pid).arg(comm);
                if (!entry.startsWith("PGPASSFILE=") || pid == root)
                    continue;
                const QString passfile = QString::fromUtf8(entry.mid(11));
                if (watch->passfiles.contains(passfile))
                    continue;
                const int fileMode = modeOf(passfile);
                const int dirMode = modeOf(QFileInfo(passfile).absolutePath());
                if (fileMode == -1) // already gone: the child is exiting
                    continue;
                watch->passfiles << passfile;
                if (fileMode != 0600 || dirMode != 0700)
                    watch->badPassfiles << QStringLiteral("%1 (%2, folder %3)")
                                               .arg(passfile)
                                               .arg(fileMode, 0, 8)
                                               .arg(dirMode, 0, 8);
            }
        }
        out += proc.readAllStandardOutput();
        err += proc.readAllStandardError();
        proc.waitForFinished(1);
    }
    if (proc.state() != QProcess::NotRunning) {
        proc.kill();
        proc.waitForFinished();
        err += "timed out";
    }
    r.out = out + proc.readAllStandardOutput();
    r.err = err + proc.readAllStandardError();
    r.exitCode = proc.exitCode();
    r.crashed = proc.exitStatus() != QProcess::NormalExit;
    return r;
}

void TestSecretLeaks::scanEverywhere(const QByteArray &secret)
{
    // The catalog (and its WAL), logs, locks; HOME and XDG folders (the keyring's own file is
    // encrypted, so it may not hold the plaintext either); temp and runtime folders; destinations.
    for (const QString &root : {m_config, m_keyring.root(), m_cliTmp, m_tmp.path()}) {
        const QStringList hits = filesContaining(root, secret);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
    }
    QCOMPARE(passfileFolders(m_cliTmp), QStringList());
    QCOMPARE(passfileFolders(m_keyring.root() + QStringLiteral("/run")), QStringList());
}

void TestSecretLeaks::withoutTheKeychainNoPasswordIsFound()
{
    const QString dest = newDestDir();
    ProcessResult add =
        cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("leak"), QStringLiteral("--db"),
             QStringLiteral("postgresql://lb_secret@127.0.0.1:%1/leaky").arg(m_pg.port()),
             QStringLiteral("--dest"), dest, QStringLiteral("--globals")});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    ProcessResult key = cli({QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("leak")});
    QVERIFY2(key.exitCode == 0, qPrintable(key.errText()));

    ProcessResult backup = cli({QStringLiteral("backup"), QStringLiteral("leak")});
    QCOMPARE(backup.exitCode, 1);
    QVERIFY2(backup.errText().contains(
                 QStringLiteral("asks for a password for user 'lb_secret' and none was found")),
             qPrintable(backup.errText()));
    // The identity's only copy is in the keychain: every backup says so until it is exported.
    QVERIFY(backup.errText().contains(
        QStringLiteral("the age identity of profile 'leak' has never been exported")));
}

void TestSecretLeaks::backupLeaksNothing()
{
    ProcessResult set = cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("leak"),
                             QStringLiteral("db-password")},
                            m_password + '\n');
    QVERIFY2(set.exitCode == 0, qPrintable(set.errText()));
    ProcessResult kit = cli({QStringLiteral("key"), QStringLiteral("export"), QStringLiteral("leak"),
                             QStringLiteral("--out"), m_kit});
    QVERIFY2(kit.exitCode == 0, qPrintable(kit.errText()));

    TreeWatch watch;
    const ProcessResult backup =
        watchedCli({QStringLiteral("backup"), QStringLiteral("leak")}, m_password, &watch);
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText()));
    qInfo() << "polled the process tree" << watch.polls << "times; saw" << watch.programs.values();

    // The test saw the children it is about (or it proves nothing).
    QVERIFY2(watch.programs.contains(QStringLiteral("pg_dump")),
             qPrintable(watch.programs.values().join(QLatin1Char(' '))));
    QVERIFY2(watch.programs.contains(QStringLiteral("pg_dumpall")),
             qPrintable(watch.programs.values().join(QLatin1Char(' '))));
    QVERIFY2(watch.leaks.isEmpty(), qPrintable(watch.leaks.join(QStringLiteral("; "))));
    QVERIFY2(watch.pgPasswordEnv.isEmpty(), qPrintable(watch.pgPasswordEnv.join(QStringLiteral("; "))));
    QVERIFY2(!watch.passfiles.isEmpty(), "no child had PGPASSFILE set");
    QVERIFY2(watch.badPassfiles.isEmpty(), qPrintable(watch.badPassfiles.join(QStringLiteral("; "))));
    for (const QString &passfile : std::as_const(watch.passfiles)) {
        QVERIFY2(passfile.startsWith(m_keyring.root() + QStringLiteral("/run/lifeboat-pg-")),
                 qPrintable(passfile));
        QVERIFY2(!QFileInfo::exists(passfile), qPrintable(passfile));
        QVERIFY(!QFileInfo::exists(QFileInfo(passfile).absolutePath()));
    }

    QVERIFY(!backup.out.contains(m_password) && !backup.err.contains(m_password));
    QVERIFY(!backup.errText().contains(QStringLiteral("has never been exported")));
    scanEverywhere(m_password);

    // Hardening: no core dumps anywhere in the tree, umask 077, private files in private folders.
    QVERIFY2(watch.coreDumps.isEmpty(), qPrintable(watch.coreDumps.join(QStringLiteral("; "))));
    QCOMPARE(watch.cliUmask, QStringLiteral("0077"));
    const QString dest =
        QFileInfo(backup.outText().trimmed()).absolutePath().section(QLatin1Char('/'), 0, -3);
    for (const QString &root : {m_config, dest}) {
        QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const int mode = modeOf(path);
            if (QFileInfo(path).isDir())
                QVERIFY2(mode == 0700, qPrintable(QStringLiteral("%1 is %2").arg(path).arg(mode, 0, 8)));
            else
                QVERIFY2((mode & 077) == 0, qPrintable(QStringLiteral("%1 is %2").arg(path).arg(mode, 0, 8)));
        }
    }

    // The artifact restores without Lifeboat, with nothing but the recovery kit.
    const QString artifact = backup.outText().trimmed();
    QVERIFY2(artifact.endsWith(QStringLiteral(".dump.zst.age")), qPrintable(artifact));
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE restored")).isNull());
    ProcessResult restore =
        m_super.shell(QStringLiteral("age -d -i %1 %2 | zstd -d | pg_restore --no-owner -d restored")
                          .arg(ProcessRunner::quote(m_kit), ProcessRunner::quote(artifact)));
    QVERIFY2(restore.exitCode == 0, qPrintable(restore.errText()));
    QCOMPARE(m_pg.psql(QStringLiteral("SELECT count(*) FROM items"), QStringLiteral("restored")).trimmed(),
             QStringLiteral("200000"));
}

void TestSecretLeaks::restoreLeaksNothing()
{
    // The restore of that backup, on the profile's server whose password only the keychain holds:
    // pg_restore gets it through a private passfile, libpq in memory, nothing anywhere else.
    QVERIFY(!m_pg.psql(QStringLiteral("ALTER ROLE lb_secret CREATEDB")).isNull());
    TreeWatch watch;
    const ProcessResult restore =
        watchedCli({QStringLiteral("restore"), QStringLiteral("1"), QStringLiteral("--to-db"),
                    QStringLiteral("leak_restored"), QStringLiteral("--no-owner")},
                   m_password, &watch);
    QVERIFY2(restore.exitCode == 0, qPrintable(QString(restore.errText() + restore.outText()).right(700)));
    QVERIFY2(watch.programs.contains(QStringLiteral("pg_restore")),
             qPrintable(watch.programs.values().join(QLatin1Char(' '))));
    QVERIFY2(watch.leaks.isEmpty(), qPrintable(watch.leaks.join(QStringLiteral("; "))));
    QVERIFY2(watch.pgPasswordEnv.isEmpty(), qPrintable(watch.pgPasswordEnv.join(QStringLiteral("; "))));
    QVERIFY2(!watch.passfiles.isEmpty(), "pg_restore had no PGPASSFILE");
    QVERIFY2(watch.badPassfiles.isEmpty(), qPrintable(watch.badPassfiles.join(QStringLiteral("; "))));
    for (const QString &passfile : std::as_const(watch.passfiles))
        QVERIFY2(!QFileInfo::exists(passfile), qPrintable(passfile));
    QVERIFY(!restore.out.contains(m_password) && !restore.err.contains(m_password));
    QCOMPARE(
        m_pg.psql(QStringLiteral("SELECT count(*) FROM items"), QStringLiteral("leak_restored")).trimmed(),
        QStringLiteral("200000"));
    scanEverywhere(m_password);
}

void TestSecretLeaks::wrongPasswordInTheKeychain()
{
    const QByteArray wrong = "Wrong-Keychain-Pw-31337";
    QCOMPARE(cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("leak"),
                  QStringLiteral("db-password")},
                 wrong)
                 .exitCode,
             0);
    TreeWatch watch;
    ProcessResult backup = watchedCli({QStringLiteral("backup"), QStringLiteral("leak")}, wrong, &watch);
    QCOMPARE(backup.exitCode, 1);
    QVERIFY2(
        backup.errText().contains(QStringLiteral("PostgreSQL at lb_secret@127.0.0.1:%1 rejected the password "
                                                 "stored in the keychain for profile 'leak': update it with "
                                                 "`lifeboat-cli secret set leak db-password`")
                                      .arg(m_pg.port())),
        qPrintable(backup.errText()));
    QVERIFY(watch.leaks.isEmpty());
    QVERIFY(!backup.out.contains(wrong) && !backup.err.contains(wrong));
    scanEverywhere(wrong); // the passfile of the failed run is gone too

    QCOMPARE(cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("leak"),
                  QStringLiteral("db-password")},
                 m_password)
                 .exitCode,
             0);
}

void TestSecretLeaks::passphraseProfile()
{
    const QString dest = newDestDir();
    ProcessResult add =
        cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("pp"), QStringLiteral("--db"),
             QStringLiteral("postgresql://lb_secret@127.0.0.1:%1/leaky").arg(m_pg.port()),
             QStringLiteral("--dest"), dest, QStringLiteral("--passphrase")});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    QVERIFY(add.errText().contains(QStringLiteral("lifeboat-cli secret set pp passphrase")));
    // The work factor was calibrated once and is kept in the profile.
    const QJsonObject profile =
        QJsonDocument::fromJson(
            cli({QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("pp")}).out)
            .object();
    QVERIFY(profile.value(QLatin1String("passphrase")).toBool());
    const int logN = profile.value(QLatin1String("scryptLogN")).toInt();
    QVERIFY2(logN >= 15 && logN <= 22, qPrintable(QString::number(logN)));

    QCOMPARE(cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("pp"),
                  QStringLiteral("db-password")},
                 m_password)
                 .exitCode,
             0);
    ProcessResult missing = cli({QStringLiteral("backup"), QStringLiteral("pp")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.errText().contains(
                 QStringLiteral("profile 'pp' encrypts with a passphrase, but the keychain holds "
                                "none for it: store it with `lifeboat-cli secret set pp "
                                "passphrase`")),
             qPrintable(missing.errText()));

    const QByteArray passphrase = "correct horse battery staple 42";
    QCOMPARE(cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("pp"),
                  QStringLiteral("passphrase")},
                 passphrase + '\n')
                 .exitCode,
             0);
    TreeWatch watch;
    ProcessResult backup = watchedCli({QStringLiteral("backup"), QStringLiteral("pp")}, passphrase, &watch);
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText()));
    QVERIFY(watch.leaks.isEmpty());
    QVERIFY(!backup.out.contains(passphrase) && !backup.err.contains(passphrase));
    scanEverywhere(passphrase);
    scanEverywhere(m_password);

    // The artifact uses the profile's work factor, and the passphrase opens it.
    const QString artifact = backup.outText().trimmed();
    QFile f(artifact);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray head = f.peek(200);
    const QList<QByteArray> lines = head.split('\n');
    QCOMPARE(lines.at(0), QByteArray("age-encryption.org/v1"));
    const QByteArray workFactor = QByteArray::number(logN).prepend(' ');
    QVERIFY2(lines.at(1).startsWith("-> scrypt ") && lines.at(1).endsWith(workFactor),
             lines.at(1).constData());
    CollectingSink plain;
    auto decryptor = AgeDecryptor::withPassphrase(passphrase, &plain);
    const QByteArray encrypted = f.readAll();
    QVERIFY(decryptor->write(encrypted.constData(), encrypted.size()));
    QVERIFY(decryptor->finish());
    QVERIFY(plain.bytes.startsWith(QByteArray::fromHex("28b52ffd"))); // a zstd frame
}

void TestSecretLeaks::s3BackupWithTheKeychainSecretLeaksNothing()
{
    // An S3 secret a search can find (S3RVER/S3RVER would match the access key id everywhere).
    const QByteArray s3Secret = QStringLiteral("S3k%1/Only+In=Keychain")
                                    .arg(QRandomGenerator::global()->generate64(), 0, 36)
                                    .toUtf8();
    const QString keyId = QStringLiteral("LBLEAKTESTKEY");
    S3rverProcess s3;
    s3.addKeyPair(keyId, s3Secret);
    const QString data = m_tmp.filePath(QStringLiteral("s3data"));
    QDir().mkpath(data);
    const QString started = s3.start(data, {QStringLiteral("bucket")});
    QVERIFY2(started.isEmpty(), qPrintable(started));

    // The keychain is the only source: no AWS variables, and HOME (the keyring's temp dir) has no ~/.aws.
    QProcessEnvironment env = m_cliEnv;
    for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                             "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"})
        env.remove(QString::fromLatin1(name));
    QVERIFY(!QFileInfo::exists(env.value(QStringLiteral("HOME")) + QStringLiteral("/.aws")));
    QVERIFY(!env.toStringList().join(QLatin1Char('\n')).contains(QString::fromUtf8(s3Secret)));
    ProcessRunner run(env);
    auto cliS3 = [&](const QStringList &args, const QByteArray &input = QByteArray()) {
        return run.cli(m_config, args, input, 300000);
    };

    const QString url =
        QStringLiteral("s3://bucket/offsite?endpoint=%1&access_key=%2").arg(s3.endpoint(), keyId);
    ProcessResult add = cliS3({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("s3leak"),
                               QStringLiteral("--db"),
                               QStringLiteral("postgresql://lb_secret@127.0.0.1:%1/leaky").arg(m_pg.port()),
                               QStringLiteral("--dest"), url, QStringLiteral("--globals")});
    QVERIFY2(add.exitCode == 0, qPrintable(add.errText()));
    QVERIFY2(cliS3({QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("s3leak")}).exitCode ==
                 0,
             "key generate");
    QVERIFY(cliS3({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("s3leak"),
                   QStringLiteral("db-password")},
                  m_password + '\n')
                .exitCode == 0);

    // Without the S3 secret: one sentence naming the ways to give it.
    ProcessResult none = cliS3({QStringLiteral("backup"), QStringLiteral("s3leak")});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.errText().contains(QStringLiteral("no secret key for access key %1: store it with "
                                                    "`lifeboat-cli secret set PROFILE s3-secret`")
                                         .arg(keyId)),
             qPrintable(none.errText()));

    // A wrong secret in the keychain: the error says to correct the keychain's copy, and never shows it.
    const QByteArray wrong = "Wrong-S3-Secret-In-Keychain-777";
    QVERIFY(cliS3({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("s3leak"),
                   QStringLiteral("s3-secret")},
                  wrong + '\n')
                .exitCode == 0);
    TreeWatch wrongWatch;
    ProcessResult refused = watchedCli({QStringLiteral("backup"), QStringLiteral("s3leak")},
                                       {wrong, m_password}, &wrongWatch, env);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(
        refused.errText().contains(QStringLiteral("the secret key for access key %1 is wrong").arg(keyId)) &&
            refused.errText().contains(QLatin1String(
                "correct the keychain's copy with `lifeboat-cli secret set PROFILE s3-secret`")),
        qPrintable(refused.errText()));
    QVERIFY2(wrongWatch.leaks.isEmpty(), qPrintable(wrongWatch.leaks.join(QStringLiteral("; "))));
    QVERIFY(!refused.out.contains(wrong) && !refused.err.contains(wrong));
    scanEverywhere(wrong);

    // The right secret: the backup uploads to s3rver while the test watches every child process.
    QVERIFY(cliS3({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("s3leak"),
                   QStringLiteral("s3-secret")},
                  s3Secret + '\n')
                .exitCode == 0);
    TreeWatch watch;
    const ProcessResult backup =
        watchedCli({QStringLiteral("backup"), QStringLiteral("s3leak")}, {s3Secret, m_password}, &watch, env);
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.errText()));
    QVERIFY2(backup.outText().contains(QLatin1String("s3://bucket/offsite")), qPrintable(backup.outText()));
    QVERIFY2(watch.programs.contains(QStringLiteral("pg_dump")),
             qPrintable(watch.programs.values().join(QLatin1Char(' '))));
    QVERIFY2(watch.leaks.isEmpty(), qPrintable(watch.leaks.join(QStringLiteral("; "))));
    QVERIFY2(watch.pgPasswordEnv.isEmpty(), qPrintable(watch.pgPasswordEnv.join(QStringLiteral("; "))));
    // Log output (lifeboat.* debug categories are on) and errors.
    for (const QByteArray &secret : {s3Secret, m_password})
        QVERIFY(!backup.out.contains(secret) && !backup.err.contains(secret));

    // Read back from S3 with the keychain's secret: verify, and dest test --profile.
    const QJsonArray list =
        QJsonDocument::fromJson(
            cliS3({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("s3leak")}).out)
            .array();
    QCOMPARE(list.size(), 1);
    const qint64 id = list.at(0).toObject().value(QLatin1String("id")).toInteger();
    TreeWatch verifyWatch;
    ProcessResult verify = watchedCli({QStringLiteral("verify"), QString::number(id)}, {s3Secret, m_password},
                                      &verifyWatch, env);
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.errText() + verify.outText()));
    QVERIFY2(verify.outText().contains(QLatin1String("read from s3://bucket/offsite")),
             qPrintable(verify.outText()));
    QVERIFY(verifyWatch.leaks.isEmpty());
    ProcessResult tested = cliS3({QStringLiteral("dest"), QStringLiteral("test"), QStringLiteral("--profile"),
                                  QStringLiteral("s3leak")});
    QVERIFY2(tested.exitCode == 0, qPrintable(tested.errText()));
    QVERIFY2(tested.outText().contains(QLatin1String("write, read and delete of a probe object succeeded")),
             qPrintable(tested.outText()));
    ProcessResult untested = cliS3({QStringLiteral("dest"), QStringLiteral("test"), url});
    QCOMPARE(untested.exitCode, 1); // without --profile the keychain is not asked
    QVERIFY2(untested.errText().contains(QStringLiteral("no secret key for access key %1").arg(keyId)),
             qPrintable(untested.errText()));
    for (const ProcessResult &r : {verify, tested, untested}) {
        for (const QByteArray &secret : {s3Secret, m_password})
            QVERIFY(!r.out.contains(secret) && !r.err.contains(secret));
    }

    // The catalog, settings, logs, temp and runtime folders, the bucket's files: zero occurrences.
    scanEverywhere(s3Secret);
    scanEverywhere(m_password);
}

QTEST_GUILESS_MAIN(TestSecretLeaks)
#include "TestSecretLeaks.moc"
