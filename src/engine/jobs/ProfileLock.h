#pragma once

#include "core/Result.h"

#include <QString>

namespace lifeboat {

// One run per profile at a time, across threads and processes (the app, the CLI, a timer): an
// exclusive flock() on <config>/locks/<slug>.lock held for the run's lifetime. The kernel drops
// it when the process dies, so a crash never leaves a stale lock.
class ProfileLock
{
public:
    ProfileLock() = default;
    ~ProfileLock();
    ProfileLock(const ProfileLock &) = delete;
    ProfileLock &operator=(const ProfileLock &) = delete;

    // Fails with "profile X is already running (pid N)" when someone holds it.
    Status acquire(const QString &locksDir, const QString &profileName);
    void release();
    bool isHeld() const { return m_fd >= 0; }

    // Is the lock of this profile held by anyone right now?
    static bool isLocked(const QString &locksDir, const QString &profileName);

private:
    int m_fd = -1;
};

} // namespace lifeboat
