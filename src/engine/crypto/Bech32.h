#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace lifeboat {

// Bech32 (BIP 173) as age uses it for keys: 8-bit data regrouped into 5-bit words, no 90-character
// length limit, all-lowercase or all-uppercase (never mixed). Errors have the code "bech32".
class Bech32
{
public:
    struct Decoded
    {
        QString hrp; // the human-readable part, in the case it was written in
        QByteArray data;
    };

    Bech32() = delete;

    // The HRP must not be mixed-case; an uppercase HRP gives an all-uppercase string.
    static Result<QString> encode(const QString &hrp, const QByteArray &data);
    static Result<Decoded> decode(const QString &text);
};

} // namespace lifeboat
