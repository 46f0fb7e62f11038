#include "gui/restore/RestorePickPage.h"

#include "gui/DisplayFormat.h"
#include "gui/restore/RestoreSession.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lifeboat {

namespace {
constexpr int ArtifactIdRole = Qt::UserRole + 1;
} // namespace

RestorePickPage::RestorePickPage(RestoreSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("restorePickPage"));
    setTitle(tr("Choose a backup"));
    setSubTitle(tr("Pick the profile, the database and the point in time to restore. Verified backups have "
                   "been restored and compared with their manifest before."));
    auto *layout = new QVBoxLayout(this);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("restoreBackupTree"));
    m_tree->setAccessibleName(tr("Backups to restore"));
    m_tree->setAccessibleDescription(
        tr("Profiles, their databases, and each database's backups, newest first"));
    m_tree->setHeaderLabels({tr("Backup"), tr("Size"), tr("Verified")});
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);

    auto *keyRow = new QHBoxLayout;
    m_keyLabel = new QLabel(this);
    m_keyLabel->setObjectName(QStringLiteral("restoreKeyLabel"));
    m_keyLabel->setWordWrap(true);
    m_identityButton = new QPushButton(tr("Use an &identity file…"), this);
    m_identityButton->setObjectName(QStringLiteral("restoreIdentityButton"));
    m_identityButton->setToolTip(
        tr("For a backup whose key is not in this computer's keychain: the age identity "
           "file (AGE-SECRET-KEY-1…) of one of its recipients, e.g. a recovery kit"));
    keyRow->addWidget(m_keyLabel, 1);
    keyRow->addWidget(m_identityButton);
    layout->addLayout(keyRow);

    connect(m_session, &RestoreSession::backupsChanged, this, &RestorePickPage::fill);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &RestorePickPage::onCurrentChanged);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, ArtifactIdRole).toLongLong() && isComplete())
            wizard()->next();
    });
    connect(m_session->worker(), &RestoreWizardWorker::artifactLoaded, this, &RestorePickPage::onArtifact);
    connect(m_identityButton, &QPushButton::clicked, this, &RestorePickPage::chooseIdentity);
}

void RestorePickPage::initializePage()
{
    m_loadedId = 0;
    m_session->setIdentityFiles({});
    fill();
}

void RestorePickPage::fill()
{
    const qint64 keep =
        m_session->preselectedArtifact() ? m_session->preselectedArtifact() : currentArtifactId();
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    const RestoreWizardWorker::Backups &backups = m_session->backups();
    QHash<QString, QTreeWidgetItem *> profiles;
    QHash<QString, QTreeWidgetItem *> databases;
    for (const ArtifactRecord &a : backups.artifacts) {
        QTreeWidgetItem *&profile = profiles[a.profileName];
        if (!profile) {
            profile = new QTreeWidgetItem(m_tree, {a.profileName});
            profile->setFlags(Qt::ItemIsEnabled);
            profile->setExpanded(true);
        }
        QTreeWidgetItem *&database = databases[a.profileName + QLatin1Char('\n') + a.database];
        if (!database) {
            database = new QTreeWidgetItem(profile, {a.database});
            database->setIcon(0, QIcon(QStringLiteral(":/icons/database.svg")));
            database->setFlags(Qt::ItemIsEnabled);
            database->setExpanded(true);
        }
        // Damage found by the last integrity check outranks an older test restore.
        const bool damaged = a.damaged();
        const bool verified = !damaged && a.verifyState == QLatin1String("verified");
        const bool failed = damaged || a.verifyState == QLatin1String("failed");
        QString state;
        if (damaged)
            state = tr("DAMAGED");
        else if (verified)
            state = tr("verified %1").arg(DisplayFormat::date(a.verifiedUtc));
        else if (failed)
            state = tr("FAILED");
        else if (a.integrityState == QLatin1String("ok"))
            state = tr("integrity ok %1").arg(DisplayFormat::date(a.integrityCheckedUtc));
        auto *item = new QTreeWidgetItem(
            database, {DisplayFormat::dateTime(a.createdUtc), DisplayFormat::size(a.storedBytes), state});
        item->setData(0, ArtifactIdRole, a.id);
        item->setData(0, Qt::AccessibleTextRole,
                      tr("Backup %1 of %2 at %3%4")
                          .arg(a.id)
                          .arg(a.database, DisplayFormat::dateTime(a.createdUtc),
                               damaged    ? tr(", damaged")
                               : verified ? tr(", verified")
                                          : QString()));
        item->setToolTip(0, tr("Backup %1, SHA-256 %2").arg(a.id).arg(DisplayFormat::shortHash(a.sha256)));
        if (damaged)
            item->setToolTip(2, tr("The integrity check on %1 found this backup damaged, so it will not "
                                   "restore: %2")
                                    .arg(DisplayFormat::dateTime(a.integrityCheckedUtc), a.integrityDetail));
        if (verified)
            item->setIcon(2, QIcon(QStringLiteral(":/icons/state-ok.svg")));
        else if (failed)
            item->setIcon(2, QIcon(QStringLiteral(":/icons/state-failed.svg")));
        if (a.encrypted)
            item->setIcon(0, QIcon(QStringLiteral(":/icons/encrypted.svg")));
    }
    if (!backups.error.isEmpty())
        m_keyLabel->setText(tr("Could not read the backups: %1").arg(backups.error));
    else if (backups.artifacts.isEmpty())
        m_keyLabel->setText(tr("There are no backups to restore yet."));
    if (keep && selectArtifact(keep)) {
        if (keep == m_session->preselectedArtifact()) {
            m_session->clearPreselect(); // taken: later reloads keep the user's own choice
            m_tree->setFocus();
        }
    } else {
        m_loadedId = 0;
    }
    onCurrentChanged();
}

bool RestorePickPage::selectArtifact(qint64 artifactId)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, ArtifactIdRole).toLongLong() == artifactId) {
            m_tree->setCurrentItem(*it);
            m_tree->scrollToItem(*it);
            return true;
        }
    }
    return false;
}

qint64 RestorePickPage::currentArtifactId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, ArtifactIdRole).toLongLong() : 0;
}

void RestorePickPage::onCurrentChanged()
{
    const qint64 id = currentArtifactId();
    m_identityButton->setEnabled(false);
    if (!id) {
        if (!m_session->backups().artifacts.isEmpty())
            m_keyLabel->setText(tr("Select a backup (a point in time under a database)."));
        Q_EMIT completeChanged();
        return;
    }
    if (id != m_loadedId) {
        m_loadedId = 0;
        m_keyLabel->setText(tr("Reading backup %1…").arg(id));
        RestoreWizardWorker *worker = m_session->worker();
        QMetaObject::invokeMethod(
            worker, [worker, id] { worker->loadArtifact(id); }, Qt::QueuedConnection);
    }
    Q_EMIT completeChanged();
}

void RestorePickPage::onArtifact(const ArtifactRecord &artifact, const QString &error)
{
    if (artifact.id != currentArtifactId() && !error.isEmpty()) {
        m_keyLabel->setText(error);
        return;
    }
    if (artifact.id != currentArtifactId())
        return;
    m_session->setArtifact(artifact);
    m_loadedId = artifact.id;
    const auto profile = m_session->profile();
    m_identityButton->setEnabled(artifact.encrypted);
    if (!m_session->identityFiles().isEmpty())
        m_keyLabel->setText(tr("Decrypted with the identity file %1.")
                                .arg(m_session->identityFiles().join(QStringLiteral(", "))));
    else if (!artifact.encrypted)
        m_keyLabel->setText(tr("This backup is not encrypted."));
    else if (profile && profile->passphrase)
        m_keyLabel->setText(
            tr("Encrypted with the passphrase of %1, read from the keychain.").arg(profile->name));
    else if (profile)
        m_keyLabel->setText(
            tr("Encrypted: decrypted with the key of %1 in the keychain, or an identity file you choose.")
                .arg(profile->name));
    else
        m_keyLabel->setText(
            tr("Encrypted, and its profile is gone: choose an identity file that decrypts it."));
    Q_EMIT completeChanged();
}

void RestorePickPage::chooseIdentity()
{
    auto *dialog = new QFileDialog(this, tr("Choose an age identity file"));
    dialog->setObjectName(QStringLiteral("identityFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_session->setIdentityFiles({file});
        m_keyLabel->setText(tr("Decrypted with the identity file %1.").arg(file));
    });
    dialog->open();
}

bool RestorePickPage::isComplete() const
{
    const qint64 id = currentArtifactId();
    return id != 0 && id == m_loadedId;
}

} // namespace lifeboat
