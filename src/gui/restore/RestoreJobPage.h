#pragma once

#include "core/JobInfo.h"

#include <QWizardPage>

class QBoxLayout;
class QLabel;
class QProgressBar;

namespace lifeboat {

class RestoreSession;

// A wizard page that follows one job of the JobRunner: its phase, a progress bar and the time
// left, and its outcome. The integrity check and the restore pages build on it.
class RestoreJobPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestoreJobPage(RestoreSession *session, QWidget *parent = nullptr);

    QString jobId() const { return m_jobId; }
    const JobInfo &job() const { return m_job; }
    bool succeeded() const { return m_job.state == JobInfo::State::Succeeded; }
    bool isComplete() const override { return succeeded(); }

protected:
    // Starts following a job just submitted.
    void follow(const QString &jobId);
    void cancelJob();
    virtual void onFinished(const JobInfo &job) = 0;
    void addProgressWidgets(QBoxLayout *layout);

    RestoreSession *m_session;
    QLabel *m_phaseLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_resultLabel = nullptr;

private:
    void onUpdate(const JobInfo &job);

    QString m_jobId;
    JobInfo m_job;
};

} // namespace lifeboat
