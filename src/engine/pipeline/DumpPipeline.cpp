#include "engine/pipeline/DumpPipeline.h"

#include "engine/io/ChildProcess.h"
#include "engine/io/EngineLog.h"

#include <QByteArray>

namespace lifeboat {

void DumpPipeline::cancel()
{
    m_cancelled.store(true);
    QMutexLocker lock(&m_childMutex);
    if (m_child)
        m_child->terminate();
}

Status DumpPipeline::run(const Request &request, StoreChain &chain, const ProgressFn &progress)
{
    ChildProcess child;
    if (Status s = child.start(request.program, request.arguments, request.environment); !s) {
        chain.abort();
        return s;
    }
    {
        QMutexLocker lock(&m_childMutex);
        m_child = &child;
        if (m_cancelled.load())
            child.terminate();
    }
    auto detach = [this] {
        QMutexLocker lock(&m_childMutex);
        m_child = nullptr;
    };

    QByteArray buffer(kReadBlock, Qt::Uninitialized);
    Status failure;
    for (;;) {
        const qint64 n = child.readStdout(buffer.data(), buffer.size());
        if (n == 0)
            break;
        if (n < 0) {
            failure = makeError(QStringLiteral("pipeline.read"),
                                QStringLiteral("reading the output of %1 failed").arg(request.what));
            break;
        }
        if (m_cancelled.load())
            break;
        m_bytesRead += n;
        if (request.scanArchive)
            m_scanner.feed(buffer.constData(), n);
        if (Status s = chain.write(buffer.constData(), n); !s) {
            failure = s;
            break;
        }
        if (progress)
            progress(m_bytesRead);
    }
    if (!failure.ok() || m_cancelled.load())
        child.terminate();
    const int code = child.wait();
    detach();

    if (m_cancelled.load()) {
        chain.abort();
        return makeError(QStringLiteral("cancelled"),
                         QStringLiteral("cancelled; nothing of this run was kept"));
    }
    if (!failure.ok()) {
        chain.abort();
        return failure;
    }
    if (code != 0) {
        chain.abort();
        const QString line = child.lastErrorLine();
        qCWarning(lcPipeline).noquote() << request.what << "exited with" << code << ":" << child.stderrTail();
        return makeError(QStringLiteral("pipeline.dump"),
                         QStringLiteral("%1 failed (exit code %2)%3")
                             .arg(request.what)
                             .arg(code)
                             .arg(line.isEmpty() ? QString() : QStringLiteral(": ") + line));
    }
    if (request.scanArchive) {
        if (Status s = m_scanner.finish(); !s) {
            chain.abort();
            return makeError(s.error().code,
                             QStringLiteral("the archive %1 produced could not be read back: %2")
                                 .arg(request.what, s.error().message));
        }
    }
    return request.commit ? chain.finish() : chain.flush();
}

} // namespace lifeboat
