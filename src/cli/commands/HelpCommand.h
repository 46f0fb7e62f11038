#pragma once

#include "cli/Command.h"

namespace lifeboat::cli {

class CommandRegistry;

// `lifeboat-cli help [COMMAND]`: the top-level help, or one command's usage (as `COMMAND --help`).
class HelpCommand : public Command
{
public:
    explicit HelpCommand(const CommandRegistry &registry);

    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;

private:
    const CommandRegistry &m_registry;
};

} // namespace lifeboat::cli
