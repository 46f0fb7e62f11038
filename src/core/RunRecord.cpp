#include "core/RunRecord.h"

#include <QStringList>

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

bool RunRecord::isRefusal(const QString &errorCode)
{
    // The codes of RestorePreflight, RestoreVersionCheck and RestoreJob's own target checks.
    static const QStringList refusals{QStringLiteral("restore.exists"),  QStringLiteral("restore.confirm"),
                                      QStringLiteral("restore.roles"),   QStringLiteral("restore.extensions"),
                                      QStringLiteral("restore.version"), QStringLiteral("restore.target")};
    return refusals.contains(errorCode);
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
