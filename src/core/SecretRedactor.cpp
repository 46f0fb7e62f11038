#include "core/SecretRedactor.h"

#include <QMutex>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace lifeboat {

namespace {

QMutex g_mutex;
QStringList g_secrets; // longest first, so a secret containing another is masked whole
std::atomic<QtMessageHandler> g_previousHandler{nullptr};
std::atomic<bool> g_installed{false};

void addValue(const QString &value)
{
    if (value.size() < SecretRedactor::kMinimumLength || g_secrets.contains(value))
        return;
    g_secrets.append(value);
    std::sort(g_secrets.begin(), g_secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

// The patterns, compiled once per thread (QRegularExpression objects are not shared across threads).
struct Patterns
{
    // scheme://user:password@ → scheme://***@
    QRegularExpression userinfo{QStringLiteral(R"(\b([A-Za-z][A-Za-z0-9+.\-]*://)[^\s/?#@]*:[^\s/?#]*@)")};
    // name=value in query strings, libpq keyword lists and headers ("Signature=…").
    QRegularExpression keyValue{
        QStringLiteral(
            R"((?<![A-Za-z0-9_\-])()"
            R"(access_token|refresh_token|id_token|token|api_key|apikey|access_key|secret_key|key|)"
            R"(client_secret|secret|signature|sig|x-amz-signature|x-amz-security-token|)"
            R"(sslpassword|password|passwd|pwd|passphrase))"
            R"((\s*=\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^&\s#;,'"<>)]+))"),
        QRegularExpression::CaseInsensitiveOption};
    // "password": "…" in JSON.
    QRegularExpression jsonField{
        QStringLiteral(
            R"re(("(?:password|passphrase|secret|token|access_token|secret_key|api_key)"\s*:\s*)"(?:[^"\\]|\\.)*")re"),
        QRegularExpression::CaseInsensitiveOption};
    // Authorization: Bearer …  /  Basic …
    QRegularExpression authorization{
        QStringLiteral(R"(\b(Authorization:\s*(?:Bearer|Basic|Token)\s+)[^\s,;]+)"),
        QRegularExpression::CaseInsensitiveOption};
    // age identities.
    QRegularExpression ageSecretKey{QStringLiteral(R"(AGE-SECRET-KEY-1[0-9A-Za-z]+)"),
                                    QRegularExpression::CaseInsensitiveOption};
};

const Patterns &patterns()
{
    thread_local const Patterns p;
    return p;
}

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString clean = SecretRedactor::redact(message);
    if (QtMessageHandler previous = g_previousHandler.load()) {
        previous(type, context, clean);
        return;
    }
    const QByteArray line = qFormatLogMessage(type, context, clean).toLocal8Bit();
    std::fprintf(stderr, "%s\n", line.constData());
    std::fflush(stderr);
}

} // namespace

void SecretRedactor::addSecret(const QString &value)
{
    if (value.size() < kMinimumLength)
        return;
    QMutexLocker lock(&g_mutex);
    addValue(value);
    // The same value inside a URL or a form body.
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(value));
    if (encoded != value)
        addValue(encoded);
    QString plus = encoded;
    plus.replace(QLatin1String("%20"), QLatin1String("+"));
    if (plus != encoded)
        addValue(plus);
}

void SecretRedactor::addSecret(const QByteArray &utf8Value)
{
    QString value = QString::fromUtf8(utf8Value);
    addSecret(value);
    value.fill(QLatin1Char('\0'));
}

void SecretRedactor::clearSecrets()
{
    QMutexLocker lock(&g_mutex);
    for (QString &s : g_secrets)
        s.fill(QLatin1Char('\0'));
    g_secrets.clear();
}

QString SecretRedactor::redact(const QString &text)
{
    if (text.isEmpty())
        return text;
    QString out = text;
    {
        QMutexLocker lock(&g_mutex);
        for (const QString &secret : std::as_const(g_secrets))
            out.replace(secret, mask());
    }
    const Patterns &p = patterns();
    out.replace(p.ageSecretKey, mask());
    out.replace(p.userinfo, QStringLiteral("\\1***@"));
    out.replace(p.jsonField, QStringLiteral("\\1\"***\""));
    out.replace(p.authorization, QStringLiteral("\\1***"));
    out.replace(p.keyValue, QStringLiteral("\\1\\2***"));
    return out;
}

QByteArray SecretRedactor::redact(const QByteArray &utf8Text)
{
    return redact(QString::fromUtf8(utf8Text)).toUtf8();
}

void SecretRedactor::installMessageHandler()
{
    if (g_installed.exchange(true))
        return;
    g_previousHandler.store(qInstallMessageHandler(redactingHandler));
}

} // namespace lifeboat
