#include "gui/restore/RestoreJobPage.h"

#include "engine/jobs/JobRunner.h"
#include "gui/DisplayFormat.h"
#include "gui/restore/RestoreSession.h"

#include <QBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace lifeboat {

RestoreJobPage::RestoreJobPage(RestoreSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
{
    connect(session->runner(), &JobRunner::jobUpdated, this, &RestoreJobPage::onUpdate);
    connect(session->runner(), &JobRunner::jobFinished, this, &RestoreJobPage::onUpdate);
}

void RestoreJobPage::addProgressWidgets(QBoxLayout *layout)
{
    m_phaseLabel = new QLabel(this);
    m_phaseLabel->setObjectName(objectName() + QStringLiteral("PhaseLabel"));
    m_phaseLabel->setWordWrap(true);
    m_phaseLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_phaseLabel);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(objectName() + QStringLiteral("Progress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(objectName() + QStringLiteral("ResultLabel"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextFormat(Qt::PlainText);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_resultLabel);
}

void RestoreJobPage::follow(const QString &jobId)
{
    m_jobId = jobId;
    m_job = m_session->runner()->job(jobId);
    m_resultLabel->clear();
    m_progress->setRange(0, 0); // busy until the job reports a size
    onUpdate(m_job);
    Q_EMIT completeChanged();
}

void RestoreJobPage::cancelJob()
{
    if (!m_jobId.isEmpty() && !m_job.isFinished())
        m_session->runner()->cancel(m_jobId);
}

void RestoreJobPage::onUpdate(const JobInfo &job)
{
    if (job.id != m_jobId || m_jobId.isEmpty())
        return;
    m_job = job;
    if (job.state == JobInfo::State::Queued) {
        m_phaseLabel->setText(tr("Waiting for the other jobs of %1 to finish…").arg(job.serverKey));
    } else if (!job.isFinished()) {
        QString phase = job.phase;
        if (job.etaSeconds >= 0)
            phase += tr(" — about %1 left").arg(DisplayFormat::duration(qint64(job.etaSeconds * 1000)));
        m_phaseLabel->setText(phase);
    }
    const int percent = job.percent();
    if (job.isFinished()) {
        m_progress->setRange(0, 100);
        m_progress->setValue(job.state == JobInfo::State::Succeeded ? 100 : qMax(0, percent));
    } else if (percent >= 0) {
        m_progress->setRange(0, 100);
        m_progress->setValue(percent);
    } else {
        m_progress->setRange(0, 0);
    }
    if (job.isFinished()) {
        onFinished(job);
        Q_EMIT completeChanged();
    }
}

} // namespace lifeboat
