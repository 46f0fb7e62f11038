#pragma once

#include "core/Clock.h"

#include <QTimeZone>

namespace lifeboat {

// A clock that moves only when the test says so. Installs itself for its lifetime.
class MockClock final : public Clock
{
public:
    explicit MockClock(QDateTime start = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC))
        : m_now(std::move(start))
    {
        Clock::setInstance(this);
    }
    ~MockClock() override { Clock::setInstance(nullptr); }

    QDateTime nowUtc() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonic; }

    void advanceSeconds(qint64 s)
    {
        m_now = m_now.addSecs(s);
        m_monotonic += s * 1000;
    }
    void setNow(const QDateTime &t) { m_now = t; }

private:
    QDateTime m_now;
    qint64 m_monotonic = 0;
};

} // namespace lifeboat
