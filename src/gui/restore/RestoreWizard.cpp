#include "gui/restore/RestoreWizard.h"

#include "engine/jobs/JobRunner.h"
#include "gui/restore/RestoreIntegrityPage.h"
#include "gui/restore/RestoreOptionsPage.h"
#include "gui/restore/RestorePickPage.h"
#include "gui/restore/RestorePreflightPage.h"
#include "gui/restore/RestoreReportPage.h"
#include "gui/restore/RestoreRunPage.h"
#include "gui/restore/RestoreTargetPage.h"

namespace lifeboat {

RestoreWizard::RestoreWizard(ConfigPaths paths, JobRunner *runner, std::shared_ptr<SecretStore> secrets,
                             QWidget *parent)
    : QWizard(parent)
    , m_paths(std::move(paths))
    , m_runner(runner)
    , m_secrets(std::move(secrets))
{
    qRegisterMetaType<lifeboat::RestoreWizardWorker::Backups>();
    qRegisterMetaType<lifeboat::RestoreWizardWorker::Preflight>();
    qRegisterMetaType<lifeboat::ArtifactRecord>();
    setObjectName(QStringLiteral("restoreWizard"));
    setWindowTitle(tr("Restore a backup"));
    setAccessibleName(tr("Restore wizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setButtonText(QWizard::FinishButton, tr("&Done"));

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

    setPage(PickPage, new RestorePickPage(this));
    setPage(IntegrityPage, new RestoreIntegrityPage(this));
    setPage(TargetPage, new RestoreTargetPage(this));
    setPage(OptionsPage, new RestoreOptionsPage(this));
    setPage(PreflightPage, new RestorePreflightPage(this));
    setPage(RunPage, new RestoreRunPage(this));
    setPage(ReportPage, new RestoreReportPage(this));
    setStartId(PickPage);
    reloadBackups();
}

RestoreWizard::~RestoreWizard()
{
    m_thread.reset();
    m_worker = nullptr;
}

void RestoreWizard::reloadBackups()
{
    RestoreWizardWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->loadBackups(); }, Qt::QueuedConnection);
}

void RestoreWizard::preselect(qint64 artifactId)
{
    if (isBusy()) {
        Q_EMIT statusMessage(tr("A restore is in progress in the wizard: finish or cancel it first."));
        return;
    }
    m_preselect = artifactId;
    restart();
    reloadBackups();
}

bool RestoreWizard::isBusy() const
{
    for (const QString &id : {integrityJobId, restoreJobId}) {
        if (!id.isEmpty() && !m_runner->job(id).id.isEmpty() && !m_runner->job(id).isFinished())
            return true;
    }
    return false;
}

void RestoreWizard::setArtifact(const ArtifactRecord &artifact)
{
    m_artifact = artifact;
    auto manifest = Manifest::fromJsonBytes(artifact.manifestJson);
    m_manifest = manifest ? *manifest : Manifest();
}

std::optional<Profile> RestoreWizard::profile() const
{
    for (const Profile &p : m_backups.profiles) {
        if (p.name == m_artifact.profileName)
            return p;
    }
    return std::nullopt;
}

QString RestoreWizard::serverKey() const
{
    const auto p = profile();
    return p ? p->connection.displayName() : m_artifact.profileName;
}

RestoreRequest RestoreWizard::request() const
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

void RestoreWizard::done(int result)
{
    // Leaving the wizard stops what it started: a cancelled restore drops its new database (or puts
    // a replaced one back).
    for (const QString &id : {integrityJobId, restoreJobId}) {
        if (!id.isEmpty() && !m_runner->job(id).isFinished())
            m_runner->cancel(id);
    }
    integrityJobId.clear();
    restoreJobId.clear();
    if (!isWindow()) {
        // Embedded as the main window's Restore page: start over instead of hiding.
        m_preselect = 0;
        restart();
        reloadBackups();
        return;
    }
    QWizard::done(result);
}

} // namespace lifeboat
