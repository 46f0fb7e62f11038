#pragma once

#include "cli/Command.h"

namespace lifeboat::cli {

// `lifeboat-cli key generate|show|export|import`: the profile's age identity and recipients.
class KeyCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;

private:
    static int generate(CliContext &context, const QString &profileName);
    static int show(CliContext &context, const QString &profileName);
    static int exportKit(CliContext &context, const QString &profileName, const QString &out, bool force);
    static int importKit(CliContext &context, const QString &profileName, const QString &file);
};

} // namespace lifeboat::cli
