#pragma once

#include "cli/Command.h"

#include <QList>

namespace lifeboat {
struct Profile;
}

namespace lifeboat::cli {

// `lifeboat-cli status [NAME]`: each profile's health; the exit code is the worst level (Nagios).
class StatusCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;

private:
    static int report(CliContext &context, const QList<Profile> &profiles);
};

} // namespace lifeboat::cli
