#pragma once

#include "cli/Command.h"

namespace lifeboat::cli {

// `lifeboat-cli backup NAME [--dry-run]`: one backup of the profile now, as a job.
class BackupCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace lifeboat::cli
