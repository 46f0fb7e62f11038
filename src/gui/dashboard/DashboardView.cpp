#include "gui/dashboard/DashboardView.h"

#include "engine/jobs/BackupJob.h"
#include "engine/jobs/IntegrityJob.h"
#include "engine/jobs/JobRunner.h"
#include "engine/profiles/RecoveryKitExport.h"
#include "gui/BackgroundTask.h"
#include "gui/dashboard/DashboardCard.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace lifeboat {

namespace {

// The newest backup run's artifacts (one per database), not pruned.
QList<ArtifactRecord> newestBackup(const QList<ArtifactRecord> &artifacts)
{
    QList<ArtifactRecord> out;
    for (const ArtifactRecord &artifact : artifacts) { // newest first
        if (artifact.prunedUtc.isValid())
            continue;
        if (!out.isEmpty() && (artifact.runId != out.first().runId || artifact.runId == 0))
            break;
        out.append(artifact);
    }
    return out;
}

} // namespace

DashboardView::DashboardView(ConfigPaths paths, JobRunner *runner, SecretStoreProvider secrets,
                             QWidget *parent)
    : QWidget(parent)
    , m_paths(std::move(paths))
    , m_runner(runner)
    , m_secrets(std::move(secrets))
{
    setObjectName(QStringLiteral("dashboardView"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_headingRow = top;
    m_heading = new QLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    m_heading->setFont(headingFont);
    auto *add = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("&Add profile…"), this);
    add->setObjectName(QStringLiteral("addProfileButton"));
    auto *backUpAll =
        new QPushButton(QIcon(QStringLiteral(":/icons/backup.svg")), tr("Back up &all now"), this);
    backUpAll->setObjectName(QStringLiteral("backUpAllButton"));
    top->addWidget(m_heading, 1);
    top->addWidget(backUpAll);
    top->addWidget(add);
    layout->addLayout(top);

    auto *scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Profile cards"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_cardsContent = new QWidget(scroll);
    m_cardsLayout = new QVBoxLayout(m_cardsContent);
    m_cardsLayout->addStretch(1);
    scroll->setWidget(m_cardsContent);
    m_cardsContent->installEventFilter(this);
    layout->addWidget(scroll, 1);

    connect(add, &QPushButton::clicked, this, &DashboardView::addProfileRequested);
    connect(backUpAll, &QPushButton::clicked, this, &DashboardView::backUpAll);
    connect(m_runner, &JobRunner::jobAdded, this, &DashboardView::updateBusy);
    connect(m_runner, &JobRunner::jobFinished, this, &DashboardView::updateBusy);
}

void DashboardView::setSnapshot(const CatalogSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_heading->setText(tr("%n profile(s)", nullptr, int(snapshot.profiles.size())));
    // Reuse the cards (keeps focus and scroll position); add or remove only the difference.
    while (m_cards.size() > snapshot.profiles.size())
        delete m_cards.takeLast();
    while (m_cards.size() < snapshot.profiles.size()) {
        auto *card = new DashboardCard(this);
        m_cardsLayout->insertWidget(int(m_cards.size()), card);
        connect(card, &DashboardCard::backUpRequested, this, [this](const QString &name) { backUp(name); });
        connect(card, &DashboardCard::verifyRequested, this, &DashboardView::verify);
        connect(card, &DashboardCard::restoreRequested, this, &DashboardView::restoreRequested);
        connect(card, &DashboardCard::editRequested, this, &DashboardView::editRequested);
        connect(card, &DashboardCard::exportKitRequested, this,
                [this](const QString &name) { exportRecoveryKit(name); });
        m_cards.append(card);
    }
    for (int i = 0; i < int(m_cards.size()); ++i)
        m_cards.at(i)->setSummary(snapshot.profiles.at(i), snapshot.loadedUtc);
    updateBusy();
}

DashboardCard *DashboardView::card(const QString &profileName) const
{
    for (DashboardCard *card : m_cards) {
        if (card->profileName() == profileName)
            return card;
    }
    return nullptr;
}

bool DashboardView::eventFilter(QObject *watched, QEvent *event)
{
    // Measured once the layout has done its work, which happens after these events.
    if (watched == m_cardsContent &&
        (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Resize))
        QMetaObject::invokeMethod(this, &DashboardView::checkContentHeight, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

void DashboardView::checkContentHeight()
{
    const int height = contentHeight();
    if (height == m_lastContentHeight)
        return;
    m_lastContentHeight = height;
    Q_EMIT contentHeightChanged();
}

int DashboardView::contentHeight() const
{
    const QMargins margins = layout()->contentsMargins();
    const int width = m_cardsContent->width() > 0 ? m_cardsContent->width() : this->width();
    const int cards = m_cardsLayout->hasHeightForWidth() ? m_cardsLayout->totalHeightForWidth(width)
                                                         : m_cardsLayout->totalSizeHint().height();
    return margins.top() + m_headingRow->sizeHint().height() + layout()->spacing() + cards + margins.bottom();
}

const ProfileSummary *DashboardView::summary(const QString &profileName) const
{
    for (const ProfileSummary &s : m_snapshot.profiles) {
        if (s.profile.name == profileName)
            return &s;
    }
    return nullptr;
}

bool DashboardView::hasActiveJob(const QString &profileName) const
{
    for (const JobInfo &job : m_runner->jobs()) {
        if (!job.isFinished() && job.profileName == profileName)
            return true;
    }
    return false;
}

void DashboardView::updateBusy()
{
    for (DashboardCard *card : std::as_const(m_cards))
        card->setBusy(hasActiveJob(card->profileName()));
}

void DashboardView::backUp(const QString &profileName)
{
    const ProfileSummary *s = summary(profileName);
    if (!s || hasActiveJob(profileName))
        return;
    BackupJob::Options options;
    options.secrets.store = m_secrets(); // the job reads the profile's secrets on its worker thread
    m_runner->submit(std::make_shared<BackupJob>(s->profile, m_paths, options));
    Q_EMIT statusMessage(tr("Backup of %1 started").arg(profileName));
    updateBusy();
}

void DashboardView::backUpAll()
{
    for (const ProfileSummary &s : std::as_const(m_snapshot.profiles))
        backUp(s.profile.name);
}

void DashboardView::verify(const QString &profileName)
{
    const ProfileSummary *s = summary(profileName);
    if (!s || hasActiveJob(profileName))
        return;
    const QList<ArtifactRecord> newest = newestBackup(m_snapshot.artifacts.value(profileName));
    if (newest.isEmpty()) {
        Q_EMIT statusMessage(tr("%1 has no stored backup to verify: back it up first").arg(profileName));
        return;
    }
    // The job reads the profile's key from the keychain on its own thread.
    for (const ArtifactRecord &artifact : newest)
        m_runner->submit(std::make_shared<IntegrityJob>(profileName, s->profile.connection.displayName(),
                                                        artifact.id, JobSecrets{.store = m_secrets()}));
    Q_EMIT statusMessage(tr("Verifying the newest backup of %1 (%n database(s))", nullptr, int(newest.size()))
                             .arg(profileName));
    updateBusy();
}

void DashboardView::exportRecoveryKit(const QString &profileName, const QString &path)
{
    auto write = [this, profileName](const QString &file) {
        if (file.isEmpty())
            return;
        BackgroundTask::run(
            this,
            [paths = m_paths, store = m_secrets(), profileName, file] {
                return RecoveryKitExport::write(paths, *store, profileName, file, true);
            },
            [this, profileName, file](const Status &status) {
                if (!status) {
                    Q_EMIT statusMessage(tr("The recovery kit of %1 was not written: %2")
                                             .arg(profileName, status.error().message));
                    return;
                }
                Q_EMIT statusMessage(
                    tr("Recovery kit of %1 written to %2 — keep it somewhere safe, away from this computer")
                        .arg(profileName, file));
                Q_EMIT catalogChanged();
            });
    };
    if (!path.isEmpty()) {
        write(path);
        return;
    }
    // Window-modal and answered through a signal: no nested event loop.
    auto *dialog = new QFileDialog(
        this, tr("Export the recovery kit of %1").arg(profileName),
        QDir::homePath() + QStringLiteral("/lifeboat-%1-recovery-kit.txt").arg(Profile::slug(profileName)));
    dialog->setObjectName(QStringLiteral("exportKitDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, write);
    dialog->open();
}

} // namespace lifeboat
