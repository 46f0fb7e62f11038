#pragma once

#include <QString>

#include <optional>

namespace lifeboat {

// How much a run's event matters. Stored in the catalog by name ("info", "warning", "error").
enum class LogLevel
{
    Info,
    Warning,
    Error
};

QString logLevelName(LogLevel level);
std::optional<LogLevel> logLevelFromName(const QString &name);

} // namespace lifeboat
