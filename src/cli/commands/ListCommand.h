#pragma once

#include "cli/Command.h"

namespace lifeboat::cli {

// `lifeboat-cli list NAME`: the profile's backups and how far each was checked.
class ListCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace lifeboat::cli
