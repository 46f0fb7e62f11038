#include "core/RunKind.h"

namespace lifeboat {

QString runKindName(RunKind kind)
{
    switch (kind) {
    case RunKind::Backup:
        return QStringLiteral("backup");
    case RunKind::DryRun:
        return QStringLiteral("dry-run");
    case RunKind::Integrity:
        return QStringLiteral("integrity");
    case RunKind::Verify:
        return QStringLiteral("verify");
    case RunKind::Restore:
        return QStringLiteral("restore");
    case RunKind::Prune:
        return QStringLiteral("prune");
    }
    return QStringLiteral("backup");
}

std::optional<RunKind> runKindFromName(const QString &name)
{
    for (RunKind kind : {RunKind::Backup, RunKind::DryRun, RunKind::Integrity, RunKind::Verify,
                         RunKind::Restore, RunKind::Prune}) {
        if (name == runKindName(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace lifeboat
