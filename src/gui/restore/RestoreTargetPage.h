#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace lifeboat {

class RestoreSession;

// Step 3: where to restore. By default a new database, <db>_restore_<yyyyMMdd_HHmm>, on the
// profile's server; or a new database on another server (a connection URI); or replacing an
// existing database — only once its name is typed again, and after a safety backup of it.
class RestoreTargetPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestoreTargetPage(RestoreSession *session, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void updateMode();
    QString problem() const;

    RestoreSession *m_session;
    QRadioButton *m_newButton = nullptr;
    QRadioButton *m_otherButton = nullptr;
    QRadioButton *m_replaceButton = nullptr;
    QLineEdit *m_uriEdit = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QLabel *m_problemLabel = nullptr;
    QString m_defaultName;
};

} // namespace lifeboat
