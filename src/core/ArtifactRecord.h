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
    // The last integrity check that read the whole artifact (verify, or the start of a restore or
    // test restore): "" never, "ok", or "failed" (the stored bytes are damaged: `integrityDetail`).
    QString integrityState;
    QDateTime integrityCheckedUtc;
    QString integrityDetail;

    // The last integrity check proved the stored bytes wrong: this backup will not restore.
    bool damaged() const { return integrityState == QLatin1String("failed"); }
    QDateTime prunedUtc; // when retention deleted it from its last destination; invalid = present
};

} // namespace lifeboat
