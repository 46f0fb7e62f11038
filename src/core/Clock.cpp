#include "core/Clock.h"

#include <QElapsedTimer>

#include <atomic>

namespace lifeboat {

namespace {
std::atomic<const Clock *> g_clock{nullptr};
} // namespace

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

const Clock &Clock::instance()
{
    static const SystemClock systemClock;
    const Clock *clock = g_clock.load();
    return clock ? *clock : systemClock;
}

void Clock::setInstance(const Clock *clock)
{
    g_clock.store(clock);
}

} // namespace lifeboat
