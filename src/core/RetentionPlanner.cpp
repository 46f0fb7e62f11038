#include "core/RetentionPlanner.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace lifeboat {

namespace {

constexpr int kMaxCount = 1000000;
constexpr int kMaxDays = 36500;
constexpr int kMaxStreak = 100;

// One grandfather-father-son rule: its count and the local calendar bucket of a backup.
struct GfsRule
{
    const char *name;
    int RetentionPolicy::*count;
    // The bucket key (distinct buckets have distinct keys) and its label for reasons.
    std::pair<QString, QString> (*bucket)(const QDateTime &local);
};

std::pair<QString, QString> hourBucket(const QDateTime &local)
{
    // A local hour that repeats when the clocks go back is two hours: the offset tells them apart.
    const QString label = local.toString(QStringLiteral("yyyy-MM-dd HH:00"));
    const int offset = local.offsetFromUtc();
    const QString zone = QStringLiteral("UTC%1%2:%3")
                             .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                             .arg(qAbs(offset) / 3600, 2, 10, QLatin1Char('0'))
                             .arg(qAbs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return {label + QLatin1Char(' ') + zone, label + QStringLiteral(" (") + zone + QLatin1Char(')')};
}

std::pair<QString, QString> dayBucket(const QDateTime &local)
{
    const QString key = local.date().toString(QStringLiteral("yyyy-MM-dd"));
    return {key, key};
}

std::pair<QString, QString> weekBucket(const QDateTime &local)
{
    int isoYear = 0;
    const int week = local.date().weekNumber(&isoYear);
    const QString key = QStringLiteral("%1-W%2").arg(isoYear).arg(week, 2, 10, QLatin1Char('0'));
    return {key, key};
}

std::pair<QString, QString> monthBucket(const QDateTime &local)
{
    const QString key = local.date().toString(QStringLiteral("yyyy-MM"));
    return {key, key};
}

std::pair<QString, QString> yearBucket(const QDateTime &local)
{
    const QString key = QString::number(local.date().year());
    return {key, key};
}

constexpr GfsRule kGfsRules[] = {
    {"hourly", &RetentionPolicy::keepHourly, &hourBucket},
    {"daily", &RetentionPolicy::keepDaily, &dayBucket},
    {"weekly", &RetentionPolicy::keepWeekly, &weekBucket},
    {"monthly", &RetentionPolicy::keepMonthly, &monthBucket},
    {"yearly", &RetentionPolicy::keepYearly, &yearBucket},
};

struct Count
{
    const char *flag;
    int RetentionPolicy::*member;
};
constexpr Count kCounts[] = {
    {"keep-last", &RetentionPolicy::keepLast},     {"keep-days", &RetentionPolicy::keepDays},
    {"keep-hourly", &RetentionPolicy::keepHourly}, {"keep-daily", &RetentionPolicy::keepDaily},
    {"keep-weekly", &RetentionPolicy::keepWeekly}, {"keep-monthly", &RetentionPolicy::keepMonthly},
    {"keep-yearly", &RetentionPolicy::keepYearly},
};

bool newerFirst(const RetentionPlanner::Backup &a, const RetentionPlanner::Backup &b)
{
    if (a.createdUtc != b.createdUtc)
        return a.createdUtc > b.createdUtc;
    return a.id > b.id;
}

} // namespace

Status RetentionPlanner::validate(const RetentionPolicy &policy)
{
    auto fail = [](const QString &message) {
        return makeError(QStringLiteral("retention.invalid"), message);
    };
    for (const Count &c : kCounts) {
        const int value = policy.*c.member;
        if (value < 0)
            return fail(QStringLiteral("--%1 %2 would keep nothing: give a positive count, or 0 to turn "
                                       "the rule off")
                            .arg(QLatin1String(c.flag))
                            .arg(value));
        const int max = c.member == &RetentionPolicy::keepDays ? kMaxDays : kMaxCount;
        if (value > max)
            return fail(QStringLiteral("--%1 %2 is out of range: use at most %3")
                            .arg(QLatin1String(c.flag))
                            .arg(value)
                            .arg(max));
    }
    if (policy.failureStreakLimit < 1 || policy.failureStreakLimit > kMaxStreak)
        return fail(QStringLiteral("--prune-pause-after %1 is out of range: pruning must pause after 1 to %2 "
                                   "failed backups in a row, so failing backups never leave you with only "
                                   "old ones")
                        .arg(policy.failureStreakLimit)
                        .arg(kMaxStreak));
    return {};
}

int RetentionPlanner::failureStreak(const QList<RunRecord> &runs)
{
    QList<RunRecord> backups;
    for (const RunRecord &r : runs) {
        if (r.kind == RunKind::Backup && r.isFinished())
            backups.append(r);
    }
    std::stable_sort(backups.begin(), backups.end(), [](const RunRecord &a, const RunRecord &b) {
        if (a.startedUtc != b.startedUtc)
            return a.startedUtc > b.startedUtc;
        return a.id > b.id;
    });
    int streak = 0;
    for (const RunRecord &r : std::as_const(backups)) {
        if (r.state == RunRecord::State::Succeeded)
            break;
        if (r.state == RunRecord::State::Failed || r.state == RunRecord::State::Interrupted)
            ++streak;
        // Cancelled: someone stopped it on purpose; it neither breaks nor extends the streak.
    }
    return streak;
}

QList<RetentionPlanner::Decision> RetentionPlanner::Plan::doomed() const
{
    QList<Decision> out;
    for (const Decision &d : decisions) {
        if (!d.keep)
            out.append(d);
    }
    return out;
}

qint64 RetentionPlanner::Plan::doomedBytes() const
{
    qint64 total = 0;
    for (const Decision &d : decisions) {
        if (!d.keep)
            total += d.backup.bytes;
    }
    return total;
}

int RetentionPlanner::Plan::keptCount() const
{
    return int(std::count_if(decisions.cbegin(), decisions.cend(), [](const Decision &d) { return d.keep; }));
}

RetentionPlanner::Plan RetentionPlanner::plan(const RetentionPolicy &policy, const QList<Backup> &backups,
                                              const QList<RunRecord> &runs, const QDateTime &nowUtc,
                                              const QTimeZone &zone)
{
    Plan plan;
    if (policy.isEmpty()) {
        plan.pausedReason =
            QStringLiteral("the profile has no retention policy, so every backup is kept (set one with "
                           "lifeboat-cli profile edit NAME --keep-last N, --keep-daily N, …)");
    } else if (Status valid = validate(policy); !valid) {
        plan.pausedReason = QStringLiteral("the retention policy is invalid, so nothing is deleted: ") +
                            valid.error().message;
    } else {
        const int streak = failureStreak(runs);
        if (streak >= policy.failureStreakLimit)
            plan.pausedReason =
                (streak == 1 ? QStringLiteral("the last backup failed: pruning paused until a "
                                              "backup succeeds")
                             : QStringLiteral("the last %1 backups failed: pruning paused until "
                                              "a backup succeeds")
                                   .arg(streak));
    }

    QMap<QString, QList<Backup>> series;
    for (const Backup &b : backups)
        series[b.database].append(b);

    const QDateTime keepFrom = nowUtc.addDays(-policy.keepDays);
    for (auto it = series.begin(); it != series.end(); ++it) {
        QList<Backup> &list = it.value();
        std::sort(list.begin(), list.end(), newerFirst);
        QList<Decision> decisions;
        decisions.reserve(list.size());
        for (const Backup &b : std::as_const(list))
            decisions.append({b, false, {}});

        if (!decisions.isEmpty())
            decisions[0].reasons << QStringLiteral("newest backup");
        for (Decision &d : decisions) {
            if (d.backup.verified && !d.backup.damaged) {
                d.reasons << QStringLiteral("newest verified");
                break;
            }
        }
        if (!decisions.isEmpty() && decisions[0].backup.damaged) {
            for (Decision &d : decisions) {
                if (!d.backup.damaged) {
                    d.reasons << QStringLiteral("newest intact, newer ones damaged");
                    break;
                }
            }
        }
        for (qsizetype i = 0; i < decisions.size() && i < policy.keepLast; ++i)
            decisions[i].reasons << QStringLiteral("keep-last %1").arg(policy.keepLast);
        if (policy.keepDays > 0) {
            for (Decision &d : decisions) {
                if (d.backup.createdUtc >= keepFrom)
                    d.reasons << QStringLiteral("within %1 day(s)").arg(policy.keepDays);
            }
        }
        for (const GfsRule &rule : kGfsRules) {
            const int count = policy.*rule.count;
            if (count <= 0)
                continue;
            int used = 0;
            QString lastKey;
            for (Decision &d : decisions) {
                if (used >= count)
                    break;
                const auto [key, label] = rule.bucket(d.backup.createdUtc.toTimeZone(zone));
                if (key == lastKey)
                    continue;
                lastKey = key;
                ++used;
                d.reasons << QLatin1String(rule.name) + QLatin1Char(' ') + label;
            }
        }
        for (Decision &d : decisions) {
            d.keep = !d.reasons.isEmpty() || !plan.pausedReason.isEmpty();
            if (d.reasons.isEmpty() && !plan.pausedReason.isEmpty())
                d.reasons << (policy.isEmpty() ? QStringLiteral("no retention policy")
                                               : QStringLiteral("pruning paused"));
        }
        plan.decisions += decisions;
    }
    return plan;
}

} // namespace lifeboat
