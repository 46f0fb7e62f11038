#include "support/ProcessRunner.h"

#include "support/TestPeers.h"

#include <QProcess>

namespace lifeboat::test {

ProcessResult ProcessRunner::run(const QString &program, const QStringList &args, const QByteArray &input,
                                 int timeoutMs) const
{
    ProcessResult r;
    // A bare name is one of the test programs scripts/test installed, never what PATH finds.
    const QString path = program.contains(QLatin1Char('/')) ? program : peerProgram(program);
    if (path.isEmpty()) {
        r.err = missingPeerProgram(program).toUtf8();
        return r;
    }
    QProcess proc;
    proc.setProcessEnvironment(m_env);
    proc.start(path, args);
    if (!proc.waitForStarted(30000)) {
        r.err = "could not start " + program.toUtf8();
        return r;
    }
    if (!input.isEmpty())
        proc.write(input);
    proc.closeWriteChannel();
    if (!proc.waitForFinished(timeoutMs)) {
        proc.kill();
        proc.waitForFinished();
        r.err = "timed out: " + program.toUtf8();
        r.crashed = true;
    }
    r.out = proc.readAllStandardOutput();
    r.err += proc.readAllStandardError();
    r.crashed = r.crashed || proc.exitStatus() != QProcess::NormalExit;
    r.exitCode = proc.exitCode();
    return r;
}

ProcessResult ProcessRunner::shell(const QString &script, int timeoutMs) const
{
    return run(QStringLiteral("/bin/bash"),
               {QStringLiteral("-o"), QStringLiteral("pipefail"), QStringLiteral("-c"), script}, {},
               timeoutMs);
}

ProcessResult ProcessRunner::cli(const QString &configDir, const QStringList &args, const QByteArray &input,
                                 int timeoutMs) const
{
    return run(cliPath(), QStringList{QStringLiteral("--config-dir"), configDir} + args, input, timeoutMs);
}

QString ProcessRunner::quote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

} // namespace lifeboat::test
