#include "core/RunRecord.h"

namespace lifeboat {

QString RunRecord::stateName(State state)
{
    switch (state) {
    case State::Queued:
        return QStringLiteral("queued");
    case State::Running:
        return QStringLiteral("running");
    case State::Succeeded:
        return QStringLiteral("succeeded");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    case State::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QStringLiteral("failed");
}

RunRecord::State RunRecord::stateFromName(const QString &name)
{
    for (State s : {State::Queued, State::Running, State::Succeeded, State::Failed, State::Cancelled,
                    State::Interrupted}) {
        if (stateName(s) == name)
            return s;
    }
    return State::Failed;
}

} // namespace lifeboat
