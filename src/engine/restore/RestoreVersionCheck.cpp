#include "engine/restore/RestoreVersionCheck.h"

namespace lifeboat {

int RestoreVersionCheck::majorKey(int versionNum)
{
    return versionNum >= 100000 ? versionNum / 10000 * 100 : versionNum / 100;
}

QString RestoreVersionCheck::majorText(int versionNum)
{
    if (versionNum <= 0)
        return {};
    if (versionNum >= 100000)
        return QString::number(versionNum / 10000);
    return QStringLiteral("%1.%2").arg(versionNum / 10000).arg(versionNum / 100 % 100);
}

Status RestoreVersionCheck::checkTarget(int dumpVersionNum, int targetVersionNum, const QString &targetName)
{
    if (dumpVersionNum <= 0 || majorKey(targetVersionNum) >= majorKey(dumpVersionNum))
        return {};
    return makeError(QStringLiteral("restore.version"),
                     QStringLiteral("the target %1 runs PostgreSQL %2, older than the backup's server (%3): "
                                    "restore into PostgreSQL %3 or newer")
                         .arg(targetName, majorText(targetVersionNum), majorText(dumpVersionNum)));
}

int RestoreVersionCheck::archiveMajor(const Manifest &manifest)
{
    const int dumpMajor = manifest.serverVersionNum / 10000;
    return qMax(dumpMajor, manifest.pgDumpVersion.section(QLatin1Char('.'), 0, 0).toInt());
}

int RestoreVersionCheck::pgRestoreMajorNeeded(const Manifest &manifest, int targetVersionNum)
{
    return qMax(archiveMajor(manifest), targetVersionNum / 10000);
}

} // namespace lifeboat
