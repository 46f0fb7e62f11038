#include "engine/crypto/Bech32.h"

#include <QList>

#include <cstring>

namespace lifeboat {

namespace {

constexpr char Charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

Error bech32Error(const QString &message)
{
    return makeError(QStringLiteral("bech32"), message);
}

quint32 polymod(const QList<quint8> &values)
{
    static const quint32 generator[] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    quint32 checksum = 1;
    for (const quint8 value : values) {
        const quint32 top = checksum >> 25;
        checksum = ((checksum & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1)
                checksum ^= generator[i];
        }
    }
    return checksum;
}

// `hrp` is lowercase ASCII.
QList<quint8> hrpExpand(const QByteArray &hrp)
{
    QList<quint8> out;
    out.reserve(hrp.size() * 2 + 1);
    for (const char c : hrp)
        out.append(quint8(quint8(c) >> 5));
    out.append(0);
    for (const char c : hrp)
        out.append(quint8(quint8(c) & 31));
    return out;
}

Result<QByteArray> convertBits(const QList<quint8> &in, int fromBits, int toBits, bool pad)
{
    quint32 accumulator = 0;
    int bits = 0;
    const quint32 maxValue = (1u << toBits) - 1;
    QByteArray out;
    for (const quint8 value : in) {
        if ((value >> fromBits) != 0)
            return bech32Error(QStringLiteral("invalid data range"));
        accumulator = (accumulator << fromBits) | value;
        bits += fromBits;
        while (bits >= toBits) {
            bits -= toBits;
            out.append(char((accumulator >> bits) & maxValue));
        }
    }
    if (pad) {
        if (bits > 0)
            out.append(char((accumulator << (toBits - bits)) & maxValue));
    } else if (bits >= fromBits) {
        return bech32Error(QStringLiteral("illegal zero padding"));
    } else if (((accumulator << (toBits - bits)) & maxValue) != 0) {
        return bech32Error(QStringLiteral("non-zero padding"));
    }
    return out;
}

bool isPrintableAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 33 || c.unicode() > 126)
            return false;
    }
    return true;
}

} // namespace

Result<QString> Bech32::encode(const QString &hrp, const QByteArray &data)
{
    const QString lower = hrp.toLower();
    const QString upper = hrp.toUpper();
    if (hrp != lower && hrp != upper)
        return bech32Error(QStringLiteral("mixed-case human-readable part"));
    if (hrp.isEmpty() || !isPrintableAscii(hrp))
        return bech32Error(QStringLiteral("invalid human-readable part"));

    QList<quint8> bytes;
    bytes.reserve(data.size());
    for (const char c : data)
        bytes.append(quint8(c));
    const Result<QByteArray> words = convertBits(bytes, 8, 5, true);
    if (!words)
        return words.error();

    const QByteArray lowerHrp = lower.toLatin1();
    QList<quint8> values = hrpExpand(lowerHrp);
    for (const char w : *words)
        values.append(quint8(w));
    values.append(QList<quint8>(6, 0));
    const quint32 checksum = polymod(values) ^ 1;

    QByteArray out = lowerHrp + '1';
    for (const char w : *words)
        out.append(Charset[quint8(w)]);
    for (int i = 0; i < 6; ++i)
        out.append(Charset[(checksum >> (5 * (5 - i))) & 31]);
    QString text = QString::fromLatin1(out);
    return hrp == lower ? text : text.toUpper();
}

Result<Bech32::Decoded> Bech32::decode(const QString &text)
{
    if (text.toLower() != text && text.toUpper() != text)
        return bech32Error(QStringLiteral("mixed case"));
    const qsizetype separator = text.lastIndexOf(QLatin1Char('1'));
    if (separator < 1 || separator + 7 > text.size())
        return bech32Error(QStringLiteral("separator '1' at invalid position"));
    const QString hrp = text.left(separator);
    if (!isPrintableAscii(hrp))
        return bech32Error(QStringLiteral("invalid character in human-readable part"));

    const QString lower = text.toLower();
    QList<quint8> values = hrpExpand(hrp.toLower().toLatin1());
    QList<quint8> words;
    for (qsizetype i = separator + 1; i < lower.size(); ++i) {
        const QChar c = lower.at(i);
        const char *found =
            c.unicode() < 128 && c.unicode() > 0 ? std::strchr(Charset, char(c.unicode())) : nullptr;
        if (!found)
            return bech32Error(QStringLiteral("invalid character in data part"));
        words.append(quint8(found - Charset));
    }
    values.append(words);
    if (polymod(values) != 1)
        return bech32Error(QStringLiteral("invalid checksum"));
    words.resize(words.size() - 6);
    Result<QByteArray> data = convertBits(words, 5, 8, false);
    if (!data)
        return data.error();
    return Decoded{hrp, std::move(data).value()};
}

} // namespace lifeboat
