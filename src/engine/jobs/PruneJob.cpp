#include "engine/jobs/PruneJob.h"

#include "core/ArtifactRecord.h"
#include "core/ByteSize.h"
#include "core/Catalog.h"
#include "core/Clock.h"
#include "core/Manifest.h"
#include "engine/jobs/ProfileLock.h"
#include "engine/storage/Destination.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QSet>

#include <unistd.h>

namespace lifeboat {

namespace {

const QLatin1String kAgeHeader("age-encryption.org/v1\n");

QString folderOf(const QString &path)
{
    return path.section(QLatin1Char('/'), 0, -2);
}

QString fileOf(const QString &path)
{
    return path.section(QLatin1Char('/'), -1);
}

// A relative path Lifeboat could have written: no absolute path, no "..", no empty segment.
bool isPlainRelative(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')))
        return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    }
    return true;
}

// The dump's name without its extension, when the location looks like Lifeboat's layout:
// <base>.dump.zst[.age] beside <base>.manifest.json[.age].
QString lifeboatBase(const ArtifactRecord &a, const ArtifactRecord::Location &loc)
{
    const QString dumpExt = a.encrypted ? QStringLiteral(".dump.zst.age") : QStringLiteral(".dump.zst");
    const QString manifestExt =
        a.encrypted ? QStringLiteral(".manifest.json.age") : QStringLiteral(".manifest.json");
    if (!isPlainRelative(loc.objectPath) || !isPlainRelative(loc.manifestPath) ||
        !loc.objectPath.endsWith(dumpExt))
        return {};
    const QString base = loc.objectPath.chopped(dumpExt.size());
    return loc.manifestPath == base + manifestExt ? base : QString();
}

QString plural(qsizetype n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

// What a destination holds of this profile's backups, as the catalog says.
struct Candidates
{
    QList<RetentionPlanner::Backup> backups;
    QHash<qint64, const ArtifactRecord *> byId;
    QHash<qint64, ArtifactRecord::Location> locations;
};

Candidates candidatesAt(const QString &spec, const QList<ArtifactRecord> &artifacts)
{
    Candidates c;
    for (const ArtifactRecord &a : artifacts) {
        for (const ArtifactRecord::Location &loc : a.locations) {
            if (loc.destination != spec || loc.prunedUtc.isValid())
                continue;
            c.backups.append({a.id, a.database, a.createdUtc, a.verifyState == QLatin1String("verified"),
                              a.storedBytes, a.damaged()});
            c.byId.insert(a.id, &a);
            c.locations.insert(a.id, loc);
        }
    }
    return c;
}

// The report's entries for `plan`; returns the indexes of the doomed ones (none in a dry run).
QList<qsizetype> fillEntries(const RetentionPlanner::Plan &plan,
                             const QHash<qint64, ArtifactRecord::Location> &locations, bool dryRun,
                             PruneJob::DestinationReport *report)
{
    using Entry = PruneJob::Entry;
    QList<qsizetype> doomed;
    for (const RetentionPlanner::Decision &d : plan.decisions) {
        Entry e;
        e.decision = d;
        e.objectPath = locations.value(d.backup.id).objectPath;
        e.action =
            d.keep ? Entry::Action::Keep : (dryRun ? Entry::Action::WouldDelete : Entry::Action::LeftAlone);
        if (!d.keep && !dryRun)
            doomed << report->entries.size();
        report->entries.append(e);
    }
    return doomed;
}

void leaveAlone(JobContext &ctx, PruneJob::Entry *entry, const QString &why)
{
    entry->action = PruneJob::Entry::Action::LeftAlone;
    entry->note = why;
    ctx.log(LogLevel::Warning, why);
}

void markPruned(JobContext &ctx, const QString &spec, PruneJob::Entry *entry, PruneJob::Entry::Action action,
                const QString &message)
{
    const qint64 id = entry->decision.backup.id;
    if (Status s = ctx.catalog().markLocationPruned(id, spec, Clock::instance().nowUtc()); !s) {
        leaveAlone(ctx, entry, s.error().message);
        return;
    }
    entry->action = action;
    ctx.log(action == PruneJob::Entry::Action::AlreadyGone ? LogLevel::Warning : LogLevel::Info, message);
}

// A doomed backup proven Lifeboat's: what to delete of it.
struct Doomed
{
    qsizetype entry = -1;
    QString objectPath;  // empty when the dump is already gone
    QString globalsPath; // empty when there is none
    QString manifestPath;
};

// What step 1 found about one doomed backup at `dest`.
struct Proof
{
    enum class Verdict
    {
        LeaveAlone,
        AlreadyGone,
        Deletable
    };
    Verdict verdict = Verdict::LeaveAlone;
    QString message; // why it is left alone, or that it was already gone
    Doomed doomed;   // Deletable: what to delete (its entry is the caller's)
};

// `what` names the backup in the messages ("backup 7 (db, date UTC) at folder ...").
Proof proveOurs(Destination &dest, const ArtifactRecord &a, const ArtifactRecord::Location &loc,
                const QString &what)
{
    const auto leave = [](const QString &why) {
        return Proof{Proof::Verdict::LeaveAlone, why, {}};
    };
    const QString base = lifeboatBase(a, loc);
    if (base.isEmpty())
        return leave(QStringLiteral("%1 was left alone: its recorded paths (%2, %3) are not Lifeboat's "
                                    "layout")
                         .arg(what, loc.objectPath, loc.manifestPath));
    auto manifestSize = dest.objectSize(loc.manifestPath);
    auto objectSize = manifestSize ? dest.objectSize(loc.objectPath) : manifestSize;
    if (!manifestSize || !objectSize)
        return leave(QStringLiteral("%1 was not deleted: %2")
                         .arg(what, (!manifestSize ? manifestSize : objectSize).error().message));
    if (!manifestSize->has_value()) {
        if (!objectSize->has_value())
            return Proof{Proof::Verdict::AlreadyGone,
                         QStringLiteral("%1 was already gone (deleted by hand?): marked as pruned").arg(what),
                         {}};
        return leave(QStringLiteral("%1 was left alone: its manifest %2 is missing, so Lifeboat cannot "
                                    "prove it wrote %3")
                         .arg(what, loc.manifestPath, loc.objectPath));
    }
    auto manifestBytes = dest.readSmall(loc.manifestPath);
    if (!manifestBytes)
        return leave(QStringLiteral("%1 was not deleted: %2").arg(what, manifestBytes.error().message));
    if (a.encrypted) {
        if (!manifestBytes->startsWith(QByteArray(kAgeHeader.data(), kAgeHeader.size())))
            return leave(QStringLiteral("%1 was left alone: %2 is not the age-encrypted manifest Lifeboat "
                                        "wrote")
                             .arg(what, loc.manifestPath));
    } else {
        auto manifest = Manifest::fromJsonBytes(*manifestBytes);
        if (!manifest || manifest->sha256.compare(a.sha256, Qt::CaseInsensitive) != 0 ||
            manifest->objectName != fileOf(loc.objectPath))
            return leave(QStringLiteral("%1 was left alone: the manifest %2 does not describe it (SHA-256 "
                                        "or object name differ from the catalog)")
                             .arg(what, loc.manifestPath));
    }
    if (objectSize->has_value() && **objectSize != a.storedBytes)
        return leave(QStringLiteral("%1 was left alone: %2 is %3 bytes but Lifeboat wrote %4")
                         .arg(what, loc.objectPath)
                         .arg(**objectSize)
                         .arg(a.storedBytes));
    Doomed d{-1, objectSize->has_value() ? loc.objectPath : QString(), QString(), loc.manifestPath};
    auto recorded = Manifest::fromJsonBytes(a.manifestJson);
    if (recorded && !recorded->globalsObject.isEmpty()) {
        const QString globals = folderOf(loc.objectPath) + QLatin1Char('/') + recorded->globalsObject;
        const QString globalsExt =
            a.encrypted ? QStringLiteral(".globals.sql.zst.age") : QStringLiteral(".globals.sql.zst");
        if (globals == base + globalsExt)
            d.globalsPath = globals;
    }
    return Proof{Proof::Verdict::Deletable, QString(), d};
}

// 2. The dumps (and globals) first, then the manifests: an interruption in between leaves a
// manifest without its dump, which the next prune recognises and finishes.
void deleteDoomed(JobContext &ctx, Destination &dest, const QString &spec, const QList<Doomed> &deletable,
                  PruneJob::DestinationReport *report)
{
    QStringList first;
    QList<QList<qsizetype>> firstOf; // per deletable: indexes into `first`
    for (const Doomed &d : deletable) {
        QList<qsizetype> mine;
        for (const QString &path : {d.objectPath, d.globalsPath}) {
            if (path.isEmpty())
                continue;
            mine << first.size();
            first << path;
        }
        firstOf << mine;
    }
    const QList<Status> firstResults = first.isEmpty() ? QList<Status>() : dest.removeMany(first);
    QStringList manifests;
    QList<qsizetype> manifestOwner;
    for (qsizetype k = 0; k < deletable.size(); ++k) {
        QString problem;
        for (qsizetype at : std::as_const(firstOf.at(k))) {
            if (!firstResults.value(at).ok() && problem.isEmpty())
                problem = firstResults.value(at).error().message;
        }
        if (!problem.isEmpty()) {
            leaveAlone(ctx, &report->entries[deletable.at(k).entry],
                       QStringLiteral("backup %1 at %2 was not deleted: %3")
                           .arg(report->entries[deletable.at(k).entry].decision.backup.id)
                           .arg(report->label, problem));
            continue;
        }
        manifests << deletable.at(k).manifestPath;
        manifestOwner << k;
    }
    const QList<Status> manifestResults = manifests.isEmpty() ? QList<Status>() : dest.removeMany(manifests);
    QSet<QString> folders;
    for (qsizetype m = 0; m < manifests.size(); ++m) {
        const Doomed &d = deletable.at(manifestOwner.at(m));
        PruneJob::Entry &e = report->entries[d.entry];
        const Status s = manifestResults.value(m);
        if (!s.ok()) {
            leaveAlone(ctx, &e,
                       QStringLiteral("the dump of backup %1 at %2 was deleted but its manifest could "
                                      "not be (the next prune finishes it): %3")
                           .arg(e.decision.backup.id)
                           .arg(report->label, s.error().message));
            continue;
        }
        folders.insert(folderOf(d.manifestPath));
        markPruned(ctx, spec, &e, PruneJob::Entry::Action::Deleted,
                   QStringLiteral("deleted backup %1 (%2, %3 UTC, %4) from %5: %6")
                       .arg(e.decision.backup.id)
                       .arg(e.decision.backup.database,
                            e.decision.backup.createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                            formatMiB(e.decision.backup.bytes), report->label,
                            d.objectPath.isEmpty()
                                ? QStringLiteral("its manifest (the dump was already gone)")
                                : QStringLiteral("dump and manifest")));
    }
    // Database folders Lifeboat created and just emptied.
    for (const QString &folder : std::as_const(folders))
        dest.removeFolderIfEmpty(folder);
}

// The outcome of a prune over every destination, in one sentence.
struct Outcome
{
    QString sentence;
    qsizetype leftAlone = 0; // backups doomed but not deleted
    QString firstProblem;
};

Outcome summarize(const QList<PruneJob::DestinationReport> &reports, bool dryRun, const QString &profileName)
{
    using Entry = PruneJob::Entry;
    QSet<qint64> kept, gone, alreadyGone, pending, leftAlone;
    qint64 goneBytes = 0;
    qint64 pendingBytes = 0;
    QString paused;
    Outcome outcome;
    for (const PruneJob::DestinationReport &d : reports) {
        if (!d.pausedReason.isEmpty() && paused.isEmpty())
            paused = d.pausedReason;
        for (const Entry &e : d.entries) {
            const qint64 id = e.decision.backup.id;
            switch (e.action) {
            case Entry::Action::Keep:
                kept.insert(id);
                break;
            case Entry::Action::WouldDelete:
                pending.insert(id);
                pendingBytes += e.decision.backup.bytes;
                break;
            case Entry::Action::Deleted:
                gone.insert(id);
                goneBytes += e.decision.backup.bytes;
                break;
            case Entry::Action::AlreadyGone:
                alreadyGone.insert(id);
                break;
            case Entry::Action::LeftAlone:
                leftAlone.insert(id);
                if (outcome.firstProblem.isEmpty())
                    outcome.firstProblem = e.note;
                break;
            }
        }
    }
    outcome.leftAlone = leftAlone.size();
    QString &sentence = outcome.sentence;
    const QString keptText = plural(kept.size(), QStringLiteral("backup"), QStringLiteral("backups"));
    if (!paused.isEmpty()) {
        sentence = QStringLiteral("nothing deleted: %1").arg(paused);
    } else if (dryRun) {
        sentence =
            pending.isEmpty()
                ? QStringLiteral("nothing to delete: all %1 of '%2' are kept").arg(keptText, profileName)
                : QStringLiteral("would delete %1 (%2) and keep %3")
                      .arg(plural(pending.size(), QStringLiteral("backup"), QStringLiteral("backups")),
                           formatMiB(pendingBytes), keptText);
    } else if (gone.isEmpty() && alreadyGone.isEmpty() && leftAlone.isEmpty()) {
        sentence = QStringLiteral("nothing to delete: all %1 of '%2' are kept").arg(keptText, profileName);
    } else {
        sentence = QStringLiteral("deleted %1 (%2 freed)")
                       .arg(plural(gone.size(), QStringLiteral("backup"), QStringLiteral("backups")),
                            formatMiB(goneBytes));
        if (!alreadyGone.isEmpty())
            sentence +=
                QStringLiteral(", marked %1 already deleted by hand")
                    .arg(plural(alreadyGone.size(), QStringLiteral("backup"), QStringLiteral("backups")));
        sentence += QStringLiteral(" and kept ") + keptText;
    }
    return outcome;
}

} // namespace

PruneJob::PruneJob(Profile profile, ConfigPaths paths, Options options)
    : m_profile(std::move(profile))
    , m_paths(std::move(paths))
    , m_options(std::move(options))
{}

PruneJob::~PruneJob() = default;

QString PruneJob::actionName(Entry::Action action)
{
    switch (action) {
    case Entry::Action::Keep:
        return QStringLiteral("keep");
    case Entry::Action::WouldDelete:
        return QStringLiteral("would-delete");
    case Entry::Action::Deleted:
        return QStringLiteral("deleted");
    case Entry::Action::AlreadyGone:
        return QStringLiteral("already-gone");
    case Entry::Action::LeftAlone:
        return QStringLiteral("left-alone");
    }
    return {};
}

Status PruneJob::run(JobContext &ctx)
{
    m_report.clear();
    m_outcome.clear();
    ProfileLock lock;
    if (!m_options.dryRun && !m_options.lockHeld) {
        if (Status s = lock.acquire(m_paths.locksDir(), m_profile.name); !s)
            return s;
    }
    Catalog &catalog = ctx.catalog();
    if (!m_options.dryRun) {
        auto runId = ctx.beginRun(m_profile, RunKind::Prune, m_options.trigger);
        if (!runId)
            return runId.error();
    }
    ctx.setPhase(QStringLiteral("planning retention"));
    m_s3Secret = m_options.secrets.s3Secret;
    auto forgetSecret = qScopeGuard([this] {
        m_s3Secret.fill('\0');
        m_s3Secret.clear();
    });
    if (!m_options.dryRun) {
        auto stored = m_options.secrets.s3SecretKey(catalog, m_profile.name);
        if (!stored)
            return stored.error();
        m_s3Secret = *stored;
    }

    auto runs = catalog.runs(m_profile.name, 500);
    if (!runs)
        return runs.error();
    for (RunRecord &r : *runs) {
        if (r.id == m_options.succeededBackupRunId)
            r.state = RunRecord::State::Succeeded;
    }
    auto artifacts = catalog.artifacts(m_profile.name);
    if (!artifacts)
        return artifacts.error();

    for (const QString &spec : std::as_const(m_profile.destinations)) {
        if (m_cancelled.load() || ctx.isCancelled())
            return makeError(QStringLiteral("cancelled"), QStringLiteral("pruning was cancelled"));
        DestinationReport report;
        pruneAt(ctx, spec, *artifacts, *runs, &report);
        m_report.append(report);
    }

    const Outcome outcome = summarize(m_report, m_options.dryRun, m_profile.name);
    m_outcome = outcome.sentence;
    for (const QString &line : reportLines())
        ctx.addOutput(line);
    if (outcome.leftAlone > 0)
        return makeError(
            QStringLiteral("prune.incomplete"),
            QStringLiteral("%1, but %2 could not be deleted: %3")
                .arg(m_outcome,
                     plural(outcome.leftAlone, QStringLiteral("backup"), QStringLiteral("backups")),
                     outcome.firstProblem));
    ctx.log(LogLevel::Info, m_outcome);
    return {};
}

void PruneJob::pruneAt(JobContext &ctx, const QString &spec, const QList<ArtifactRecord> &artifacts,
                       const QList<RunRecord> &runs, DestinationReport *report)
{
    report->destination = spec;
    report->label = spec;
    const Candidates candidates = candidatesAt(spec, artifacts);
    auto created = Destination::create(spec, m_s3Secret);
    if (created)
        report->label = (*created)->describe();
    const RetentionPlanner::Plan plan = RetentionPlanner::plan(m_profile.retention, candidates.backups, runs,
                                                               Clock::instance().nowUtc(), m_options.zone);
    report->pausedReason = plan.pausedReason;
    const QList<qsizetype> doomed = fillEntries(plan, candidates.locations, m_options.dryRun, report);
    if (doomed.isEmpty())
        return;

    if (!created) {
        for (qsizetype i : doomed)
            report->entries[i].note = created.error().message;
        ctx.log(LogLevel::Error, created.error().message);
        return;
    }
    Destination &dest = **created;
    ctx.setPhase(QStringLiteral("pruning %1").arg(report->label));

    // 1. Prove each doomed backup is ours before anything is deleted.
    QList<Doomed> deletable;
    for (qsizetype i : doomed) {
        if (m_cancelled.load() || ctx.isCancelled())
            return;
        Entry &entry = report->entries[i];
        const qint64 id = entry.decision.backup.id;
        const ArtifactRecord &a = *candidates.byId.value(id);
        const QString what =
            QStringLiteral("backup %1 (%2, %3 UTC) at %4")
                .arg(id)
                .arg(a.database, a.createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), report->label);
        Proof proof = proveOurs(dest, a, candidates.locations.value(id), what);
        switch (proof.verdict) {
        case Proof::Verdict::LeaveAlone:
            leaveAlone(ctx, &entry, proof.message);
            break;
        case Proof::Verdict::AlreadyGone:
            markPruned(ctx, spec, &entry, Entry::Action::AlreadyGone, proof.message);
            break;
        case Proof::Verdict::Deletable:
            proof.doomed.entry = i;
            if (proof.doomed.objectPath.isEmpty())
                entry.note = QStringLiteral("the dump was already gone; its manifest was deleted");
            deletable.append(proof.doomed);
            break;
        }
    }
    if (deletable.isEmpty() || m_cancelled.load() || ctx.isCancelled())
        return;
    deleteDoomed(ctx, dest, spec, deletable, report);
}

QJsonObject PruneJob::reportJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("profile"), m_profile.name);
    o.insert(QLatin1String("dryRun"), m_options.dryRun);
    o.insert(QLatin1String("outcome"), m_outcome);
    QJsonArray destinations;
    for (const DestinationReport &d : m_report) {
        QJsonObject dj;
        dj.insert(QLatin1String("destination"), d.destination);
        dj.insert(QLatin1String("label"), d.label);
        if (!d.pausedReason.isEmpty())
            dj.insert(QLatin1String("paused"), d.pausedReason);
        QJsonArray backups;
        for (const Entry &e : d.entries) {
            QJsonObject ej;
            ej.insert(QLatin1String("id"), e.decision.backup.id);
            ej.insert(QLatin1String("database"), e.decision.backup.database);
            ej.insert(QLatin1String("createdUtc"), e.decision.backup.createdUtc.toString(Qt::ISODate));
            ej.insert(QLatin1String("storedBytes"), e.decision.backup.bytes);
            ej.insert(QLatin1String("verified"), e.decision.backup.verified);
            ej.insert(QLatin1String("object"), e.objectPath);
            ej.insert(QLatin1String("action"), actionName(e.action));
            ej.insert(QLatin1String("reasons"), QJsonArray::fromStringList(e.decision.reasons));
            if (!e.note.isEmpty())
                ej.insert(QLatin1String("note"), e.note);
            backups.append(ej);
        }
        dj.insert(QLatin1String("backups"), backups);
        destinations.append(dj);
    }
    o.insert(QLatin1String("destinations"), destinations);
    return o;
}

QStringList PruneJob::reportLines() const
{
    QStringList lines;
    for (const DestinationReport &d : m_report) {
        lines << d.label + QLatin1Char(':');
        if (!d.pausedReason.isEmpty())
            lines << QStringLiteral("  nothing is deleted here: ") + d.pausedReason;
        if (d.entries.isEmpty())
            lines << QStringLiteral("  no backups");
        QString database;
        for (const Entry &e : d.entries) {
            if (e.decision.backup.database != database || database.isNull()) {
                database = e.decision.backup.database;
                lines << QStringLiteral("  %1").arg(database);
            }
            QString action;
            switch (e.action) {
            case Entry::Action::Keep:
                action = QStringLiteral("keep        ");
                break;
            case Entry::Action::WouldDelete:
                action = QStringLiteral("would delete");
                break;
            case Entry::Action::Deleted:
                action = QStringLiteral("deleted     ");
                break;
            case Entry::Action::AlreadyGone:
                action = QStringLiteral("already gone");
                break;
            case Entry::Action::LeftAlone:
                action = QStringLiteral("left alone  ");
                break;
            }
            QString line =
                QStringLiteral("    %1  %2  %3  %4")
                    .arg(action)
                    .arg(e.decision.backup.id, 5)
                    .arg(e.decision.backup.createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                    .arg(formatMiB(e.decision.backup.bytes), 10);
            if (e.action == Entry::Action::Keep)
                line +=
                    QStringLiteral("  (") + e.decision.reasons.join(QStringLiteral(", ")) + QLatin1Char(')');
            if (!e.note.isEmpty())
                line += QStringLiteral("  — ") + e.note;
            lines << line;
        }
    }
    if (!m_outcome.isEmpty())
        lines << m_outcome;
    return lines;
}

} // namespace lifeboat
