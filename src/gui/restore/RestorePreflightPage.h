#pragma once

#include "gui/restore/RestoreWizardWorker.h"

#include <QWizardPage>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace lifeboat {

class RestoreSession;

// Step 5: the pre-flight checks on the target (RestorePreflight, the same the restore job makes):
// versions and pg_restore, roles, extensions, the target database and its connections, disk
// space. Runs on the wizard's worker thread; the wizard goes on only when nothing blocks.
class RestorePreflightPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestorePreflightPage(RestoreSession *session, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    QTreeWidget *results() const { return m_results; }

private:
    void start();
    void onDone(const RestoreWizardWorker::Preflight &result);

    RestoreSession *m_session;
    QLabel *m_statusLabel = nullptr;
    QTreeWidget *m_results = nullptr;
    QPushButton *m_retryButton = nullptr;
    int m_request = 0;
    int m_answered = -1;
    bool m_ok = false;
};

} // namespace lifeboat
