#pragma once

#include "core/Result.h"

#include <QString>

namespace lifeboat {

// The systemd user units that run `lifeboat-cli run-due` without the app:
// lifeboat-run-due.service (oneshot) and lifeboat-run-due.timer (every N minutes, Persistent=true
// so a tick missed while the machine was off or asleep fires once at start-up / wake). Written to
// $XDG_CONFIG_HOME/systemd/user (default ~/.config/systemd/user).
class SystemdUnits
{
public:
    static constexpr const char *kServiceName = "lifeboat-run-due.service";
    static constexpr const char *kTimerName = "lifeboat-run-due.timer";

    // `cliPath`: absolute path of lifeboat-cli; `configDir`: passed as --config-dir when not empty.
    static QString serviceText(const QString &cliPath, const QString &configDir);
    static QString timerText(int intervalMinutes);
    // $XDG_CONFIG_HOME/systemd/user
    static QString unitDirectory();

    // Writes both files (0644, replacing earlier ones atomically).
    static Status write(const QString &directory, const QString &cliPath, const QString &configDir,
                        int intervalMinutes);
    // Removes both files; missing files are fine.
    static Status remove(const QString &directory);
    // Quotes one argument for an Exec= line (systemd's own quoting rules).
    static QString quoteArgument(const QString &argument);
};

} // namespace lifeboat
