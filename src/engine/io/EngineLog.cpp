#include "engine/io/EngineLog.h"

Q_LOGGING_CATEGORY(lcPipeline, "lifeboat.engine.pipeline", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "lifeboat.engine.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcJobs, "lifeboat.engine.jobs", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTools, "lifeboat.engine.tools", QtWarningMsg)
