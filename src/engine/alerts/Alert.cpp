#include "engine/alerts/Alert.h"

namespace lifeboat {

QString Alert::title() const
{
    if (event == QLatin1String("recovered"))
        return QStringLiteral("Lifeboat: %1 recovered").arg(profileName);
    if (event == QLatin1String("test"))
        return QStringLiteral("Lifeboat: test message for %1").arg(profileName);
    if (event == QLatin1String("success"))
        return QStringLiteral("Lifeboat: %1 backed up").arg(profileName);
    return QStringLiteral("Lifeboat: %1 is %2").arg(profileName, healthLevelName(level));
}

QString Alert::text() const
{
    const QString where = subject.isEmpty() ? profileName : profileName + QLatin1Char('/') + subject;
    return QStringLiteral("[%1] %2: %3").arg(where, event, message);
}

} // namespace lifeboat
