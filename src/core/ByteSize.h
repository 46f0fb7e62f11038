#pragma once

#include <QString>

namespace lifeboat {

// How sizes appear in messages, events and CLI output: "12.3 MiB" from 0.1 MiB up, and below
// that "48.0 KiB" or "512 bytes", so a small size never shows as "0.0 MiB".
inline QString formatMiB(qint64 bytes)
{
    constexpr qint64 kKiB = 1024;
    constexpr qint64 kMiB = 1024 * kKiB;
    const qint64 magnitude = bytes < 0 ? -bytes : bytes;
    if (magnitude < kKiB)
        return QStringLiteral("%1 %2").arg(bytes).arg(magnitude == 1 ? QStringLiteral("byte")
                                                                     : QStringLiteral("bytes"));
    if (magnitude < kMiB / 10)
        return QString::number(double(bytes) / double(kKiB), 'f', 1) + QStringLiteral(" KiB");
    return QString::number(double(bytes) / double(kMiB), 'f', 1) + QStringLiteral(" MiB");
}

} // namespace lifeboat
