#include "engine/alerts/AlertService.h"

#include "engine/alerts/AlertPassRequest.h"
#include "engine/alerts/AlertWorker.h"
#include "engine/jobs/JobRunner.h"

#include <QThread>

namespace lifeboat {

AlertService::AlertService(ConfigPaths paths, std::shared_ptr<SecretStore> secrets,
                           WebhookSender::Options webhook, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<lifeboat::Alert>();
    qRegisterMetaType<lifeboat::AlertPassResult>();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("lifeboat-alerts"));
    m_worker = new AlertWorker(std::move(paths), std::move(secrets), webhook);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &AlertWorker::notification, this, &AlertService::notification);
    connect(m_worker, &AlertWorker::passFinished, this, &AlertService::onPassFinished);
    m_thread->start();
}

AlertService::~AlertService()
{
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void AlertService::watch(JobRunner *runner)
{
    connect(runner, &JobRunner::jobFinished, this, [this](const JobInfo &job) { jobFinished(job); });
}

quint64 AlertService::jobFinished(const JobInfo &job)
{
    if (job.kind != RunKind::Backup && job.kind != RunKind::Verify && job.kind != RunKind::Prune)
        return 0;
    AlertPassRequest request;
    request.reason = AlertPassRequest::Reason::JobFinished;
    request.profileName = job.profileName;
    request.jobKind = job.kind;
    request.jobState = job.state;
    request.jobMessage = job.message;
    request.runId = job.runId;
    return submit(request);
}

quint64 AlertService::check(const QString &profileName)
{
    AlertPassRequest request;
    request.reason = AlertPassRequest::Reason::Check;
    request.profileName = profileName;
    return submit(request);
}

quint64 AlertService::sendTest(const QString &profileName)
{
    AlertPassRequest request;
    request.reason = AlertPassRequest::Reason::Test;
    request.profileName = profileName;
    return submit(request);
}

quint64 AlertService::submit(AlertPassRequest request)
{
    request.id = ++m_next;
    m_pending.insert(request.id);
    AlertWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request] { worker->enqueue(request); }, Qt::QueuedConnection);
    return request.id;
}

void AlertService::onPassFinished(const AlertPassResult &result)
{
    m_pending.remove(result.id);
    Q_EMIT passFinished(result);
    if (m_pending.isEmpty())
        Q_EMIT idle();
}

} // namespace lifeboat
