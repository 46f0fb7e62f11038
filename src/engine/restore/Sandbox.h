#pragma once

#include "core/ConnectionSpec.h"
#include "core/Result.h"

#include <QString>

#include <memory>

class QTemporaryDir;

namespace lifeboat {

// A throwaway PostgreSQL cluster for test restores: initdb of a suitable major in a private
// temp dir, listening only on a Unix socket inside that dir (no TCP port, nothing reachable from
// outside), fsync off; stopped and deleted when the object dies. PostgreSQL refuses to run as
// root, so as root this fails with a sentence saying how to verify instead.
class Sandbox
{
public:
    Sandbox();
    ~Sandbox();
    Sandbox(const Sandbox &) = delete;
    Sandbox &operator=(const Sandbox &) = delete;

    // Starts a cluster whose major is at least `minimumMajor`.
    Status start(int minimumMajor, const QString &toolDirectory = QString());
    void stop();

    ConnectionSpec connection() const { return m_spec; }
    int major() const { return m_major; }
    QString binDir() const { return m_binDir; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    ConnectionSpec m_spec;
    QString m_binDir;
    int m_major = 0;
    bool m_running = false;
};

} // namespace lifeboat
