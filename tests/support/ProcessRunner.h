#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace lifeboat::test {

struct ProcessResult
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

// Runs real programs for tests: lifeboat-cli, peers (age, zstd, pg_restore), bash pipelines.
class ProcessRunner
{
public:
    explicit ProcessRunner(QProcessEnvironment env = QProcessEnvironment::systemEnvironment())
        : m_env(std::move(env))
    {}

    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    QProcessEnvironment environment() const { return m_env; }

    // PROGRAM is a path, or the name of a test program (TestPeers.h's peerProgram).
    ProcessResult run(const QString &program, const QStringList &args, const QByteArray &input = {},
                      int timeoutMs = 300000) const;
    // `bash -o pipefail -c SCRIPT`
    ProcessResult shell(const QString &script, int timeoutMs = 300000) const;
    // lifeboat-cli --config-dir DIR ARGS...
    ProcessResult cli(const QString &configDir, const QStringList &args, const QByteArray &input = {},
                      int timeoutMs = 300000) const;

    // Single-quotes a string for bash.
    static QString quote(const QString &s);

private:
    QProcessEnvironment m_env;
};

} // namespace lifeboat::test
