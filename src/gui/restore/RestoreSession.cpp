#include "gui/restore/RestoreSession.h"

#include "engine/jobs/JobRunner.h"

namespace lifeboat {

RestoreSession::RestoreSession(ConfigPaths paths, JobRunner *runner, std::shared_ptr<SecretStore> secrets,
                               QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_runner(runner)
    , m_secrets(std::move(secrets))
{
    qRegisterMetaType<lifeboat::RestoreWizardWorker::Backups>();
    qRegisterMetaType<lifeboat::RestoreWizardWorker::Preflight>();
    qRegisterMetaType<lifeboat::ArtifactRecord>();

    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("lifeboat-restore-wizard"));
    m_worker = new RestoreWizardWorker(m_paths, m_secrets);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RestoreWizardWorker::backupsLoaded, this,
            [this](const RestoreWizardWorker::Backups &backups) {
                m_backups = backups;
                Q_EMIT backupsChanged();
            });
    m_thread->start();
}

RestoreSession::~RestoreSession()
{
    m_thread.reset();
    m_worker = nullptr;
}

void RestoreSession::reloadBackups()
{
    RestoreWizardWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->loadBackups(); }, Qt::QueuedConnection);
}

void RestoreSession::setArtifact(const ArtifactRecord &artifact)
{
    m_artifact = artifact;
    auto manifest = Manifest::fromJsonBytes(artifact.manifestJson);
    m_manifest = manifest ? *manifest : Manifest();
}

std::optional<Profile> RestoreSession::profile() const
{
    for (const Profile &p : m_backups.profiles) {
        if (p.name == m_artifact.profileName)
            return p;
    }
    return std::nullopt;
}

QString RestoreSession::serverKey() const
{
    const auto p = profile();
    return p ? p->connection.displayName() : m_artifact.profileName;
}

RestoreRequest RestoreSession::request() const
{
    RestoreRequest r;
    r.artifactId = m_artifact.id;
    r.purpose = RestoreRequest::Purpose::Restore;
    if (target.mode == Target::Mode::OtherServer)
        r.target = target.connection;
    r.toDatabase = target.database;
    r.replace = target.mode == Target::Mode::ReplaceExisting;
    r.confirm = r.replace ? target.confirm : QString();
    r.schemas = options.schemas;
    r.tables = options.tables;
    r.jobs = options.jobs;
    r.noOwner = options.noOwner;
    r.dataOnly = options.dataOnly;
    r.schemaOnly = options.schemaOnly;
    r.secrets = JobSecrets{.store = m_secrets, .identityFiles = m_identityFiles};
    return r;
}

bool RestoreSession::isBusy() const
{
    for (const QString &id : {integrityJobId, restoreJobId}) {
        if (!id.isEmpty() && !m_runner->job(id).id.isEmpty() && !m_runner->job(id).isFinished())
            return true;
    }
    return false;
}

void RestoreSession::cancelJobs()
{
    for (const QString &id : {integrityJobId, restoreJobId}) {
        if (!id.isEmpty() && !m_runner->job(id).isFinished())
            m_runner->cancel(id);
    }
    integrityJobId.clear();
    restoreJobId.clear();
}

} // namespace lifeboat
