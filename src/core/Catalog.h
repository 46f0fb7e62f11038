#pragma once

#include "core/ArtifactRecord.h"
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
    static constexpr int kSchemaVersion = 2;

    static Result<std::unique_ptr<Catalog>> open(const QString &path);
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
    Status finishRun(qint64 runId, RunRecord::State state, const QString &message, qint64 bytes);
    Status addEvent(qint64 runId, const QString &level, const QString &message);
    Result<RunRecord> run(qint64 runId) const;
    // Newest first. `profileName` empty = all profiles; limit <= 0 = no limit.
    Result<QList<RunRecord>> runs(const QString &profileName = QString(), int limit = 0) const;
    Result<QStringList> events(qint64 runId) const;
    // Marks runs left "running" by processes that are gone as interrupted; `isAlive` decides.
    Result<int> markInterruptedRuns(const std::function<bool(const RunRecord &)> &isAlive);

    // Artifacts
    Result<qint64> addArtifact(const ArtifactRecord &artifact);
    Result<ArtifactRecord> artifact(qint64 id) const;
    // Newest first.
    Result<QList<ArtifactRecord>> artifacts(const QString &profileName = QString()) const;
    // The dump size of the last successful backup of a database (for progress estimates).
    std::optional<qint64> lastDumpBytes(const QString &profileName, const QString &database) const;
    Status setVerification(qint64 artifactId, const QString &state, const QDateTime &when, double restoreSeconds);

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

private:
    explicit Catalog(QString path, QString connectionName);
    Status migrate();
    QSqlDatabase db() const;

    QString m_path;
    QString m_connectionName;
};

} // namespace lifeboat
