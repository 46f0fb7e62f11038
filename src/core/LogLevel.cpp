#include "core/LogLevel.h"

namespace lifeboat {

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

std::optional<LogLevel> logLevelFromName(const QString &name)
{
    for (LogLevel level : {LogLevel::Info, LogLevel::Warning, LogLevel::Error}) {
        if (name == logLevelName(level))
            return level;
    }
    return std::nullopt;
}

} // namespace lifeboat
