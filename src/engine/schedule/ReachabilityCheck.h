#pragma once

#include "core/Profile.h"
#include "core/Result.h"

namespace lifeboat {

// "Only when reachable": does the profile's server answer, and can each destination be reached?
// - Server: a libpq ping (PQpingParams: no password needed, no session opened).
// - Local folder: exists and is writable (a removable disk or network mount that is gone fails).
// - S3: a HEAD of the bucket; any HTTP answer (even 403 without credentials) means reachable.
// Blocks for up to `timeoutSeconds` per target: call it on a worker thread, never the GUI thread.
// The error (code "schedule.unreachable") names the first target that did not answer.
class ReachabilityCheck
{
public:
    static Status check(const Profile &profile, int timeoutSeconds = 10);
    static Status checkServer(const ConnectionSpec &spec, int timeoutSeconds = 10);
    static Status checkDestination(const QString &spec, int timeoutSeconds = 10);
};

} // namespace lifeboat
