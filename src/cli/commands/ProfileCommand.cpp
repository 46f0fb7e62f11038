#include "cli/commands/ProfileCommand.h"

#include "cli/CliArguments.h"
#include "cli/CliContext.h"
#include "cli/CliOutput.h"
#include "cli/ProfileOptions.h"
#include "cli/ScheduleReport.h"
#include "core/Catalog.h"
#include "core/Profile.h"
#include "engine/secrets/ProfileSecrets.h"
#include "engine/secrets/RecoveryKit.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lifeboat::cli {

namespace {

// A usage mistake in the options (exit 2 with the help hint), or another refusal (exit 2).
int optionError(CliContext &context, const Error &error)
{
    return error.code == QLatin1String("cli.usage") ? context.usage(error.message) : context.fail(error, 2);
}

void printPassphraseHint(const Profile &p)
{
    cliErr() << "lifeboat-cli: store the passphrase with `lifeboat-cli secret set " << p.name
             << " passphrase` (it is kept in the keychain)" << Qt::endl;
}

QString databasesLine(const Profile &p)
{
    if (p.databaseMode != Profile::DatabaseMode::All)
        return p.databases.join(QStringLiteral(", "));
    return QStringLiteral("all (include: %1; exclude: %2)")
        .arg(p.includePatterns.isEmpty() ? QStringLiteral("*") : p.includePatterns.join(QStringLiteral(", ")),
             p.excludePatterns.isEmpty() ? QStringLiteral("none")
                                         : p.excludePatterns.join(QStringLiteral(", ")));
}

QString encryptionLine(const Profile &p)
{
    if (p.passphrase)
        return QStringLiteral("age passphrase");
    if (p.recipients.isEmpty())
        return QStringLiteral("none");
    return QStringLiteral("age → ") + p.recipients.join(QStringLiteral(", "));
}

// The export file's JSON, refused when it is not one or carries a secret-looking field.
Result<QJsonObject> readExport(const QString &name, QFile &f)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (!doc.isObject())
        return makeError(
            QStringLiteral("profile.json"),
            QStringLiteral("%1 is not a profile export (JSON: %2)").arg(name, parseError.errorString()));
    QJsonObject o = doc.object();
    if (o.value(QLatin1String("format")).toString() != QLatin1String("lifeboat-profile"))
        return makeError(
            QStringLiteral("profile.json"),
            QStringLiteral("%1 is not a Lifeboat profile export (made by lifeboat-cli profile export)")
                .arg(name));
    for (const char *secretish : {"password", "secret", "passphraseValue"}) {
        if (o.contains(QLatin1String(secretish)))
            return makeError(
                QStringLiteral("profile.secret"),
                QStringLiteral("%1 contains a '%2' field; profiles never carry secrets: remove it")
                    .arg(name, QLatin1String(secretish)));
    }
    return o;
}

} // namespace

QString ProfileCommand::name() const
{
    return QStringLiteral("profile");
}

QString ProfileCommand::summary() const
{
    return QStringLiteral("add, edit, list, show, remove, export or import backup profiles");
}

QString ProfileCommand::usage() const
{
    return QStringLiteral(
        "  profile add NAME --db URI [--database DB]... [--all-databases] [--include PAT]... [--exclude "
        "PAT]...\n"
        "                   --dest PATH [--dest PATH]... [--zstd-level N] [--zstd-threads N]\n"
        "                   [--recipient AGE_PUBLIC_KEY]... [--passphrase] [--globals] [--exclude-schema "
        "S]...\n"
        "                   [--exclude-table T]... [--exclude-table-data T]... [--tool-dir DIR]\n"
        "                   [--schedule RULE] [--catch-up-delay MIN] [--only-on-ac] [--only-when-reachable]\n"
        "                   [--stale-after HOURS] [--keep-last N] [--keep-days D] [--keep-hourly N]\n"
        "                   [--keep-daily N] [--keep-weekly N] [--keep-monthly N] [--keep-yearly N]\n"
        "                   [--prune-pause-after N] [--webhook-format "
        "generic|slack|discord|teams|mattermost|\n"
        "                   healthchecks] [--no-desktop-alerts] [--alert-reminder-hours N] "
        "[--prometheus-textfile FILE]\n"
        "                   [--verify-after-backup]\n"
        "  profile edit NAME [any profile add option]...\n"
        "                                  change only the given options (--dest, --recipient, --database …\n"
        "                                  replace their lists); also --no-schedule, --disable-schedule,\n"
        "                                  --enable-schedule, --no-globals, --no-only-on-ac, "
        "--no-only-when-reachable,\n"
        "                                  --desktop-alerts, --no-verify-after-backup\n"
        "  profile list | show NAME        show prints the schedule in words and its next 5 runs\n"
        "  profile remove NAME [--force]   also deletes its secrets from the keychain (--force: even an\n"
        "                                  age identity that was never exported)\n"
        "  profile export NAME             print the profile as JSON (never contains secrets)\n"
        "  profile import FILE             add a profile from such JSON ('-' reads stdin)\n");
}

int ProfileCommand::run(CliContext &context, const QStringList &args)
{
    if (args.isEmpty())
        return context.usage(
            QStringLiteral("profile needs a subcommand: add, edit, list, show, remove, export or import"));
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("add"))
        return add(context, rest);
    if (sub == QLatin1String("edit"))
        return edit(context, rest);
    if (sub == QLatin1String("list"))
        return list(context);
    if (sub == QLatin1String("show"))
        return show(context, rest);
    if (sub == QLatin1String("remove"))
        return remove(context, rest);
    if (sub == QLatin1String("export"))
        return exportProfile(context, rest);
    if (sub == QLatin1String("import"))
        return importProfile(context, rest);
    return context.usage(QStringLiteral("unknown profile subcommand '%1'").arg(sub));
}

int ProfileCommand::add(CliContext &context, const QStringList &args)
{
    CliArguments parser(ProfileOptions::valueOptions(), ProfileOptions::flagOptions());
    if (Status s = parser.parse(args); !s)
        return context.usage(s.error().message);
    if (parser.positional().size() != 1)
        return context.usage(QStringLiteral("profile add needs exactly one NAME"));
    if (!parser.isSet(QStringLiteral("db")))
        return context.usage(QStringLiteral("profile add needs --db URI"));

    Profile p;
    p.name = parser.positional().first();
    if (Status s = ProfileOptions::apply(parser, p, false); !s)
        return optionError(context, s.error());
    if (Status s = p.validate(); !s)
        return context.fail(s.error(), 2);
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto id = context.catalog().addProfile(p);
    if (!id)
        return context.fail(id.error());
    p.id = *id;
    if (context.json())
        context.printJson(p.toJson());
    else
        cliOut() << "profile '" << p.name << "' added" << Qt::endl;
    if (p.passphrase)
        printPassphraseHint(p);
    if (!p.isEncrypted())
        cliErr() << "lifeboat-cli: warning: profile '" << p.name
                 << "' does not encrypt its backups — anyone who can read the destination can read the data; "
                    "add --recipient age1... or run lifeboat-cli key generate NAME to encrypt"
                 << Qt::endl;
    return 0;
}

int ProfileCommand::edit(CliContext &context, const QStringList &args)
{
    CliArguments parser(ProfileOptions::valueOptions(), ProfileOptions::flagOptions());
    if (Status s = parser.parse(args); !s)
        return context.usage(s.error().message);
    if (parser.positional().size() != 1)
        return context.usage(QStringLiteral("profile edit needs exactly one NAME and the options to change"));
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto p = context.catalog().profile(parser.positional().first());
    if (!p)
        return context.fail(p.error());
    const Profile before = *p;
    if (Status s = ProfileOptions::apply(parser, *p, true); !s)
        return optionError(context, s.error());
    if (Status s = p->validate(); !s)
        return context.fail(s.error(), 2);
    if (Status s = context.catalog().updateProfile(*p); !s)
        return context.fail(s.error());
    if (context.json()) {
        context.printJson(p->toJson());
        return 0;
    }
    if (p->toJson() == before.toJson())
        cliOut() << "profile '" << p->name << "' unchanged (no options given)" << Qt::endl;
    else
        cliOut() << "profile '" << p->name << "' updated" << Qt::endl;
    if (p->schedule != before.schedule || p->scheduleEnabled != before.scheduleEnabled)
        ScheduleReport::printSummary(*p);
    if (p->passphrase && !before.passphrase)
        printPassphraseHint(*p);
    return 0;
}

int ProfileCommand::list(CliContext &context)
{
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto profiles = context.catalog().profiles();
    if (!profiles)
        return context.fail(profiles.error());
    if (context.json()) {
        QJsonArray a;
        for (const Profile &p : *profiles)
            a.append(p.toJson());
        context.printJson(a);
        return 0;
    }
    if (profiles->isEmpty()) {
        cliOut() << "no profiles yet: add one with lifeboat-cli profile add NAME --db URI --dest FOLDER"
                 << Qt::endl;
        return 0;
    }
    for (const Profile &p : *profiles) {
        cliOut() << p.name << "\t" << p.connection.displayName() << "\t" << p.databasesText() << "\t"
                 << p.destinations.join(QStringLiteral(", ")) << "\t"
                 << (p.isEncrypted() ? QStringLiteral("encrypted") : QStringLiteral("NOT encrypted"))
                 << Qt::endl;
    }
    return 0;
}

int ProfileCommand::show(CliContext &context, const QStringList &args)
{
    if (args.size() != 1)
        return context.usage(QStringLiteral("profile show needs NAME"));
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto p = context.catalog().profile(args.first());
    if (!p)
        return context.fail(p.error());
    if (context.json()) {
        context.printJson(p->toJson());
        return 0;
    }
    cliOut() << "name:         " << p->name << "\n"
             << "server:       " << p->connection.displayName() << "\n"
             << "databases:    " << databasesLine(*p) << "\n"
             << "destinations: " << p->destinations.join(QStringLiteral(", ")) << "\n"
             << "compression:  zstd level " << p->zstdLevel << "\n"
             << "encryption:   " << encryptionLine(*p) << "\n"
             << "globals:      " << (p->globals ? "yes" : "no") << Qt::endl;
    ScheduleReport::printSummary(*p);
    return 0;
}

int ProfileCommand::remove(CliContext &context, const QStringList &arguments)
{
    CliArguments parser({}, {QStringLiteral("force")});
    if (Status s = parser.parse(arguments); !s)
        return context.usage(s.error().message);
    const QStringList args = parser.positional();
    if (args.size() != 1)
        return context.usage(QStringLiteral("profile remove needs NAME"));
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    if (auto p = context.catalog().profile(args.first()); !p)
        return context.fail(p.error());
    if (Status s = removeSecrets(context, args.first(), parser.isSet(QStringLiteral("force"))); !s)
        return context.fail(s.error());
    if (Status s = context.catalog().removeProfile(args.first()); !s)
        return context.fail(s.error());
    cliOut() << "profile '" << args.first() << "' removed (its backups and history are kept)" << Qt::endl;
    return 0;
}

int ProfileCommand::exportProfile(CliContext &context, const QStringList &args)
{
    if (args.size() != 1)
        return context.usage(QStringLiteral("profile export needs NAME"));
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto p = context.catalog().profile(args.first());
    if (!p)
        return context.fail(p.error());
    QJsonObject o = p->toJson();
    o.insert(QLatin1String("format"), QStringLiteral("lifeboat-profile"));
    o.insert(QLatin1String("formatVersion"), 1);
    context.printJson(o);
    return 0;
}

int ProfileCommand::importProfile(CliContext &context, const QStringList &args)
{
    if (args.size() != 1)
        return context.usage(QStringLiteral("profile import needs FILE (or - for stdin)"));
    QFile f;
    if (args.first() == QLatin1String("-")) {
        if (!f.open(stdin, QIODevice::ReadOnly))
            return context.fail(makeError(QStringLiteral("io"), QStringLiteral("cannot read stdin")));
    } else {
        f.setFileName(args.first());
        if (!f.open(QIODevice::ReadOnly))
            return context.fail(
                makeError(QStringLiteral("io"),
                          QStringLiteral("cannot read %1: %2").arg(args.first(), f.errorString())));
    }
    auto o = readExport(args.first(), f);
    if (!o)
        return context.fail(o.error(), 2);
    auto p = Profile::fromJson(*o);
    if (!p)
        return context.fail(p.error(), 2);
    if (Status s = p->validate(); !s)
        return context.fail(s.error(), 2);
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto id = context.catalog().addProfile(*p);
    if (!id)
        return context.fail(id.error());
    cliOut() << "profile '" << p->name << "' imported" << Qt::endl;
    return 0;
}

Status ProfileCommand::removeSecrets(CliContext &context, const QString &profileName, bool force)
{
    auto entries = context.catalog().secrets(profileName);
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
    ProfileSecrets secrets(*context.secretStore(), context.catalog());
    if (Status s = secrets.removeAll(profileName); !s)
        return makeError(s.error().code,
                         QStringLiteral("profile '%1' was not removed, because its secrets could not "
                                        "be deleted: %2")
                             .arg(profileName, s.error().message));
    return {};
}

} // namespace lifeboat::cli
