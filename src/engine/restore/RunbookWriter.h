#pragma once

#include "core/ArtifactRecord.h"
#include "core/Profile.h"

#include <QList>
#include <QString>

namespace lifeboat {

// Writes a profile's disaster-recovery runbook in Markdown: where the backups are, how to restore
// them with no Lifeboat at hand (the exact age/zstd/pg_restore commands for this profile), the
// measured restore time of the last verification, and the checks to run afterwards.
class RunbookWriter
{
public:
    static QString write(const Profile &profile, const QList<ArtifactRecord> &artifacts,
                         const QDateTime &nowUtc);
};

} // namespace lifeboat
