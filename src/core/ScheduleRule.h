#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <cstdint>

namespace lifeboat {

// When a profile runs: a preset or a 5-field cron expression, read in a time zone (the local
// one in the product). Parsing never throws; bad rules give one sentence that names the field.
//
//   hourly@:MM             at minute MM of every hour            hourly@:15
//   daily@HH:MM            every day                             daily@02:30
//   weekly@DAYS@HH:MM      DAYS = mon,tue,… (ranges mon-fri)     weekly@mon,thu@02:00
//   monthly@D@HH:MM        day D (1–31) of every month; a month  monthly@31@03:00
//                          without day D runs on its last day
//   M H DOM MON DOW        cron: numbers, names (jan–dec, sun–sat; 7 = Sunday), '*', ranges
//                          a-b, steps */n a-b/n a/n, lists a,b; when both DOM and DOW are
//                          restricted a day matches either (Vixie cron); @hourly @daily
//                          @midnight @weekly @monthly @yearly @annually
//
// Rules that can never fire (day 30 of February, day 31 of April alone) are refused.
//
// Daylight saving time (nextAfter): a local time skipped by spring-forward runs once, at the
// first valid instant after the gap (the transition itself); a local time repeated by fall-back
// runs once, at its first occurrence. Exception: rules whose hour field is every hour (hourly@,
// "M * * * *") follow elapsed time — a skipped hour's minutes do not run and a repeated hour's
// minutes run in both copies, so the gap between runs stays one hour.
//
// GUI: parse() validates editor input (error().message is ready to show), describe() gives
// the rule in words (translatable, context "ScheduleRule"), nextRuns() the upcoming times.
class ScheduleRule
{
public:
    enum class Kind
    {
        Hourly,
        Daily,
        Weekly,
        Monthly,
        Cron
    };

    ScheduleRule() = default;
    // Error code "schedule.invalid"; the message names the field or part that is wrong.
    static Result<ScheduleRule> parse(const QString &text);

    Kind kind() const { return m_kind; }
    QString text() const { return m_text; } // as parsed (trimmed)
    bool isValid() const { return m_valid; }

    // The rule in plain words: "every day at 02:00", "every Monday and Thursday at 02:30",
    // "at minute 15 of every hour", "on day 1 of every month at 03:00".
    QString describe() const;

    // The first run strictly after `utc` (any time spec; the result is in UTC), local times
    // read in `zone`. Invalid when the rule is invalid.
    QDateTime nextAfter(const QDateTime &utc, const QTimeZone &zone) const;
    // The `count` runs strictly after `fromUtc`, in order (UTC).
    QList<QDateTime> nextRuns(const QDateTime &fromUtc, int count, const QTimeZone &zone) const;
    // The longest wall-clock gap between two consecutive runs, in seconds (ignoring DST):
    // hourly 3600, daily 86400, weekly on Monday and Thursday 4 × 86400. Health uses it for
    // "stale after 1.5 × the interval" and RPO. 0 for an invalid rule.
    qint64 nominalIntervalSeconds() const;

    // Does a local date match the day fields (day of month, month, day of week)?
    bool matchesDate(const QDate &date) const;

private:
    static Result<ScheduleRule> parseCron(const QString &text, const QString &original);
    static Result<ScheduleRule> parsePreset(const QString &text);
    Status checkCanFire() const;
    QString describeTime() const;
    QString describeDays() const;
    QString describeMonths() const;
    // The UTC instants (0, 1 or 2) at which local `date` + `minuteOfDay` runs.
    QList<QDateTime> instantsFor(const QDate &date, int minuteOfDay, const QTimeZone &zone) const;

    Kind m_kind = Kind::Cron;
    QString m_text;
    bool m_valid = false;
    std::uint64_t m_minutes = 0;  // bit m = minute m (0–59)
    std::uint32_t m_hours = 0;    // bit h = hour h (0–23)
    std::uint32_t m_days = 0;     // bit d = day of month d (1–31)
    std::uint32_t m_months = 0;   // bit m = month m (1–12)
    std::uint32_t m_weekdays = 0; // bit d = day of week d (0 = Sunday … 6 = Saturday)
    bool m_daysStar = true;       // the day-of-month field was '*' (AND semantics with DOW)
    bool m_weekdaysStar = true;   // the day-of-week field was '*'
    int m_monthlyDay = 0;         // Monthly preset: D (a shorter month runs on its last day)
};

} // namespace lifeboat
