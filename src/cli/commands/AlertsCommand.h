#pragma once

#include "cli/Command.h"

namespace lifeboat::cli {

// `lifeboat-cli alerts check [NAME] | test NAME`: an alert pass now, or a test message.
class AlertsCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace lifeboat::cli
