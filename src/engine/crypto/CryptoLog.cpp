#include "engine/crypto/CryptoLog.h"

namespace lifeboat {

Q_LOGGING_CATEGORY(lcCrypto, "lifeboat.engine.crypto", QtWarningMsg)

} // namespace lifeboat
