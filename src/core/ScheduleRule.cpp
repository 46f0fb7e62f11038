#include "core/ScheduleRule.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <bit>

namespace lifeboat {

namespace {

// For strings marked with QT_TRANSLATE_NOOP("ScheduleRule", …) (names in tables).
QString translated(const char *text)
{
    return QCoreApplication::translate("ScheduleRule", text);
}

Error invalid(const QString &message)
{
    return makeError(QStringLiteral("schedule.invalid"), message);
}

const char *const kWeekdayNames[] = {
    QT_TRANSLATE_NOOP("ScheduleRule", "Sunday"),   QT_TRANSLATE_NOOP("ScheduleRule", "Monday"),
    QT_TRANSLATE_NOOP("ScheduleRule", "Tuesday"),  QT_TRANSLATE_NOOP("ScheduleRule", "Wednesday"),
    QT_TRANSLATE_NOOP("ScheduleRule", "Thursday"), QT_TRANSLATE_NOOP("ScheduleRule", "Friday"),
    QT_TRANSLATE_NOOP("ScheduleRule", "Saturday")};
const char *const kMonthNames[] = {
    QT_TRANSLATE_NOOP("ScheduleRule", "January"),   QT_TRANSLATE_NOOP("ScheduleRule", "February"),
    QT_TRANSLATE_NOOP("ScheduleRule", "March"),     QT_TRANSLATE_NOOP("ScheduleRule", "April"),
    QT_TRANSLATE_NOOP("ScheduleRule", "May"),       QT_TRANSLATE_NOOP("ScheduleRule", "June"),
    QT_TRANSLATE_NOOP("ScheduleRule", "July"),      QT_TRANSLATE_NOOP("ScheduleRule", "August"),
    QT_TRANSLATE_NOOP("ScheduleRule", "September"), QT_TRANSLATE_NOOP("ScheduleRule", "October"),
    QT_TRANSLATE_NOOP("ScheduleRule", "November"),  QT_TRANSLATE_NOOP("ScheduleRule", "December")};
const char *const kWeekdayAbbrev[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
const char *const kMonthAbbrev[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};

constexpr std::uint32_t kAllHours = (1u << 24) - 1;
constexpr std::uint64_t kAllMinutes = (std::uint64_t(1) << 60) - 1;
constexpr std::uint32_t kAllDays = ((1u << 31) - 1) << 1;   // bits 1..31
constexpr std::uint32_t kAllMonths = ((1u << 12) - 1) << 1; // bits 1..12
constexpr std::uint32_t kAllWeekdays = (1u << 7) - 1;       // bits 0..6

// "a", "a and b", "a, b and c" (or "or").
QString joinList(const QStringList &items, bool orList = false)
{
    if (items.isEmpty())
        return QString();
    if (items.size() == 1)
        return items.first();
    const QString head = items.mid(0, items.size() - 1).join(QStringLiteral(", "));
    return (orList ? QCoreApplication::translate("ScheduleRule", "%1 or %2")
                   : QCoreApplication::translate("ScheduleRule", "%1 and %2"))
        .arg(head, items.last());
}

QString hhmm(int hour, int minute)
{
    return QStringLiteral("%1:%2").arg(hour, 2, 10, QLatin1Char('0')).arg(minute, 2, 10, QLatin1Char('0'));
}

template<typename Bits> QList<int> bitsToList(Bits bits, int from, int to)
{
    QList<int> out;
    for (int i = from; i <= to; ++i) {
        if (bits & (Bits(1) << i))
            out.append(i);
    }
    return out;
}

struct CronField
{
    int number;
    const char *name;
    int min;
    int max;
    const char *const *names; // 3-letter names, or nullptr
    int nameBase;             // the value of names[0]
    int nameCount;
};

const CronField kFields[] = {
    {1, QT_TRANSLATE_NOOP("ScheduleRule", "minute"), 0, 59, nullptr, 0, 0},
    {2, QT_TRANSLATE_NOOP("ScheduleRule", "hour"), 0, 23, nullptr, 0, 0},
    {3, QT_TRANSLATE_NOOP("ScheduleRule", "day of month"), 1, 31, nullptr, 0, 0},
    {4, QT_TRANSLATE_NOOP("ScheduleRule", "month"), 1, 12, kMonthAbbrev, 1, 12},
    {5, QT_TRANSLATE_NOOP("ScheduleRule", "day of week"), 0, 7, kWeekdayAbbrev, 0, 7},
};

QString fieldLabel(const CronField &f)
{
    return QCoreApplication::translate("ScheduleRule", "cron field %1 (%2)")
        .arg(f.number)
        .arg(translated(f.name));
}

Result<int> parseValue(const QString &token, const CronField &f)
{
    bool ok = false;
    const int n = token.toInt(&ok);
    if (ok) {
        if (n < f.min || n > f.max)
            return invalid(QCoreApplication::translate("ScheduleRule", "%1 '%2' is out of range %3–%4")
                               .arg(fieldLabel(f), token)
                               .arg(f.min)
                               .arg(f.max));
        return n;
    }
    if (f.names) {
        const QString lower = token.toLower();
        for (int i = 0; i < f.nameCount; ++i) {
            if (lower == QLatin1String(f.names[i]))
                return f.nameBase + i;
        }
        return invalid(QCoreApplication::translate(
                           "ScheduleRule", "%1 '%2' is neither a number from %3 to %4 nor a name like %5")
                           .arg(fieldLabel(f), token)
                           .arg(f.min)
                           .arg(f.max)
                           .arg(QLatin1String(f.names[1])));
    }
    return invalid(QCoreApplication::translate("ScheduleRule", "%1 '%2' is not a number from %3 to %4")
                       .arg(fieldLabel(f), token)
                       .arg(f.min)
                       .arg(f.max));
}

// One cron field → a bit set (bit i = value i).
Result<std::uint64_t> parseField(const QString &text, const CronField &f)
{
    std::uint64_t bits = 0;
    const QStringList items = text.split(QLatin1Char(','));
    for (const QString &item : items) {
        if (item.isEmpty())
            return invalid(QCoreApplication::translate("ScheduleRule", "%1 '%2' has an empty list item")
                               .arg(fieldLabel(f), text));
        const QStringList stepParts = item.split(QLatin1Char('/'));
        if (stepParts.size() > 2)
            return invalid(QCoreApplication::translate("ScheduleRule", "%1 '%2' has more than one '/'")
                               .arg(fieldLabel(f), item));
        int step = 1;
        if (stepParts.size() == 2) {
            bool ok = false;
            step = stepParts.at(1).toInt(&ok);
            if (!ok || step < 1 || step > f.max)
                return invalid(
                    QCoreApplication::translate("ScheduleRule", "%1 step '%2' must be a number from 1 to %3")
                        .arg(fieldLabel(f), stepParts.at(1))
                        .arg(f.max));
        }
        const QString &base = stepParts.at(0);
        int lo = f.min;
        int hi = f.max;
        if (base == QLatin1String("*")) {
            if (f.number == 5)
                hi = 6; // 7 is Sunday again
        } else if (base.contains(QLatin1Char('-'))) {
            const QStringList range = base.split(QLatin1Char('-'));
            if (range.size() != 2 || range.at(0).isEmpty() || range.at(1).isEmpty())
                return invalid(QCoreApplication::translate("ScheduleRule", "%1 '%2' is not a range like 1-5")
                                   .arg(fieldLabel(f), base));
            auto a = parseValue(range.at(0), f);
            if (!a)
                return a.error();
            auto b = parseValue(range.at(1), f);
            if (!b)
                return b.error();
            if (f.number == 5 && *b == 0 && *a > 0)
                *b = 7; // "mon-sun": Sunday at the end of the week
            if (*a > *b)
                return invalid(
                    QCoreApplication::translate("ScheduleRule",
                                                "%1 range '%2' runs backwards: write the smaller value first")
                        .arg(fieldLabel(f), base));
            lo = *a;
            hi = *b;
        } else {
            auto a = parseValue(base, f);
            if (!a)
                return a.error();
            lo = *a;
            hi = stepParts.size() == 2 ? (f.number == 5 ? 6 : f.max) : *a; // "a/n" = a-max/n
        }
        for (int v = lo; v <= hi; v += step)
            bits |= std::uint64_t(1) << (f.number == 5 && v == 7 ? 0 : v);
    }
    return bits;
}

Result<QTime> parseTimeOfDay(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,2}):(\\d{2})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (m.hasMatch()) {
        const int h = m.captured(1).toInt();
        const int mm = m.captured(2).toInt();
        if (h <= 23 && mm <= 59)
            return QTime(h, mm);
    }
    return invalid(
        QCoreApplication::translate("ScheduleRule",
                                    "'%1' is not a time of day: write HH:MM from 00:00 to 23:59, e.g. 02:30")
            .arg(text));
}

int daysInMonthMax(int month) // February counts 29 (leap years)
{
    return month == 2 ? 29 : QDate(2023, month, 1).daysInMonth();
}

} // namespace

Result<ScheduleRule> ScheduleRule::parse(const QString &input)
{
    const QString text = input.simplified();
    if (text.isEmpty())
        return invalid(QCoreApplication::translate(
            "ScheduleRule", "the schedule is empty: give a preset like daily@02:00 or a cron expression "
                            "like '0 2 * * *'"));
    Result<ScheduleRule> rule = [&]() -> Result<ScheduleRule> {
        if (text.startsWith(QLatin1Char('@'))) {
            const QString macro = text.toLower();
            static const QList<std::pair<QString, QString>> macros = {
                {QStringLiteral("@hourly"), QStringLiteral("0 * * * *")},
                {QStringLiteral("@daily"), QStringLiteral("0 0 * * *")},
                {QStringLiteral("@midnight"), QStringLiteral("0 0 * * *")},
                {QStringLiteral("@weekly"), QStringLiteral("0 0 * * 0")},
                {QStringLiteral("@monthly"), QStringLiteral("0 0 1 * *")},
                {QStringLiteral("@yearly"), QStringLiteral("0 0 1 1 *")},
                {QStringLiteral("@annually"), QStringLiteral("0 0 1 1 *")},
            };
            for (const auto &[name, expr] : macros) {
                if (macro == name)
                    return parseCron(expr, text);
            }
            return invalid(QCoreApplication::translate(
                               "ScheduleRule",
                               "unknown schedule '%1': the @ shortcuts are @hourly, @daily, @weekly, "
                               "@monthly and @yearly")
                               .arg(text));
        }
        if (text.contains(QLatin1Char('@')))
            return parsePreset(text);
        return parseCron(text, text);
    }();
    if (!rule)
        return rule;
    if (Status s = rule->checkCanFire(); !s)
        return s.error();
    return rule;
}

Result<ScheduleRule> ScheduleRule::parsePreset(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('@'));
    const QString kind = parts.first().toLower();
    ScheduleRule r;
    r.m_text = text;
    r.m_days = kAllDays;
    r.m_months = kAllMonths;
    r.m_weekdays = kAllWeekdays;
    auto setTime = [&r](const QString &timeText) -> Status {
        auto time = parseTimeOfDay(timeText);
        if (!time)
            return time.error();
        r.m_hours = 1u << time->hour();
        r.m_minutes = std::uint64_t(1) << time->minute();
        return {};
    };
    if (kind == QLatin1String("hourly") && parts.size() == 2) {
        r.m_kind = Kind::Hourly;
        QString minute = parts.at(1);
        if (minute.startsWith(QLatin1Char(':')))
            minute = minute.mid(1);
        bool ok = false;
        const int m = minute.toInt(&ok);
        if (!ok || m < 0 || m > 59 || minute.size() > 2)
            return invalid(QCoreApplication::translate(
                               "ScheduleRule",
                               "hourly schedule: '%1' is not a minute: write hourly@:MM with MM from 00 to "
                               "59, e.g. hourly@:15")
                               .arg(parts.at(1)));
        r.m_hours = kAllHours;
        r.m_minutes = std::uint64_t(1) << m;
    } else if (kind == QLatin1String("daily") && parts.size() == 2) {
        r.m_kind = Kind::Daily;
        if (Status s = setTime(parts.at(1)); !s)
            return s.error();
    } else if (kind == QLatin1String("weekly") && parts.size() == 3) {
        r.m_kind = Kind::Weekly;
        if (parts.at(1).isEmpty())
            return invalid(QCoreApplication::translate(
                "ScheduleRule", "weekly schedule: name the days, e.g. weekly@mon,thu@02:00"));
        auto days = parseField(parts.at(1), kFields[4]);
        if (!days)
            return invalid(QCoreApplication::translate(
                               "ScheduleRule",
                               "weekly schedule: '%1' is not a list of days: use mon, tue, wed, thu, fri, "
                               "sat, sun (ranges like mon-fri too)")
                               .arg(parts.at(1)));
        r.m_weekdays = std::uint32_t(*days);
        r.m_weekdaysStar = false;
        if (Status s = setTime(parts.at(2)); !s)
            return s.error();
    } else if (kind == QLatin1String("monthly") && parts.size() == 3) {
        r.m_kind = Kind::Monthly;
        bool ok = false;
        const int d = parts.at(1).toInt(&ok);
        if (!ok || d < 1 || d > 31)
            return invalid(QCoreApplication::translate(
                               "ScheduleRule",
                               "monthly schedule: day '%1' must be a number from 1 to 31 (a month without "
                               "that day runs on its last day)")
                               .arg(parts.at(1)));
        r.m_monthlyDay = d;
        r.m_days = 1u << d;
        r.m_daysStar = false;
        if (Status s = setTime(parts.at(2)); !s)
            return s.error();
    } else {
        return invalid(QCoreApplication::translate(
                           "ScheduleRule",
                           "unknown schedule '%1': use hourly@:MM, daily@HH:MM, weekly@mon,thu@HH:MM, "
                           "monthly@D@HH:MM or a cron expression like '30 2 * * *'")
                           .arg(text));
    }
    r.m_valid = true;
    return r;
}

Result<ScheduleRule> ScheduleRule::parseCron(const QString &text, const QString &original)
{
    const QStringList fields = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() != 5)
        return invalid(QCoreApplication::translate(
                           "ScheduleRule",
                           "a cron expression has 5 fields (minute, hour, day of month, month, day of "
                           "week); '%1' has %2")
                           .arg(original)
                           .arg(fields.size()));
    std::uint64_t bits[5] = {};
    for (int i = 0; i < 5; ++i) {
        auto b = parseField(fields.at(i), kFields[i]);
        if (!b)
            return b.error();
        bits[i] = *b;
    }
    ScheduleRule r;
    r.m_kind = Kind::Cron;
    r.m_text = original;
    r.m_minutes = bits[0];
    r.m_hours = std::uint32_t(bits[1]);
    r.m_days = std::uint32_t(bits[2]);
    r.m_months = std::uint32_t(bits[3]);
    r.m_weekdays = std::uint32_t(bits[4]);
    r.m_daysStar = fields.at(2).startsWith(QLatin1Char('*'));
    r.m_weekdaysStar = fields.at(4).startsWith(QLatin1Char('*'));
    r.m_valid = true;
    return r;
}

Status ScheduleRule::checkCanFire() const
{
    // Only a restricted day of month with an unrestricted day of week can miss every month
    // (with both restricted a matching weekday always comes; monthly@ falls back to the last day).
    if (m_kind == Kind::Monthly || m_daysStar || !m_weekdaysStar)
        return {};
    const QList<int> months = bitsToList(m_months, 1, 12);
    const QList<int> days = bitsToList(m_days, 1, 31);
    for (int m : months) {
        for (int d : days) {
            if (d <= daysInMonthMax(m))
                return {};
        }
    }
    QStringList monthNames;
    for (int m : months)
        monthNames << translated(kMonthNames[m - 1]);
    QStringList dayNumbers;
    for (int d : days)
        dayNumbers << QString::number(d);
    return invalid(
        QCoreApplication::translate("ScheduleRule", "the schedule '%1' can never run: %2 %3 no day %4")
            .arg(m_text, joinList(monthNames),
                 months.size() == 1 ? QCoreApplication::translate("ScheduleRule", "has")
                                    : QCoreApplication::translate("ScheduleRule", "have"),
                 joinList(dayNumbers, true)));
}

bool ScheduleRule::matchesDate(const QDate &date) const
{
    if (!m_valid || !date.isValid() || !(m_months & (1u << date.month())))
        return false;
    if (m_kind == Kind::Monthly) {
        const int dim = date.daysInMonth();
        return date.day() == m_monthlyDay || (m_monthlyDay > dim && date.day() == dim);
    }
    const bool dom = m_days & (1u << date.day());
    const bool dow = m_weekdays & (1u << (date.dayOfWeek() % 7));
    if (m_daysStar || m_weekdaysStar)
        return dom && dow;
    return dom || dow;
}

QList<QDateTime> ScheduleRule::instantsFor(const QDate &date, int minuteOfDay, const QTimeZone &zone) const
{
    // L: the local wall time as if it were UTC; an instant U runs it when U + offset(U) == L.
    const qint64 local = QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() + qint64(minuteOfDay) * 60;
    auto offsetAt = [&zone](qint64 utcSecs) {
        return qint64(zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSecs, Qt::UTC)));
    };
    const qint64 before = offsetAt(local - 86400);
    const qint64 after = offsetAt(local + 86400);
    QList<qint64> found;
    for (qint64 o : {before, after, offsetAt(local - before), offsetAt(local - after)}) {
        const qint64 u = local - o;
        if (offsetAt(u) == o && !found.contains(u))
            found.append(u);
    }
    std::sort(found.begin(), found.end());
    const bool everyHour = m_hours == kAllHours;
    QList<QDateTime> out;
    if (found.isEmpty()) {
        // Skipped by spring-forward: the first valid instant after the gap is the transition,
        // the first instant whose local time is past L.
        if (everyHour)
            return out;
        qint64 lo = local - std::max(before, after);
        qint64 hi = local - std::min(before, after);
        while (lo < hi) {
            const qint64 mid = lo + (hi - lo) / 2;
            if (mid + offsetAt(mid) > local)
                hi = mid;
            else
                lo = mid + 1;
        }
        out.append(QDateTime::fromSecsSinceEpoch(lo, Qt::UTC));
        return out;
    }
    if (!everyHour)
        found = found.mid(0, 1); // repeated by fall-back: the first occurrence only
    for (qint64 u : found)
        out.append(QDateTime::fromSecsSinceEpoch(u, Qt::UTC));
    return out;
}

QDateTime ScheduleRule::nextAfter(const QDateTime &utcIn, const QTimeZone &zone) const
{
    if (!m_valid || !utcIn.isValid() || !zone.isValid())
        return {};
    const qint64 from = utcIn.toSecsSinceEpoch();
    const QDate start = utcIn.toTimeZone(zone).date().addDays(-1);
    const QList<int> hours = bitsToList(m_hours, 0, 23);
    const QList<int> minutes = bitsToList(m_minutes, 0, 59);
    // Leap-day-only rules can wait 8 years (2096 → 2104); nothing valid waits longer.
    for (int i = 0; i < 366 * 9; ++i) {
        const QDate date = start.addDays(i);
        if (!matchesDate(date))
            continue;
        const qint64 midnight = QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        const int o1 = zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(midnight - 86400, Qt::UTC));
        const int o2 = zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(midnight + 2 * 86400, Qt::UTC));
        if (o1 == o2) {
            // No transition near this day: local order is UTC order.
            for (int h : hours) {
                for (int m : minutes) {
                    const qint64 u = midnight + h * 3600 + m * 60 - o1;
                    if (u > from)
                        return QDateTime::fromSecsSinceEpoch(u, Qt::UTC);
                }
            }
            continue;
        }
        qint64 best = -1;
        for (int h : hours) {
            for (int m : minutes) {
                for (const QDateTime &t : instantsFor(date, h * 60 + m, zone)) {
                    const qint64 u = t.toSecsSinceEpoch();
                    if (u > from && (best < 0 || u < best))
                        best = u;
                }
            }
        }
        if (best >= 0)
            return QDateTime::fromSecsSinceEpoch(best, Qt::UTC);
    }
    return {};
}

QList<QDateTime> ScheduleRule::nextRuns(const QDateTime &fromUtc, int count, const QTimeZone &zone) const
{
    QList<QDateTime> out;
    QDateTime t = fromUtc;
    for (int i = 0; i < count; ++i) {
        t = nextAfter(t, zone);
        if (!t.isValid())
            break;
        out.append(t);
    }
    return out;
}

qint64 ScheduleRule::nominalIntervalSeconds() const
{
    if (!m_valid)
        return 0;
    QList<qint64> times; // seconds into the day, ascending
    for (int h : bitsToList(m_hours, 0, 23)) {
        for (int m : bitsToList(m_minutes, 0, 59))
            times.append(qint64(h) * 3600 + m * 60);
    }
    if (times.isEmpty())
        return 0;
    qint64 longest = 0;
    for (qsizetype i = 1; i < times.size(); ++i)
        longest = std::max(longest, times.at(i) - times.at(i - 1));
    // Between matching days: the last run of one to the first of the next. Ten years cover
    // every month length, weekday pattern and leap day.
    const QDate first(2024, 1, 1);
    qint64 previous = -1;
    for (int i = 0; i < 3653; ++i) {
        if (!matchesDate(first.addDays(i)))
            continue;
        if (previous >= 0)
            longest = std::max(longest, (i - previous) * 86400 + times.first() - times.last());
        previous = i;
    }
    return longest;
}

QString ScheduleRule::describeTime() const
{
    const QList<int> hours = bitsToList(m_hours, 0, 23);
    const QList<int> minutes = bitsToList(m_minutes, 0, 59);
    QStringList minuteText;
    for (int m : minutes)
        minuteText << QString::number(m);
    if (m_hours == kAllHours) {
        if (m_minutes == kAllMinutes)
            return QCoreApplication::translate("ScheduleRule", "every minute");
        if (minutes.size() == 1)
            return QCoreApplication::translate("ScheduleRule", "at minute %1 of every hour")
                .arg(minutes.first());
        return QCoreApplication::translate("ScheduleRule", "at minutes %1 of every hour")
            .arg(joinList(minuteText));
    }
    if (hours.size() * minutes.size() <= 6) {
        QStringList times;
        for (int h : hours) {
            for (int m : minutes)
                times << hhmm(h, m);
        }
        return QCoreApplication::translate("ScheduleRule", "at %1").arg(joinList(times));
    }
    QStringList hourText;
    for (int h : hours)
        hourText << QString::number(h);
    if (m_minutes == kAllMinutes)
        return QCoreApplication::translate("ScheduleRule", "every minute of hours %1")
            .arg(joinList(hourText));
    return QCoreApplication::translate("ScheduleRule", "at minutes %1 of hours %2")
        .arg(joinList(minuteText), joinList(hourText));
}

QString ScheduleRule::describeDays() const
{
    QStringList weekdays; // Monday first
    for (int i = 1; i <= 7; ++i) {
        if (m_weekdays & (1u << (i % 7)))
            weekdays << translated(kWeekdayNames[i % 7]);
    }
    QStringList days;
    for (int d : bitsToList(m_days, 1, 31))
        days << QString::number(d);
    const bool allWeekdays = m_weekdays == kAllWeekdays;
    if ((m_daysStar || m_days == kAllDays) && (m_weekdaysStar || allWeekdays)) {
        if (m_daysStar && m_weekdaysStar)
            return QCoreApplication::translate("ScheduleRule", "every day");
        if (m_daysStar)
            return allWeekdays
                       ? QCoreApplication::translate("ScheduleRule", "every day")
                       : QCoreApplication::translate("ScheduleRule", "every %1").arg(joinList(weekdays));
        return days.size() == 31 ? QCoreApplication::translate("ScheduleRule", "every day")
                                 : QCoreApplication::translate("ScheduleRule", "on day %1 of the month")
                                       .arg(joinList(days));
    }
    if (m_daysStar)
        return QCoreApplication::translate("ScheduleRule", "every %1").arg(joinList(weekdays));
    if (m_weekdaysStar)
        return QCoreApplication::translate("ScheduleRule", "on day %1 of the month").arg(joinList(days));
    return QCoreApplication::translate("ScheduleRule", "on day %1 of the month and every %2")
        .arg(joinList(days), joinList(weekdays));
}

QString ScheduleRule::describeMonths() const
{
    if (m_months == kAllMonths)
        return QString();
    QStringList months;
    for (int m : bitsToList(m_months, 1, 12))
        months << translated(kMonthNames[m - 1]);
    return QCoreApplication::translate("ScheduleRule", " in %1").arg(joinList(months));
}

QString ScheduleRule::describe() const
{
    if (!m_valid)
        return QCoreApplication::translate("ScheduleRule", "never (no valid schedule)");
    const int hour = std::countr_zero(m_hours);
    const int minute = std::countr_zero(m_minutes);
    switch (m_kind) {
    case Kind::Hourly:
        return QCoreApplication::translate("ScheduleRule", "at minute %1 of every hour").arg(minute);
    case Kind::Daily:
        return QCoreApplication::translate("ScheduleRule", "every day at %1").arg(hhmm(hour, minute));
    case Kind::Weekly:
        if (m_weekdays == kAllWeekdays)
            return QCoreApplication::translate("ScheduleRule", "every day at %1").arg(hhmm(hour, minute));
        return QCoreApplication::translate("ScheduleRule", "%1 at %2")
            .arg(describeDays(), hhmm(hour, minute));
    case Kind::Monthly:
        if (m_monthlyDay > 28)
            return QCoreApplication::translate(
                       "ScheduleRule", "on day %1 of every month (the last day in shorter months) at %2")
                .arg(m_monthlyDay)
                .arg(hhmm(hour, minute));
        return QCoreApplication::translate("ScheduleRule", "on day %1 of every month at %2")
            .arg(m_monthlyDay)
            .arg(hhmm(hour, minute));
    case Kind::Cron:
        break;
    }
    const QString time = describeTime();
    const QString days = describeDays();
    if (m_hours == kAllHours && days == QCoreApplication::translate("ScheduleRule", "every day"))
        return time + describeMonths();
    return QCoreApplication::translate("ScheduleRule", "%1 %2").arg(days, time) + describeMonths();
}

} // namespace lifeboat
