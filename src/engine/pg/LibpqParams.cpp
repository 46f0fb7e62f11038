#include "engine/pg/LibpqParams.h"

namespace lifeboat {

LibpqParams::LibpqParams(const ConnectionSpec &spec, const QString &database)
{
    rebuild();
    add("service", spec.service);
    add("host", spec.host);
    add("port", spec.port);
    add("user", spec.user);
    add("dbname", database.isEmpty() ? spec.dbname : database);
    add("sslmode", spec.sslmode);
}

LibpqParams::~LibpqParams()
{
    wipe();
}

void LibpqParams::add(const char *key, const QString &value)
{
    add(key, value.toUtf8());
}

void LibpqParams::add(const char *key, const QByteArray &value)
{
    if (value.isEmpty())
        return;
    m_keys.emplace_back(key);
    m_values.push_back(value);
    rebuild();
}

const char *const *LibpqParams::keywords() const
{
    return m_keywordPointers.data();
}

const char *const *LibpqParams::values() const
{
    return m_valuePointers.data();
}

void LibpqParams::wipe()
{
    for (QByteArray &value : m_values)
        value.fill('\0');
}

void LibpqParams::rebuild()
{
    m_keywordPointers.clear();
    m_valuePointers.clear();
    for (size_t i = 0; i < m_keys.size(); ++i) {
        m_keywordPointers.push_back(m_keys[i].constData());
        m_valuePointers.push_back(m_values[i].constData());
    }
    m_keywordPointers.push_back(nullptr);
    m_valuePointers.push_back(nullptr);
}

} // namespace lifeboat
