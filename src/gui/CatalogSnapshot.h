#pragma once

#include "core/ArtifactRecord.h"
#include "core/RunRecord.h"
#include "gui/ProfileSummary.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

namespace lifeboat {

// What the catalog holds, as a value: read on the CatalogReader's thread and handed to the GUI
// thread through a queued signal. The GUI never touches the catalog itself.
struct CatalogSnapshot
{
    static constexpr int kRunsPerProfile = 500;

    QString catalogPath;
    QString error;         // non-empty when the catalog could not be read
    int recoveredRuns = 0; // runs found interrupted when the reader started (first load only)
    QDateTime loadedUtc;
    QList<ProfileSummary> profiles;                  // by name
    QHash<QString, QList<ArtifactRecord>> artifacts; // profile name → newest first
    QHash<QString, QList<RunRecord>> runs;           // profile name → newest first, at most kRunsPerProfile

    bool ok() const { return error.isEmpty(); }
};

} // namespace lifeboat

Q_DECLARE_METATYPE(lifeboat::CatalogSnapshot)
