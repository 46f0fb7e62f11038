#pragma once

#include "core/Manifest.h"
#include "core/Result.h"
#include "engine/pg/ArchiveScanner.h"
#include "engine/restore/ArtifactReader.h"

#include <QStringList>

namespace lifeboat {

// The integrity check that runs before anything touches a database: reads the whole stored
// object and checks, in order of the bytes, age authentication (header MAC, every chunk's tag),
// zstd frame checksums, the pg_dump archive's structure (and that pg_restore itself can read its
// table of contents), the size and SHA-256 recorded at backup time, and that every table's row
// count in the archive equals the manifest's. The first problem is reported precisely.
class IntegrityChecker
{
public:
    struct Report
    {
        qint64 storedBytes = 0;
        qint64 archiveBytes = 0;
        int tocEntries = 0;
        int tables = 0;
        qint64 rows = 0;
        double seconds = 0;
        Manifest manifest;
        // Fills in the archive's unset data offsets (ArchiveScanner::dataOffsetPatches), for a
        // decoded copy that pg_restore --jobs will read.
        QList<ArchiveScanner::OffsetPatch> offsetPatches;
        QStringList lines() const;
    };

    // `pgRestore` is the pg_restore used to read the table of contents (empty: skip that step).
    // `copyTo`, when given, also receives the decoded archive (a restore with --jobs keeps it in
    // a private temporary file, so the artifact is read and decoded once, not twice).
    static Result<Report> check(const ArtifactReader &reader, const DecryptionKeys &keys,
                                const QString &pgRestore, const ArtifactReader::ProgressFn &progress = {},
                                ByteSink *copyTo = nullptr);

    // Whether a failed check proved the stored backup damaged (its size or SHA-256, an age tag, a
    // zstd checksum, the archive's structure or its row counts are wrong), as opposed to a check
    // that could not be made or finished: no key or the wrong one, an unreachable or missing
    // object, cancellation, a missing tool. Only a proof is recorded against the backup.
    static bool provesDamage(const Error &error);
};

} // namespace lifeboat
