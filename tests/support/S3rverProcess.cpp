#include "support/S3rverProcess.h"

#include "support/TestPeers.h"

#include <QDeadlineTimer>
#include <QDir>

namespace lifeboat::test {

S3rverProcess::~S3rverProcess()
{
    stop();
}

QString S3rverProcess::start(const QString &directory, const QStringList &buckets, const QString &keyPem,
                             const QString &certPem)
{
    if (!keyPem.isEmpty()) {
        m_env.insert(QStringLiteral("S3RVER_KEY"), keyPem);
        m_env.insert(QStringLiteral("S3RVER_CERT"), certPem);
        m_tls = true;
    }
    m_process.setProcessEnvironment(m_env);
    const QString modules = QDir(testPeersDir()).filePath(QStringLiteral("node_modules"));
    if (!QDir(modules + QStringLiteral("/@20minutes/s3rver")).exists())
        return QStringLiteral("@20minutes/s3rver is not installed in %1: run scripts/test").arg(modules);
    QStringList args{QStringLiteral("--openssl-legacy-provider"),
                     sourceDir() + QStringLiteral("/tests/support/s3rverLauncher.js"), modules, directory};
    args += buckets;
    const QString node = peerProgram(QStringLiteral("node"));
    if (node.isEmpty())
        return missingPeerProgram(QStringLiteral("node"));
    m_process.setProgram(node);
    m_process.setArguments(args);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return QStringLiteral("cannot start node: %1").arg(m_process.errorString());
    QByteArray out;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            break;
        out += m_process.readAllStandardOutput();
        const qsizetype at = out.indexOf("PORT ");
        if (at >= 0 && out.indexOf('\n', at) > at) {
            m_port = out.mid(at + 5, out.indexOf('\n', at) - at - 5).trimmed().toInt();
            return {};
        }
    }
    return QStringLiteral("s3rver did not start: %1")
        .arg(QString::fromUtf8(m_process.readAllStandardError()));
}

void S3rverProcess::addKeyPair(const QString &accessKeyId, const QByteArray &secretAccessKey)
{
    m_env.insert(QStringLiteral("S3RVER_EXTRA_KEY_ID"), accessKeyId);
    m_env.insert(QStringLiteral("S3RVER_EXTRA_SECRET"), QString::fromUtf8(secretAccessKey));
}

void S3rverProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace lifeboat::test
