#pragma once

#include "cli/Command.h"
#include "core/Result.h"

namespace lifeboat::cli {

// `lifeboat-cli restore ID …`: one backup restored into a new (or, confirmed, a replaced) database.
class RestoreCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;

    // The one backup ID of `verify` and `restore`; a usage error ("cli.usage") otherwise.
    static Result<qint64> parseId(const QStringList &positional, const QString &command);
};

} // namespace lifeboat::cli
