#include "core/ConfigPaths.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace lifeboat {

ConfigPaths::ConfigPaths(const QString &explicitDir)
{
    QString dir = explicitDir;
    if (dir.isEmpty())
        dir = qEnvironmentVariable("LIFEBOAT_CONFIG_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
              QStringLiteral("/lifeboat");
    m_root = QDir(dir).absolutePath();
}

QString ConfigPaths::catalogPath() const
{
    return m_root + QStringLiteral("/catalog.sqlite");
}

QString ConfigPaths::settingsPath() const
{
    return m_root + QStringLiteral("/settings.ini");
}

QString ConfigPaths::locksDir() const
{
    return m_root + QStringLiteral("/locks");
}

QString ConfigPaths::logsDir() const
{
    return m_root + QStringLiteral("/logs");
}

QString ConfigPaths::secretScope() const
{
    const QString standard = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                                  QStringLiteral("/lifeboat"))
                                 .absolutePath();
    return QDir::cleanPath(m_root) == QDir::cleanPath(standard) ? QString() : QDir::cleanPath(m_root);
}

Status ConfigPaths::ensureExists() const
{
    for (const QString &dir : {m_root, locksDir(), logsDir()}) {
        if (!QDir().mkpath(dir))
            return makeError(
                QStringLiteral("config.dir"),
                QStringLiteral("cannot create the configuration folder %1: check its permissions "
                               "or choose another with --config-dir")
                    .arg(dir));
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return {};
}

} // namespace lifeboat
