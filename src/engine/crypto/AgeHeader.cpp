#include "engine/crypto/AgeHeader.h"

#include "engine/crypto/AgeBase64.h"
#include "engine/crypto/AgeFormat.h"

namespace lifeboat {

QByteArray AgeHeader::serialiseForMac(const QList<AgeStanza> &stanzas)
{
    QByteArray out = QByteArray(age::VersionLine) + '\n';
    for (const AgeStanza &stanza : stanzas)
        out += stanza.serialise();
    out += QByteArrayLiteral("---");
    return out;
}

QByteArray AgeHeader::serialise(const QByteArray &macInput, const QByteArray &mac)
{
    return macInput + ' ' + AgeBase64::encode(mac) + '\n';
}

} // namespace lifeboat
