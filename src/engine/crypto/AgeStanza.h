#pragma once

#include <QByteArray>
#include <QList>

namespace lifeboat {

// One recipient stanza of an age header: "-> type arg..." followed by the base64 body.
struct AgeStanza
{
    QByteArray type;
    QList<QByteArray> args;
    QByteArray body;

    // The canonical encoding: the argument line, then the body in lines of 64 base64 columns, always
    // ending with a short (possibly empty) line.
    QByteArray serialise() const;
};

} // namespace lifeboat
