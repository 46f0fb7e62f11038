#pragma once

#include "gui/restore/RestoreJobPage.h"

class QPushButton;

namespace lifeboat {

// Step 6: the restore itself (a RestoreJob), with progress and a Cancel that drops the new
// database (or puts a replaced one back from its safety backup). The pre-flight page before it is
// the commit page: once the restore has started there is no going back.
class RestoreRunPage : public RestoreJobPage
{
    Q_OBJECT
public:
    explicit RestoreRunPage(RestoreSession *session, QWidget *parent = nullptr);

    void initializePage() override;
    QPushButton *cancelButton() const { return m_cancelButton; }

protected:
    void onFinished(const JobInfo &job) override;

private:
    QPushButton *m_cancelButton = nullptr;
};

} // namespace lifeboat
