#include "engine/secrets/SecretsLog.h"

Q_LOGGING_CATEGORY(lcSecrets, "lifeboat.engine.secrets", QtWarningMsg)
