#include "cli/commands/RestoreCommand.h"

#include "cli/CliArguments.h"
#include "cli/CliContext.h"
#include "core/Catalog.h"
#include "engine/jobs/RestoreJob.h"
#include "engine/pg/ConnectionParser.h"
#include "engine/secrets/DecryptionKeyLoader.h"

namespace lifeboat::cli {

namespace {

// The checks that need no catalog; a usage mistake's message, or empty.
QString misuse(const CliArguments &parser)
{
    if (parser.isSet(QStringLiteral("data-only")) && parser.isSet(QStringLiteral("schema-only")))
        return QStringLiteral("use either --data-only or --schema-only");
    if (parser.isSet(QStringLiteral("replace")) && !parser.isSet(QStringLiteral("confirm")))
        return QStringLiteral(
            "--replace needs --confirm NAME, repeating the name of the database to replace");
    if (parser.isSet(QStringLiteral("replace")) && !parser.isSet(QStringLiteral("to-db")))
        return QStringLiteral("--replace needs --to-db NAME, the database to replace");
    return {};
}

} // namespace

Result<qint64> RestoreCommand::parseId(const QStringList &positional, const QString &command)
{
    if (positional.size() != 1)
        return makeError(QStringLiteral("cli.usage"),
                         QStringLiteral("%1 needs exactly one backup ID").arg(command));
    bool ok = false;
    const qint64 id = positional.first().toLongLong(&ok);
    if (!ok || id <= 0)
        return makeError(QStringLiteral("cli.usage"),
                         QStringLiteral("'%1' is not a backup ID (lifeboat-cli list PROFILE shows them)")
                             .arg(positional.first()));
    return id;
}

QString RestoreCommand::name() const
{
    return QStringLiteral("restore");
}

QString RestoreCommand::summary() const
{
    return QStringLiteral("restore a backup into a new database");
}

QString RestoreCommand::usage() const
{
    return QStringLiteral(
        "  restore ID [--to-db NAME] [--target URI] [--schema S]... [--table T]... [--jobs N] [--no-owner]\n"
        "             [--data-only|--schema-only] [--identity FILE]... [--replace --confirm NAME]\n"
        "                                  restore into a new database (default "
        "<db>_restore_<yyyyMMdd_HHmm>)\n");
}

int RestoreCommand::run(CliContext &context, const QStringList &args)
{
    CliArguments parser({QStringLiteral("to-db"), QStringLiteral("target"), QStringLiteral("schema"),
                         QStringLiteral("table"), QStringLiteral("jobs"), QStringLiteral("identity"),
                         QStringLiteral("confirm")},
                        {QStringLiteral("no-owner"), QStringLiteral("data-only"),
                         QStringLiteral("schema-only"), QStringLiteral("replace")});
    if (Status s = parser.parse(args); !s)
        return context.usage(s.error().message);
    auto id = parseId(parser.positional(), QStringLiteral("restore"));
    if (!id)
        return context.usage(id.error().message);
    if (const QString message = misuse(parser); !message.isEmpty())
        return context.usage(message);
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto artifact = context.catalog().artifact(*id);
    if (!artifact)
        return context.fail(artifact.error());
    // Without --identity: the profile's own key from the keychain (its identity, or its passphrase).
    auto keys = DecryptionKeyLoader::load(*context.secretStore(), context.catalog(), artifact->profileName,
                                          parser.values(QStringLiteral("identity")));
    if (!keys)
        return context.fail(keys.error(), 2);
    RestoreRequest request;
    request.artifactId = *id;
    request.secrets = JobSecrets{.store = context.secretStore(), .keys = *keys};
    request.toDatabase = parser.value(QStringLiteral("to-db"));
    request.replace = parser.isSet(QStringLiteral("replace"));
    request.confirm = parser.value(QStringLiteral("confirm"));
    request.schemas = parser.values(QStringLiteral("schema"));
    request.tables = parser.values(QStringLiteral("table"));
    request.noOwner = parser.isSet(QStringLiteral("no-owner"));
    request.dataOnly = parser.isSet(QStringLiteral("data-only"));
    request.schemaOnly = parser.isSet(QStringLiteral("schema-only"));
    if (parser.isSet(QStringLiteral("jobs"))) {
        bool ok = false;
        request.jobs = parser.value(QStringLiteral("jobs")).toInt(&ok);
        if (!ok || request.jobs < 1 || request.jobs > 64)
            return context.usage(QStringLiteral("--jobs takes a number from 1 to 64"));
    }
    if (parser.isSet(QStringLiteral("target"))) {
        auto target = ConnectionParser::parse(parser.value(QStringLiteral("target")));
        if (!target)
            return context.fail(target.error(), 2);
        request.target = *target;
    }
    auto profile = context.catalog().profile(artifact->profileName);
    const QString serverKey = request.target
                                  ? request.target->displayName()
                                  : (profile ? profile->connection.displayName() : artifact->profileName);
    return context.startJob(
        std::make_shared<RestoreJob>(artifact->profileName, serverKey, request, context.paths()));
}

} // namespace lifeboat::cli
