#pragma once

#include <QLoggingCategory>

namespace lifeboat {

// Logging category of the crypto subsystem. Never log key material, passphrases or file keys.
Q_DECLARE_LOGGING_CATEGORY(lcCrypto)

} // namespace lifeboat
