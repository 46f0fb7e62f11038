#pragma once

#include <QString>

#include <optional>

namespace lifeboat {

// What a job or run does. Stored in the catalog and printed by the CLI by name.
enum class RunKind
{
    Backup,    // "backup"
    DryRun,    // "dry-run": a backup's plan, nothing written (a job only, never recorded)
    Integrity, // "integrity": the integrity check alone (a job; its run is recorded as Verify)
    Verify,    // "verify": an integrity check or a test restore
    Restore,   // "restore"
    Prune      // "prune": retention
};

QString runKindName(RunKind kind);
std::optional<RunKind> runKindFromName(const QString &name);

} // namespace lifeboat
