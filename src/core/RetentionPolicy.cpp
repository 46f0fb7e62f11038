#include "core/RetentionPolicy.h"

namespace lifeboat {

namespace {
struct Field
{
    const char *key;
    int RetentionPolicy::*member;
};
constexpr Field kFields[] = {
    {"keepLast", &RetentionPolicy::keepLast},     {"keepDays", &RetentionPolicy::keepDays},
    {"keepHourly", &RetentionPolicy::keepHourly}, {"keepDaily", &RetentionPolicy::keepDaily},
    {"keepWeekly", &RetentionPolicy::keepWeekly}, {"keepMonthly", &RetentionPolicy::keepMonthly},
    {"keepYearly", &RetentionPolicy::keepYearly},
};
} // namespace

QJsonObject RetentionPolicy::toJson() const
{
    QJsonObject o;
    for (const Field &f : kFields) {
        if (this->*f.member != 0)
            o.insert(QLatin1String(f.key), this->*f.member);
    }
    o.insert(QLatin1String("failureStreakLimit"), failureStreakLimit);
    return o;
}

RetentionPolicy RetentionPolicy::fromJson(const QJsonObject &o)
{
    RetentionPolicy p;
    for (const Field &f : kFields)
        p.*f.member = o.value(QLatin1String(f.key)).toInt(0);
    p.failureStreakLimit = o.value(QLatin1String("failureStreakLimit")).toInt(1);
    return p;
}

} // namespace lifeboat
