#include "engine/pg/PgLog.h"

Q_LOGGING_CATEGORY(lcPg, "lifeboat.engine.pg", QtWarningMsg)
