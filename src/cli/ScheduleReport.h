#pragma once

#include "engine/schedule/DueEvaluator.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace lifeboat {
struct Profile;
} // namespace lifeboat

namespace lifeboat::cli {

// How `profile show|edit`, `run-due` and `schedule status` print schedules.
class ScheduleReport
{
public:
    // "Mon 2026-12-07 02:00 CET", or "—".
    static QString localTime(const QDateTime &utc);
    // When the machine started (wall clock): the catch-up delay of run-due counts from here.
    static QDateTime bootTimeUtc(const QDateTime &now);
    // One profile's schedule decision as JSON (run-due, schedule status --json).
    static QJsonObject entryJson(const DueEvaluator::Entry &entry);
    // The schedule in words, its catch-up and conditions, and its next 5 runs.
    static void printSummary(const Profile &profile);
};

} // namespace lifeboat::cli
