#include "support/PgTestCluster.h"

#include "support/TestPeers.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QUrl>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lifeboat::test {

namespace {
const char *const kServerUser = "lifeboat-test";

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

void chownTree(const QString &path, uid_t uid, gid_t gid)
{
    ::chown(QFile::encodeName(path).constData(), uid, gid);
    QDir dir(path);
    const auto entries = dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &fi : entries) {
        if (fi.isDir() && !fi.isSymLink())
            chownTree(fi.absoluteFilePath(), uid, gid);
        else
            ::lchown(QFile::encodeName(fi.absoluteFilePath()).constData(), uid, gid);
    }
}
} // namespace

PgTestCluster::PgTestCluster()
{
    m_password = QString::number(QRandomGenerator::global()->generate64(), 36) + QStringLiteral("Pw!");
}

PgTestCluster::~PgTestCluster()
{
    stop();
}

QString PgTestCluster::findBinDir()
{
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    int best = 0;
    for (const QString &entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int major = entry.toInt(&ok);
        if (ok && major > best && QFile::exists(root.filePath(entry + QStringLiteral("/bin/initdb"))))
            best = major;
    }
    return best ? root.filePath(QString::number(best) + QStringLiteral("/bin")) : QString();
}

int PgTestCluster::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString PgTestCluster::uri(const QString &database) const
{
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2")
        .arg(m_port)
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(database)));
}

QProcessEnvironment PgTestCluster::clientEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGHOST"), host());
    env.insert(QStringLiteral("PGPORT"), QString::number(m_port));
    env.insert(QStringLiteral("PGUSER"), superuser());
    env.insert(QStringLiteral("PGPASSWORD"), m_password);
    env.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("10"));
    return env;
}

void PgTestCluster::exportClientEnvironment() const
{
    const QProcessEnvironment env = clientEnvironment();
    for (const char *name : {"PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGCONNECT_TIMEOUT"})
        qputenv(name, env.value(QString::fromLatin1(name)).toUtf8());
}

bool PgTestCluster::runServerTool(const QStringList &argv, QString *output)
{
    QStringList command = argv;
    if (runningAsRoot())
        command = QStringList{peerProgram(QStringLiteral("runuser")), QStringLiteral("-u"),
                              QString::fromLatin1(kServerUser), QStringLiteral("--")} +
                  argv;
    QProcess proc;
    proc.setProcessChannelMode(QProcess::MergedChannels);
    proc.setWorkingDirectory(m_dir->path());
    proc.start(command.first(), command.mid(1));
    if (!proc.waitForFinished(120000)) {
        proc.kill();
        proc.waitForFinished();
        m_error = QStringLiteral("%1 did not finish").arg(argv.first());
        return false;
    }
    const QString out = QString::fromLocal8Bit(proc.readAll());
    if (output)
        *output = out;
    if (proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed: %2").arg(argv.first(), out);
        return false;
    }
    return true;
}

bool PgTestCluster::start()
{
    m_binDir = findBinDir();
    if (m_binDir.isEmpty()) {
        m_error = QStringLiteral(
            "no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql-15)");
        return false;
    }
    m_major = QDir(m_binDir).absolutePath().section(QLatin1Char('/'), -2, -2).toInt();
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/lifeboat-pgtest-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    const QString pwfile = m_dir->filePath(QStringLiteral("pwfile"));
    {
        QFile f(pwfile);
        if (!f.open(QIODevice::WriteOnly)) {
            m_error = QStringLiteral("cannot write %1").arg(pwfile);
            return false;
        }
        f.write(m_password.toUtf8() + '\n');
    }
    QDir(m_dir->path()).mkdir(QStringLiteral("sock"));
    if (runningAsRoot()) {
        const passwd *pw = ::getpwnam(kServerUser);
        if (!pw) {
            m_error = QStringLiteral("running as root, but the unprivileged user '%1' that runs the test "
                                     "servers does not exist (scripts/test creates it: useradd --system %1)")
                          .arg(QString::fromLatin1(kServerUser));
            return false;
        }
        chownTree(m_dir->path(), pw->pw_uid, pw->pw_gid);
    }
    ::chmod(QFile::encodeName(m_dir->path()).constData(), 0755);

    const QString data = m_dir->filePath(QStringLiteral("data"));
    if (!runServerTool({m_binDir + QStringLiteral("/initdb"), QStringLiteral("-D"), data,
                        QStringLiteral("-U"), superuser(), QStringLiteral("--pwfile=") + pwfile,
                        QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
                        QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"),
                        QStringLiteral("--no-sync")}))
        return false;

    for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
        m_port = freePort();
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                               "-c synchronous_commit=off -c full_page_writes=off "
                                               "-c max_connections=50 -c shared_buffers=64MB")
                                    .arg(m_port)
                                    .arg(m_dir->filePath(QStringLiteral("sock")));
        m_running = runServerTool({m_binDir + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), data,
                                   QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")),
                                   QStringLiteral("-o"), options, QStringLiteral("-w"), QStringLiteral("-t"),
                                   QStringLiteral("60"), QStringLiteral("start")});
    }
    return m_running;
}

void PgTestCluster::stop()
{
    if (!m_running)
        return;
    runServerTool({m_binDir + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
                   m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"), QStringLiteral("immediate"),
                   QStringLiteral("-w"), QStringLiteral("stop")});
    m_running = false;
}

QString PgTestCluster::psql(const QString &sql, const QString &database) const
{
    QProcess proc;
    proc.setProcessEnvironment(clientEnvironment());
    proc.start(m_binDir + QStringLiteral("/psql"),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), database,
                QStringLiteral("-f"), QStringLiteral("-")});
    proc.write(sql.toUtf8());
    proc.closeWriteChannel();
    if (!proc.waitForFinished(300000) || proc.exitCode() != 0) {
        m_psqlError = QString::fromLocal8Bit(proc.readAllStandardError());
        return QString();
    }
    const QString out = QString::fromUtf8(proc.readAllStandardOutput()).trimmed();
    return out.isNull() ? QStringLiteral("") : out;
}

bool PgTestCluster::psqlFile(const QString &path, const QString &database) const
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_psqlError = QStringLiteral("cannot read %1").arg(path);
        return false;
    }
    return !psql(QString::fromUtf8(f.readAll()), database).isNull();
}

} // namespace lifeboat::test
