#pragma once

#include "core/ArtifactRecord.h"
#include "core/Catalog.h"
#include "core/RunRecord.h"

#include <QList>
#include <QMetaType>
#include <QStringList>

namespace lifeboat {

// What the History view's details pane shows for one run, read off the GUI thread.
struct RunDetails
{
    RunRecord run;
    QStringList events;              // "time level message"
    QList<ArtifactRecord> artifacts; // backups the run wrote (with their manifests)
    QString error;
};

// The History chart's data: one database's backups over time.
struct BackupSeries
{
    QString profileName;
    QString database;
    QStringList databases; // every database of the profile with backups (for the chart's picker)
    QList<Catalog::BackupPoint> points;
    QString error;
};

} // namespace lifeboat

Q_DECLARE_METATYPE(lifeboat::RunDetails)
Q_DECLARE_METATYPE(lifeboat::BackupSeries)
