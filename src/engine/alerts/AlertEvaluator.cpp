#include "engine/alerts/AlertEvaluator.h"

namespace lifeboat {

namespace {

QString recoveryMessage(const QString &condition)
{
    if (condition == QLatin1String("backup-failed"))
        return QStringLiteral("backups succeed again");
    if (condition == QLatin1String("stale"))
        return QStringLiteral("a new backup arrived");
    if (condition == QLatin1String("size-anomaly"))
        return QStringLiteral("the backup size is back in its usual range");
    if (condition == QLatin1String("verification-failed"))
        return QStringLiteral("verification succeeds again");
    if (condition == QLatin1String("backup-damaged"))
        return QStringLiteral("no kept backup is damaged any more");
    if (condition == QLatin1String("verification-old"))
        return QStringLiteral("verified again");
    if (condition == QLatin1String("retention-failed"))
        return QStringLiteral("retention succeeds again");
    if (condition == QLatin1String("identity-not-exported"))
        return QStringLiteral("the age identity was exported");
    return QStringLiteral("resolved");
}

} // namespace

QString AlertEvaluator::eventFor(const QString &condition)
{
    if (condition == QLatin1String("backup-failed") || condition == QLatin1String("verification-failed") ||
        condition == QLatin1String("backup-damaged"))
        return QStringLiteral("failure");
    if (condition == QLatin1String("stale"))
        return QStringLiteral("stale");
    if (condition == QLatin1String("size-anomaly"))
        return QStringLiteral("anomaly");
    return QStringLiteral("warning");
}

bool AlertEvaluator::isAlerted(const QString &condition)
{
    return condition != QLatin1String("never-backed-up");
}

AlertDecision AlertEvaluator::evaluate(const HealthReport &report,
                                       const QList<Catalog::AlertStateEntry> &stored, const QDateTime &nowUtc,
                                       int reminderHours)
{
    AlertDecision decision;
    auto makeAlert = [&](const QString &subject, const QString &condition, const QString &event,
                         HealthLevel level, const QString &message) {
        Alert a;
        a.profileName = report.profileName;
        a.subject = subject;
        a.condition = condition;
        a.event = event;
        a.level = level;
        a.message = message;
        a.timeUtc = nowUtc;
        decision.alerts.append(a);
    };

    QList<const Catalog::AlertStateEntry *> seen;
    for (const HealthFinding &f : report.findings) {
        if (!isAlerted(f.condition))
            continue;
        const QString state = healthLevelName(f.level);
        const Catalog::AlertStateEntry *row = nullptr;
        for (const Catalog::AlertStateEntry &e : stored) {
            if (e.subject == f.subject && e.condition == f.condition) {
                row = &e;
                break;
            }
        }
        Catalog::AlertStateEntry next;
        next.profileName = report.profileName;
        next.subject = f.subject;
        next.condition = f.condition;
        next.state = state;
        next.detail = f.message;
        if (!row || row->state != state) {
            makeAlert(f.subject, f.condition, eventFor(f.condition), f.level, f.message);
            next.sinceUtc = nowUtc;
            next.notifiedUtc = nowUtc;
            decision.upserts.append(next);
            if (row)
                seen.append(row);
            continue;
        }
        seen.append(row);
        next.sinceUtc = row->sinceUtc;
        next.notifiedUtc = row->notifiedUtc;
        const qint64 elapsed = row->notifiedUtc.isValid() ? row->notifiedUtc.secsTo(nowUtc) : -1;
        if (!row->notifiedUtc.isValid() || elapsed < 0) {
            // Never sent, or the clock went backwards: restart the reminder interval from now.
            next.notifiedUtc = nowUtc;
            decision.upserts.append(next);
        } else if (reminderHours > 0 && elapsed >= qint64(reminderHours) * 3600) {
            makeAlert(f.subject, f.condition, QStringLiteral("reminder"), f.level, f.message);
            next.notifiedUtc = nowUtc;
            decision.upserts.append(next);
        } else if (row->detail != f.message) {
            decision.upserts.append(next);
        }
    }
    for (const Catalog::AlertStateEntry &e : stored) {
        if (seen.contains(&e))
            continue;
        makeAlert(e.subject, e.condition, QStringLiteral("recovered"), HealthLevel::Healthy,
                  e.detail.isEmpty()
                      ? recoveryMessage(e.condition)
                      : QStringLiteral("%1 (was: %2)").arg(recoveryMessage(e.condition), e.detail));
        decision.removals.append(e);
    }
    return decision;
}

} // namespace lifeboat
