#pragma once

#include <QJsonObject>

namespace lifeboat {

// How many backups a profile keeps at each destination: keep-last N, keep everything newer than
// D days, and grandfather-father-son counts (one backup per hour/day/week/month/year, newest
// first). A backup is kept when any rule keeps it. All zero = keep everything (no pruning).
struct RetentionPolicy
{
    int keepLast = 0;
    int keepDays = 0;
    int keepHourly = 0;
    int keepDaily = 0;
    int keepWeekly = 0;
    int keepMonthly = 0;
    int keepYearly = 0;
    // Pruning pauses while the profile's latest backups have failed this many times in a row.
    int failureStreakLimit = 1;

    bool isEmpty() const
    {
        return keepLast == 0 && keepDays == 0 && keepHourly == 0 && keepDaily == 0 && keepWeekly == 0 &&
               keepMonthly == 0 && keepYearly == 0;
    }
    bool operator==(const RetentionPolicy &) const = default;

    QJsonObject toJson() const;
    static RetentionPolicy fromJson(const QJsonObject &json);
};

} // namespace lifeboat
