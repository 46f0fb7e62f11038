#include "engine/secrets/KeychainSecretStore.h"

#include "core/SecretRedactor.h"
#include "engine/secrets/SecretsLog.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMap>
#include <QMutex>
#include <QPromise>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

namespace lifeboat {

namespace {

using StringMap = QMap<QString, QString>;

enum class OpKind
{
    Read,
    Write,
    Remove
};

// One request, shared between the caller (who holds its future) and the keychain thread.
struct Operation
{
    OpKind kind = OpKind::Read;
    QString service;
    QString name; // the keychain entry's name (SecretKey::storageName)
    QString what; // "the database password of profile 'main'"
    QByteArray value;
    int retryDelayMs = 2000;
    int timeoutMs = 60000;
    int attempts = 0;
    bool done = false; // touched only in the keychain thread
    QPromise<SecretStore::ReadResult> readPromise;
    QPromise<Status> statusPromise;

    ~Operation() { value.fill('\0'); }

    void finishRead(SecretStore::ReadResult result)
    {
        done = true;
        readPromise.addResult(std::move(result));
        readPromise.finish();
    }
    void finishStatus(Status status)
    {
        done = true;
        value.fill('\0');
        statusPromise.addResult(std::move(status));
        statusPromise.finish();
    }
    void fail(Error error)
    {
        qCWarning(lcSecrets).noquote() << error.code << error.message;
        if (kind == OpKind::Read)
            finishRead(std::move(error));
        else
            finishStatus(std::move(error));
    }
    QString verb() const
    {
        switch (kind) {
        case OpKind::Read:
            return QStringLiteral("cannot read %1 from the keychain").arg(what);
        case OpKind::Write:
            return QStringLiteral("cannot store %1 in the keychain").arg(what);
        case OpKind::Remove:
            return QStringLiteral("cannot delete %1 from the keychain").arg(what);
        }
        return QString();
    }
};
using OperationPtr = std::shared_ptr<Operation>;

Error lockedError(const Operation &op)
{
    return makeError(
        QStringLiteral("keychain.locked"),
        QStringLiteral("%1: the keychain is locked — unlock it (GNOME: open “Passwords and Keys” and "
                       "unlock the “Login” keyring, or log out and back in; KDE: open KWallet "
                       "Manager and open the wallet) and try again")
            .arg(op.verb()));
}

Error unavailableError(const Operation &op, const QString &detail)
{
    if (detail.contains(QLatin1String("Object does not exist at path")) &&
        detail.contains(QLatin1String("collection")))
        return makeError(QStringLiteral("keychain.no-collection"),
                         QStringLiteral("%1: the Secret Service has no default keyring — create one (GNOME: "
                                        "“Passwords and Keys”, File → New → Password Keyring, then “Set as "
                                        "default”) and try again")
                             .arg(op.verb()));
    return makeError(
        QStringLiteral("keychain.unavailable"),
        QStringLiteral("%1: no keychain is available — Lifeboat keeps secrets only in the Secret "
                       "Service (org.freedesktop.secrets: GNOME Keyring or KWallet) on the D-Bus "
                       "session bus, so start one (e.g. install gnome-keyring and log in to a desktop "
                       "session) and check DBUS_SESSION_BUS_ADDRESS (%2)")
            .arg(op.verb(), detail.isEmpty() ? QStringLiteral("no details") : detail));
}

Error timeoutError(const Operation &op)
{
    return makeError(
        QStringLiteral("keychain.timeout"),
        QStringLiteral("%1: the keychain did not answer within %2 s — it may be waiting for you to "
                       "unlock it in a prompt; unlock it and try again")
            .arg(op.verb())
            .arg(op.timeoutMs / 1000));
}

// Lives in the keychain thread; QtKeychain's jobs are created, run and finished there.
class KeychainWorker : public QObject
{
    Q_OBJECT
public:
    KeychainWorker() { qDBusRegisterMetaType<StringMap>(); }

    void begin(const OperationPtr &op)
    {
        QTimer::singleShot(op->timeoutMs, Qt::PreciseTimer, this, [op] {
            if (!op->done)
                op->fail(timeoutError(*op));
        });
        attempt(op);
    }

private:
    void attempt(const OperationPtr &op)
    {
        ++op->attempts;
        QKeychain::Job *job = nullptr;
        switch (op->kind) {
        case OpKind::Read:
            job = new QKeychain::ReadPasswordJob(op->service);
            break;
        case OpKind::Write: {
            auto *write = new QKeychain::WritePasswordJob(op->service);
            write->setBinaryData(op->value);
            job = write;
            break;
        }
        case OpKind::Remove:
            job = new QKeychain::DeletePasswordJob(op->service);
            break;
        }
        // Never plaintext; deleted by us once finished. A job that never finishes is never deleted:
        // libsecret still holds a pointer to it.
        job->setInsecureFallback(false);
        job->setAutoDelete(false);
        job->setKey(op->name);
        connect(job, &QKeychain::Job::finished, this,
                [this, op](QKeychain::Job *finished) { onFinished(op, finished); });
        job->start();
    }

    void onFinished(const OperationPtr &op, QKeychain::Job *job)
    {
        const QKeychain::Error error = job->error();
        const QString detail = job->errorString();
        QByteArray data;
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
            data = read->binaryData();
        job->deleteLater();
        if (op->done) {
            data.fill('\0');
            return;
        }
        switch (error) {
        case QKeychain::NoError:
            if (op->kind == OpKind::Read) {
                if (data.isEmpty()) {
                    op->finishRead(std::optional<QByteArray>());
                } else {
                    SecretRedactor::addSecret(data);
                    op->finishRead(std::optional<QByteArray>(data));
                }
                data.fill('\0');
            } else if (op->kind == OpKind::Write) {
                SecretRedactor::addSecret(op->value);
                op->finishStatus({});
            } else {
                // libsecret "deletes" items of a locked collection without deleting them.
                afterProbe(op, [op](bool locked) {
                    if (locked)
                        op->fail(lockedError(*op));
                    else
                        op->finishStatus({});
                });
            }
            return;
        case QKeychain::EntryNotFound:
            // Not found is not an error — unless the entry is there but locked.
            afterProbe(op, [op](bool locked) {
                if (locked)
                    op->fail(lockedError(*op));
                else if (op->kind == OpKind::Read)
                    op->finishRead(std::optional<QByteArray>());
                else if (op->kind == OpKind::Remove)
                    op->finishStatus({});
                else
                    op->fail(makeError(QStringLiteral("keychain.error"), op->verb()));
            });
            return;
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
            op->fail(lockedError(*op));
            return;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
        case QKeychain::OtherError:
            // The Secret Service may not be up yet (just after login): try once more, a little later.
            if (op->attempts == 1 && op->retryDelayMs >= 0) {
                qCInfo(lcSecrets).noquote() << "the keychain is not reachable (" << detail << "); retrying in"
                                            << op->retryDelayMs << "ms";
                QTimer::singleShot(op->retryDelayMs, Qt::PreciseTimer, this, [this, op] {
                    if (!op->done)
                        attempt(op);
                });
                return;
            }
            op->fail(unavailableError(*op, detail));
            return;
        case QKeychain::CouldNotDeleteEntry:
            op->fail(makeError(QStringLiteral("keychain.error"),
                               QStringLiteral("%1: %2").arg(op->verb(), detail)));
            return;
        }
        op->fail(
            makeError(QStringLiteral("keychain.error"), QStringLiteral("%1: %2").arg(op->verb(), detail)));
    }

    // Asks the Secret Service whether an entry of this name sits in a locked collection (libsecret
    // reports those as missing). Any failure to ask counts as "not locked".
    void afterProbe(const OperationPtr &op, std::function<void(bool locked)> then)
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected()) {
            then(false);
            return;
        }
        QDBusMessage message = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
        // QtKeychain's libsecret schema: "user" = the key, "server" = the service.
        const StringMap attributes{{QStringLiteral("user"), op->name},
                                   {QStringLiteral("server"), op->service}};
        message << QVariant::fromValue(attributes);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(message, 10000), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [op, then = std::move(then)](QDBusPendingCallWatcher *w) {
                    w->deleteLater();
                    if (op->done)
                        return;
                    const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *w;
                    if (reply.isError()) {
                        qCDebug(lcSecrets) << "could not ask the Secret Service about locked items:"
                                           << reply.error().message();
                        then(false);
                        return;
                    }
                    then(!reply.argumentAt<1>().isEmpty());
                });
    }
};

// The process-wide keychain thread. It is never restarted: QtKeychain's job queue is a singleton
// that belongs to the thread of its first job. Stopped when the QCoreApplication is destroyed.
struct KeychainThread
{
    QMutex mutex;
    QThread *thread = nullptr;
    KeychainWorker *worker = nullptr;
    bool stopped = false;
};

KeychainThread &keychainThread()
{
    static KeychainThread *instance = new KeychainThread; // never destroyed (outlives static destructors)
    return *instance;
}

void stopKeychainThread()
{
    KeychainThread &kt = keychainThread();
    QMutexLocker lock(&kt.mutex);
    kt.stopped = true;
    if (!kt.thread)
        return;
    kt.thread->quit();
    kt.thread->wait();
    delete kt.worker; // its thread has finished; pending requests' futures are cancelled
    delete kt.thread;
    kt.worker = nullptr;
    kt.thread = nullptr;
}

KeychainWorker *keychainWorker()
{
    KeychainThread &kt = keychainThread();
    QMutexLocker lock(&kt.mutex);
    if (kt.stopped)
        return nullptr;
    if (!kt.thread) {
        kt.thread = new QThread;
        kt.thread->setObjectName(QStringLiteral("lifeboat-keychain"));
        kt.worker = new KeychainWorker;
        kt.worker->moveToThread(kt.thread);
        kt.thread->start();
        if (QCoreApplication::instance())
            qAddPostRoutine(stopKeychainThread);
    }
    return kt.worker;
}

OperationPtr makeOperation(OpKind kind, const KeychainSecretStore::Options &options, const SecretKey &key)
{
    auto op = std::make_shared<Operation>();
    op->kind = kind;
    op->service = options.service;
    op->name = key.storageName(options.scope);
    op->what = QStringLiteral("the %1 of profile '%2'").arg(secretKindDescription(key.kind), key.profile);
    op->retryDelayMs = options.retryDelayMs;
    op->timeoutMs = options.timeoutMs;
    return op;
}

void submit(const OperationPtr &op)
{
    KeychainWorker *worker = keychainWorker();
    if (!worker) {
        op->done = true;
        const Error stopped = makeError(QStringLiteral("keychain.stopped"),
                                        QStringLiteral("%1: Lifeboat is shutting down").arg(op->verb()));
        if (op->kind == OpKind::Read) {
            op->readPromise.addResult(SecretStore::ReadResult(stopped));
            op->readPromise.finish();
        } else {
            op->statusPromise.addResult(Status(stopped));
            op->statusPromise.finish();
        }
        return;
    }
    QMetaObject::invokeMethod(
        worker, [worker, op] { worker->begin(op); }, Qt::QueuedConnection);
}

} // namespace

KeychainSecretStore::KeychainSecretStore()
    : KeychainSecretStore(Options())
{}

KeychainSecretStore::KeychainSecretStore(Options options)
    : m_options(std::move(options))
{}

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::describe() const
{
    return QStringLiteral("the OS keychain (Secret Service: GNOME Keyring or KWallet), service \"%1\"")
        .arg(m_options.service);
}

QFuture<SecretStore::ReadResult> KeychainSecretStore::read(const SecretKey &key)
{
    OperationPtr op = makeOperation(OpKind::Read, m_options, key);
    QFuture<ReadResult> future = op->readPromise.future();
    op->readPromise.start();
    submit(op);
    return future;
}

QFuture<Status> KeychainSecretStore::write(const SecretKey &key, const QByteArray &value)
{
    OperationPtr op = makeOperation(OpKind::Write, m_options, key);
    op->value = value;
    op->value.detach();
    QFuture<Status> future = op->statusPromise.future();
    op->statusPromise.start();
    if (value.isEmpty()) {
        op->done = true;
        op->statusPromise.addResult(Status(makeError(
            QStringLiteral("secret.empty"), QStringLiteral("%1: the value is empty").arg(op->verb()))));
        op->statusPromise.finish();
        return future;
    }
    submit(op);
    return future;
}

QFuture<Status> KeychainSecretStore::remove(const SecretKey &key)
{
    OperationPtr op = makeOperation(OpKind::Remove, m_options, key);
    QFuture<Status> future = op->statusPromise.future();
    op->statusPromise.start();
    submit(op);
    return future;
}

} // namespace lifeboat

#include "KeychainSecretStore.moc"
