#pragma once

#include <QString>

namespace lifeboat {

// "12.3 MiB": how sizes appear in messages, events and CLI output.
inline QString formatMiB(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

} // namespace lifeboat
