#pragma once

#include "core/RunKind.h"

#include <QDateTime>
#include <QString>

namespace lifeboat {

// One job as the catalog remembers it (backup, verify, restore, prune).
struct RunRecord
{
    enum class State
    {
        Queued,
        Running,
        Succeeded,
        Failed,
        Cancelled,
        Interrupted
    };

    qint64 id = 0;
    qint64 profileId = 0;
    QString profileName;
    RunKind kind = RunKind::Backup;
    State state = State::Queued;
    QDateTime startedUtc;
    QDateTime finishedUtc;
    QString databases; // comma-separated, for display
    QString message;   // the outcome in one sentence
    qint64 bytes = 0;  // stored bytes written (backup) / read (verify, restore)
    qint64 pid = 0;    // the process that ran it (to tell a live run from an interrupted one)
    QString trigger = QStringLiteral("manual"); // "manual", "schedule" or "catch-up"
    QString errorCode; // a failed run's Error::code ("restore.exists", "zstd.corrupt", ...)

    static QString stateName(State state);
    static State stateFromName(const QString &name);
    bool isFinished() const { return state != State::Queued && state != State::Running; }
    // A restore or test restore that its pre-flight check turned down before it touched anything
    // (the target database exists, a role or extension is missing, the target server is older
    // than the backup, ...): the request needs changing; nothing is wrong with the backup.
    bool refused() const { return state == State::Failed && isRefusal(errorCode); }
    // The raw outcome: stateName(state), or "refused" when refused()
    QString outcomeName() const { return refused() ? QStringLiteral("refused") : stateName(state); }
    static bool isRefusal(const QString &errorCode);
};

} // namespace lifeboat
