#include "engine/restore/Sandbox.h"

#include "engine/io/ChildProcess.h"
#include "engine/pg/PgToolFinder.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <unistd.h>

namespace lifeboat {

Sandbox::Sandbox() = default;

Sandbox::~Sandbox()
{
    stop();
}

Status Sandbox::start(int minimumMajor, const QString &toolDirectory)
{
    if (::geteuid() == 0)
        return makeError(
            QStringLiteral("sandbox.root"),
            QStringLiteral("cannot start a throwaway PostgreSQL as root (PostgreSQL refuses to run as "
                           "root): run lifeboat-cli as a regular user, or verify into a scratch database "
                           "on a server you name with --target URI"));
    const PgToolFinder finder(toolDirectory);
    auto initdb = finder.find(QStringLiteral("initdb"), minimumMajor);
    if (!initdb)
        return makeError(
            QStringLiteral("sandbox.no-server"),
            QStringLiteral("cannot start a throwaway PostgreSQL %1 to verify in: no initdb of version %1 or "
                           "newer on this machine — install postgresql-%1, or verify into a scratch "
                           "database on a server you name with --target URI")
                .arg(minimumMajor));
    m_binDir = QFileInfo(initdb->path).absolutePath();
    m_major = initdb->major;
    if (!QFileInfo(m_binDir + QStringLiteral("/pg_ctl")).isExecutable())
        return makeError(
            QStringLiteral("sandbox.no-server"),
            QStringLiteral("%1 has initdb but no pg_ctl: install the PostgreSQL %2 server package")
                .arg(m_binDir)
                .arg(m_major));
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/lifeboat-sandbox-XXXXXX"));
    if (!m_dir->isValid())
        return makeError(QStringLiteral("sandbox.tmp"),
                         QStringLiteral("cannot create a temporary folder for the "
                                        "throwaway PostgreSQL in %1")
                             .arg(QDir::tempPath()));
    const QString data = m_dir->filePath(QStringLiteral("data"));
    const QString sock = m_dir->path();
    auto init = ChildProcess::run(
        initdb->path, {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("lifeboat"),
                       QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                       QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")});
    if (!init)
        return makeError(
            QStringLiteral("sandbox.initdb"),
            QStringLiteral("cannot create the throwaway PostgreSQL cluster: %1").arg(init.error().message));
    const QString options =
        QStringLiteral("-c listen_addresses='' -k %1 -p 5432 -c fsync=off -c synchronous_commit=off "
                       "-c full_page_writes=off -c max_wal_size=4GB -c autovacuum=off")
            .arg(sock);
    auto started = ChildProcess::run(m_binDir + QStringLiteral("/pg_ctl"),
                                     {QStringLiteral("-D"), data, QStringLiteral("-l"),
                                      m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-o"),
                                      options, QStringLiteral("-w"), QStringLiteral("-t"),
                                      QStringLiteral("60"), QStringLiteral("start")});
    if (!started)
        return makeError(
            QStringLiteral("sandbox.start"),
            QStringLiteral("cannot start the throwaway PostgreSQL cluster: %1").arg(started.error().message));
    m_running = true;
    m_spec = ConnectionSpec{};
    m_spec.host = sock;
    m_spec.port = QStringLiteral("5432");
    m_spec.user = QStringLiteral("lifeboat");
    m_spec.dbname = QStringLiteral("postgres");
    return {};
}

void Sandbox::stop()
{
    if (!m_running)
        return;
    (void)ChildProcess::run(m_binDir + QStringLiteral("/pg_ctl"),
                            {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")),
                             QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
                             QStringLiteral("stop")});
    m_running = false;
    m_dir.reset();
}

} // namespace lifeboat
