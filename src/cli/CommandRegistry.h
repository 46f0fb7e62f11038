#pragma once

#include "cli/Command.h"

#include <QList>

#include <memory>
#include <vector>

namespace lifeboat::cli {

// lifeboat-cli's commands, in the order of `lifeboat-cli --help`, each under its section heading;
// the top-level help is made from their usage blocks.
class CommandRegistry
{
public:
    CommandRegistry(); // every command, and help
    ~CommandRegistry();

    // `section`: the heading the command's usage goes under in the top-level help (empty: listed
    // nowhere, like `help`).
    void add(const QString &section, std::unique_ptr<Command> command);
    Command *find(const QString &name) const;
    QList<Command *> commands() const;

    // `lifeboat-cli --help`: the intro, each section's commands, the global options.
    QString usage() const;
    // `lifeboat-cli COMMAND --help`: the command's name and summary, and its usage block.
    static QString commandUsage(const Command &command);

private:
    struct Entry
    {
        QString section;
        std::unique_ptr<Command> command;
    };
    std::vector<Entry> m_entries;
};

} // namespace lifeboat::cli
