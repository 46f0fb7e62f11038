#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace lifeboat {

// The base64 dialect of the age header: standard alphabet, no padding, and a strict decoder that
// accepts only the canonical encoding (no '=', no whitespace or newlines, unused low bits zero).
class AgeBase64
{
public:
    AgeBase64() = delete;

    static QByteArray encode(QByteArrayView data);
    static std::optional<QByteArray> decode(QByteArrayView text);
};

} // namespace lifeboat
