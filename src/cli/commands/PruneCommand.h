#pragma once

#include "cli/Command.h"

namespace lifeboat::cli {

// `lifeboat-cli prune NAME [--dry-run]`: the profile's retention policy applied now (see PruneJob
// and RetentionPlanner), printed per destination and database: what is kept and why, what goes.
class PruneCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace lifeboat::cli
