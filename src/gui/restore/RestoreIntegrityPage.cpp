#include "gui/restore/RestoreIntegrityPage.h"

#include "engine/jobs/IntegrityJob.h"
#include "engine/jobs/JobRunner.h"
#include "gui/DisplayFormat.h"
#include "gui/restore/RestoreSession.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lifeboat {

RestoreIntegrityPage::RestoreIntegrityPage(RestoreSession *session, QWidget *parent)
    : RestoreJobPage(session, parent)
{
    setObjectName(QStringLiteral("restoreIntegrityPage"));
    setTitle(tr("Check the backup's integrity"));
    setSubTitle(tr("Before anything touches a database, the backup is read to its end: its SHA-256 checksum, "
                   "its decryption and the archive itself."));
    auto *layout = new QVBoxLayout(this);
    addProgressWidgets(layout);
    m_retryButton = new QPushButton(tr("Check &again"), this);
    m_retryButton->setObjectName(QStringLiteral("integrityRetryButton"));
    m_retryButton->hide();
    layout->addWidget(m_retryButton, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_retryButton, &QPushButton::clicked, this, &RestoreIntegrityPage::start);
}

void RestoreIntegrityPage::initializePage()
{
    start();
}

void RestoreIntegrityPage::cleanupPage()
{
    cancelJob(); // Back: the user picks another backup
}

void RestoreIntegrityPage::start()
{
    const ArtifactRecord &a = m_session->artifact();
    m_retryButton->hide();
    m_phaseLabel->setText(tr("Checking backup %1 of %2 (%3)…")
                              .arg(a.id)
                              .arg(a.database, DisplayFormat::dateTime(a.createdUtc)));
    const QString id = m_session->runner()->submit(std::make_shared<IntegrityJob>(
        a.profileName, m_session->serverKey(), a.id,
        JobSecrets{.store = m_session->secrets(), .identityFiles = m_session->identityFiles()}));
    m_session->integrityJobId = id;
    follow(id);
}

void RestoreIntegrityPage::onFinished(const JobInfo &job)
{
    if (job.state == JobInfo::State::Succeeded) {
        m_phaseLabel->setText(tr("The backup is intact."));
        QStringList lines = job.outputs;
        m_resultLabel->setText(lines.join(QLatin1Char('\n')));
        m_retryButton->hide();
    } else {
        m_phaseLabel->setText(job.state == JobInfo::State::Cancelled
                                  ? tr("The integrity check was cancelled.")
                                  : tr("The integrity check failed."));
        m_resultLabel->setText(job.message);
        m_retryButton->show();
    }
}

} // namespace lifeboat
