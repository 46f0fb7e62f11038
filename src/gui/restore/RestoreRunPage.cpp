#include "gui/restore/RestoreRunPage.h"

#include "engine/jobs/JobRunner.h"
#include "engine/jobs/RestoreJob.h"
#include "gui/restore/RestoreSession.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lifeboat {

RestoreRunPage::RestoreRunPage(RestoreSession *session, QWidget *parent)
    : RestoreJobPage(session, parent)
{
    setObjectName(QStringLiteral("restoreRunPage"));
    setTitle(tr("Restoring"));
    auto *layout = new QVBoxLayout(this);
    addProgressWidgets(layout);
    m_cancelButton =
        new QPushButton(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("&Cancel restore"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelRestoreButton"));
    m_cancelButton->setToolTip(tr("Stop the restore: a new database is dropped, a replaced one is put back"));
    layout->addWidget(m_cancelButton, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        m_cancelButton->setEnabled(false);
        m_phaseLabel->setText(tr("Cancelling…"));
        cancelJob();
    });
}

void RestoreRunPage::initializePage()
{
    const RestoreSession::Target &t = m_session->target;
    setSubTitle(tr("Restoring backup %1 of %2 into '%3' on %4.")
                    .arg(m_session->artifact().id)
                    .arg(m_session->artifact().database, t.database, t.connection.displayName()));
    m_cancelButton->setEnabled(true);
    const QString id = m_session->runner()->submit(std::make_shared<RestoreJob>(
        m_session->artifact().profileName, m_session->serverKey(), m_session->request(), m_session->paths()));
    m_session->restoreJobId = id;
    follow(id);
}

void RestoreRunPage::onFinished(const JobInfo &job)
{
    m_cancelButton->setEnabled(false);
    if (job.state == JobInfo::State::Succeeded) {
        m_phaseLabel->setText(tr("The restore finished. Next shows the report."));
        m_resultLabel->clear();
    } else if (job.state == JobInfo::State::Cancelled) {
        m_phaseLabel->setText(tr("The restore was cancelled."));
        m_resultLabel->setText(job.message);
    } else {
        m_phaseLabel->setText(tr("The restore failed."));
        m_resultLabel->setText(job.message);
    }
}

} // namespace lifeboat
