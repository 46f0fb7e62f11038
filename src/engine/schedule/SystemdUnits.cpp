#include "engine/schedule/SystemdUnits.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace lifeboat {

QString SystemdUnits::quoteArgument(const QString &argument)
{
    // Exec= splits on whitespace and understands "…" with C-style escapes; '%' starts a
    // specifier and '$' a variable, so both are doubled.
    QString escaped;
    for (const QChar c : argument) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            escaped += QLatin1Char('\\');
        escaped += c;
        if (c == QLatin1Char('%') || c == QLatin1Char('$'))
            escaped += c;
    }
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString SystemdUnits::serviceText(const QString &cliPath, const QString &configDir)
{
    QString exec = quoteArgument(cliPath);
    if (!configDir.isEmpty())
        exec += QStringLiteral(" --config-dir ") + quoteArgument(configDir);
    exec += QStringLiteral(" run-due");
    return QStringLiteral(
               "# Written by lifeboat-cli schedule install; remove with lifeboat-cli schedule uninstall.\n"
               "[Unit]\n"
               "Description=Lifeboat: run the PostgreSQL backups that are due\n"
               "\n"
               "[Service]\n"
               "Type=oneshot\n"
               "ExecStart=%1\n"
               "Nice=10\n"
               "IOSchedulingClass=best-effort\n"
               "IOSchedulingPriority=7\n")
        .arg(exec);
}

QString SystemdUnits::timerText(int intervalMinutes)
{
    const int minutes = std::clamp(intervalMinutes, 1, 59);
    return QStringLiteral(
               "# Written by lifeboat-cli schedule install; remove with lifeboat-cli schedule uninstall.\n"
               "[Unit]\n"
               "Description=Lifeboat: check for due backups every %1 minute(s)\n"
               "\n"
               "[Timer]\n"
               "OnCalendar=*-*-* *:00/%1:00\n"
               "Persistent=true\n"
               "AccuracySec=30s\n"
               "Unit=%2\n"
               "\n"
               "[Install]\n"
               "WantedBy=timers.target\n")
        .arg(minutes)
        .arg(QLatin1String(kServiceName));
}

QString SystemdUnits::unitDirectory()
{
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QStringLiteral("/.config");
    return base + QStringLiteral("/systemd/user");
}

Status SystemdUnits::write(const QString &directory, const QString &cliPath, const QString &configDir,
                           int intervalMinutes)
{
    if (!QDir().mkpath(directory))
        return makeError(QStringLiteral("schedule.install"),
                         QStringLiteral("cannot create %1: check the folder's permissions").arg(directory));
    const std::pair<const char *, QString> files[] = {
        {kServiceName, serviceText(cliPath, configDir)},
        {kTimerName, timerText(intervalMinutes)},
    };
    for (const auto &[name, text] : files) {
        QSaveFile f(QDir(directory).filePath(QLatin1String(name)));
        if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit())
            return makeError(QStringLiteral("schedule.install"),
                             QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()));
        QFile::setPermissions(f.fileName(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return {};
}

Status SystemdUnits::remove(const QString &directory)
{
    for (const char *name : {kServiceName, kTimerName}) {
        const QString path = QDir(directory).filePath(QLatin1String(name));
        if (QFile::exists(path) && !QFile::remove(path))
            return makeError(QStringLiteral("schedule.uninstall"),
                             QStringLiteral("cannot remove %1: check the folder's permissions").arg(path));
    }
    return {};
}

} // namespace lifeboat
