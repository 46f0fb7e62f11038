#pragma once

#include "cli/Command.h"
#include "engine/schedule/DueEvaluator.h"

namespace lifeboat {
class CliArguments;
}

namespace lifeboat::cli {

// `lifeboat-cli schedule install|uninstall|status`: the systemd user timer (SystemdUnits) that calls
// run-due, and each profile's next run.
class ScheduleCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;

private:
    // What `schedule status` found of the timer.
    struct TimerState
    {
        bool installed = false;
        QString interval; // minutes, from the timer file
        QString enabled;  // systemctl is-enabled, when reachable
        QString active;   // systemctl is-active
    };

    static int install(CliContext &context, const CliArguments &parser);
    static int uninstall(CliContext &context, const CliArguments &parser);
    static int status(CliContext &context);
    static TimerState timerState();
    static void printStatusJson(CliContext &context, const TimerState &timer,
                                const QList<DueEvaluator::Entry> &entries);
    static void printStatusText(const TimerState &timer, const QList<DueEvaluator::Entry> &entries);
};

} // namespace lifeboat::cli
