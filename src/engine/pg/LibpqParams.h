#pragma once

#include "core/ConnectionSpec.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace lifeboat {

// The keyword and value arrays libpq's *Params functions (PQconnectdbParams, PQpingParams)
// take. A value may be a password: wipe() overwrites the values, and so does the destructor.
class LibpqParams
{
public:
    // service, host, port, user, dbname (`database`, else the spec's) and sslmode, the ones set.
    LibpqParams(const ConnectionSpec &spec, const QString &database = {});
    ~LibpqParams();
    LibpqParams(const LibpqParams &) = delete;
    LibpqParams &operator=(const LibpqParams &) = delete;

    // Adds `key` unless `value` is empty.
    void add(const char *key, const QString &value);
    void add(const char *key, const QByteArray &value);

    // Null-terminated arrays, valid until the next add() or the end of this object.
    const char *const *keywords() const;
    const char *const *values() const;

    void wipe();

private:
    void rebuild();

    std::vector<QByteArray> m_keys;
    std::vector<QByteArray> m_values;
    std::vector<const char *> m_keywordPointers;
    std::vector<const char *> m_valuePointers;
};

} // namespace lifeboat
