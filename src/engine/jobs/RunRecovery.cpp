#include "engine/jobs/RunRecovery.h"

#include "core/Catalog.h"
#include "engine/jobs/ProfileLock.h"
#include "engine/storage/LocalFileWriter.h"

#include <QDirIterator>
#include <QFile>

namespace lifeboat {

Result<int> RunRecovery::recover(Catalog &catalog, const ConfigPaths &paths)
{
    QStringList interruptedProfiles;
    auto marked = catalog.markInterruptedRuns([&](const RunRecord &run) {
        const bool alive = ProfileLock::isLocked(paths.locksDir(), run.profileName);
        if (!alive)
            interruptedProfiles << run.profileName;
        return alive;
    });
    if (!marked)
        return marked;
    // Leftover partial files of interrupted runs (hidden, never named like a backup).
    for (const QString &name : std::as_const(interruptedProfiles)) {
        auto profile = catalog.profile(name);
        if (!profile)
            continue;
        for (const QString &dest : profile->destinations) {
            if (!dest.startsWith(QLatin1Char('/')))
                continue;
            const QString root = dest + QLatin1Char('/') + Profile::slug(name);
            QDirIterator it(
                root,
                {QStringLiteral(".*") + QLatin1String(LocalFileWriter::kPartialMarker) + QStringLiteral("*")},
                QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                QFile::remove(it.next());
        }
    }
    return marked;
}

} // namespace lifeboat
