#pragma once

#include "core/RunRecord.h"

#include <QString>

namespace lifeboat {

// Why an alert pass runs, and for which profile.
struct AlertPassRequest
{
    enum class Reason
    {
        JobFinished, // a backup, verification or prune ended: its profile
        Check,       // a periodic or explicit check: one profile, or all (empty name)
        Test         // `alerts test NAME`: a test message to the profile's webhook and desktop
    };

    quint64 id = 0;
    Reason reason = Reason::Check;
    QString profileName;
    RunKind jobKind = RunKind::Backup;
    RunRecord::State jobState = RunRecord::State::Succeeded;
    QString jobMessage;
    qint64 runId = 0;
};

} // namespace lifeboat
