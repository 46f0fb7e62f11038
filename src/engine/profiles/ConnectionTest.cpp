#include "engine/profiles/ConnectionTest.h"

#include "engine/pg/PgSession.h"
#include "engine/pg/PgToolFinder.h"

namespace lifeboat {

Result<ConnectionTest::Facts> ConnectionTest::run(const ConnectionSpec &spec, QByteArray password,
                                                  const QString &toolDirectory)
{
    auto session = PgSession::connect(spec, spec.dbname, password);
    password.fill('\0');
    if (!session)
        return session.error();
    Facts facts;
    facts.serverVersion = (*session)->serverVersion();
    auto databases = (*session)->listDatabases();
    if (!databases)
        return databases.error();
    facts.databases = *databases;
    auto tool = PgToolFinder(toolDirectory).find(QStringLiteral("pg_dump"), (*session)->serverMajor());
    facts.pgDump =
        tool ? QStringLiteral("pg_dump %1 (%2)").arg(tool->version, tool->path) : tool.error().message;
    return facts;
}

} // namespace lifeboat
