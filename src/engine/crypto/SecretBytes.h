#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <memory>

namespace lifeboat {

// A fixed-size buffer for key material: deep-copied (never implicitly shared, unlike QByteArray)
// and wiped with OPENSSL_cleanse when destroyed, reassigned or cleared.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(qsizetype size);
    SecretBytes(const void *data, qsizetype size);
    SecretBytes(const SecretBytes &other);
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(const SecretBytes &other);
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    ~SecretBytes();

    // Copies the bytes of `data` and wipes `data` itself (when it is not shared).
    static SecretBytes takeFrom(QByteArray &data);

    unsigned char *data() { return m_data.get(); }
    const unsigned char *data() const { return m_data.get(); }
    const char *constChars() const { return reinterpret_cast<const char *>(m_data.get()); }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    void clear();

private:
    std::unique_ptr<unsigned char[]> m_data;
    qsizetype m_size = 0;
};

} // namespace lifeboat
