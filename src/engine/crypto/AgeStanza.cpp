#include "engine/crypto/AgeStanza.h"

#include "engine/crypto/AgeBase64.h"

namespace lifeboat {

QByteArray AgeStanza::serialise() const
{
    QByteArray out = QByteArrayLiteral("-> ") + type;
    for (const QByteArray &arg : args)
        out += ' ' + arg;
    out += '\n';
    const QByteArray encoded = AgeBase64::encode(body);
    constexpr qsizetype Columns = 64;
    qsizetype position = 0;
    while (encoded.size() - position >= Columns) {
        out += QByteArrayView(encoded).sliced(position, Columns);
        out += '\n';
        position += Columns;
    }
    out += QByteArrayView(encoded).sliced(position);
    out += '\n';
    return out;
}

} // namespace lifeboat
