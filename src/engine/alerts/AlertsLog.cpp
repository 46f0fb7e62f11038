#include "engine/alerts/AlertsLog.h"

Q_LOGGING_CATEGORY(lcAlerts, "lifeboat.engine.alerts", QtWarningMsg)
