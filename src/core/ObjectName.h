#pragma once

#include <QString>

namespace lifeboat {

struct Profile;

// How a backup's objects are named at a destination: <slug>/<db>/<db>_<stamp>, then the extension
// of each part (.dump.zst[.age], .manifest.json[.age], .globals.sql.zst[.age]).
class ObjectName
{
public:
    // The object name without extension: <slug>/<db>/<db>_<stamp>.
    static QString base(const Profile &profile, const QString &database, const QString &stamp);
    // A database name as one path component: '/', '\' and control characters become '_', so does
    // a leading '.'; never empty.
    static QString safeFileName(const QString &name);
};

} // namespace lifeboat
