#pragma once

#include "cli/Command.h"

namespace lifeboat::cli {

// `lifeboat-cli verify ID [--restore]`: an integrity check, or a test restore, of one backup.
class VerifyCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace lifeboat::cli
