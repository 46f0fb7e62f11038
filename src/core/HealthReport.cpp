#include "core/HealthReport.h"

#include <QJsonArray>

namespace lifeboat {

QString healthLevelName(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Healthy:
        return QStringLiteral("healthy");
    case HealthLevel::Warning:
        return QStringLiteral("warning");
    case HealthLevel::Failing:
        return QStringLiteral("failing");
    }
    return QStringLiteral("failing");
}

QStringList HealthReport::reasons() const
{
    QStringList out;
    for (const HealthFinding &f : findings)
        out << (f.subject.isEmpty() ? f.message : f.subject + QStringLiteral(": ") + f.message);
    return out;
}

namespace {
QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}
QJsonValue numberOrNull(double v)
{
    return v >= 0 ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject HealthReport::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("profile"), profileName);
    o.insert(QLatin1String("level"), healthLevelName(level));
    o.insert(QLatin1String("reasons"), QJsonArray::fromStringList(reasons()));
    QJsonArray fs;
    for (const HealthFinding &f : findings) {
        QJsonObject j;
        j.insert(QLatin1String("database"),
                 f.subject.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(f.subject));
        j.insert(QLatin1String("condition"), f.condition);
        j.insert(QLatin1String("level"), healthLevelName(f.level));
        j.insert(QLatin1String("message"), f.message);
        fs.append(j);
    }
    o.insert(QLatin1String("findings"), fs);
    o.insert(QLatin1String("schedule"),
             schedule.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(schedule));
    o.insert(QLatin1String("staleAfterSeconds"),
             staleAfterSeconds > 0 ? QJsonValue(staleAfterSeconds) : QJsonValue(QJsonValue::Null));
    o.insert(QLatin1String("lastSuccessUtc"), timeOrNull(lastSuccessUtc));
    o.insert(QLatin1String("failureStreak"), failureStreak);
    QJsonObject rpo;
    rpo.insert(QLatin1String("intervalSeconds"),
               intervalSeconds ? QJsonValue(*intervalSeconds) : QJsonValue(QJsonValue::Null));
    rpo.insert(QLatin1String("lastGapSeconds"), numberOrNull(rpoMeasuredSeconds));
    o.insert(QLatin1String("rpo"), rpo);
    QJsonObject rto;
    rto.insert(QLatin1String("restoreSeconds"), numberOrNull(rtoSeconds));
    o.insert(QLatin1String("rto"), rto);
    QJsonArray dbs;
    for (const DatabaseHealth &d : databases) {
        QJsonObject j;
        j.insert(QLatin1String("database"), d.database);
        j.insert(QLatin1String("level"), healthLevelName(d.level));
        j.insert(QLatin1String("reasons"), QJsonArray::fromStringList(d.reasons));
        j.insert(QLatin1String("backups"), d.backups);
        j.insert(QLatin1String("lastSuccessUtc"), timeOrNull(d.lastSuccessUtc));
        j.insert(QLatin1String("lastSuccessAgeSeconds"), numberOrNull(double(d.lastSuccessAgeSeconds)));
        j.insert(QLatin1String("lastSizeBytes"), numberOrNull(double(d.lastSizeBytes)));
        j.insert(QLatin1String("lastDurationSeconds"), numberOrNull(d.lastDurationSeconds));
        j.insert(QLatin1String("lastGapSeconds"), numberOrNull(double(d.lastGapSeconds)));
        j.insert(QLatin1String("lastVerifiedUtc"), timeOrNull(d.lastVerifiedUtc));
        j.insert(QLatin1String("lastVerificationOk"), d.lastVerifiedUtc.isValid()
                                                          ? QJsonValue(d.lastVerificationOk)
                                                          : QJsonValue(QJsonValue::Null));
        j.insert(QLatin1String("restoreSeconds"), numberOrNull(d.restoreSeconds));
        dbs.append(j);
    }
    o.insert(QLatin1String("databases"), dbs);
    return o;
}

} // namespace lifeboat
