#pragma once

#include "core/Manifest.h"
#include "core/Result.h"

#include <QString>

namespace lifeboat {

// Which PostgreSQL versions a backup can be restored into, from version numbers alone (the
// server_version_num form: 150004 is 15.4, 90624 is 9.6.24), so that every combination is tested
// although one machine has one PostgreSQL. pg_dump archives restore into the same major or a
// newer one, never an older one.
class RestoreVersionCheck
{
public:
    // "15", "9.6" (majors before 10 have two parts); empty for 0 (unknown).
    static QString majorText(int versionNum);
    // Refuses a target whose major is older than the dump's server; ok when the dump's version
    // is unknown (0). The error is one sentence saying what to restore into instead.
    static Status checkTarget(int dumpVersionNum, int targetVersionNum, const QString &targetName);
    // The major of the archive format: the newer of the dump's server and the pg_dump that wrote it.
    static int archiveMajor(const Manifest &manifest);
    // The lowest pg_restore major that can read the archive and talks to the target.
    static int pgRestoreMajorNeeded(const Manifest &manifest, int targetVersionNum);

private:
    static int majorKey(int versionNum); // 1500 for 15.x, 906 for 9.6.x: comparable
};

} // namespace lifeboat
