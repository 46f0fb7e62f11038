#pragma once

#include <QDateTime>

namespace lifeboat {

// The time seam: product code asks a Clock, tests install a MockClock (tests/mock/MockClock.h).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    virtual qint64 monotonicMs() const = 0;

    static const Clock &instance();
    // Tests only: replace the process-wide clock (nullptr restores the system clock).
    static void setInstance(const Clock *clock);
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;
};

} // namespace lifeboat
