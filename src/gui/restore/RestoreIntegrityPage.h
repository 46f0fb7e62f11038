#pragma once

#include "gui/restore/RestoreJobPage.h"

class QPushButton;

namespace lifeboat {

// Step 2: the integrity check (checksum, decryption, the archive read to its end) as an
// IntegrityJob; the wizard goes on only once it passed.
class RestoreIntegrityPage : public RestoreJobPage
{
    Q_OBJECT
public:
    explicit RestoreIntegrityPage(RestoreSession *session, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;

protected:
    void onFinished(const JobInfo &job) override;

private:
    void start();

    QPushButton *m_retryButton = nullptr;
};

} // namespace lifeboat
