#include "cli/commands/VerifyCommand.h"

#include "cli/CliArguments.h"
#include "cli/CliContext.h"
#include "cli/commands/RestoreCommand.h"
#include "core/Catalog.h"
#include "engine/jobs/IntegrityJob.h"
#include "engine/jobs/RestoreJob.h"
#include "engine/pg/ConnectionParser.h"
#include "engine/secrets/DecryptionKeyLoader.h"

namespace lifeboat::cli {

QString VerifyCommand::name() const
{
    return QStringLiteral("verify");
}

QString VerifyCommand::summary() const
{
    return QStringLiteral("check a backup's integrity, or restore it into a throwaway cluster and compare");
}

QString VerifyCommand::usage() const
{
    return QStringLiteral("  verify ID [--identity FILE]...  integrity: SHA-256, age authentication, zstd "
                          "checksums, archive, row "
                          "counts\n"
                          "  verify ID --restore [--target URI] [--identity FILE]...\n"
                          "                                  restore into a throwaway cluster (or a scratch "
                          "database on URI) and\n"
                          "                                  compare with the manifest; records \"verified\" "
                          "and the restore time\n");
}

int VerifyCommand::run(CliContext &context, const QStringList &args)
{
    CliArguments parser({QStringLiteral("identity"), QStringLiteral("target")}, {QStringLiteral("restore")});
    if (Status s = parser.parse(args); !s)
        return context.usage(s.error().message);
    auto id = RestoreCommand::parseId(parser.positional(), QStringLiteral("verify"));
    if (!id)
        return context.usage(id.error().message);
    if (parser.isSet(QStringLiteral("target")) && !parser.isSet(QStringLiteral("restore")))
        return context.usage(QStringLiteral("--target goes with --restore"));
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
    auto profile = context.catalog().profile(artifact->profileName);
    const QString serverKey = profile ? profile->connection.displayName() : artifact->profileName;
    if (!parser.isSet(QStringLiteral("restore"))) {
        // The store: the profile's S3 secret, when the keychain holds one.
        return context.startJob(
            std::make_shared<IntegrityJob>(artifact->profileName, serverKey, *id,
                                           JobSecrets{.store = context.secretStore(), .keys = *keys}));
    }
    RestoreRequest request;
    request.artifactId = *id;
    request.purpose = RestoreRequest::Purpose::Verify;
    request.secrets.keys = *keys;
    if (parser.isSet(QStringLiteral("target"))) {
        auto target = ConnectionParser::parse(parser.value(QStringLiteral("target")));
        if (!target)
            return context.fail(target.error(), 2);
        request.target = *target;
        request.sandbox = false;
    } else {
        request.sandbox = true;
    }
    return context.startJob(
        std::make_shared<RestoreJob>(artifact->profileName, serverKey, request, context.paths()));
}

} // namespace lifeboat::cli
