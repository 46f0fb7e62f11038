#include "core/AlertSettings.h"

namespace lifeboat {

QJsonObject AlertSettings::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("webhookFormat"), webhookFormat);
    o.insert(QLatin1String("desktop"), desktop);
    o.insert(QLatin1String("reminderHours"), reminderHours);
    if (!prometheusTextfile.isEmpty())
        o.insert(QLatin1String("prometheusTextfile"), prometheusTextfile);
    return o;
}

AlertSettings AlertSettings::fromJson(const QJsonObject &o)
{
    AlertSettings a;
    a.webhookFormat = o.value(QLatin1String("webhookFormat")).toString(QStringLiteral("generic"));
    a.desktop = o.value(QLatin1String("desktop")).toBool(true);
    a.reminderHours = o.value(QLatin1String("reminderHours")).toInt(24);
    a.prometheusTextfile = o.value(QLatin1String("prometheusTextfile")).toString();
    return a;
}

} // namespace lifeboat
