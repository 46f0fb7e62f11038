#include "core/Catalog.h"

#include "core/Clock.h"
#include "core/CoreLog.h"
#include "core/SecretRedactor.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>
#include <QUuid>
#include <QVariant>

namespace lifeboat {

namespace {

Error sqlError(const QSqlError &error, const QString &what)
{
    return makeError(QStringLiteral("catalog.sql"),
                     QStringLiteral("the catalog could not %1: %2").arg(what, error.text()));
}

// Qt binds a null QString as SQL NULL; the catalog's text columns are NOT NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QVariant &v)
{
    const QString s = v.toString();
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

const char *const kMigrations[] = {
    // version 1
    "CREATE TABLE profiles ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " name TEXT NOT NULL UNIQUE,"
    " json TEXT NOT NULL,"
    " created_utc TEXT NOT NULL,"
    " updated_utc TEXT NOT NULL);"
    "CREATE TABLE runs ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " profile_id INTEGER,"
    " profile_name TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " state TEXT NOT NULL,"
    " started_utc TEXT NOT NULL,"
    " finished_utc TEXT,"
    " databases TEXT NOT NULL DEFAULT '',"
    " message TEXT NOT NULL DEFAULT '',"
    " bytes INTEGER NOT NULL DEFAULT 0,"
    " pid INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX runs_by_profile ON runs(profile_name, started_utc);"
    "CREATE INDEX runs_by_time ON runs(started_utc);"
    "CREATE TABLE events ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " time_utc TEXT NOT NULL,"
    " level TEXT NOT NULL,"
    " message TEXT NOT NULL);"
    "CREATE INDEX events_by_run ON events(run_id);"
    "CREATE TABLE artifacts ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,"
    " profile_id INTEGER,"
    " profile_name TEXT NOT NULL,"
    " database TEXT NOT NULL,"
    " created_utc TEXT NOT NULL,"
    " dump_bytes INTEGER NOT NULL,"
    " stored_bytes INTEGER NOT NULL,"
    " sha256 TEXT NOT NULL,"
    " encrypted INTEGER NOT NULL,"
    " manifest_json TEXT NOT NULL,"
    " verify_state TEXT NOT NULL DEFAULT '',"
    " verified_utc TEXT,"
    " restore_seconds REAL NOT NULL DEFAULT 0);"
    "CREATE INDEX artifacts_by_profile ON artifacts(profile_name, database, created_utc);"
    "CREATE TABLE artifact_locations ("
    " artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,"
    " destination TEXT NOT NULL,"
    " object_path TEXT NOT NULL,"
    " manifest_path TEXT NOT NULL,"
    " PRIMARY KEY (artifact_id, destination));",
    // version 2: the secret index (names of keychain entries per profile, never values)
    "CREATE TABLE secrets ("
    " profile_name TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " public_key TEXT NOT NULL DEFAULT '',"
    " written_utc TEXT NOT NULL,"
    " exported_utc TEXT,"
    " PRIMARY KEY (profile_name, kind));",
    // version 3: what started a run (schedules), pruned artifacts (retention), alert state
    "ALTER TABLE runs ADD COLUMN run_trigger TEXT NOT NULL DEFAULT 'manual';"
    "ALTER TABLE artifacts ADD COLUMN pruned_utc TEXT;"
    "ALTER TABLE artifact_locations ADD COLUMN pruned_utc TEXT;"
    "CREATE TABLE alert_state ("
    " profile_name TEXT NOT NULL,"
    " subject TEXT NOT NULL DEFAULT '',"
    " condition TEXT NOT NULL,"
    " state TEXT NOT NULL,"
    " since_utc TEXT NOT NULL,"
    " notified_utc TEXT,"
    " detail TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (profile_name, subject, condition));",
    // version 4: the outcome of the last integrity check of each artifact (verify, and the check
    // every restore and test restore starts with)
    "ALTER TABLE artifacts ADD COLUMN integrity_state TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE artifacts ADD COLUMN integrity_utc TEXT;"
    "ALTER TABLE artifacts ADD COLUMN integrity_detail TEXT NOT NULL DEFAULT '';",
    // version 5: a failed run's error code, so a refused restore can be told from a failed one
    "ALTER TABLE runs ADD COLUMN error_code TEXT NOT NULL DEFAULT '';",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == Catalog::kSchemaVersion,
              "one migration per schema version");

} // namespace

Catalog::Catalog(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

Catalog::~Catalog()
{
    {
        QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
        if (database.isOpen())
            database.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Catalog::db() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Catalog>> Catalog::openIn(const ConfigPaths &paths)
{
    if (Status s = paths.ensureExists(); !s)
        return s.error();
    return open(paths.catalogPath());
}

Status Catalog::ensureOpen(std::unique_ptr<Catalog> &catalog, const ConfigPaths &paths)
{
    if (catalog)
        return {};
    auto opened = openIn(paths);
    if (!opened)
        return opened.error();
    catalog = std::move(*opened);
    return {};
}

Result<std::unique_ptr<Catalog>> Catalog::open(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        // NewOnly (O_EXCL): another process or thread may have created — and started filling —
        // the catalog since the check; truncating it then would destroy what it wrote.
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) && !QFileInfo::exists(path))
            return makeError(QStringLiteral("catalog.open"),
                             QStringLiteral("cannot create the catalog %1: %2").arg(path, f.errorString()));
        f.close();
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    // Qt 6.4 sets up QtSql's driver registry behind an unguarded flag: two threads adding their
    // first connection at once register its exit-time cleanup twice, and the process then spins
    // forever when it exits. Let one thread set it up first (a function-local static is
    // initialised exactly once); connections are then added concurrently without harm.
    static const bool sqliteAvailable = QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"));
    Q_UNUSED(sqliteAvailable);
    const QString name =
        QStringLiteral("lifeboat-catalog-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        database.setDatabaseName(path);
        database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
        if (!database.open()) {
            const QString text = database.lastError().text();
            database = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return makeError(QStringLiteral("catalog.open"),
                             QStringLiteral("cannot open the catalog %1: %2").arg(path, text));
        }
    }
    std::unique_ptr<Catalog> catalog(new Catalog(path, name));
    QSqlQuery q(catalog->db());
    for (const char *pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        // Switching a new catalog to WAL needs an exclusive lock that SQLite does not wait for (the
        // busy timeout does not apply): when the app, the CLI and a timer open a new catalog at
        // once, all but one get "database is locked". Retry for as long as the busy timeout.
        QElapsedTimer waited;
        waited.start();
        while (!q.exec(QString::fromLatin1(pragma))) {
            const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
            if ((code != 5 /* SQLITE_BUSY */ && code != 6 /* SQLITE_LOCKED */) || waited.elapsed() > 15000)
                return sqlError(q.lastError(), QStringLiteral("be configured"));
            QThread::msleep(5);
        }
    }
    if (Status s = catalog->migrate(); !s)
        return s.error();
    return catalog;
}

int Catalog::schemaVersion() const
{
    QSqlQuery q(db());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Status Catalog::migrate()
{
    const int current = schemaVersion();
    if (current > kSchemaVersion)
        return makeError(
            QStringLiteral("catalog.version"),
            QStringLiteral("the catalog %1 was written by a newer Lifeboat (schema %2, this one knows "
                           "%3): update Lifeboat")
                .arg(m_path)
                .arg(current)
                .arg(kSchemaVersion));
    QSqlDatabase database = db();
    for (int version = current + 1; version <= kSchemaVersion; ++version) {
        // BEGIN IMMEDIATE: two processes opening a new catalog at once migrate it once.
        QSqlQuery q(database);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return sqlError(q.lastError(), QStringLiteral("start a migration"));
        if (schemaVersion() >= version) {
            q.exec(QStringLiteral("COMMIT"));
            continue;
        }
        const QStringList statements =
            QString::fromLatin1(kMigrations[version - 1]).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!q.exec(statement)) {
                const QSqlError error = q.lastError();
                q.exec(QStringLiteral("ROLLBACK"));
                return sqlError(error, QStringLiteral("migrate to schema %1").arg(version));
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version=%1").arg(version)) ||
            !q.exec(QStringLiteral("COMMIT"))) {
            const QSqlError error = q.lastError();
            q.exec(QStringLiteral("ROLLBACK"));
            return sqlError(error, QStringLiteral("migrate to schema %1").arg(version));
        }
        qCInfo(lcCatalog) << "catalog migrated to schema" << version;
    }
    return {};
}

Result<qint64> Catalog::addProfile(const Profile &profile)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO profiles(name, json, created_utc, updated_utc) VALUES(?,?,?,?)"));
    const QString now = iso(Clock::instance().nowUtc());
    q.addBindValue(text(profile.name));
    q.addBindValue(QString::fromUtf8(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec()) {
        if (this->profile(profile.name).ok())
            return makeError(
                QStringLiteral("profile.exists"),
                QStringLiteral("a profile named '%1' already exists: choose another name or remove "
                               "it first")
                    .arg(profile.name));
        return sqlError(q.lastError(), QStringLiteral("save profile '%1'").arg(profile.name));
    }
    return q.lastInsertId().toLongLong();
}

Status Catalog::updateProfile(const Profile &profile)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE profiles SET json=?, updated_utc=? WHERE name=?"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(iso(Clock::instance().nowUtc()));
    q.addBindValue(text(profile.name));
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("update profile '%1'").arg(profile.name));
    if (q.numRowsAffected() == 0)
        return makeError(
            QStringLiteral("profile.unknown"),
            QStringLiteral("there is no profile named '%1' (lifeboat-cli profile list shows them)")
                .arg(profile.name));
    return {};
}

Result<Profile> Catalog::profile(const QString &name) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id, json FROM profiles WHERE name=?"));
    q.addBindValue(name);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("read profile '%1'").arg(name));
    if (!q.next())
        return makeError(
            QStringLiteral("profile.unknown"),
            QStringLiteral("there is no profile named '%1' (lifeboat-cli profile list shows them)")
                .arg(name));
    Result<Profile> p = Profile::fromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object());
    if (p)
        p->id = q.value(0).toLongLong();
    return p;
}

Result<QList<Profile>> Catalog::profiles() const
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT id, json FROM profiles ORDER BY name")))
        return sqlError(q.lastError(), QStringLiteral("list profiles"));
    QList<Profile> out;
    while (q.next()) {
        Result<Profile> p =
            Profile::fromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object());
        if (!p)
            return p.error();
        p->id = q.value(0).toLongLong();
        out.append(*p);
    }
    return out;
}

Status Catalog::removeProfile(const QString &name)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("DELETE FROM profiles WHERE name=?"));
    q.addBindValue(name);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("remove profile '%1'").arg(name));
    if (q.numRowsAffected() == 0)
        return makeError(
            QStringLiteral("profile.unknown"),
            QStringLiteral("there is no profile named '%1' (lifeboat-cli profile list shows them)")
                .arg(name));
    // Its alert state goes with it (a new profile of that name starts with no alerts).
    QSqlQuery a(db());
    a.prepare(QStringLiteral("DELETE FROM alert_state WHERE profile_name=?"));
    a.addBindValue(name);
    (void)a.exec();
    return {};
}

Result<qint64> Catalog::beginRun(const RunRecord &run)
{
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("INSERT INTO runs(profile_id, profile_name, kind, state, started_utc, databases, "
                       "message, pid, run_trigger) VALUES(?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(run.profileId);
    q.addBindValue(text(run.profileName));
    q.addBindValue(runKindName(run.kind));
    q.addBindValue(RunRecord::stateName(run.state));
    q.addBindValue(iso(run.startedUtc.isValid() ? run.startedUtc : Clock::instance().nowUtc()));
    q.addBindValue(text(run.databases));
    q.addBindValue(text(run.message));
    q.addBindValue(run.pid);
    q.addBindValue(run.trigger.isEmpty() ? QStringLiteral("manual") : run.trigger);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("record a new run"));
    return q.lastInsertId().toLongLong();
}

Status Catalog::finishRun(qint64 runId, RunRecord::State state, const QString &message, qint64 bytes,
                          const QString &errorCode)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "UPDATE runs SET state=?, finished_utc=?, message=?, bytes=?, error_code=? WHERE id=?"));
    q.addBindValue(RunRecord::stateName(state));
    q.addBindValue(iso(Clock::instance().nowUtc()));
    q.addBindValue(text(SecretRedactor::redact(message)));
    q.addBindValue(bytes);
    q.addBindValue(text(errorCode));
    q.addBindValue(runId);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("record the end of run %1").arg(runId));
    return {};
}

Status Catalog::addEvent(qint64 runId, LogLevel level, const QString &message)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO events(run_id, time_utc, level, message) VALUES(?,?,?,?)"));
    q.addBindValue(runId);
    q.addBindValue(iso(Clock::instance().nowUtc()));
    q.addBindValue(logLevelName(level));
    q.addBindValue(text(SecretRedactor::redact(message)));
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("record an event"));
    return {};
}

namespace {
RunRecord runFromQuery(const QSqlQuery &q)
{
    RunRecord r;
    r.id = q.value(0).toLongLong();
    r.profileId = q.value(1).toLongLong();
    r.profileName = q.value(2).toString();
    r.kind = runKindFromName(q.value(3).toString()).value_or(RunKind::Backup);
    r.state = RunRecord::stateFromName(q.value(4).toString());
    r.startedUtc = fromIso(q.value(5));
    r.finishedUtc = fromIso(q.value(6));
    r.databases = q.value(7).toString();
    r.message = q.value(8).toString();
    r.bytes = q.value(9).toLongLong();
    r.pid = q.value(10).toLongLong();
    r.trigger = q.value(11).toString();
    r.errorCode = q.value(12).toString();
    return r;
}
const char *const kRunColumns = "SELECT id, profile_id, profile_name, kind, state, started_utc, "
                                "finished_utc, databases, message, bytes, pid, "
                                "run_trigger, error_code FROM runs ";
} // namespace

Result<RunRecord> Catalog::run(qint64 runId) const
{
    QSqlQuery q(db());
    q.prepare(QString::fromLatin1(kRunColumns) + QStringLiteral("WHERE id=?"));
    q.addBindValue(runId);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("read run %1").arg(runId));
    if (!q.next())
        return makeError(QStringLiteral("run.unknown"), QStringLiteral("there is no run %1").arg(runId));
    return runFromQuery(q);
}

Result<QList<RunRecord>> Catalog::runs(const QString &profileName, int limit) const
{
    QSqlQuery q(db());
    QString sql = QString::fromLatin1(kRunColumns);
    if (!profileName.isEmpty())
        sql += QStringLiteral("WHERE profile_name=? ");
    sql += QStringLiteral("ORDER BY started_utc DESC, id DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    q.prepare(sql);
    if (!profileName.isEmpty())
        q.addBindValue(profileName);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("list runs"));
    QList<RunRecord> out;
    while (q.next())
        out.append(runFromQuery(q));
    return out;
}

Result<QStringList> Catalog::events(qint64 runId) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT time_utc, level, message FROM events WHERE run_id=? ORDER BY id"));
    q.addBindValue(runId);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("read the events of run %1").arg(runId));
    QStringList out;
    while (q.next())
        out << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() + QLatin1Char(' ') +
                   q.value(2).toString();
    return out;
}

namespace {
// The WHERE clause of a run filter, its values appended to `binds`.
QString runFilterSql(const Catalog::RunFilter &filter, QVariantList *binds)
{
    QStringList where;
    if (!filter.profileName.isEmpty()) {
        where << QStringLiteral("profile_name=?");
        *binds << filter.profileName;
    }
    if (!filter.state.isEmpty()) {
        where << QStringLiteral("state=?");
        *binds << filter.state;
    }
    if (!filter.kind.isEmpty()) {
        where << QStringLiteral("kind=?");
        *binds << filter.kind;
    }
    if (filter.fromUtc.isValid()) {
        where << QStringLiteral("started_utc>=?");
        *binds << iso(filter.fromUtc);
    }
    if (filter.toUtc.isValid()) {
        where << QStringLiteral("started_utc<?");
        *binds << iso(filter.toUtc);
    }
    const QString search = filter.search.trimmed();
    if (!search.isEmpty()) {
        QString pattern = search;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        where << QStringLiteral("(profile_name || ' ' || databases || ' ' || message || ' ' || kind) LIKE ? "
                                "ESCAPE '\\'");
        *binds << QVariant(QLatin1Char('%') + pattern + QLatin1Char('%'));
    }
    return where.join(QStringLiteral(" AND "));
}

Result<QList<RunRecord>> runRows(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("list runs"));
    QList<RunRecord> out;
    while (q.next())
        out.append(runFromQuery(q));
    return out;
}

// The runs matching `filter` on one side of `key` in the newest-first order (`side` '<': older
// than it, '>': newer), newest first, at most `limit`; an invalid key: from the newest.
Result<QList<RunRecord>> runsBesideKey(QSqlQuery &q, const Catalog::RunFilter &filter,
                                       const Catalog::RunPageKey &key, QLatin1Char side, int limit)
{
    QVariantList binds;
    QString where = runFilterSql(filter, &binds);
    if (key.startedUtc.isValid()) {
        const QString stamp = iso(key.startedUtc);
        where += (where.isEmpty() ? QString() : QStringLiteral(" AND ")) +
                 QStringLiteral("(started_utc%1? OR (started_utc=? AND id%1?))").arg(side);
        binds << stamp << stamp << key.id;
    }
    return runRows(q,
                   QString::fromLatin1(kRunColumns) +
                       (where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where) +
                       QStringLiteral(" ORDER BY started_utc DESC, id DESC LIMIT %1").arg(qMax(1, limit)),
                   binds);
}
} // namespace

Result<QList<RunRecord>> Catalog::runsPage(const RunFilter &filter, const RunPageKey &after, int limit) const
{
    QSqlQuery q(db());
    return runsBesideKey(q, filter, after, QLatin1Char('<'), limit);
}

Result<QList<RunRecord>> Catalog::runsNewerThan(const RunFilter &filter, const RunPageKey &key,
                                                int limit) const
{
    QSqlQuery q(db());
    return runsBesideKey(q, filter, key, QLatin1Char('>'), limit);
}

Result<qint64> Catalog::runCount(const RunFilter &filter) const
{
    QVariantList binds;
    const QString where = runFilterSql(filter, &binds);
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT count(*) FROM runs") +
              (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return sqlError(q.lastError(), QStringLiteral("count runs"));
    return q.value(0).toLongLong();
}

Result<int> Catalog::markInterruptedRuns(const std::function<bool(const RunRecord &)> &isAlive)
{
    QSqlQuery q(db());
    if (!q.exec(QString::fromLatin1(kRunColumns) + QStringLiteral("WHERE state IN ('running','queued')")))
        return sqlError(q.lastError(), QStringLiteral("look for interrupted runs"));
    QList<RunRecord> stale;
    while (q.next()) {
        RunRecord r = runFromQuery(q);
        if (!isAlive(r))
            stale.append(r);
    }
    for (const RunRecord &r : stale) {
        const QString message = QStringLiteral("interrupted: the process running it (pid %1) ended before it "
                                               "finished; nothing it wrote was kept as a backup")
                                    .arg(r.pid);
        if (Status s = finishRun(r.id, RunRecord::State::Interrupted, message, r.bytes); !s)
            return s.error();
        (void)addEvent(r.id, LogLevel::Error, message);
        qCWarning(lcCatalog) << "run" << r.id << "of profile" << r.profileName << "marked interrupted";
    }
    return int(stale.size());
}

Result<qint64> Catalog::addArtifact(const ArtifactRecord &a)
{
    QSqlDatabase database = db();
    if (!database.transaction())
        return sqlError(database.lastError(), QStringLiteral("start recording an artifact"));
    QSqlQuery q(database);
    q.prepare(QStringLiteral("INSERT INTO artifacts(run_id, profile_id, profile_name, database, created_utc, "
                             "dump_bytes, stored_bytes, sha256, encrypted, manifest_json, verify_state, "
                             "verified_utc, restore_seconds) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(a.runId ? QVariant(a.runId) : QVariant());
    q.addBindValue(a.profileId);
    q.addBindValue(text(a.profileName));
    q.addBindValue(text(a.database));
    q.addBindValue(iso(a.createdUtc));
    q.addBindValue(a.dumpBytes);
    q.addBindValue(a.storedBytes);
    q.addBindValue(text(a.sha256));
    q.addBindValue(a.encrypted ? 1 : 0);
    q.addBindValue(QString::fromUtf8(a.manifestJson));
    q.addBindValue(text(a.verifyState));
    q.addBindValue(iso(a.verifiedUtc));
    q.addBindValue(a.restoreSeconds);
    if (!q.exec()) {
        const QSqlError error = q.lastError();
        database.rollback();
        return sqlError(error, QStringLiteral("record an artifact"));
    }
    const qint64 id = q.lastInsertId().toLongLong();
    for (const ArtifactRecord::Location &loc : a.locations) {
        QSqlQuery l(database);
        l.prepare(QStringLiteral("INSERT INTO artifact_locations(artifact_id, destination, object_path, "
                                 "manifest_path) VALUES(?,?,?,?)"));
        l.addBindValue(id);
        l.addBindValue(text(loc.destination));
        l.addBindValue(text(loc.objectPath));
        l.addBindValue(text(loc.manifestPath));
        if (!l.exec()) {
            const QSqlError error = l.lastError();
            database.rollback();
            return sqlError(error, QStringLiteral("record an artifact's location"));
        }
    }
    if (!database.commit())
        return sqlError(database.lastError(), QStringLiteral("record an artifact"));
    return id;
}

namespace {
const char *const kArtifactColumns =
    "SELECT id, run_id, profile_id, profile_name, database, created_utc, dump_bytes, stored_bytes, sha256, "
    "encrypted, manifest_json, verify_state, verified_utc, restore_seconds, pruned_utc, integrity_state, "
    "integrity_utc, integrity_detail FROM artifacts ";

ArtifactRecord artifactFromQuery(const QSqlQuery &q)
{
    ArtifactRecord a;
    a.id = q.value(0).toLongLong();
    a.runId = q.value(1).toLongLong();
    a.profileId = q.value(2).toLongLong();
    a.profileName = q.value(3).toString();
    a.database = q.value(4).toString();
    a.createdUtc = fromIso(q.value(5));
    a.dumpBytes = q.value(6).toLongLong();
    a.storedBytes = q.value(7).toLongLong();
    a.sha256 = q.value(8).toString();
    a.encrypted = q.value(9).toInt() != 0;
    a.manifestJson = q.value(10).toString().toUtf8();
    a.verifyState = q.value(11).toString();
    a.verifiedUtc = fromIso(q.value(12));
    a.restoreSeconds = q.value(13).toDouble();
    a.prunedUtc = fromIso(q.value(14));
    a.integrityState = q.value(15).toString();
    a.integrityCheckedUtc = fromIso(q.value(16));
    a.integrityDetail = q.value(17).toString();
    return a;
}
} // namespace

Result<ArtifactRecord> Catalog::artifact(qint64 id, bool includePruned) const
{
    QSqlQuery q(db());
    q.prepare(QString::fromLatin1(kArtifactColumns) + QStringLiteral("WHERE id=?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("read backup %1").arg(id));
    if (!q.next())
        return makeError(
            QStringLiteral("artifact.unknown"),
            QStringLiteral("there is no backup with id %1 (lifeboat-cli list PROFILE shows the ids)")
                .arg(id));
    ArtifactRecord a = artifactFromQuery(q);
    QSqlQuery l(db());
    l.prepare(QStringLiteral("SELECT destination, object_path, manifest_path, pruned_utc FROM "
                             "artifact_locations WHERE artifact_id=? ") +
              (includePruned ? QString() : QStringLiteral("AND pruned_utc IS NULL ")) +
              QStringLiteral("ORDER BY rowid"));
    l.addBindValue(id);
    if (!l.exec())
        return sqlError(l.lastError(), QStringLiteral("read the locations of backup %1").arg(id));
    while (l.next())
        a.locations.append(
            {l.value(0).toString(), l.value(1).toString(), l.value(2).toString(), fromIso(l.value(3))});
    return a;
}

Result<QList<ArtifactRecord>> Catalog::artifacts(const QString &profileName, bool includePruned) const
{
    QSqlQuery q(db());
    QString sql = QString::fromLatin1(kArtifactColumns);
    QStringList where;
    if (!profileName.isEmpty())
        where << QStringLiteral("profile_name=?");
    if (!includePruned)
        where << QStringLiteral("pruned_utc IS NULL");
    if (!where.isEmpty())
        sql += QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")) + QLatin1Char(' ');
    sql += QStringLiteral("ORDER BY created_utc DESC, id DESC");
    q.prepare(sql);
    if (!profileName.isEmpty())
        q.addBindValue(profileName);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("list backups"));
    QList<ArtifactRecord> out;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        index.insert(q.value(0).toLongLong(), out.size());
        out.append(artifactFromQuery(q));
    }
    QSqlQuery l(db());
    if (!l.exec(QStringLiteral("SELECT artifact_id, destination, object_path, manifest_path, pruned_utc "
                               "FROM artifact_locations ") +
                (includePruned ? QString() : QStringLiteral("WHERE pruned_utc IS NULL ")) +
                QStringLiteral("ORDER BY rowid")))
        return sqlError(l.lastError(), QStringLiteral("list backup locations"));
    while (l.next()) {
        const auto it = index.constFind(l.value(0).toLongLong());
        if (it != index.constEnd())
            out[*it].locations.append(
                {l.value(1).toString(), l.value(2).toString(), l.value(3).toString(), fromIso(l.value(4))});
    }
    return out;
}

Status Catalog::markLocationPruned(qint64 artifactId, const QString &destination, const QDateTime &whenUtc)
{
    QSqlDatabase database = db();
    if (!database.transaction())
        return sqlError(database.lastError(), QStringLiteral("start recording a pruned backup"));
    const QString when = iso(whenUtc);
    QSqlQuery q(database);
    q.prepare(QStringLiteral("UPDATE artifact_locations SET pruned_utc=? WHERE artifact_id=? AND "
                             "destination=? AND pruned_utc IS NULL"));
    q.addBindValue(when);
    q.addBindValue(artifactId);
    q.addBindValue(destination);
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("UPDATE artifacts SET pruned_utc=? WHERE id=? AND pruned_utc IS NULL AND "
                                 "NOT EXISTS (SELECT 1 FROM artifact_locations WHERE artifact_id=? AND "
                                 "pruned_utc IS NULL)"));
        q.addBindValue(when);
        q.addBindValue(artifactId);
        q.addBindValue(artifactId);
        ok = q.exec();
    }
    if (!ok) {
        const QSqlError error = q.lastError();
        database.rollback();
        return sqlError(error, QStringLiteral("record that backup %1 was pruned").arg(artifactId));
    }
    if (!database.commit())
        return sqlError(database.lastError(),
                        QStringLiteral("record that backup %1 was pruned").arg(artifactId));
    return {};
}

std::optional<qint64> Catalog::lastDumpBytes(const QString &profileName, const QString &database) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT dump_bytes FROM artifacts WHERE profile_name=? AND database=? "
                             "ORDER BY created_utc DESC LIMIT 1"));
    q.addBindValue(profileName);
    q.addBindValue(database);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

Result<bool> Catalog::knowsObjectPath(const QString &objectPath) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT 1 FROM artifact_locations WHERE object_path=? LIMIT 1"));
    q.addBindValue(objectPath);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("look up the object path %1").arg(objectPath));
    return q.next();
}

Result<QList<Catalog::BackupPoint>> Catalog::backupSeries(const QString &profileName,
                                                          const QString &database) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT a.id, a.created_utc, a.stored_bytes, r.started_utc, r.finished_utc FROM "
                             "artifacts a LEFT JOIN runs r ON r.id = a.run_id WHERE a.profile_name=? AND "
                             "a.database=? ORDER BY a.created_utc, a.id"));
    q.addBindValue(profileName);
    q.addBindValue(database);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("read the backups of %1").arg(database));
    QList<BackupPoint> out;
    while (q.next()) {
        BackupPoint p;
        p.artifactId = q.value(0).toLongLong();
        p.createdUtc = fromIso(q.value(1));
        p.storedBytes = q.value(2).toLongLong();
        const QDateTime started = fromIso(q.value(3));
        const QDateTime finished = fromIso(q.value(4));
        if (started.isValid() && finished.isValid())
            p.seconds = double(started.msecsTo(finished)) / 1000.0;
        out.append(p);
    }
    return out;
}

Result<QStringList> Catalog::backedUpDatabases(const QString &profileName) const
{
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT DISTINCT database FROM artifacts WHERE profile_name=? ORDER BY database"));
    q.addBindValue(profileName);
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("list the backed-up databases of %1").arg(profileName));
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Status Catalog::setVerification(qint64 artifactId, const QString &state, const QDateTime &when,
                                double restoreSeconds)
{
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("UPDATE artifacts SET verify_state=?, verified_utc=?, restore_seconds=? WHERE id=?"));
    q.addBindValue(state);
    q.addBindValue(iso(when));
    q.addBindValue(restoreSeconds);
    q.addBindValue(artifactId);
    if (!q.exec())
        return sqlError(q.lastError(),
                        QStringLiteral("record the verification of backup %1").arg(artifactId));
    return {};
}

Status Catalog::setIntegrity(qint64 artifactId, const QString &state, const QDateTime &when,
                             const QString &detail)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "UPDATE artifacts SET integrity_state=?, integrity_utc=?, integrity_detail=? WHERE id=?"));
    q.addBindValue(text(state));
    q.addBindValue(iso(when));
    q.addBindValue(text(detail));
    q.addBindValue(artifactId);
    if (!q.exec())
        return sqlError(q.lastError(),
                        QStringLiteral("record the integrity check of backup %1").arg(artifactId));
    return {};
}

Status Catalog::recordSecret(const QString &profileName, const QString &kind, const QString &publicKey)
{
    QSqlQuery q(db());
    // A new public key (a new identity) has not been exported yet; the same one keeps its record.
    q.prepare(
        QStringLiteral("INSERT INTO secrets(profile_name, kind, public_key, written_utc) VALUES(?,?,?,?) "
                       "ON CONFLICT(profile_name, kind) DO UPDATE SET written_utc=excluded.written_utc, "
                       "exported_utc=CASE WHEN public_key=excluded.public_key THEN exported_utc END, "
                       "public_key=excluded.public_key"));
    q.addBindValue(text(profileName));
    q.addBindValue(text(kind));
    q.addBindValue(text(publicKey));
    q.addBindValue(iso(Clock::instance().nowUtc()));
    if (!q.exec())
        return sqlError(q.lastError(),
                        QStringLiteral("record the %1 of profile '%2'").arg(kind, profileName));
    return {};
}

Status Catalog::forgetSecret(const QString &profileName, const QString &kind)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("DELETE FROM secrets WHERE profile_name=? AND kind=?"));
    q.addBindValue(text(profileName));
    q.addBindValue(text(kind));
    if (!q.exec())
        return sqlError(q.lastError(),
                        QStringLiteral("forget the %1 of profile '%2'").arg(kind, profileName));
    return {};
}

namespace {
Catalog::SecretEntry secretFromQuery(const QSqlQuery &q)
{
    Catalog::SecretEntry e;
    e.profileName = q.value(0).toString();
    e.kind = q.value(1).toString();
    e.publicKey = q.value(2).toString();
    e.writtenUtc = fromIso(q.value(3));
    e.exportedUtc = fromIso(q.value(4));
    return e;
}
} // namespace

Result<QList<Catalog::SecretEntry>> Catalog::secrets(const QString &profileName) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT profile_name, kind, public_key, written_utc, exported_utc FROM secrets "
                             "WHERE profile_name=? ORDER BY kind"));
    q.addBindValue(text(profileName));
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("list the secrets of profile '%1'").arg(profileName));
    QList<SecretEntry> out;
    while (q.next())
        out.append(secretFromQuery(q));
    return out;
}

Result<std::optional<Catalog::SecretEntry>> Catalog::secret(const QString &profileName,
                                                            const QString &kind) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT profile_name, kind, public_key, written_utc, exported_utc FROM secrets "
                             "WHERE profile_name=? AND kind=?"));
    q.addBindValue(text(profileName));
    q.addBindValue(text(kind));
    if (!q.exec())
        return sqlError(q.lastError(),
                        QStringLiteral("read the secret index of profile '%1'").arg(profileName));
    if (!q.next())
        return std::optional<SecretEntry>();
    return std::optional<SecretEntry>(secretFromQuery(q));
}

Status Catalog::markSecretExported(const QString &profileName, const QString &kind, const QDateTime &when)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE secrets SET exported_utc=? WHERE profile_name=? AND kind=?"));
    q.addBindValue(iso(when));
    q.addBindValue(text(profileName));
    q.addBindValue(text(kind));
    if (!q.exec())
        return sqlError(q.lastError(), QStringLiteral("record the export of profile '%1'").arg(profileName));
    if (q.numRowsAffected() == 0)
        return makeError(QStringLiteral("secret.unknown"),
                         QStringLiteral("profile '%1' has no %2 in the secret index").arg(profileName, kind));
    return {};
}

Result<QList<Catalog::AlertStateEntry>> Catalog::alertStates(const QString &profileName) const
{
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT profile_name, subject, condition, state, since_utc, notified_utc, detail "
                       "FROM alert_state WHERE profile_name=? ORDER BY subject, condition"));
    q.addBindValue(text(profileName));
    if (!q.exec())
        return sqlError(q.lastError(),
                        QStringLiteral("read the alert state of profile '%1'").arg(profileName));
    QList<AlertStateEntry> out;
    while (q.next()) {
        AlertStateEntry e;
        e.profileName = q.value(0).toString();
        e.subject = q.value(1).toString();
        e.condition = q.value(2).toString();
        e.state = q.value(3).toString();
        e.sinceUtc = fromIso(q.value(4));
        e.notifiedUtc = fromIso(q.value(5));
        e.detail = q.value(6).toString();
        out.append(e);
    }
    return out;
}

Status Catalog::setAlertState(const AlertStateEntry &e)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO alert_state(profile_name, subject, condition, state, "
                             "since_utc, notified_utc, detail) VALUES(?,?,?,?,?,?,?)"));
    q.addBindValue(text(e.profileName));
    q.addBindValue(text(e.subject));
    q.addBindValue(text(e.condition));
    q.addBindValue(text(e.state));
    q.addBindValue(iso(e.sinceUtc.isValid() ? e.sinceUtc : Clock::instance().nowUtc()));
    q.addBindValue(e.notifiedUtc.isValid() ? QVariant(iso(e.notifiedUtc)) : QVariant());
    q.addBindValue(text(SecretRedactor::redact(e.detail)));
    if (!q.exec())
        return sqlError(q.lastError(),
                        QStringLiteral("record the alert state of profile '%1'").arg(e.profileName));
    return {};
}

Status Catalog::inWriteTransaction(const std::function<Status()> &work)
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(q.lastError(), QStringLiteral("start a write transaction"));
    Status result = work();
    if (!result.ok()) {
        q.exec(QStringLiteral("ROLLBACK"));
        return result;
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QSqlError error = q.lastError();
        q.exec(QStringLiteral("ROLLBACK"));
        return sqlError(error, QStringLiteral("commit a write transaction"));
    }
    return {};
}

Status Catalog::clearAlertState(const QString &profileName, const QString &subject, const QString &condition)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("DELETE FROM alert_state WHERE profile_name=? AND subject=? AND condition=?"));
    q.addBindValue(text(profileName));
    q.addBindValue(text(subject));
    q.addBindValue(text(condition));
    if (!q.exec())
        return sqlError(q.lastError(),
                        QStringLiteral("clear the alert state of profile '%1'").arg(profileName));
    return {};
}

} // namespace lifeboat
