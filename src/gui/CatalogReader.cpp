#include "gui/CatalogReader.h"

#include "core/Catalog.h"
#include "core/CatalogHealth.h"
#include "core/Clock.h"
#include "core/ScheduleRule.h"
#include "core/SecretStore.h"
#include "engine/jobs/RunRecovery.h"
#include "gui/GuiLog.h"

#include <QFileInfo>
#include <QTimeZone>

namespace lifeboat {

namespace {
// Even when the files look unchanged, read for real this often (a file system with coarse times).
constexpr qint64 kFullReadIntervalMs = 60'000;
} // namespace

CatalogReader::CatalogReader(ConfigPaths paths, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
{}

CatalogReader::~CatalogReader() = default;

Status CatalogReader::open()
{
    if (m_catalog)
        return {};
    auto opened = RunRecovery::openCatalog(m_paths);
    if (!opened)
        return opened.error();
    m_catalog = std::move(opened->catalog);
    const Result<int> &recovered = opened->recovered;
    if (!recovered) {
        qCWarning(lcGuiCatalog) << "run recovery failed:" << recovered.error().message;
    } else {
        m_recoveredRuns = *recovered;
        if (m_recoveredRuns > 0)
            qCInfo(lcGuiCatalog) << m_recoveredRuns << "interrupted run(s) found and marked as interrupted";
    }
    return {};
}

Result<CatalogSnapshot> CatalogReader::read() const
{
    CatalogSnapshot snapshot;
    snapshot.catalogPath = m_paths.catalogPath();
    auto profiles = m_catalog->profiles();
    if (!profiles)
        return profiles.error();
    auto artifacts = m_catalog->artifacts();
    if (!artifacts)
        return artifacts.error();
    for (ArtifactRecord &artifact : *artifacts) {
        artifact.manifestJson.clear(); // can be large (the archive's table of contents); not shown here
        snapshot.artifacts[artifact.profileName].append(artifact);
    }

    for (const Profile &profile : std::as_const(*profiles)) {
        auto runs = m_catalog->runs(profile.name, CatalogSnapshot::kRunsPerProfile);
        if (!runs)
            return runs.error();
        ProfileSummary summary;
        summary.profile = profile;
        if (!runs->isEmpty())
            summary.lastRun = runs->first();
        snapshot.runs.insert(profile.name, *runs);

        const QList<ArtifactRecord> own = snapshot.artifacts.value(profile.name);
        summary.backupCount = int(own.size());
        for (const ArtifactRecord &artifact : own)
            summary.totalStoredBytes += artifact.storedBytes;
        if (!own.isEmpty()) {
            // The newest backup is everything its run wrote (one artifact per database).
            const ArtifactRecord &newest = own.first();
            summary.lastBackupUtc = newest.createdUtc;
            for (const ArtifactRecord &artifact : own) {
                if (artifact.id == newest.id || (newest.runId != 0 && artifact.runId == newest.runId))
                    summary.lastBackupBytes += artifact.storedBytes;
            }
        }
        for (const RunRecord &run : std::as_const(*runs)) {
            if (run.kind == RunKind::Backup) {
                summary.lastBackupRun = run;
                break;
            }
        }
        for (const RunRecord &run : std::as_const(*runs)) {
            if (run.kind == RunKind::Verify && run.isFinished() && run.state != RunRecord::State::Cancelled) {
                summary.lastVerifyRun = run;
                break;
            }
        }
        if (!own.isEmpty())
            summary.newestArtifactId = own.first().id;
        for (const ArtifactRecord &artifact : own) {
            if (artifact.verifiedUtc.isValid() &&
                (!summary.lastVerifiedUtc.isValid() || artifact.verifiedUtc > summary.lastVerifiedUtc)) {
                summary.lastVerifiedUtc = artifact.verifiedUtc;
                summary.lastVerifyState = artifact.verifyState;
                summary.lastRestoreSeconds = artifact.restoreSeconds > 0 ? artifact.restoreSeconds : -1;
            }
        }
        auto secrets = m_catalog->secrets(profile.name);
        if (!secrets)
            return secrets.error();
        // Health from what this read already has (runs, the secret index); only the history of
        // backups including pruned ones is read for it.
        HealthEvaluator::Input healthInput = CatalogHealth::inputFor(profile, Clock::instance().nowUtc());
        healthInput.runs = *runs;
        for (const Catalog::SecretEntry &entry : std::as_const(*secrets)) {
            if (entry.kind == secretKindName(SecretKind::AgeIdentity)) {
                summary.hasIdentity = true;
                summary.identityNeverExported = !entry.exportedUtc.isValid();
                healthInput.identity = entry;
            }
        }
        describeSchedule(summary);
        auto history = m_catalog->artifacts(profile.name, true);
        if (!history)
            return history.error();
        healthInput.artifacts = *history;
        const HealthReport health = HealthEvaluator::evaluate(healthInput);
        summary.healthLevel = health.level;
        summary.healthReasons = health.reasons();
        summary.firstReasonNamesADatabase =
            !health.findings.isEmpty() && !health.findings.first().subject.isEmpty();
        if (health.intervalSeconds)
            summary.rpoTargetSeconds = double(*health.intervalSeconds);
        summary.rpoMeasuredSeconds = health.rpoMeasuredSeconds;
        summary.rtoSeconds = health.rtoSeconds;
        snapshot.profiles.append(summary);
    }
    return snapshot;
}

void CatalogReader::describeSchedule(ProfileSummary &summary)
{
    const Profile &profile = summary.profile;
    if (profile.schedule.trimmed().isEmpty())
        return;
    auto rule = ScheduleRule::parse(profile.schedule);
    if (!rule) {
        summary.scheduleError = rule.error().message;
        return;
    }
    summary.scheduleText = rule->describe();
    summary.scheduleIntervalSeconds = rule->nominalIntervalSeconds();
    if (profile.scheduleEnabled)
        summary.nextRunUtc = rule->nextAfter(Clock::instance().nowUtc(), QTimeZone::systemTimeZone());
}

QString CatalogReader::fileStamp() const
{
    QStringList parts;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        const QFileInfo info(m_paths.catalogPath() + suffix);
        parts << QString::number(info.exists() ? info.size() : -1)
              << QString::number(info.exists() ? info.lastModified().toMSecsSinceEpoch() : -1);
    }
    return parts.join(QLatin1Char(':'));
}

void CatalogReader::load(bool force)
{
    const qint64 nowMs = Clock::instance().monotonicMs();
    const QString stamp = fileStamp();
    if (!force && m_catalog && m_last.ok() && stamp == m_lastStamp &&
        nowMs - m_lastReadMs < kFullReadIntervalMs) {
        m_last.loadedUtc = Clock::instance().nowUtc();
        for (ProfileSummary &summary : m_last.profiles) {
            if (summary.nextRunUtc.isValid() && summary.nextRunUtc <= m_last.loadedUtc)
                describeSchedule(summary); // the next run moved on
        }
        Q_EMIT loaded(m_last);
        return;
    }
    CatalogSnapshot snapshot;
    if (Status s = open(); !s) {
        snapshot.catalogPath = m_paths.catalogPath();
        snapshot.error = s.error().message;
    } else if (auto read = this->read(); !read) {
        snapshot.catalogPath = m_paths.catalogPath();
        snapshot.error = read.error().message;
    } else {
        snapshot = std::move(*read);
    }
    snapshot.recoveredRuns = m_recoveredRuns;
    snapshot.loadedUtc = Clock::instance().nowUtc();
    if (!snapshot.ok() && snapshot.error != m_last.error) // once per problem, not every poll
        qCWarning(lcGuiCatalog) << "cannot read the catalog:" << snapshot.error;
    // Stamped before reading: a commit that lands during the read makes the next poll read again.
    m_lastStamp = stamp;
    m_lastReadMs = nowMs;
    m_last = snapshot;
    Q_EMIT loaded(snapshot);
}

} // namespace lifeboat
