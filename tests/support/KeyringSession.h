#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace lifeboat::test {

// A private Secret Service for one test, so tests never touch a real keyring and work both
// standalone and under scripts/lib/with-keyring.sh: a D-Bus session bus of its own
// (`dbus-daemon --session --fork`) and an unlocked gnome-keyring-daemon (the "login" keyring,
// password on stdin) with HOME, XDG_* and XDG_RUNTIME_DIR in a temp dir. stop() (and the
// destructor) kill both daemons and remove the dir.
class KeyringSession
{
public:
    KeyringSession();
    ~KeyringSession();
    KeyringSession(const KeyringSession &) = delete;
    KeyringSession &operator=(const KeyringSession &) = delete;

    // The temp dir, available before start(): bus socket = root()/run/bus.
    QString root() const;
    // The address the bus listens on once started ("unix:path=…/run/bus").
    QString plannedAddress() const;

    // Starts the bus and the keyring; false with errorString() on failure.
    bool start();
    // A bus without any Secret Service (no service activation): for "service missing" tests.
    bool startBareBus();
    void stop();
    bool isRunning() const { return m_busPid > 0; }
    QString errorString() const { return m_error; }
    QString busAddress() const { return m_address; }

    // `base` with DBUS_SESSION_BUS_ADDRESS of this session and HOME/XDG_* in the temp dir (so a
    // plaintext fallback, were there one, would land where tests can see it). Drops variables
    // that could lead elsewhere (DISPLAY, GNOME_KEYRING_CONTROL, XDG_CURRENT_DESKTOP, …).
    QProcessEnvironment
    environment(const QProcessEnvironment &base = QProcessEnvironment::systemEnvironment()) const;
    // Sets DBUS_SESSION_BUS_ADDRESS (= plannedAddress()) etc. in this process: call it before the
    // process first talks to a keychain (libsecret and GDBus keep their first connection).
    void exportToThisProcess() const;

    // Locks the login collection (org.freedesktop.Secret.Service.Lock).
    bool lockCollection();
    // Every item's attributes (secret-tool search --all server SERVICE), for assertions.
    QString searchItems(const QString &service) const;

    // Runs dbus-send against this bus; returns stdout (null on failure).
    QString dbusSend(const QStringList &args) const;

private:
    bool startBus(const QString &configFile);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_address;
    QString m_error;
    qint64 m_busPid = 0;
    qint64 m_keyringPid = 0;
};

} // namespace lifeboat::test
