#pragma once

#include "core/ArtifactRecord.h"

#include <QWizardPage>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace lifeboat {

class RestoreSession;

// Step 1: the backup to restore, as a tree of profile → database → point in time (newest first,
// verified ones marked), and — for a backup whose key is not in the keychain — an identity file.
class RestorePickPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RestorePickPage(RestoreSession *session, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    QTreeWidget *tree() const { return m_tree; }
    // Selects the backup's item (true when it is in the list).
    bool selectArtifact(qint64 artifactId);

private:
    void fill();
    void onCurrentChanged();
    void onArtifact(const ArtifactRecord &artifact, const QString &error);
    void chooseIdentity();
    qint64 currentArtifactId() const;

    RestoreSession *m_session;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_keyLabel = nullptr;
    QPushButton *m_identityButton = nullptr;
    qint64 m_loadedId = 0;
};

} // namespace lifeboat
