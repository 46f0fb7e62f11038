#include "engine/schedule/PowerSource.h"

#include <QDir>
#include <QFile>

namespace lifeboat {

namespace {
QString readValue(const QDir &dir, const QString &name)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromLatin1(f.read(256)).trimmed();
}
} // namespace

bool PowerSource::onAcPower(const QString &sysfsRoot)
{
    const QDir root(sysfsRoot);
    bool haveBattery = false;
    bool batteryCharging = false;
    bool mainsOnline = false;
    const QStringList supplies = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System);
    for (const QString &name : supplies) {
        const QDir dir(root.filePath(name));
        const QString type = readValue(dir, QStringLiteral("type"));
        if (type == QLatin1String("Mains") || type.startsWith(QLatin1String("USB"))) {
            if (readValue(dir, QStringLiteral("online")) == QLatin1String("1"))
                mainsOnline = true;
        } else if (type == QLatin1String("Battery")) {
            // Peripherals (mice, headsets) report scope "Device"; only the system's battery counts.
            if (readValue(dir, QStringLiteral("scope")) == QLatin1String("Device"))
                continue;
            haveBattery = true;
            const QString status = readValue(dir, QStringLiteral("status"));
            if (status == QLatin1String("Charging") || status == QLatin1String("Full"))
                batteryCharging = true;
        }
    }
    if (mainsOnline || !haveBattery)
        return true;
    return batteryCharging;
}

} // namespace lifeboat
