#include "engine/jobs/BackupPlan.h"

#include "core/ByteSize.h"

namespace lifeboat {

QStringList BackupPlan::describe() const
{
    QStringList lines;
    lines << QStringLiteral("profile %1: PostgreSQL %2 at %3")
                 .arg(profile.name, serverVersion, profile.connection.displayName());
    lines << QStringLiteral("pg_dump: %1 (%2)").arg(pgDump.path, pgDump.version);
    if (pgDumpAll)
        lines
            << QStringLiteral("pg_dumpall --globals-only: %1 (%2)").arg(pgDumpAll->path, pgDumpAll->version);
    for (const Database &db : databases)
        lines << QStringLiteral("would back up database '%1' (%2 on the server)")
                     .arg(db.name, formatMiB(db.sizeBytes));
    const QString encryption =
        profile.passphrase
            ? QStringLiteral("age, passphrase (scrypt)")
            : (profile.recipients.isEmpty()
                   ? QStringLiteral("NONE — backups will be readable by anyone who gets the files")
                   : QStringLiteral("age, %1 recipient(s)").arg(profile.recipients.size()));
    lines << QStringLiteral("compression: zstd level %1; encryption: %2")
                 .arg(profile.zstdLevel)
                 .arg(encryption);
    for (const Target &t : targets)
        lines << QStringLiteral("to %1 (%2 free)")
                     .arg(t.description,
                          t.freeBytes < 0 ? QStringLiteral("unknown") : formatMiB(t.freeBytes));
    for (const QString &w : warnings)
        lines << QStringLiteral("warning: ") + w;
    lines << QStringLiteral("dry run: nothing was written");
    return lines;
}

} // namespace lifeboat
