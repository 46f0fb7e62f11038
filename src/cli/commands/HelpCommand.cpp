#include "cli/commands/HelpCommand.h"

#include "cli/CliContext.h"
#include "cli/CliOutput.h"
#include "cli/CommandRegistry.h"

namespace lifeboat::cli {

HelpCommand::HelpCommand(const CommandRegistry &registry)
    : m_registry(registry)
{}

QString HelpCommand::name() const
{
    return QStringLiteral("help");
}

QString HelpCommand::summary() const
{
    return QStringLiteral("print the usage of lifeboat-cli, or of one command");
}

QString HelpCommand::usage() const
{
    return QStringLiteral(
        "  help [COMMAND]                  every command's usage, or COMMAND's (also: COMMAND "
        "--help)\n");
}

int HelpCommand::run(CliContext &context, const QStringList &args)
{
    QString text;
    if (args.isEmpty()) {
        text = m_registry.usage();
    } else if (const Command *command = m_registry.find(args.first())) {
        text = CommandRegistry::commandUsage(*command);
    } else {
        return context.usage(QStringLiteral("unknown command '%1'").arg(args.first()));
    }
    cliOut() << text;
    cliOut().flush();
    return 0;
}

} // namespace lifeboat::cli
