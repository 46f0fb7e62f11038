#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QRadioButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace lifeboat {

class RestoreSession;

// Step 4: what to restore and how — the schemas and tables of the backup's table of contents
// (with their row counts, all checked), parallel jobs, without owners, data or schema only.
class RestoreOptionsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestoreOptionsPage(RestoreSession *session, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QTreeWidget *tree() const { return m_tree; }

private:
    void updateSummary();

    RestoreSession *m_session;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QSpinBox *m_jobs = nullptr;
    QCheckBox *m_noOwner = nullptr;
    QRadioButton *m_everything = nullptr;
    QRadioButton *m_dataOnly = nullptr;
    QRadioButton *m_schemaOnly = nullptr;
};

} // namespace lifeboat
