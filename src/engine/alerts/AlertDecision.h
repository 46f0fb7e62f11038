#pragma once

#include "core/Catalog.h"
#include "engine/alerts/Alert.h"

#include <QList>

namespace lifeboat {

// What one evaluation decided: the alerts to send and the alert-state rows to write or delete.
struct AlertDecision
{
    QList<Alert> alerts;
    QList<Catalog::AlertStateEntry> upserts;
    QList<Catalog::AlertStateEntry> removals;
};

} // namespace lifeboat
