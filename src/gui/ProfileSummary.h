#pragma once

#include "core/Profile.h"
#include "core/RunRecord.h"

#include <QDateTime>

namespace lifeboat {

// A profile with what the dashboard says about it, worked out by the CatalogReader.
struct ProfileSummary
{
    Profile profile;
    QDateTime lastBackupUtc;    // the newest artifact's time (invalid: never backed up)
    qint64 lastBackupBytes = 0; // stored bytes of the newest backup run's artifacts
    int backupCount = 0;        // artifacts in the catalog
    qint64 totalStoredBytes = 0;
    RunRecord lastRun; // the newest run of any kind (id 0: none)
};

} // namespace lifeboat
