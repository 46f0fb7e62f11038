#pragma once

#include "core/ArtifactRecord.h"
#include "core/ConfigPaths.h"

#include <QString>

namespace lifeboat {

// The command lines that restore one backup, for "Copy restore command": lifeboat-cli's, and the
// pipeline of standard tools that needs no Lifeboat (age -d | zstd -d | pg_restore), as the
// runbook gives it.
class RestoreCommand
{
public:
    static QString cli(const ConfigPaths &paths, const ArtifactRecord &artifact);
    // `passphrase`: the profile encrypts with a passphrase (age asks for it) rather than to keys.
    static QString pipeline(const ArtifactRecord &artifact, bool passphrase);
    static QString shellQuote(const QString &argument);
    // The local folder holding the backup, or empty when it is only in object storage.
    static QString localFolder(const ArtifactRecord &artifact);
};

} // namespace lifeboat
