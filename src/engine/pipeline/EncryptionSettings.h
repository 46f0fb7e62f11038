#pragma once

#include "engine/crypto/AgeRecipient.h"

#include <QByteArray>
#include <QList>

namespace lifeboat {

// How artifacts are encrypted: to age X25519 recipients, with a passphrase (scrypt), or not.
struct EncryptionSettings
{
    QList<AgeRecipient> recipients;
    QByteArray passphrase; // held only for the run; wiped by the owner
    int scryptLogN = 18;

    bool isEnabled() const { return !recipients.isEmpty() || !passphrase.isEmpty(); }
    QString mode() const
    {
        return !passphrase.isEmpty()
                   ? QStringLiteral("scrypt")
                   : (recipients.isEmpty() ? QStringLiteral("none") : QStringLiteral("x25519"));
    }
};

} // namespace lifeboat
