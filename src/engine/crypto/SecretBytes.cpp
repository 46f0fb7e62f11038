#include "engine/crypto/SecretBytes.h"

#include <openssl/crypto.h>

#include <cstring>

namespace lifeboat {

SecretBytes::SecretBytes(qsizetype size)
    : m_data(size > 0 ? std::make_unique<unsigned char[]>(size_t(size)) : nullptr)
    , m_size(size > 0 ? size : 0)
{}

SecretBytes::SecretBytes(const void *data, qsizetype size)
    : SecretBytes(size)
{
    if (m_size > 0)
        std::memcpy(m_data.get(), data, size_t(m_size));
}

SecretBytes::SecretBytes(const SecretBytes &other)
    : SecretBytes(other.m_data.get(), other.m_size)
{}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(std::move(other.m_data))
    , m_size(other.m_size)
{
    other.m_size = 0;
}

SecretBytes &SecretBytes::operator=(const SecretBytes &other)
{
    if (this != &other) {
        SecretBytes copy(other);
        *this = std::move(copy);
    }
    return *this;
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::move(other.m_data);
        m_size = other.m_size;
        other.m_size = 0;
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes SecretBytes::takeFrom(QByteArray &data)
{
    SecretBytes secret(data.constData(), data.size());
    if (data.isDetached())
        OPENSSL_cleanse(data.data(), size_t(data.size()));
    data.clear();
    return secret;
}

void SecretBytes::clear()
{
    if (m_data)
        OPENSSL_cleanse(m_data.get(), size_t(m_size));
    m_data.reset();
    m_size = 0;
}

} // namespace lifeboat
