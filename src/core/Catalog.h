#pragma once

#include "core/ArtifactRecord.h"
#include "core/ConfigPaths.h"
#include "core/LogLevel.h"
#include "core/Profile.h"
#include "core/Result.h"
#include "core/RunRecord.h"

#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <optional>

namespace lifeboat {

// The history catalog: profiles, runs, artifacts and their events, in SQLite (WAL mode,
// versioned schema with migrations). Qt Sql connections belong to one thread, so every thread
// that needs the catalog opens its own Catalog on the same file; SQLite's locking (with a busy
// timeout) serialises writers across threads and processes (the app, the CLI, a timer).
class Catalog
{
public:
    static constexpr int kSchemaVersion = 5;

    static Result<std::unique_ptr<Catalog>> open(const QString &path);
    // The catalog of a config folder (ConfigPaths::catalogPath), creating the folder if needed.
    static Result<std::unique_ptr<Catalog>> openIn(const ConfigPaths &paths);
    // The lazy open of a worker that keeps one catalog: opens `paths`' catalog into `catalog`
    // unless it is open already.
    static Status ensureOpen(std::unique_ptr<Catalog> &catalog, const ConfigPaths &paths);
    ~Catalog();
    Catalog(const Catalog &) = delete;
    Catalog &operator=(const Catalog &) = delete;

    QString path() const { return m_path; }
    int schemaVersion() const;

    // Profiles
    Result<qint64> addProfile(const Profile &profile);
    Status updateProfile(const Profile &profile);
    Result<Profile> profile(const QString &name) const;
    Result<QList<Profile>> profiles() const;
    Status removeProfile(const QString &name);

    // Runs and their events
    Result<qint64> beginRun(const RunRecord &run);
    // errorCode: a failed run's Error::code (RunRecord::errorCode), empty otherwise.
    Status finishRun(qint64 runId, RunRecord::State state, const QString &message, qint64 bytes,
                     const QString &errorCode = QString());
    Status addEvent(qint64 runId, LogLevel level, const QString &message);
    Result<RunRecord> run(qint64 runId) const;
    // Newest first. `profileName` empty = all profiles; limit <= 0 = no limit.
    Result<QList<RunRecord>> runs(const QString &profileName = QString(), int limit = 0) const;
    Result<QStringList> events(qint64 runId) const;

    // The History view's pages of runs (keyset pagination on started_utc DESC, id DESC, served by
    // the runs_by_time / runs_by_profile indexes). Empty fields of the filter match everything;
    // `search` matches the profile, databases, message and kind (case-insensitive substring).
    struct RunFilter
    {
        QString profileName;
        QString state; // RunRecord::stateName(), "" = any
        QString kind;  // "backup", "verify", "restore", "prune", "" = any
        QDateTime fromUtc;
        QDateTime toUtc;
        QString search;
    };
    // Where a page starts: after the run with this start time and id (an invalid time = the top).
    struct RunPageKey
    {
        QDateTime startedUtc;
        qint64 id = 0;
    };
    Result<QList<RunRecord>> runsPage(const RunFilter &filter, const RunPageKey &after, int limit) const;
    Result<qint64> runCount(const RunFilter &filter) const;
    // Runs newer than `key` (same order), for live updates above the first loaded page.
    Result<QList<RunRecord>> runsNewerThan(const RunFilter &filter, const RunPageKey &key, int limit) const;
    // One point per backup of a database, oldest first: for the History chart.
    struct BackupPoint
    {
        qint64 artifactId = 0;
        QDateTime createdUtc;
        qint64 storedBytes = 0;
        double seconds = -1; // the run's duration; -1 = unknown
    };
    Result<QList<BackupPoint>> backupSeries(const QString &profileName, const QString &database) const;
    // The databases a profile has backups of, by name.
    Result<QStringList> backedUpDatabases(const QString &profileName) const;
    // Marks runs left "running" by processes that are gone as interrupted; `isAlive` decides.
    Result<int> markInterruptedRuns(const std::function<bool(const RunRecord &)> &isAlive);

    // Artifacts
    Result<qint64> addArtifact(const ArtifactRecord &artifact);
    // With `includePruned` false (the default) only the locations still present are returned; a
    // backup retention deleted everywhere comes back with no location and its prunedUtc set.
    Result<ArtifactRecord> artifact(qint64 id, bool includePruned = false) const;
    // Newest first. By default only backups still present somewhere, with their present locations
    // (what list, restore and verify may offer); `includePruned` adds the history of pruned ones.
    Result<QList<ArtifactRecord>> artifacts(const QString &profileName = QString(),
                                            bool includePruned = false) const;
    // Retention deleted the artifact from `destination`: stamps that location, and the artifact
    // itself once no location is left.
    Status markLocationPruned(qint64 artifactId, const QString &destination, const QDateTime &whenUtc);
    // The dump size of the last successful backup of a database (for progress estimates).
    std::optional<qint64> lastDumpBytes(const QString &profileName, const QString &database) const;
    // Whether any artifact, present or pruned, was ever recorded at this object path (relative to
    // a destination): a new backup never reuses a name the catalog knows, even if its file is gone.
    Result<bool> knowsObjectPath(const QString &objectPath) const;
    Status setVerification(qint64 artifactId, const QString &state, const QDateTime &when,
                           double restoreSeconds);
    // The outcome of an integrity check that read the whole artifact: "ok", or "failed" with the
    // first problem found (`detail`, one sentence) when the check proved the stored bytes wrong.
    Status setIntegrity(qint64 artifactId, const QString &state, const QDateTime &when,
                        const QString &detail = QString());

    // The secret index: which secrets Lifeboat filed in the keychain for each profile — kind names
    // and public facts only, never a value — so removing a profile removes its secrets, a backup
    // reads the keychain only for secrets that exist, and `key export` is remembered.
    struct SecretEntry
    {
        QString profileName;
        QString kind;      // "db-password", "age-identity", … (see SecretStore.h)
        QString publicKey; // age-identity: its recipient (age1…); empty otherwise
        QDateTime writtenUtc;
        QDateTime exportedUtc; // age-identity: the last recovery kit export; invalid = never
    };
    // Records (or re-records, keeping exportedUtc unless the public key changed) a secret.
    Status recordSecret(const QString &profileName, const QString &kind,
                        const QString &publicKey = QString());
    Status forgetSecret(const QString &profileName, const QString &kind);
    Result<QList<SecretEntry>> secrets(const QString &profileName) const;
    Result<std::optional<SecretEntry>> secret(const QString &profileName, const QString &kind) const;
    Status markSecretExported(const QString &profileName, const QString &kind, const QDateTime &when);

    // Alert state (de-duplication): one row per active condition of a profile (subject = database,
    // or empty for the profile), so an alert goes out once per change of state and a reminder only
    // after the profile's reminder interval. Never holds a secret (details are redacted).
    struct AlertStateEntry
    {
        QString profileName;
        QString subject;   // database, or empty
        QString condition; // HealthFinding::condition
        QString state;     // "warning" / "failing"
        QDateTime sinceUtc;
        QDateTime notifiedUtc; // the last alert or reminder; invalid = never sent
        QString detail;        // the finding's message when last notified
    };
    Result<QList<AlertStateEntry>> alertStates(const QString &profileName) const;
    // Inserts or replaces the row of (profile, subject, condition).
    Status setAlertState(const AlertStateEntry &entry);
    Status clearAlertState(const QString &profileName, const QString &subject, const QString &condition);

    // Runs `work` in one write transaction taken up front (BEGIN IMMEDIATE): another process doing
    // the same waits (busy timeout) and then sees what this one wrote — read, decide and write as
    // one step (the alert de-duplication of the app and a timer). Rolled back when `work` fails.
    Status inWriteTransaction(const std::function<Status()> &work);

private:
    explicit Catalog(QString path, QString connectionName);
    Status migrate();
    QSqlDatabase db() const;

    QString m_path;
    QString m_connectionName;
};

} // namespace lifeboat
