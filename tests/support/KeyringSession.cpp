#include "support/KeyringSession.h"

#include "support/TestPeers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QThread>

#include <csignal>
#include <sys/stat.h>

namespace lifeboat::test {

namespace {

const char *const kKeyringPassword = "lifeboat-test-keyring";

const char *const kSubdirs[] = {"home", "data", "config", "cache", "state", "run"};

// Runs a program to completion with `env`; false (and the output in *output) on failure.
bool runTool(const QString &program, const QStringList &args, const QProcessEnvironment &env, QString *output,
             const QByteArray &input = QByteArray(), int timeoutMs = 20000)
{
    const QString path = peerProgram(program);
    if (path.isEmpty()) {
        *output = missingPeerProgram(program);
        return false;
    }
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(path, args);
    if (!p.waitForStarted(10000)) {
        *output = QStringLiteral("%1 could not be started (is it installed?)").arg(program);
        return false;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        *output = QStringLiteral("%1 did not finish").arg(program);
        return false;
    }
    *output = QString::fromLocal8Bit(p.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(p.readAllStandardError());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *output = QStringLiteral("%1 failed (%2): %3 %4").arg(program).arg(p.exitCode()).arg(*output, err);
        return false;
    }
    return true;
}

void terminate(qint64 &pid)
{
    if (pid <= 0)
        return;
    ::kill(pid_t(pid), SIGTERM);
    QElapsedTimer t;
    t.start();
    while (::kill(pid_t(pid), 0) == 0 && t.elapsed() < 3000)
        QThread::msleep(20);
    if (::kill(pid_t(pid), 0) == 0)
        ::kill(pid_t(pid), SIGKILL);
    pid = 0;
}

} // namespace

KeyringSession::KeyringSession()
    : m_dir(
          std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/lifeboat-keyring-test-XXXXXX")))
{
    for (const char *sub : kSubdirs) {
        const QString path = m_dir->filePath(QString::fromLatin1(sub));
        QDir().mkpath(path);
        ::chmod(QFile::encodeName(path).constData(), 0700);
    }
}

KeyringSession::~KeyringSession()
{
    stop();
}

QString KeyringSession::root() const
{
    return m_dir->path();
}

QString KeyringSession::plannedAddress() const
{
    return QStringLiteral("unix:path=") + m_dir->filePath(QStringLiteral("run/bus"));
}

QProcessEnvironment KeyringSession::environment(const QProcessEnvironment &base) const
{
    QProcessEnvironment env = base;
    for (const char *name :
         {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_PID", "DBUS_SESSION_BUS_WINDOWID",
          "GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK", "XDG_CURRENT_DESKTOP", "XDG_SESSION_DESKTOP",
          "DESKTOP_SESSION", "KDE_FULL_SESSION", "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               m_address.isEmpty() ? plannedAddress() : m_address);
    env.insert(QStringLiteral("HOME"), m_dir->filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir->filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_dir->filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->filePath(QStringLiteral("run")));
    return env;
}

void KeyringSession::exportToThisProcess() const
{
    for (const char *name :
         {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_PID", "GNOME_KEYRING_CONTROL",
          "XDG_CURRENT_DESKTOP", "XDG_SESSION_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION"})
        qunsetenv(name);
    qputenv("DBUS_SESSION_BUS_ADDRESS", plannedAddress().toUtf8());
}

bool KeyringSession::startBus(const QString &configFile)
{
    QString output;
    const QStringList args = {configFile.isEmpty() ? QStringLiteral("--session")
                                                   : QStringLiteral("--config-file=") + configFile,
                              QStringLiteral("--fork"),
                              QStringLiteral("--nopidfile"),
                              QStringLiteral("--address=") + plannedAddress(),
                              QStringLiteral("--print-address=1"),
                              QStringLiteral("--print-pid=1")};
    if (!runTool(QStringLiteral("dbus-daemon"), args, environment(), &output)) {
        m_error = QStringLiteral("could not start a D-Bus session bus: ") + output;
        return false;
    }
    const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() < 2) {
        m_error = QStringLiteral("dbus-daemon printed no address/pid: ") + output;
        return false;
    }
    m_address = lines.at(0).trimmed();
    m_busPid = lines.at(1).trimmed().toLongLong();
    return m_busPid > 0;
}

bool KeyringSession::start()
{
    if (!startBus(QString()))
        return false;
    const QProcessEnvironment env = environment();
    QString output;
    // --unlock creates the "login" keyring (the default collection) with the password on stdin and
    // starts the daemon; --start then brings up its Secret Service on this bus.
    if (!runTool(QStringLiteral("gnome-keyring-daemon"),
                 {QStringLiteral("--unlock"), QStringLiteral("--components=secrets,pkcs11")}, env, &output,
                 QByteArray(kKeyringPassword)) ||
        !runTool(QStringLiteral("gnome-keyring-daemon"),
                 {QStringLiteral("--start"), QStringLiteral("--components=secrets")}, env, &output)) {
        m_error = QStringLiteral("gnome-keyring-daemon failed to start: ") + output;
        stop();
        return false;
    }
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10000) {
        const QString reply = dbusSend(
            {QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.DBus"),
             QStringLiteral("/org/freedesktop/DBus"), QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
             QStringLiteral("string:org.freedesktop.secrets")});
        if (reply.contains(QLatin1String("boolean true")))
            break;
        QThread::msleep(50);
    }
    const QString pid =
        dbusSend({QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.DBus"),
                  QStringLiteral("/org/freedesktop/DBus"),
                  QStringLiteral("org.freedesktop.DBus.GetConnectionUnixProcessID"),
                  QStringLiteral("string:org.freedesktop.secrets")});
    const qsizetype at = pid.indexOf(QLatin1String("uint32 "));
    if (at < 0) {
        m_error = QStringLiteral("the keyring's Secret Service did not appear on the bus: ") + pid;
        stop();
        return false;
    }
    m_keyringPid = pid.mid(at + 7).trimmed().toLongLong();
    return true;
}

bool KeyringSession::startBareBus()
{
    const QString config = m_dir->filePath(QStringLiteral("bare-bus.conf"));
    QFile f(config);
    if (!f.open(QIODevice::WriteOnly)) {
        m_error = f.errorString();
        return false;
    }
    // A session bus without <servicedir>: nothing can be activated, so no Secret Service.
    f.write(R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)");
    f.close();
    return startBus(config);
}

void KeyringSession::stop()
{
    terminate(m_keyringPid);
    terminate(m_busPid);
    m_address.clear();
}

QString KeyringSession::dbusSend(const QStringList &args) const
{
    QString output;
    if (!runTool(QStringLiteral("dbus-send"), QStringList{QStringLiteral("--session")} + args, environment(),
                 &output))
        return QString();
    return output;
}

bool KeyringSession::lockCollection()
{
    return !dbusSend({QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.secrets"),
                      QStringLiteral("/org/freedesktop/secrets"),
                      QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                      QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")})
                .isNull();
}

QString KeyringSession::searchItems(const QString &service) const
{
    const QString secretTool = peerProgram(QStringLiteral("secret-tool"));
    if (secretTool.isEmpty())
        return missingPeerProgram(QStringLiteral("secret-tool"));
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(secretTool,
            {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service});
    if (!p.waitForFinished(15000))
        return QStringLiteral("secret-tool did not finish");
    // Attribute lines only, never the secrets themselves ("secret = …").
    QStringList lines;
    const QString all = QString::fromUtf8(p.readAllStandardOutput() + '\n' + p.readAllStandardError());
    for (const QString &line : all.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("attribute.")))
            lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace lifeboat::test
