#pragma once

#include <QString>
#include <QStringList>

namespace lifeboat::cli {

class CliContext;

// One top-level command of lifeboat-cli (`backup`, `profile`, …). The registry finds it by name();
// usage() is its block of `lifeboat-cli --help` (also printed by `COMMAND --help` and `help COMMAND`,
// and what the man page is made from); summary() says in one line what it does.
class Command
{
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    virtual QString usage() const = 0;
    // The arguments after the command's name. Returns the exit code (0 success, 1 failure, 2 usage),
    // or -1 when it goes on in the event loop: the context then emits finished(code).
    virtual int run(CliContext &context, const QStringList &args) = 0;
};

} // namespace lifeboat::cli
