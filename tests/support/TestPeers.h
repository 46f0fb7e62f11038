#pragma once

#include <QDir>
#include <QString>

namespace lifeboat::test {

// Where scripts/test installed the npm peers (build/test-peers/node_modules/...).
inline QString testPeersDir()
{
    const QByteArray env = qgetenv("LIFEBOAT_TEST_PEERS");
    return env.isEmpty() ? QStringLiteral(LIFEBOAT_TEST_PEERS_DIR) : QString::fromLocal8Bit(env);
}

inline QString npmPackageDir(const QString &package)
{
    return QDir(testPeersDir()).filePath(QStringLiteral("node_modules/") + package);
}

inline QString sourceDir()
{
    return QStringLiteral(LIFEBOAT_SOURCE_DIR);
}

inline QString cliPath()
{
    return QStringLiteral(LIFEBOAT_CLI_PATH);
}

} // namespace lifeboat::test
