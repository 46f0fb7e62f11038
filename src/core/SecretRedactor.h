#pragma once

#include <QByteArray>
#include <QString>

namespace lifeboat {

// Keeps secrets out of everything Lifeboat writes for people to read: log output (through a Qt
// message handler), job events in the catalog, and error messages. It replaces with "***":
//   - every secret value registered with addSecret() (values read from or written to the
//     keychain register themselves), also in its percent-encoded form;
//   - URL userinfo that carries a password: postgresql://user:pw@host → postgresql://***@host;
//   - credentials in query strings and keyword lists: token=, key=, signature=, X-Amz-Signature=,
//     password=, secret=, … (quoted values too), "password": "…" in JSON, Authorization headers;
//   - age secret keys (AGE-SECRET-KEY-1…).
// Thread-safe. Values shorter than kMinimumLength characters are not registered (masking every
// "ab" would make logs unreadable); such secrets are refused where they are set.
class SecretRedactor
{
public:
    static constexpr int kMinimumLength = 4;

    static void addSecret(const QByteArray &utf8Value);
    static void addSecret(const QString &value);
    // Forgets every registered value (tests).
    static void clearSecrets();

    static QString redact(const QString &text);
    static QByteArray redact(const QByteArray &utf8Text);

    // Installs a Qt message handler that redacts every message before handing it to the handler
    // that was installed before (Qt's default, usually). Idempotent.
    static void installMessageHandler();

    static QString mask() { return QStringLiteral("***"); }
};

} // namespace lifeboat
