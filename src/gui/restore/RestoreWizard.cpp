#include "gui/restore/RestoreWizard.h"

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
{
    setObjectName(QStringLiteral("restoreWizard"));
    setWindowTitle(tr("Restore a backup"));
    setAccessibleName(tr("Restore wizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setButtonText(QWizard::FinishButton, tr("&Done"));

    m_session = std::make_unique<RestoreSession>(std::move(paths), runner, std::move(secrets));
    connect(m_session.get(), &RestoreSession::statusMessage, this, &RestoreWizard::statusMessage);

    RestoreSession *session = m_session.get();
    setPage(PickPage, new RestorePickPage(session, this));
    setPage(IntegrityPage, new RestoreIntegrityPage(session, this));
    setPage(TargetPage, new RestoreTargetPage(session, this));
    setPage(OptionsPage, new RestoreOptionsPage(session, this));
    setPage(PreflightPage, new RestorePreflightPage(session, this));
    setPage(RunPage, new RestoreRunPage(session, this));
    setPage(ReportPage, new RestoreReportPage(session, this));
    setStartId(PickPage);
    reloadBackups();
}

RestoreWizard::~RestoreWizard()
{
    m_session.reset(); // its worker thread stops before the pages go
}

void RestoreWizard::preselect(qint64 artifactId)
{
    if (isBusy()) {
        Q_EMIT statusMessage(tr("A restore is in progress in the wizard: finish or cancel it first."));
        return;
    }
    m_session->setPreselectedArtifact(artifactId);
    restart();
    reloadBackups();
}

void RestoreWizard::done(int result)
{
    // Leaving the wizard stops what it started: a cancelled restore drops its new database (or puts
    // a replaced one back).
    m_session->cancelJobs();
    if (!isWindow()) {
        // Embedded as the main window's Restore page: start over instead of hiding.
        m_session->clearPreselect();
        restart();
        reloadBackups();
        return;
    }
    QWizard::done(result);
}

} // namespace lifeboat
