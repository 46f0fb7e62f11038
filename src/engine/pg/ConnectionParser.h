#pragma once

#include "core/ConnectionSpec.h"
#include "core/Result.h"

namespace lifeboat {

// Turns what a user types into a ConnectionSpec: a libpq URI (postgresql://user@host:5432/db?
// sslmode=require), a keyword/value string (host=db1 dbname=shop), or a bare pg_service.conf
// service name. Parsed by libpq itself (PQconninfoParse), so it accepts exactly what psql does.
// A password inside the string is refused: passwords belong in ~/.pgpass or the keychain.
class ConnectionParser
{
public:
    static Result<ConnectionSpec> parse(const QString &text);
};

} // namespace lifeboat
