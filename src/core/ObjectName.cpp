#include "core/ObjectName.h"

#include "core/Profile.h"

namespace lifeboat {

QString ObjectName::safeFileName(const QString &name)
{
    QString out;
    for (const QChar c : name)
        out += (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control)
                   ? QLatin1Char('_')
                   : c;
    if (out.startsWith(QLatin1Char('.')))
        out[0] = QLatin1Char('_');
    return out.isEmpty() ? QStringLiteral("_") : out;
}

QString ObjectName::base(const Profile &profile, const QString &database, const QString &stamp)
{
    const QString db = safeFileName(database);
    return Profile::slug(profile.name) + QLatin1Char('/') + db + QLatin1Char('/') + db + QLatin1Char('_') +
           stamp;
}

} // namespace lifeboat
