#include "cli/Cli.h"

#include "cli/CliOutput.h"

namespace lifeboat::cli {

Cli::Cli(QObject *parent)
    : QObject(parent)
{
    connect(&m_context, &CliContext::finished, this, &Cli::finished);
}

Cli::~Cli() = default;

int Cli::start(const QStringList &arguments)
{
    QStringList args;
    QString configDir;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--json")) {
            m_context.setJson(true);
        } else if (a == QLatin1String("--config-dir")) {
            if (i + 1 >= arguments.size())
                return m_context.usage(QStringLiteral("--config-dir needs a folder"));
            configDir = arguments.at(++i);
        } else if (a.startsWith(QLatin1String("--config-dir="))) {
            configDir = a.mid(13);
        } else if (a == QLatin1String("--version")) {
            cliOut() << "lifeboat-cli " << LIFEBOAT_VERSION << Qt::endl;
            return 0;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            return help(args);
        } else {
            args << a;
        }
    }
    m_context.setPaths(ConfigPaths(configDir));
    if (args.isEmpty())
        return help({});
    const QString name = args.takeFirst();
    Command *command = m_commands.find(name);
    if (!command)
        return m_context.usage(QStringLiteral("unknown command '%1'").arg(name));
    return command->run(m_context, args);
}

int Cli::help(const QStringList &commandLine)
{
    const Command *command = commandLine.isEmpty() ? nullptr : m_commands.find(commandLine.first());
    cliOut() << (command ? CommandRegistry::commandUsage(*command) : m_commands.usage());
    cliOut().flush();
    return 0;
}

void Cli::interrupt()
{
    m_context.interrupt();
}

} // namespace lifeboat::cli
