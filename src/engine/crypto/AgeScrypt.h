#pragma once

#include "core/Result.h"
#include "engine/crypto/AgeStanza.h"
#include "engine/crypto/SecretBytes.h"

#include <QByteArray>

#include <optional>

namespace lifeboat {

// age's passphrase recipient: scrypt (N = 2^logN, r = 8, p = 1) over the passphrase with the salt
// "age-encryption.org/v1/scrypt" || 16 random bytes, wrapping the file key in an "scrypt" stanza.
// Memory use is 128 * 8 * 2^logN bytes: 256 MiB at logN 18, 4 GiB at logN 22.
class AgeScrypt
{
public:
    static constexpr int SaltSize = 16;
    static constexpr int MinCalibratedLogN = 15;
    static constexpr int MaxLogN = 22; // the largest work factor age's own decrypter accepts
    static constexpr int MinEncryptLogN = 10;

    AgeScrypt() = delete;

    // The work factor for which one derivation takes about `targetMilliseconds` on this machine,
    // clamped to [MinCalibratedLogN, MaxLogN]. Runs scrypt a few times (tens of milliseconds).
    static int calibrateLogN(int targetMilliseconds);

    // The 32-byte wrapping key for `salt` (the 16 random bytes, without the label).
    static Result<SecretBytes> deriveKey(const SecretBytes &passphrase, const QByteArray &salt, int logN);

    static Result<AgeStanza> wrap(const SecretBytes &fileKey, const SecretBytes &passphrase, int logN);
    // nullopt: not an scrypt stanza, or the passphrase does not open it (the caller tells these apart).
    // Error "age.header": a malformed scrypt stanza or one whose work factor exceeds `maxLogN`.
    static Result<std::optional<SecretBytes>> unwrap(const AgeStanza &stanza, const SecretBytes &passphrase,
                                                     int maxLogN);
};

} // namespace lifeboat
