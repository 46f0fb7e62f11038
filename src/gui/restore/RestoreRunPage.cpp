#include "gui/restore/RestoreRunPage.h"

#include "engine/jobs/JobRunner.h"
#include "engine/jobs/RestoreJob.h"
#include "gui/restore/RestoreWizard.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lifeboat {

RestoreRunPage::RestoreRunPage(RestoreWizard *wizard)
    : RestoreJobPage(wizard)
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
    const RestoreWizard::Target &t = m_wizard->target;
    setSubTitle(tr("Restoring backup %1 of %2 into '%3' on %4.")
                    .arg(m_wizard->artifact().id)
                    .arg(m_wizard->artifact().database, t.database, t.connection.displayName()));
    m_cancelButton->setEnabled(true);
    const QString id = m_wizard->runner()->submit(std::make_shared<RestoreJob>(
        m_wizard->artifact().profileName, m_wizard->serverKey(), m_wizard->request(), m_wizard->paths()));
    m_wizard->restoreJobId = id;
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
