#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace lifeboat {

class RestoreSession;

// Step 7: the report — each table's rows compared with the manifest, the duration, and the
// restored database's connection string and psql command, each with a Copy button.
class RestoreReportPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestoreReportPage(RestoreSession *session, QWidget *parent = nullptr);

    void initializePage() override;
    QTreeWidget *comparison() const { return m_comparison; }
    QString connectionString() const;
    QString psqlCommand() const;

private:
    RestoreSession *m_session;
    QLabel *m_summaryLabel = nullptr;
    QTreeWidget *m_comparison = nullptr;
    QLineEdit *m_connectionEdit = nullptr;
    QLineEdit *m_psqlEdit = nullptr;
};

} // namespace lifeboat
