#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace lifeboat {

// One backup artifact (one database, one point in time), stored at one or more destinations.
struct ArtifactRecord
{
    struct Location
    {
        QString destination;  // the profile's destination as configured (folder or URL)
        QString objectPath;   // relative to it: <slug>/<db>/<db>_<stamp>.dump.zst[.age]
        QString manifestPath; // relative to it
        QDateTime prunedUtc;  // when retention deleted it from this destination; invalid = present
    };

    qint64 id = 0;
    qint64 runId = 0;
    qint64 profileId = 0;
    QString profileName;
    QString database;
    QDateTime createdUtc;
    qint64 dumpBytes = 0;
    qint64 storedBytes = 0;
    QString sha256;
    bool encrypted = false;
    QList<Location> locations;
    QByteArray manifestJson;
    QString verifyState; // "", "verified", "failed"
    QDateTime verifiedUtc;
    double restoreSeconds = 0;
    QDateTime prunedUtc; // when retention deleted it from its last destination; invalid = present
};

} // namespace lifeboat
