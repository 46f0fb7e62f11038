#pragma once

#include "cli/CliContext.h"
#include "cli/CommandRegistry.h"

#include <QObject>
#include <QStringList>

namespace lifeboat::cli {

// lifeboat-cli: every headless operation. Parses `[--config-dir DIR] [--json] COMMAND …` and runs
// the command (CommandRegistry) with the shared CliContext. Commands that only read or write the
// catalog run directly; long ones (backup) run as jobs on the engine's worker thread while the main
// thread's event loop prints progress. Exit codes: 0 success, 1 failure, 2 usage.
class Cli : public QObject
{
    Q_OBJECT
public:
    explicit Cli(QObject *parent = nullptr);
    ~Cli() override;

    // Parses and starts the command; returns an exit code when finished synchronously, or -1
    // when a job runs (the event loop then ends with finished(code)).
    int start(const QStringList &arguments);
    void interrupt(); // SIGINT/SIGTERM: cancel running jobs

Q_SIGNALS:
    void finished(int exitCode);

private:
    // --help / -h: the command's usage when a known command came before it, else the top-level help.
    int help(const QStringList &commandLine);

    CommandRegistry m_commands; // outlives the context: its runner's last signals reach the commands
    CliContext m_context;
};

} // namespace lifeboat::cli
