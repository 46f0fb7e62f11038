#include "cli/commands/BackupCommand.h"

#include "cli/CliArguments.h"
#include "cli/CliContext.h"
#include "core/Catalog.h"
#include "engine/jobs/BackupJob.h"

namespace lifeboat::cli {

QString BackupCommand::name() const
{
    return QStringLiteral("backup");
}

QString BackupCommand::summary() const
{
    return QStringLiteral("back up a profile's databases now");
}

QString BackupCommand::usage() const
{
    return QStringLiteral("  backup NAME [--dry-run]         back up now; prints the artifact path(s)\n");
}

int BackupCommand::run(CliContext &context, const QStringList &args)
{
    CliArguments parser({}, {QStringLiteral("dry-run")});
    if (Status s = parser.parse(args); !s)
        return context.usage(s.error().message);
    if (parser.positional().size() != 1)
        return context.usage(QStringLiteral("backup needs exactly one profile NAME"));
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto profile = context.catalog().profile(parser.positional().first());
    if (!profile)
        return context.fail(profile.error());
    BackupJob::Options options;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    context.attachBackupSecrets(*profile, options);
    return context.startJob(std::make_shared<BackupJob>(*profile, context.paths(), options));
}

} // namespace lifeboat::cli
