#include "gui/history/RestoreCommand.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace lifeboat {

QString RestoreCommand::shellQuote(const QString &argument)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:@%+=,-]+$"));
    if (safe.match(argument).hasMatch())
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString RestoreCommand::cli(const ConfigPaths &paths, const ArtifactRecord &artifact)
{
    QString command = QStringLiteral("lifeboat-cli ");
    const QString defaultRoot = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                                     QStringLiteral("/lifeboat"))
                                    .absolutePath();
    if (paths.root() != defaultRoot)
        command += QStringLiteral("--config-dir ") + shellQuote(paths.root()) + QLatin1Char(' ');
    return command + QStringLiteral("restore %1").arg(artifact.id);
}

QString RestoreCommand::pipeline(const ArtifactRecord &artifact, bool passphrase)
{
    const ArtifactRecord::Location location = artifact.locations.value(0);
    QString path = location.destination + QLatin1Char('/') + location.objectPath;
    QString fetch;
    if (location.destination.startsWith(QLatin1String("s3://"))) {
        fetch = QStringLiteral("aws s3 cp %1 . && ").arg(shellQuote(path));
        path = location.objectPath.section(QLatin1Char('/'), -1);
    }
    const QString target = shellQuote(artifact.database + QStringLiteral("_restored"));
    QString decode;
    if (!artifact.encrypted)
        decode = QStringLiteral("zstd -d < %1").arg(shellQuote(path));
    else if (passphrase)
        decode = QStringLiteral("age -d %1 | zstd -d").arg(shellQuote(path));
    else
        decode = QStringLiteral("age -d -i KEY_FILE %1 | zstd -d").arg(shellQuote(path));
    return fetch + QStringLiteral("createdb %1 && %2 | pg_restore --no-owner -d %1").arg(target, decode);
}

QString RestoreCommand::localFolder(const ArtifactRecord &artifact)
{
    for (const ArtifactRecord::Location &location : artifact.locations) {
        if (location.destination.contains(QStringLiteral("://")))
            continue;
        const QFileInfo file(location.destination + QLatin1Char('/') + location.objectPath);
        return file.absolutePath();
    }
    return {};
}

} // namespace lifeboat
