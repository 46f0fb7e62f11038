// lifeboat-cli's secret and key commands: `secret set|delete|list`, `key generate|show|export|import`,
// and the secret handling of other commands (profile remove, backup).

#include "cli/Cli.h"

#include "cli/CliArguments.h"
#include "cli/CliOutput.h"
#include "core/Catalog.h"
#include "core/SecretRedactor.h"
#include "engine/profiles/RecoveryKitExport.h"
#include "engine/secrets/KeychainSecretStore.h"
#include "engine/secrets/ProfileSecrets.h"
#include "engine/secrets/RecoveryKit.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cerrno>
#include <termios.h>
#include <unistd.h>

namespace lifeboat {

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

QString neverExportedWarning(const QString &profileName)
{
    return QStringLiteral("the age identity of profile '%1' has never been exported: if this machine or its "
                          "keychain is lost, its backups cannot be decrypted — save a recovery kit with "
                          "`lifeboat-cli key export %2 --out FILE` and keep it somewhere safe")
        .arg(profileName, RecoveryKit::shellQuote(profileName));
}

} // namespace

std::shared_ptr<SecretStore> Cli::secretStore()
{
    if (!m_secrets) {
        KeychainSecretStore::Options options;
        options.scope = m_paths.secretScope();
        m_secrets = std::make_shared<KeychainSecretStore>(options);
    }
    return m_secrets;
}

int Cli::cmdSecret(const QStringList &args)
{
    if (args.isEmpty())
        return usage(QStringLiteral("secret needs a subcommand: set, delete or list"));
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list")) {
        if (rest.size() != 1)
            return usage(QStringLiteral("secret list needs PROFILE"));
        if (Status s = openCatalog(); !s)
            return fail(s.error());
        auto entries = m_catalog->secrets(rest.first());
        if (!entries)
            return fail(entries.error());
        if (m_json) {
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
            printJson(a);
            return 0;
        }
        for (const Catalog::SecretEntry &e : *entries)
            cliOut() << e.kind << "\t" << e.writtenUtc.toString(Qt::ISODate) << Qt::endl;
        return 0;
    }
    if (sub != QLatin1String("set") && sub != QLatin1String("delete"))
        return usage(QStringLiteral("unknown secret subcommand '%1': use set, delete or list").arg(sub));
    if (rest.size() != 2)
        return usage(
            QStringLiteral("secret %1 needs PROFILE and KIND (%2); the value is read from stdin, never "
                           "taken as an argument")
                .arg(sub, QLatin1String(kSecretKinds)));
    const QString profileName = rest.at(0);
    const std::optional<SecretKind> kind = settableKind(rest.at(1));
    if (!kind) {
        if (rest.at(1) == QLatin1String("age-identity"))
            return usage(QStringLiteral("age identities are made with `key generate` (or restored with `key "
                                        "import`), not with secret %1")
                             .arg(sub));
        return usage(
            QStringLiteral("unknown secret kind '%1': use %2").arg(rest.at(1), QLatin1String(kSecretKinds)));
    }
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    ProfileSecrets secrets(*secretStore(), *m_catalog);
    const QString description = secretKindDescription(*kind);
    // What was done, as JSON ({"profile", "kind", key: true}) or one line.
    auto report = [&](const char *key, const char *where) {
        if (m_json) {
            QJsonObject o;
            o.insert(QLatin1String("profile"), profileName);
            o.insert(QLatin1String("kind"), secretKindName(*kind));
            o.insert(QLatin1String(key), true);
            printJson(o);
        } else {
            cliOut() << "the " << description << " of profile '" << profileName << "' " << where << Qt::endl;
        }
        return 0;
    };

    if (sub == QLatin1String("delete")) {
        auto removed = secrets.remove(profileName, *kind);
        if (!removed)
            return fail(removed.error());
        return report("deleted", "is no longer in the keychain");
    }

    auto profile = m_catalog->profile(profileName);
    if (!profile)
        return fail(profile.error());
    if (*kind == SecretKind::Passphrase && !profile->passphrase)
        cliErr()
            << "lifeboat-cli: warning: profile '" << profileName
            << "' does not encrypt with a passphrase (it was added without --passphrase), so this passphrase "
               "will not be used"
            << Qt::endl;
    QString prompt = description;
    prompt[0] = prompt[0].toUpper();
    prompt += QStringLiteral(" for profile '%1'").arg(profileName);
    auto value = readSecretValue(prompt, *kind == SecretKind::Passphrase);
    if (!value)
        return fail(value.error(), value.error().code == QLatin1String("cancelled") ? 130 : 1);
    const Status stored = secrets.set(profileName, *kind, *value);
    value->fill('\0');
    if (!stored)
        return fail(stored.error());
    return report("stored", "is stored in the keychain");
}

int Cli::cmdKey(const QStringList &args)
{
    if (args.isEmpty())
        return usage(QStringLiteral("key needs a subcommand: generate, show, export or import"));
    const QString sub = args.first();
    CliArguments parser({QStringLiteral("out")}, {QStringLiteral("force")});
    if (Status s = parser.parse(args.mid(1)); !s)
        return usage(s.error().message);
    const QStringList positional = parser.positional();
    if (positional.isEmpty())
        return usage(QStringLiteral("key %1 needs a profile NAME").arg(sub));
    const QString profileName = positional.first();

    if (sub == QLatin1String("generate")) {
        if (positional.size() != 1 || parser.isSet(QStringLiteral("out")) ||
            parser.isSet(QStringLiteral("force")))
            return usage(QStringLiteral("key generate takes only a profile NAME"));
        if (Status s = openCatalog(); !s)
            return fail(s.error());
        ProfileSecrets secrets(*secretStore(), *m_catalog);
        auto recipient = secrets.generateIdentity(profileName);
        if (!recipient)
            return fail(recipient.error());
        if (m_json) {
            QJsonObject o;
            o.insert(QLatin1String("profile"), profileName);
            o.insert(QLatin1String("recipient"), recipient->toString());
            printJson(o);
        } else {
            cliOut() << recipient->toString() << Qt::endl;
        }
        cliErr()
            << "lifeboat-cli: a new age identity for profile '" << profileName
            << "' is in the keychain and its recipient was added to the profile; its only copy is there — "
               "save a recovery kit now with `lifeboat-cli key export "
            << RecoveryKit::shellQuote(profileName) << " --out FILE`" << Qt::endl;
        return 0;
    }

    if (sub == QLatin1String("show")) {
        if (positional.size() != 1 || parser.isSet(QStringLiteral("out")) ||
            parser.isSet(QStringLiteral("force")))
            return usage(QStringLiteral("key show takes only a profile NAME"));
        if (Status s = openCatalog(); !s)
            return fail(s.error());
        auto profile = m_catalog->profile(profileName);
        if (!profile)
            return fail(profile.error());
        // The index knows which recipient belongs to the keychain's identity: no keychain access.
        auto entry = m_catalog->secret(profileName, secretKindName(SecretKind::AgeIdentity));
        if (!entry)
            return fail(entry.error());
        const QString own = entry->has_value() ? (*entry)->publicKey : QString();
        const QDateTime exported = entry->has_value() ? (*entry)->exportedUtc : QDateTime();
        if (m_json) {
            QJsonArray a;
            for (const QString &r : std::as_const(profile->recipients)) {
                QJsonObject o;
                o.insert(QLatin1String("recipient"), r);
                o.insert(QLatin1String("keychainIdentity"), r == own);
                if (r == own)
                    o.insert(QLatin1String("exportedUtc"),
                             exported.isValid() ? QJsonValue(exported.toString(Qt::ISODate)) : QJsonValue());
                a.append(o);
            }
            printJson(a);
            return 0;
        }
        if (profile->recipients.isEmpty()) {
            cliOut() << "profile '" << profileName << "' has no age recipients"
                     << (profile->passphrase
                             ? QStringLiteral(" (it encrypts with a passphrase)")
                             : QStringLiteral(": make a key with lifeboat-cli key generate ") +
                                   RecoveryKit::shellQuote(profileName))
                     << Qt::endl;
            return 0;
        }
        for (const QString &r : std::as_const(profile->recipients)) {
            QString note = QStringLiteral("recipient");
            if (r == own)
                note = exported.isValid()
                           ? QStringLiteral("this machine's keychain identity, exported %1")
                                 .arg(exported.toString(Qt::ISODate))
                           : QStringLiteral("this machine's keychain identity, NEVER exported");
            cliOut() << r << "\t" << note << Qt::endl;
        }
        if (!own.isEmpty() && !exported.isValid())
            cliErr() << "lifeboat-cli: warning: " << neverExportedWarning(profileName) << Qt::endl;
        return 0;
    }

    if (sub == QLatin1String("export")) {
        if (positional.size() != 1 || !parser.isSet(QStringLiteral("out")))
            return usage(QStringLiteral("key export needs a profile NAME and --out FILE"));
        const QString path = QFileInfo(parser.value(QStringLiteral("out"))).absoluteFilePath();
        if (Status s = openCatalog(); !s)
            return fail(s.error());
        if (Status s = RecoveryKitExport::write(*m_catalog, *secretStore(), profileName, path,
                                                parser.isSet(QStringLiteral("force")));
            !s)
            return fail(s.error());
        if (m_json) {
            QJsonObject o;
            o.insert(QLatin1String("profile"), profileName);
            o.insert(QLatin1String("kit"), path);
            printJson(o);
        } else {
            cliOut() << "recovery kit of profile '" << profileName << "' written to " << path
                     << " — it holds the secret key: keep it safe, away from this machine" << Qt::endl;
        }
        return 0;
    }

    if (sub == QLatin1String("import")) {
        if (positional.size() != 2 || parser.isSet(QStringLiteral("out")) ||
            parser.isSet(QStringLiteral("force")))
            return usage(
                QStringLiteral("key import needs a profile NAME and the recovery kit (or age identity "
                               "file) to read"));
        QFile file(positional.at(1));
        if (!file.open(QIODevice::ReadOnly))
            return fail(
                makeError(QStringLiteral("io"),
                          QStringLiteral("cannot read %1: %2").arg(positional.at(1), file.errorString())));
        QByteArray contents = file.readAll();
        if (Status s = openCatalog(); !s)
            return fail(s.error());
        ProfileSecrets secrets(*secretStore(), *m_catalog);
        auto recipient = secrets.importIdentity(profileName, contents);
        contents.fill('\0');
        if (!recipient)
            return fail(recipient.error());
        if (m_json) {
            QJsonObject o;
            o.insert(QLatin1String("profile"), profileName);
            o.insert(QLatin1String("recipient"), recipient->toString());
            printJson(o);
        } else {
            cliOut() << recipient->toString() << Qt::endl;
        }
        return 0;
    }
    return usage(
        QStringLiteral("unknown key subcommand '%1': use generate, show, export or import").arg(sub));
}

Status Cli::removeProfileSecrets(const QString &profileName, bool force)
{
    auto entries = m_catalog->secrets(profileName);
    if (!entries)
        return entries.error();
    if (entries->isEmpty())
        return {};
    for (const Catalog::SecretEntry &e : std::as_const(*entries)) {
        if (e.kind == secretKindName(SecretKind::AgeIdentity) && !e.exportedUtc.isValid() && !force)
            return makeError(
                QStringLiteral("key.not-exported"),
                QStringLiteral("profile '%1' was not removed: it holds the only copy of its age "
                               "identity (never exported), without which its backups cannot be "
                               "decrypted — export it first with `lifeboat-cli key export %2 --out "
                               "FILE`, or pass --force to remove the profile and the identity anyway")
                    .arg(profileName, RecoveryKit::shellQuote(profileName)));
    }
    ProfileSecrets secrets(*secretStore(), *m_catalog);
    if (Status s = secrets.removeAll(profileName); !s)
        return makeError(s.error().code,
                         QStringLiteral("profile '%1' was not removed, because its secrets could not "
                                        "be deleted: %2")
                             .arg(profileName, s.error().message));
    return {};
}

void Cli::attachBackupSecrets(const Profile &profile, BackupJob::Options &options)
{
    auto entries = m_catalog->secrets(profile.name);
    const QList<Catalog::SecretEntry> index = entries ? *entries : QList<Catalog::SecretEntry>();
    for (const Catalog::SecretEntry &e : index) {
        if (e.kind == secretKindName(SecretKind::AgeIdentity) && !e.exportedUtc.isValid())
            cliErr() << "lifeboat-cli: warning: " << neverExportedWarning(profile.name) << Qt::endl;
    }
    // The job reads the index again on its thread and takes what it needs from the store.
    options.secrets.store = secretStore();
}

} // namespace lifeboat
