#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>

namespace lifeboat::test {

// Where scripts/test installed the npm peers (build/test-peers/node_modules/...).
inline QString testPeersDir()
{
    const QByteArray env = qgetenv("LIFEBOAT_TEST_PEERS");
    return env.isEmpty() ? QStringLiteral(LIFEBOAT_TEST_PEERS_DIR) : QString::fromLocal8Bit(env);
}

// The program a test runs as NAME (age, aws, zstd, node, ...): build/test-peers/bin/NAME, which
// scripts/test links to the file that scripts/lib/common.sh (LB_TEST_PROGRAMS, the one place that
// decides) installed. Never whatever PATH finds under that name: a machine may have another `aws` or
// `node` first on PATH. Empty when NAME is not one of them (or scripts/test has not run).
inline QString peerProgram(const QString &name)
{
    const QString path = QDir(testPeersDir()).filePath(QStringLiteral("bin/") + name);
    return QFileInfo(path).isExecutable() ? path : QString();
}

// The sentence a test fails with when peerProgram(name) is empty.
inline QString missingPeerProgram(const QString &name)
{
    return QStringLiteral("%1 is not one of the test programs scripts/test installs and links into %2/bin "
                          "(scripts/lib/common.sh, LB_TEST_PROGRAMS): add it there, or run scripts/test")
        .arg(name, testPeersDir());
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
