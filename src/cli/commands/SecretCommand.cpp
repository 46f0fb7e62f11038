#include "cli/commands/SecretCommand.h"

#include "cli/CliContext.h"
#include "cli/CliOutput.h"
#include "core/Catalog.h"
#include "engine/secrets/ProfileSecrets.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cerrno>
#include <termios.h>
#include <unistd.h>

namespace lifeboat::cli {

namespace {

const char kSecretKinds[] = "db-password, s3-secret, passphrase or webhook";

// The kinds `secret set|delete` accept: age identities are made by `key generate` / `key import`.
std::optional<SecretKind> settableKind(const QString &name)
{
    const std::optional<SecretKind> kind = secretKindFromName(name);
    if (!kind || *kind == SecretKind::AgeIdentity)
        return std::nullopt;
    return kind;
}

// Reads one line from the terminal with echo off. Returns false when interrupted (Ctrl-C).
bool readHiddenLine(const QString &prompt, QByteArray *line)
{
    cliErr() << prompt;
    cliErr().flush();
    termios saved{};
    const bool haveTermios = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTermios) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ICANON | ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    bool ok = true;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR) { // SIGINT/SIGTERM: give up, restoring the terminal
            ok = false;
            break;
        }
        if (n <= 0 || c == '\n')
            break;
        line->append(c);
    }
    if (haveTermios)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (!ok) {
        cliErr() << Qt::endl;
        line->fill('\0');
        line->clear();
    }
    return ok;
}

// The secret's value from stdin: typed twice with echo off on a terminal, else the whole input
// without its final line break. Never an argument, never echoed.
Result<QByteArray> readSecretValue(const QString &what, bool confirm)
{
    QByteArray value;
    if (::isatty(STDIN_FILENO) == 1) {
        if (!readHiddenLine(QStringLiteral("%1: ").arg(what), &value))
            return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled; nothing was stored"));
        if (confirm && !value.isEmpty()) {
            QByteArray again;
            if (!readHiddenLine(QStringLiteral("Again, to confirm: "), &again)) {
                value.fill('\0');
                return makeError(QStringLiteral("cancelled"),
                                 QStringLiteral("cancelled; nothing was stored"));
            }
            const bool same = again == value;
            again.fill('\0');
            if (!same) {
                value.fill('\0');
                return makeError(QStringLiteral("secret.mismatch"),
                                 QStringLiteral("the two entries differ; nothing was stored: try again"));
            }
        }
    } else {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                return makeError(QStringLiteral("cancelled"),
                                 QStringLiteral("cancelled; nothing was stored"));
            if (n <= 0)
                break;
            value.append(buffer, n);
        }
        std::fill(std::begin(buffer), std::end(buffer), '\0');
        if (value.endsWith('\n'))
            value.chop(1);
        if (value.endsWith('\r'))
            value.chop(1);
    }
    if (value.isEmpty())
        return makeError(
            QStringLiteral("secret.empty"),
            QStringLiteral("no %1 was given: type it when asked, or pipe it in on stdin (for example "
                           "from a password manager); it is never taken as an argument")
                .arg(what.toLower()));
    return value;
}

} // namespace

QString SecretCommand::name() const
{
    return QStringLiteral("secret");
}

QString SecretCommand::summary() const
{
    return QStringLiteral("store, delete or list a profile's secrets in the OS keychain");
}

QString SecretCommand::usage() const
{
    return QStringLiteral(
        "  secret set NAME KIND            store a secret: KIND is db-password, s3-secret, passphrase or "
        "webhook\n"
        "                                  (typed without echo on a terminal, a passphrase twice; else "
        "stdin)\n"
        "  secret delete NAME KIND         delete it from the keychain\n"
        "  secret list NAME                the kinds stored for the profile (names only)\n");
}

int SecretCommand::run(CliContext &context, const QStringList &args)
{
    if (args.isEmpty())
        return context.usage(QStringLiteral("secret needs a subcommand: set, delete or list"));
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list"))
        return list(context, rest);
    if (sub != QLatin1String("set") && sub != QLatin1String("delete"))
        return context.usage(
            QStringLiteral("unknown secret subcommand '%1': use set, delete or list").arg(sub));
    if (rest.size() != 2)
        return context.usage(
            QStringLiteral("secret %1 needs PROFILE and KIND (%2); the value is read from stdin, never "
                           "taken as an argument")
                .arg(sub, QLatin1String(kSecretKinds)));
    const std::optional<SecretKind> kind = settableKind(rest.at(1));
    if (!kind) {
        if (rest.at(1) == QLatin1String("age-identity"))
            return context.usage(
                QStringLiteral("age identities are made with `key generate` (or restored with `key "
                               "import`), not with secret %1")
                    .arg(sub));
        return context.usage(
            QStringLiteral("unknown secret kind '%1': use %2").arg(rest.at(1), QLatin1String(kSecretKinds)));
    }
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    return sub == QLatin1String("delete") ? remove(context, rest.at(0), *kind)
                                          : set(context, rest.at(0), *kind);
}

int SecretCommand::list(CliContext &context, const QStringList &args)
{
    if (args.size() != 1)
        return context.usage(QStringLiteral("secret list needs PROFILE"));
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto entries = context.catalog().secrets(args.first());
    if (!entries)
        return context.fail(entries.error());
    if (context.json()) {
        QJsonArray a;
        for (const Catalog::SecretEntry &e : *entries) {
            QJsonObject o;
            o.insert(QLatin1String("kind"), e.kind);
            o.insert(QLatin1String("writtenUtc"), e.writtenUtc.toString(Qt::ISODate));
            if (!e.publicKey.isEmpty())
                o.insert(QLatin1String("publicKey"), e.publicKey);
            if (e.exportedUtc.isValid())
                o.insert(QLatin1String("exportedUtc"), e.exportedUtc.toString(Qt::ISODate));
            a.append(o);
        }
        context.printJson(a);
        return 0;
    }
    for (const Catalog::SecretEntry &e : *entries)
        cliOut() << e.kind << "\t" << e.writtenUtc.toString(Qt::ISODate) << Qt::endl;
    return 0;
}

// What was done, as JSON ({"profile", "kind", key: true}) or one line.
int SecretCommand::report(CliContext &context, const QString &profileName, SecretKind kind, const char *key,
                          const char *where)
{
    if (context.json()) {
        QJsonObject o;
        o.insert(QLatin1String("profile"), profileName);
        o.insert(QLatin1String("kind"), secretKindName(kind));
        o.insert(QLatin1String(key), true);
        context.printJson(o);
    } else {
        cliOut() << "the " << secretKindDescription(kind) << " of profile '" << profileName << "' " << where
                 << Qt::endl;
    }
    return 0;
}

int SecretCommand::remove(CliContext &context, const QString &profileName, SecretKind kind)
{
    ProfileSecrets secrets(*context.secretStore(), context.catalog());
    auto removed = secrets.remove(profileName, kind);
    if (!removed)
        return context.fail(removed.error());
    return report(context, profileName, kind, "deleted", "is no longer in the keychain");
}

int SecretCommand::set(CliContext &context, const QString &profileName, SecretKind kind)
{
    ProfileSecrets secrets(*context.secretStore(), context.catalog());
    auto profile = context.catalog().profile(profileName);
    if (!profile)
        return context.fail(profile.error());
    if (kind == SecretKind::Passphrase && !profile->passphrase)
        cliErr()
            << "lifeboat-cli: warning: profile '" << profileName
            << "' does not encrypt with a passphrase (it was added without --passphrase), so this passphrase "
               "will not be used"
            << Qt::endl;
    QString prompt = secretKindDescription(kind);
    prompt[0] = prompt[0].toUpper();
    prompt += QStringLiteral(" for profile '%1'").arg(profileName);
    auto value = readSecretValue(prompt, kind == SecretKind::Passphrase);
    if (!value)
        return context.fail(value.error(), value.error().code == QLatin1String("cancelled") ? 130 : 1);
    const Status stored = secrets.set(profileName, kind, *value);
    value->fill('\0');
    if (!stored)
        return context.fail(stored.error());
    return report(context, profileName, kind, "stored", "is stored in the keychain");
}

} // namespace lifeboat::cli
