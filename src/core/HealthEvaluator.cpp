#include "core/HealthEvaluator.h"

#include "core/ByteSize.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace lifeboat {

namespace {

bool newerRun(const RunRecord &a, const RunRecord &b)
{
    if (a.startedUtc != b.startedUtc)
        return a.startedUtc > b.startedUtc;
    return a.id > b.id;
}

bool newerArtifact(const ArtifactRecord &a, const ArtifactRecord &b)
{
    if (a.createdUtc != b.createdUtc)
        return a.createdUtc > b.createdUtc;
    return a.id > b.id;
}

bool isFailure(RunRecord::State s)
{
    return s == RunRecord::State::Failed || s == RunRecord::State::Interrupted;
}

// The first line of a run's message, short enough for a status line.
QString shortMessage(const QString &message)
{
    QString m = message.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (m.size() > 200)
        m = m.left(199) + QChar(0x2026);
    return m;
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 == 1 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

} // namespace

QString HealthEvaluator::formatAge(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 2 * 3600)
        return QStringLiteral("%1 min").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return QStringLiteral("%1 h").arg(seconds / 3600);
    return QStringLiteral("%1 days").arg(seconds / 86400);
}

namespace {

using Findings = QList<HealthFinding>;

// The failure streak: finished backup runs, newest first, until the first success. Returns that
// success (null when there is none).
const RunRecord *checkFailureStreak(const QList<RunRecord> &backups, HealthReport &r, Findings &findings)
{
    QString latestError;
    const RunRecord *lastSucceeded = nullptr;
    for (const RunRecord &run : backups) {
        if (!run.isFinished() || run.state == RunRecord::State::Cancelled)
            continue;
        if (run.state == RunRecord::State::Succeeded) {
            lastSucceeded = &run;
            break;
        }
        if (r.failureStreak++ == 0)
            latestError = shortMessage(run.message);
    }
    if (r.failureStreak > 0) {
        QString message = r.failureStreak == 1
                              ? QStringLiteral("the last backup failed")
                              : QStringLiteral("the last %1 backups failed").arg(r.failureStreak);
        if (!latestError.isEmpty())
            message += QStringLiteral(": ") + latestError;
        findings.append({QString(), QStringLiteral("backup-failed"), HealthLevel::Failing, message});
    }
    return lastSucceeded;
}

// Retention: the newest finished prune run.
void checkRetention(const QList<RunRecord> &prunes, Findings &findings)
{
    for (const RunRecord &run : prunes) {
        if (!run.isFinished() || run.state == RunRecord::State::Cancelled)
            continue;
        if (isFailure(run.state)) {
            QString message = QStringLiteral("retention failed");
            if (!run.message.isEmpty())
                message += QStringLiteral(": ") + shortMessage(run.message);
            findings.append({QString(), QStringLiteral("retention-failed"), HealthLevel::Warning, message});
        }
        break;
    }
}

QString neverBackedUp(const Profile &profile)
{
    return QStringLiteral("never backed up: run lifeboat-cli backup %1").arg(profile.name);
}

// The databases the report covers: the profile's list, or (all databases) those of the newest
// successful run that stored any — a database dropped from the server, or excluded since, drops out.
QStringList databasesOf(const Profile &profile, const QList<RunRecord> &backups,
                        const QList<ArtifactRecord> &artifacts,
                        const QMap<QString, QList<ArtifactRecord>> &byDatabase, Findings &findings)
{
    if (profile.databaseMode == Profile::DatabaseMode::Listed && !profile.databases.isEmpty())
        return profile.databases;
    QStringList databases;
    for (const RunRecord &run : backups) {
        if (run.state != RunRecord::State::Succeeded)
            continue;
        for (const ArtifactRecord &a : artifacts) {
            if (a.runId == run.id && !databases.contains(a.database))
                databases.append(a.database);
        }
        if (!databases.isEmpty())
            break;
    }
    if (databases.isEmpty())
        databases = byDatabase.keys();
    databases.sort();
    if (databases.isEmpty())
        findings.append(
            {QString(), QStringLiteral("never-backed-up"), HealthLevel::Warning, neverBackedUp(profile)});
    return databases;
}

// Size anomaly: the newest backup (`list`'s first) against the median of the ones before it.
void checkSize(const QString &database, const QList<ArtifactRecord> &list, Findings &findings)
{
    const ArtifactRecord &newest = list.first();
    const QList<ArtifactRecord> previous = list.mid(1, HealthEvaluator::kSizeHistory);
    if (previous.size() < HealthEvaluator::kSizeMinimumHistory)
        return;
    QList<qint64> sizes;
    for (const ArtifactRecord &a : previous)
        sizes.append(a.storedBytes);
    const qint64 med = median(sizes);
    if (med <= 0)
        return;
    const double deviation = double(newest.storedBytes - med) / double(med);
    if (std::abs(deviation) > HealthEvaluator::kSizeAnomalyFraction)
        findings.append({database, QStringLiteral("size-anomaly"), HealthLevel::Warning,
                         QStringLiteral("size %1 is %2% %3 the median of the last %4 (%5)")
                             .arg(formatMiB(newest.storedBytes))
                             .arg(qRound(std::abs(deviation) * 100))
                             .arg(deviation < 0 ? QStringLiteral("below") : QStringLiteral("above"))
                             .arg(previous.size())
                             .arg(formatMiB(med))});
}

// Verification: the newest one of either outcome, and the newest successful one.
void checkVerification(const QList<ArtifactRecord> &list, const QDateTime &nowUtc, DatabaseHealth &d,
                       Findings &findings)
{
    const ArtifactRecord &newest = list.first();
    const ArtifactRecord *lastVerification = nullptr;
    const ArtifactRecord *lastVerified = nullptr;
    for (const ArtifactRecord &a : list) {
        if (a.verifyState.isEmpty() || !a.verifiedUtc.isValid())
            continue;
        if (!lastVerification || a.verifiedUtc > lastVerification->verifiedUtc)
            lastVerification = &a;
        if (a.verifyState == QLatin1String("verified") &&
            (!lastVerified || a.verifiedUtc > lastVerified->verifiedUtc))
            lastVerified = &a;
    }
    if (lastVerification) {
        d.lastVerifiedUtc = lastVerification->verifiedUtc;
        d.lastVerificationOk = lastVerification->verifyState == QLatin1String("verified");
    }
    if (lastVerified && lastVerified->restoreSeconds > 0)
        d.restoreSeconds = lastVerified->restoreSeconds;
    if (lastVerification && !d.lastVerificationOk) {
        findings.append(
            {d.database, QStringLiteral("verification-failed"), HealthLevel::Failing,
             QStringLiteral("the last verification failed (backup %1 of %2): it may not restore")
                 .arg(lastVerification->id)
                 .arg(lastVerification->createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm")))});
    } else if (lastVerified) {
        const qint64 age = lastVerified->verifiedUtc.secsTo(nowUtc);
        if (age > HealthEvaluator::kVerificationMaxAgeSeconds)
            findings.append({d.database, QStringLiteral("verification-old"), HealthLevel::Warning,
                             QStringLiteral("last verified %1 ago: run lifeboat-cli verify %2 --restore")
                                 .arg(HealthEvaluator::formatAge(age))
                                 .arg(newest.id)});
    } else {
        const qint64 unproven = list.last().createdUtc.secsTo(nowUtc);
        if (unproven > HealthEvaluator::kVerificationMaxAgeSeconds)
            findings.append({d.database, QStringLiteral("verification-old"), HealthLevel::Warning,
                             QStringLiteral("never verified (backups for %1): run lifeboat-cli verify %2 "
                                            "--restore")
                                 .arg(HealthEvaluator::formatAge(unproven))
                                 .arg(newest.id)});
    }
}

// Damage: a kept backup whose last integrity check proved its bytes wrong will not restore.
// Failing when it is the newest (the one a restore offers first), else a warning.
void checkDamage(const QString &database, const QList<ArtifactRecord> &list, const QDateTime &nowUtc,
                 Findings &findings)
{
    QList<const ArtifactRecord *> damaged;
    for (const ArtifactRecord &a : list) {
        if (a.damaged())
            damaged.append(&a);
    }
    if (damaged.isEmpty())
        return;
    const bool newest = damaged.first()->id == list.first().id;
    const ArtifactRecord &first = *damaged.first();
    const QString more =
        damaged.size() > 1 ? QStringLiteral(" and %1 older backup(s)").arg(damaged.size() - 1) : QString();
    findings.append(
        {database, QStringLiteral("backup-damaged"), newest ? HealthLevel::Failing : HealthLevel::Warning,
         QStringLiteral("backup %1 (%2)%3 failed its integrity check %4 ago and will not restore%5")
             .arg(first.id)
             .arg(first.createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm")), more,
                  HealthEvaluator::formatAge(std::max<qint64>(0, first.integrityCheckedUtc.secsTo(nowUtc))),
                  newest ? QStringLiteral(": back up again now") : QString())});
}

// One database's health from its backups (`list`, newest first, not empty).
DatabaseHealth databaseHealth(const QString &database, const QList<ArtifactRecord> &list,
                              const QHash<qint64, RunRecord> &runById, const QDateTime &nowUtc,
                              qint64 staleAfterSeconds, const QString &staleWhy, Findings &findings)
{
    DatabaseHealth d;
    d.database = database;
    d.backups = int(list.size());
    const ArtifactRecord &newest = list.first();
    d.lastSuccessUtc = newest.createdUtc;
    d.lastSuccessAgeSeconds = std::max<qint64>(0, newest.createdUtc.secsTo(nowUtc));
    d.lastSizeBytes = newest.storedBytes;
    if (const auto it = runById.constFind(newest.runId);
        it != runById.constEnd() && it->startedUtc.isValid() && it->finishedUtc.isValid())
        d.lastDurationSeconds = double(it->startedUtc.msecsTo(it->finishedUtc)) / 1000.0;
    if (list.size() >= 2)
        d.lastGapSeconds = list.at(1).createdUtc.secsTo(newest.createdUtc);
    if (staleAfterSeconds > 0 && d.lastSuccessAgeSeconds > staleAfterSeconds)
        findings.append({database, QStringLiteral("stale"), HealthLevel::Failing,
                         QStringLiteral("no successful backup for %1 (%2)")
                             .arg(HealthEvaluator::formatAge(d.lastSuccessAgeSeconds), staleWhy)});
    checkSize(database, list, findings);
    checkVerification(list, nowUtc, d, findings);
    checkDamage(database, list, nowUtc, findings);
    return d;
}

// The findings, worst first, into the report: its level, each database's level and reasons, the
// measured RPO and RTO.
void summarise(Findings findings, HealthReport &r)
{
    std::stable_sort(findings.begin(), findings.end(),
                     [](const HealthFinding &a, const HealthFinding &b) { return a.level > b.level; });
    r.findings = findings;
    for (const HealthFinding &f : std::as_const(findings))
        r.level = std::max(r.level, f.level);
    double rto = 0;
    bool anyRto = false;
    for (DatabaseHealth &d : r.databases) {
        for (const HealthFinding &f : std::as_const(findings)) {
            if (f.subject == d.database) {
                d.level = std::max(d.level, f.level);
                d.reasons.append(f.message);
            }
        }
        r.rpoMeasuredSeconds = std::max(r.rpoMeasuredSeconds, double(d.lastGapSeconds));
        if (d.restoreSeconds >= 0) {
            rto += d.restoreSeconds;
            anyRto = true;
        }
    }
    if (r.rpoMeasuredSeconds < 0)
        r.rpoMeasuredSeconds = -1;
    r.rtoSeconds = anyRto ? rto : -1;
}

} // namespace

HealthReport HealthEvaluator::evaluate(const Input &in)
{
    const Profile &profile = in.profile;
    HealthReport r;
    r.profileName = profile.name;
    r.schedule = profile.schedule;
    r.intervalSeconds = in.intervalSeconds;
    if (profile.staleAfterHours > 0)
        r.staleAfterSeconds = qint64(profile.staleAfterHours) * 3600;
    else if (in.intervalSeconds && *in.intervalSeconds > 0)
        r.staleAfterSeconds = qint64(std::llround(double(*in.intervalSeconds) * kStaleFactor));

    QList<RunRecord> backups;
    QList<RunRecord> prunes;
    QHash<qint64, RunRecord> runById;
    for (const RunRecord &run : in.runs) {
        runById.insert(run.id, run);
        if (run.kind == RunKind::Backup)
            backups.append(run);
        else if (run.kind == RunKind::Prune)
            prunes.append(run);
    }
    std::sort(backups.begin(), backups.end(), newerRun);
    std::sort(prunes.begin(), prunes.end(), newerRun);

    Findings findings;
    const RunRecord *lastSucceeded = checkFailureStreak(backups, r, findings);
    checkRetention(prunes, findings);
    if (in.identity && !in.identity->exportedUtc.isValid())
        findings.append({QString(), QStringLiteral("identity-not-exported"), HealthLevel::Warning,
                         QStringLiteral("the age identity was never exported: run lifeboat-cli key export "
                                        "%1 --out FILE and keep the file somewhere safe")
                             .arg(profile.name)});

    // Artifacts per database, newest first.
    QMap<QString, QList<ArtifactRecord>> byDatabase;
    QList<ArtifactRecord> artifacts = in.artifacts;
    std::sort(artifacts.begin(), artifacts.end(), newerArtifact);
    for (const ArtifactRecord &a : std::as_const(artifacts))
        byDatabase[a.database].append(a);

    const QString staleWhy =
        profile.staleAfterHours > 0
            ? QStringLiteral("limit: %1 h").arg(profile.staleAfterHours)
            : QStringLiteral("schedule: %1")
                  .arg(in.scheduleDescription.isEmpty() ? profile.schedule : in.scheduleDescription);
    for (const QString &database : databasesOf(profile, backups, artifacts, byDatabase, findings)) {
        const QList<ArtifactRecord> list = byDatabase.value(database);
        if (list.isEmpty()) {
            findings.append(
                {database, QStringLiteral("never-backed-up"), HealthLevel::Warning, neverBackedUp(profile)});
            DatabaseHealth d;
            d.database = database;
            r.databases.append(d);
            continue;
        }
        r.databases.append(
            databaseHealth(database, list, runById, in.nowUtc, r.staleAfterSeconds, staleWhy, findings));
    }
    summarise(findings, r);
    if (lastSucceeded)
        r.lastSuccessUtc =
            lastSucceeded->finishedUtc.isValid() ? lastSucceeded->finishedUtc : lastSucceeded->startedUtc;
    else if (!artifacts.isEmpty())
        r.lastSuccessUtc = artifacts.first().createdUtc;
    return r;
}

} // namespace lifeboat
