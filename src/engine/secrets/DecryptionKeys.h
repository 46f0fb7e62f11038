#pragma once

#include "engine/crypto/AgeIdentity.h"

#include <QByteArray>
#include <QList>

namespace lifeboat {

// What can open an encrypted artifact: age identities (from the keychain or an identity file
// given with --identity, as `age -i` takes) and/or a passphrase.
struct DecryptionKeys
{
    QList<AgeIdentity> identities;
    QByteArray passphrase;

    bool isEmpty() const { return identities.isEmpty() && passphrase.isEmpty(); }
};

} // namespace lifeboat
