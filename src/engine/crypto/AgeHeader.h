#pragma once

#include "engine/crypto/AgeStanza.h"

#include <QByteArray>
#include <QList>

namespace lifeboat {

// A parsed or to-be-written age v1 header.
struct AgeHeader
{
    static constexpr int MacSize = 32;

    QList<AgeStanza> stanzas;
    // The bytes the header MAC covers: from the version line up to and including the "---" of the
    // closing line (without the space that follows it).
    QByteArray macInput;
    QByteArray mac;
    // The size of the whole header in the file, closing line included.
    qint64 size = 0;

    // The version line and the stanzas followed by "---": what the MAC is computed over.
    static QByteArray serialiseForMac(const QList<AgeStanza> &stanzas);
    // The complete header, given the MAC input and the MAC.
    static QByteArray serialise(const QByteArray &macInput, const QByteArray &mac);
};

} // namespace lifeboat
