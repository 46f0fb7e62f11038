#pragma once

#include <QString>

namespace lifeboat {

// Is the machine on mains power? Linux: /sys/class/power_supply/*/type and online/status.
// - A "Mains" (or USB-C/USB charger) supply that is online → on AC.
// - No power-supply information at all, or no battery → on AC (a desktop or server).
// - A battery and no online mains supply → on battery, except when the battery reports
//   "Charging" or "Full" (some firmware shows no mains supply at all).
// The root is a seam for tests (a fake sysfs tree); reads are a few tiny files, so the call is
// cheap, but it is still disk I/O: call it off the GUI thread.
class PowerSource
{
public:
    static bool onAcPower(const QString &sysfsRoot = QStringLiteral("/sys/class/power_supply"));
};

} // namespace lifeboat
