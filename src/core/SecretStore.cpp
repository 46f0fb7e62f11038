#include "core/SecretStore.h"

#include <QCoreApplication>
#include <QThread>

namespace lifeboat {

namespace {
struct KindName
{
    SecretKind kind;
    const char *name;
    const char *description;
};
constexpr KindName kKinds[] = {
    {SecretKind::DbPassword, "db-password", "database password"},
    {SecretKind::S3Secret, "s3-secret", "S3 secret access key"},
    {SecretKind::Passphrase, "passphrase", "encryption passphrase"},
    {SecretKind::Webhook, "webhook", "webhook URL or token"},
    {SecretKind::AgeIdentity, "age-identity", "age identity (secret key)"},
};

Error guiThreadError()
{
    return makeError(
        QStringLiteral("keychain.gui-thread"),
        QStringLiteral("internal error: the keychain was asked to wait on the GUI thread; keychain "
                       "results must be awaited on a worker thread or with a continuation"));
}

// Waits for a keychain future. A future without a result was abandoned (its promise destroyed,
// e.g. while the keychain thread stops at exit).
template<typename T> Result<T> take(QFuture<Result<T>> future)
{
    future.waitForFinished();
    if (future.resultCount() == 0)
        return makeError(
            QStringLiteral("keychain.stopped"),
            QStringLiteral("the keychain request was abandoned because Lifeboat is shutting down"));
    return future.result();
}
} // namespace

QString secretKindName(SecretKind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return QString();
}

std::optional<SecretKind> secretKindFromName(const QString &name)
{
    for (const KindName &k : kKinds) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QList<SecretKind> allSecretKinds()
{
    QList<SecretKind> out;
    for (const KindName &k : kKinds)
        out << k.kind;
    return out;
}

QString secretKindDescription(SecretKind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return QString::fromLatin1(k.description);
    }
    return QString();
}

QString SecretKey::storageName(const QString &scope) const
{
    QString name = profile + QLatin1Char('/') + secretKindName(kind);
    if (!scope.isEmpty())
        name += QLatin1Char('@') + scope;
    return name;
}

bool SecretStore::isGuiThread()
{
    const QCoreApplication *app = QCoreApplication::instance();
    return app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread();
}

SecretStore::ReadResult SecretStore::readNow(const SecretKey &key)
{
    if (isGuiThread())
        return guiThreadError();
    return take(read(key));
}

Status SecretStore::writeNow(const SecretKey &key, const QByteArray &value)
{
    if (isGuiThread())
        return guiThreadError();
    return take(write(key, value));
}

Status SecretStore::removeNow(const SecretKey &key)
{
    if (isGuiThread())
        return guiThreadError();
    return take(remove(key));
}

} // namespace lifeboat
