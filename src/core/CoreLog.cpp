#include "core/CoreLog.h"

Q_LOGGING_CATEGORY(lcCatalog, "lifeboat.core.catalog", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProfile, "lifeboat.core.profile", QtWarningMsg)
