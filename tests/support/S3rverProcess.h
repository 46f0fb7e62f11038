#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace lifeboat::test {

// A real S3 server for tests: @20minutes/s3rver (SigV4-verifying, path-style, credentials
// S3RVER/S3RVER) started through tests/support/s3rverLauncher.js on 127.0.0.1 and a free port,
// storing into `directory`. Stops when destroyed.
class S3rverProcess
{
public:
    ~S3rverProcess();
    // Empty on success, else why it could not start.
    // With `keyPem`/`certPem` it serves HTTPS.
    QString start(const QString &directory, const QStringList &buckets, const QString &keyPem = {},
                  const QString &certPem = {});
    // Before start(): the server also accepts this key pair (for secrets a test can search for;
    // S3RVER/S3RVER would match the access key id everywhere). Passed to node in its environment.
    void addKeyPair(const QString &accessKeyId, const QByteArray &secretAccessKey);
    void stop();
    int port() const { return m_port; }
    QString endpoint() const
    {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
            .arg(m_port);
    }

    static constexpr const char *kAccessKey = "S3RVER";
    static constexpr const char *kSecretKey = "S3RVER";

private:
    QProcess m_process;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    int m_port = 0;
    bool m_tls = false;
};

} // namespace lifeboat::test
