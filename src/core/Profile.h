#pragma once

#include "core/AlertSettings.h"
#include "core/ConnectionSpec.h"
#include "core/Result.h"
#include "core/RetentionPolicy.h"

#include <QJsonObject>
#include <QStringList>

namespace lifeboat {

// A named backup profile: which server and databases, where to, and how. Holds no secrets.
struct Profile
{
    enum class DatabaseMode
    {
        Listed,
        All
    };
    // What a problem is about, so a form can show it beside the right fields without reading the
    // sentence. None: nothing of the profile (the catalog, the disk, the keychain).
    enum class Field
    {
        None,
        Name,
        Connection,
        DatabasePassword,
        Databases,
        Destinations,
        S3Secret,
        Compression,
        Encryption,
        Recipients,
        Passphrase,
        Schedule,
        Retention,
        CatchUpDelay,
        StaleAfter,
        WebhookUrl
    };
    // A Status and the field it is about (Field::None on success). Converts to a plain Status.
    struct [[nodiscard]] FieldStatus
    {
        Status status;
        Field field = Field::None;

        FieldStatus() = default;
        FieldStatus(Status s, Field f = Field::None)
            : status(std::move(s))
            , field(f)
        {}
        FieldStatus(Error error, Field f = Field::None)
            : status(std::move(error))
            , field(f)
        {}

        bool ok() const { return status.ok(); }
        explicit operator bool() const { return ok(); }
        const Error &error() const { return status.error(); }
        operator Status() const { return status; }
    };

    qint64 id = 0;
    QString name;
    ConnectionSpec connection;

    DatabaseMode databaseMode = DatabaseMode::Listed;
    QStringList databases;       // Listed mode: the databases to back up
    QStringList includePatterns; // All mode: glob patterns a database must match (empty = all)
    QStringList excludePatterns; // All mode: glob patterns that remove a database

    QStringList destinations; // local folder paths (absolute) or s3:// URLs

    int zstdLevel = 3;
    int zstdThreads = 0; // 0 = one per core, at most 4

    QStringList recipients;  // age X25519 recipients (age1...)
    bool passphrase = false; // encrypt with a passphrase held in the keychain (scrypt)
    int scryptLogN = 0;      // passphrase mode: scrypt work factor (log2 N), calibrated once; 0 = default

    bool globals = false;           // also pg_dumpall --globals-only
    bool verifyAfterBackup = false; // restore each new backup into a throwaway cluster and compare
    QStringList excludeSchemas;
    QStringList excludeTables;
    QStringList excludeTableData;

    QString toolDirectory; // an explicit directory holding pg_dump/pg_restore (optional)

    // Schedule: a preset ("hourly@:15", "daily@02:30", "weekly@mon,thu@02:00", "monthly@1@03:00")
    // or a 5-field cron expression, in the local time zone; empty = manual only.
    QString schedule;
    bool scheduleEnabled = true;
    int catchUpDelayMinutes = 2;    // a missed run starts this long after the machine is back
    bool onlyOnAcPower = false;     // scheduled runs wait while on battery
    bool onlyWhenReachable = false; // scheduled runs wait until the server and destinations answer
    int staleAfterHours = 0;        // health: stale after this long without success (0 = 1.5 × interval)

    RetentionPolicy retention;
    AlertSettings alerts;

    bool isEncrypted() const { return passphrase || !recipients.isEmpty(); }
    // What it backs up, for display: "all databases" or the listed ones.
    QString databasesText() const;

    QJsonObject toJson() const;
    static Result<Profile> fromJson(const QJsonObject &json);
    // Checks what can be checked without a server: name, destinations, levels, recipients'
    // shape. One sentence per problem; the first problem is returned, with the field it is about.
    FieldStatus validate() const;

    static bool isValidName(const QString &name);
    // The folder name used at destinations: the name with anything outside [A-Za-z0-9._-] → '_'.
    static QString slug(const QString &name);
};

} // namespace lifeboat
