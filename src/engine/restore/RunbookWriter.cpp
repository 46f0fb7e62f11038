#include "engine/restore/RunbookWriter.h"

#include "core/ByteSize.h"
#include "core/Manifest.h"
#include "engine/storage/S3Url.h"

#include <QSet>

namespace lifeboat {

namespace {
QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString sqlIdent(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// The title and what the profile backs up, where and how.
void writeWhatIsBackedUp(QStringList &md, const Profile &profile, const QDateTime &nowUtc)
{
    md << QStringLiteral("# Disaster-recovery runbook: %1").arg(profile.name) << QString();
    md << QStringLiteral(
              "Written by Lifeboat on %1 UTC. Keep a printed or offline copy: it must work when the "
              "machine running Lifeboat is gone.")
              .arg(nowUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm")))
       << QString();
    md << QStringLiteral("## What is backed up") << QString();
    md << QStringLiteral("- Server: `%1`").arg(profile.connection.displayName());
    md << QStringLiteral("- Databases: %1")
              .arg(profile.databaseMode == Profile::DatabaseMode::All
                       ? QStringLiteral("all (include %1, exclude %2)")
                             .arg(profile.includePatterns.isEmpty()
                                      ? QStringLiteral("*")
                                      : profile.includePatterns.join(QStringLiteral(", ")),
                                  profile.excludePatterns.isEmpty()
                                      ? QStringLiteral("none")
                                      : profile.excludePatterns.join(QStringLiteral(", ")))
                       : profile.databases.join(QStringLiteral(", ")));
    md << QStringLiteral("- Format: `pg_dump --format=custom` → zstd (level %1) → %2")
              .arg(profile.zstdLevel)
              .arg(
                  profile.passphrase ? QStringLiteral("age (passphrase)")
                  : profile.recipients.isEmpty()
                      ? QStringLiteral("NOT encrypted")
                      : QStringLiteral("age, to: `%1`").arg(profile.recipients.join(QStringLiteral("`, `"))));
    md << QStringLiteral("- Stored in:");
    for (const QString &d : profile.destinations)
        md << QStringLiteral("  - `%1/%2/<database>/`").arg(d, Profile::slug(profile.name));
    md << QString();
}

// The newest backup of each database (`artifacts` is newest first), as a table; returns them.
QList<ArtifactRecord> writeLatestBackups(QStringList &md, const QList<ArtifactRecord> &artifacts)
{
    md << QStringLiteral("## Latest backups") << QString();
    md << QStringLiteral(
        "| database | taken (UTC) | stored | SHA-256 | last verified | measured restore time |");
    md << QStringLiteral("|---|---|---|---|---|---|");
    QSet<QString> seen;
    QList<ArtifactRecord> latest;
    for (const ArtifactRecord &a : artifacts) {
        if (seen.contains(a.database))
            continue;
        seen.insert(a.database);
        latest << a;
        md << QStringLiteral("| %1 | %2 | %3 | `%4` | %5 | %6 |")
                  .arg(a.database, a.createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                       formatMiB(a.storedBytes))
                  .arg(a.sha256.left(16) + QStringLiteral("…"),
                       a.verifyState == QLatin1String("verified")
                           ? a.verifiedUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                           : QStringLiteral("never"),
                       a.verifyState == QLatin1String("verified")
                           ? QStringLiteral("%1 s").arg(a.restoreSeconds, 0, 'f', 1)
                           : QStringLiteral("not measured yet — run `lifeboat-cli verify ID --restore`"));
    }
    if (latest.isEmpty())
        md << QStringLiteral("| (none yet) | | | | | |");
    md << QString();

    return latest;
}

// An S3 backup is downloaded first with the standard AWS CLI (this destination's endpoint and
// region); `path` becomes the downloaded file's name.
void writeDownload(QStringList &md, const ArtifactRecord::Location &loc, QString &path)
{
    if (loc.destination.startsWith(QLatin1String("s3://"))) {
        auto s3 = S3Url::parse(loc.destination);
        if (s3) {
            QString aws = QStringLiteral("aws s3 cp %1 .")
                              .arg(shellQuote(
                                  QStringLiteral("s3://%1/%2").arg(s3->bucket, s3->keyFor(loc.objectPath))));
            if (!s3->endpoint.isEmpty())
                aws += QStringLiteral(" --endpoint-url %1").arg(shellQuote(s3->endpoint.toString()));
            if (!s3->region.isEmpty())
                aws += QStringLiteral(" --region %1").arg(shellQuote(s3->region));
            md << QStringLiteral("# 0. Download it (credentials: AWS_ACCESS_KEY_ID / "
                                 "AWS_SECRET_ACCESS_KEY or ~/.aws/credentials)");
            md << aws;
            path = loc.objectPath.section(QLatin1Char('/'), -1);
        }
    }
}

// The row counts to compare after a restore by hand (at most 50 tables).
void writeRowCountChecks(QStringList &md, const ArtifactRecord &a)
{
    auto manifest = Manifest::fromJsonBytes(a.manifestJson);
    if (manifest && !manifest->tables.isEmpty()) {
        md << QStringLiteral("Checks afterwards — each count must equal the number shown (the rows in the "
                             "backup):")
           << QString() << QStringLiteral("```sql");
        int shown = 0;
        for (const Manifest::Table &t : manifest->tables) {
            if (++shown > 50) {
                md << QStringLiteral(
                          "-- … and %1 more tables (lifeboat-cli verify %2 --restore checks them all)")
                          .arg(manifest->tables.size() - 50)
                          .arg(a.id);
                break;
            }
            md << QStringLiteral("SELECT count(*) FROM ONLY %1.%2;  -- expect %3")
                      .arg(sqlIdent(t.schema), sqlIdent(t.name))
                      .arg(t.rows);
        }
        md << QStringLiteral("```") << QString();
    }
}

// One database's restore by hand: download, checksum, createdb, decrypt | decompress | pg_restore.
void writeManualRestore(QStringList &md, const Profile &profile, const ArtifactRecord &a)
{
    const ArtifactRecord::Location loc = a.locations.value(0);
    const QString target = a.database + QStringLiteral("_restored");
    md << QStringLiteral("### %1").arg(a.database) << QString() << QStringLiteral("```sh");
    QString path = loc.destination + QLatin1Char('/') + loc.objectPath;
    writeDownload(md, loc, path);
    md << QStringLiteral("# 1. Check the file is intact (must print: OK)");
    md << QStringLiteral("echo '%1  %2' | sha256sum -c -").arg(a.sha256, path);
    md << QStringLiteral("# 2. Create an empty database and restore into it");
    md << QStringLiteral("createdb %1").arg(shellQuote(target));
    const QString decrypt =
        a.encrypted ? (profile.passphrase ? QStringLiteral("age -d %1 | ").arg(shellQuote(path))
                                          : QStringLiteral("age -d -i KEY_FILE %1 | ").arg(shellQuote(path)))
                    : QStringLiteral("cat %1 | ").arg(shellQuote(path));
    md << decrypt + QStringLiteral("zstd -d | pg_restore --no-owner -d %1").arg(shellQuote(target));
    md << QStringLiteral("```") << QString();
    if (a.encrypted && !profile.passphrase)
        md << QStringLiteral(
                  "`KEY_FILE` is the age identity file (AGE-SECRET-KEY-1…) of one of the recipients "
                  "above — the team's offline recovery key, or the recovery kit exported with "
                  "`lifeboat-cli key export`.")
           << QString();
    writeRowCountChecks(md, a);
}

} // namespace

QString RunbookWriter::write(const Profile &profile, const QList<ArtifactRecord> &artifacts,
                             const QDateTime &nowUtc)
{
    QStringList md;
    writeWhatIsBackedUp(md, profile, nowUtc);
    const QList<ArtifactRecord> latest = writeLatestBackups(md, artifacts);
    md << QStringLiteral("## Restore without Lifeboat") << QString();
    md << QStringLiteral(
              "Needs: `age` (if encrypted), `zstd`, and PostgreSQL client tools of the backup's major "
              "version or newer (`pg_restore`, `psql`, `createdb`).")
       << QString();
    for (const ArtifactRecord &a : latest)
        writeManualRestore(md, profile, a);
    md << QStringLiteral("## With Lifeboat") << QString() << QStringLiteral("```sh");
    md << QStringLiteral("lifeboat-cli list %1                     # pick the backup ID")
              .arg(shellQuote(profile.name));
    md << QStringLiteral(
        "lifeboat-cli verify ID --identity KEY_FILE    # integrity: checksums, decryption, archive");
    md << QStringLiteral(
        "lifeboat-cli restore ID --identity KEY_FILE   # into a new database <db>_restore_<date>");
    md << QStringLiteral("```") << QString();
    md << QStringLiteral("## After restoring") << QString();
    md << QStringLiteral("1. Run the row-count checks above; every number must match.");
    md << QStringLiteral("2. Check the extensions exist: `SELECT extname, extversion FROM pg_extension;`");
    md << QStringLiteral(
        "3. Point a test copy of the application at the restored database before switching production.");
    md << QStringLiteral("4. Record how long the restore took; compare it with the measured time above.");
    return md.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace lifeboat
