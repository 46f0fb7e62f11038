#include "cli/commands/KeyCommand.h"

#include "cli/CliArguments.h"
#include "cli/CliContext.h"
#include "cli/CliOutput.h"
#include "core/Catalog.h"
#include "engine/secrets/ProfileSecrets.h"
#include "engine/secrets/RecoveryKit.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace lifeboat::cli {

namespace {

// The profile and its recipient as JSON, or the recipient alone.
void printRecipient(CliContext &context, const QString &profileName, const AgeRecipient &recipient)
{
    if (context.json()) {
        QJsonObject o;
        o.insert(QLatin1String("profile"), profileName);
        o.insert(QLatin1String("recipient"), recipient.toString());
        context.printJson(o);
    } else {
        cliOut() << recipient.toString() << Qt::endl;
    }
}

bool hasOutOrForce(const CliArguments &parser)
{
    return parser.isSet(QStringLiteral("out")) || parser.isSet(QStringLiteral("force"));
}

} // namespace

QString KeyCommand::name() const
{
    return QStringLiteral("key");
}

QString KeyCommand::summary() const
{
    return QStringLiteral("generate, show, export (recovery kit) or import a profile's age identity");
}

QString KeyCommand::usage() const
{
    return QStringLiteral(
        "  key generate NAME               create an age identity in the keychain, add its recipient to the\n"
        "                                  profile; prints the recipient (age1…)\n"
        "  key show NAME                   the profile's recipients, and which is this machine's identity\n"
        "  key export NAME --out FILE [--force]\n"
        "                                  write a recovery kit (0600): the identity, the recipients and "
        "the\n"
        "                                  commands to decrypt and restore without Lifeboat\n"
        "  key import NAME FILE            put an identity back from a recovery kit (or an age identity "
        "file)\n");
}

int KeyCommand::run(CliContext &context, const QStringList &args)
{
    if (args.isEmpty())
        return context.usage(QStringLiteral("key needs a subcommand: generate, show, export or import"));
    const QString sub = args.first();
    CliArguments parser({QStringLiteral("out")}, {QStringLiteral("force")});
    if (Status s = parser.parse(args.mid(1)); !s)
        return context.usage(s.error().message);
    const QStringList positional = parser.positional();
    if (positional.isEmpty())
        return context.usage(QStringLiteral("key %1 needs a profile NAME").arg(sub));
    if (sub == QLatin1String("generate")) {
        if (positional.size() != 1 || hasOutOrForce(parser))
            return context.usage(QStringLiteral("key generate takes only a profile NAME"));
        return generate(context, positional.first());
    }
    if (sub == QLatin1String("show")) {
        if (positional.size() != 1 || hasOutOrForce(parser))
            return context.usage(QStringLiteral("key show takes only a profile NAME"));
        return show(context, positional.first());
    }
    if (sub == QLatin1String("export")) {
        if (positional.size() != 1 || !parser.isSet(QStringLiteral("out")))
            return context.usage(QStringLiteral("key export needs a profile NAME and --out FILE"));
        return exportKit(context, positional.first(), parser.value(QStringLiteral("out")),
                         parser.isSet(QStringLiteral("force")));
    }
    if (sub == QLatin1String("import")) {
        if (positional.size() != 2 || hasOutOrForce(parser))
            return context.usage(
                QStringLiteral("key import needs a profile NAME and the recovery kit (or age identity "
                               "file) to read"));
        return importKit(context, positional.first(), positional.at(1));
    }
    return context.usage(
        QStringLiteral("unknown key subcommand '%1': use generate, show, export or import").arg(sub));
}

int KeyCommand::generate(CliContext &context, const QString &profileName)
{
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    ProfileSecrets secrets(*context.secretStore(), context.catalog());
    auto recipient = secrets.generateIdentity(profileName);
    if (!recipient)
        return context.fail(recipient.error());
    printRecipient(context, profileName, *recipient);
    cliErr() << "lifeboat-cli: a new age identity for profile '" << profileName
             << "' is in the keychain and its recipient was added to the profile; its only copy is there — "
                "save a recovery kit now with `lifeboat-cli key export "
             << RecoveryKit::shellQuote(profileName) << " --out FILE`" << Qt::endl;
    return 0;
}

int KeyCommand::show(CliContext &context, const QString &profileName)
{
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto profile = context.catalog().profile(profileName);
    if (!profile)
        return context.fail(profile.error());
    // The index knows which recipient belongs to the keychain's identity: no keychain access.
    auto entry = context.catalog().secret(profileName, secretKindName(SecretKind::AgeIdentity));
    if (!entry)
        return context.fail(entry.error());
    const QString own = entry->has_value() ? (*entry)->publicKey : QString();
    const QDateTime exported = entry->has_value() ? (*entry)->exportedUtc : QDateTime();
    if (context.json()) {
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
        context.printJson(a);
        return 0;
    }
    if (profile->recipients.isEmpty()) {
        cliOut() << "profile '" << profileName << "' has no age recipients"
                 << (profile->passphrase ? QStringLiteral(" (it encrypts with a passphrase)")
                                         : QStringLiteral(": make a key with lifeboat-cli key generate ") +
                                               RecoveryKit::shellQuote(profileName))
                 << Qt::endl;
        return 0;
    }
    for (const QString &r : std::as_const(profile->recipients)) {
        QString note = QStringLiteral("recipient");
        if (r == own)
            note = exported.isValid() ? QStringLiteral("this machine's keychain identity, exported %1")
                                            .arg(exported.toString(Qt::ISODate))
                                      : QStringLiteral("this machine's keychain identity, NEVER exported");
        cliOut() << r << "\t" << note << Qt::endl;
    }
    if (!own.isEmpty() && !exported.isValid())
        cliErr() << "lifeboat-cli: warning: " << CliContext::neverExportedWarning(profileName) << Qt::endl;
    return 0;
}

int KeyCommand::exportKit(CliContext &context, const QString &profileName, const QString &out, bool force)
{
    const QString path = QFileInfo(out).absoluteFilePath();
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    ProfileSecrets secrets(*context.secretStore(), context.catalog());
    if (Status s = secrets.exportRecoveryKit(profileName, path, force); !s)
        return context.fail(s.error());
    if (context.json()) {
        QJsonObject o;
        o.insert(QLatin1String("profile"), profileName);
        o.insert(QLatin1String("kit"), path);
        context.printJson(o);
    } else {
        cliOut() << "recovery kit of profile '" << profileName << "' written to " << path
                 << " — it holds the secret key: keep it safe, away from this machine" << Qt::endl;
    }
    return 0;
}

int KeyCommand::importKit(CliContext &context, const QString &profileName, const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return context.fail(
            makeError(QStringLiteral("io"), QStringLiteral("cannot read %1: %2").arg(file, f.errorString())));
    QByteArray contents = f.readAll();
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    ProfileSecrets secrets(*context.secretStore(), context.catalog());
    auto recipient = secrets.importIdentity(profileName, contents);
    contents.fill('\0');
    if (!recipient)
        return context.fail(recipient.error());
    printRecipient(context, profileName, *recipient);
    return 0;
}

} // namespace lifeboat::cli
