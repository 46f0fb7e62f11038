#pragma once

#include "cli/Command.h"

namespace lifeboat::cli {

// `lifeboat-cli runbook NAME [--out FILE]`: the profile's disaster-recovery runbook (Markdown).
class RunbookCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace lifeboat::cli
