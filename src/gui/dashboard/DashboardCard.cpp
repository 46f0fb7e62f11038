#include "gui/dashboard/DashboardCard.h"

#include "gui/DisplayFormat.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lifeboat {

namespace {

QString healthIcon(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Healthy:
        return QStringLiteral(":/icons/state-ok.svg");
    case HealthLevel::Warning:
        return QStringLiteral(":/icons/state-warning.svg");
    case HealthLevel::Failing:
        break;
    }
    return QStringLiteral(":/icons/state-failed.svg");
}

} // namespace

DashboardCard::DashboardCard(QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("dashboardCard"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(3); // compact: more cards fit above the profile list

    auto *header = new QHBoxLayout;
    m_healthDot = new QLabel(this);
    m_healthDot->setFixedSize(20, 20);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("cardTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    header->addWidget(m_healthDot);
    header->addWidget(m_title, 1);
    layout->addLayout(header);

    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("healthReason"));
    m_reason->setWordWrap(true);
    layout->addWidget(m_reason);

    auto addLine = [this, layout](const char *name) {
        auto *label = new QLabel(this);
        label->setObjectName(QLatin1String(name));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(label);
        return label;
    };
    m_lastBackup = addLine("lastBackup");
    m_lastVerified = addLine("lastVerified");
    m_nextRun = addLine("nextRun");
    m_recovery = addLine("recoveryObjectives");

    // The warning banner: the palette's alternate base with its text colour, so it reads in light
    // and dark palettes alike (no fixed colours).
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("identityBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::AlternateBase);
    m_banner->setForegroundRole(QPalette::Text);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    auto *bannerIcon = new QLabel(m_banner);
    bannerIcon->setPixmap(QIcon(QStringLiteral(":/icons/state-warning.svg")).pixmap(QSize(20, 20)));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setForegroundRole(QPalette::Text);
    m_exportKit =
        new QPushButton(QIcon(QStringLiteral(":/icons/key.svg")), tr("Export recovery &kit…"), m_banner);
    m_exportKit->setObjectName(QStringLiteral("exportKitButton"));
    bannerLayout->addWidget(bannerIcon);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_exportKit);
    layout->addWidget(m_banner);

    auto *buttons = new QHBoxLayout;
    m_backUp = new QPushButton(QIcon(QStringLiteral(":/icons/backup.svg")), tr("&Back up now"), this);
    m_backUp->setObjectName(QStringLiteral("backUpButton"));
    m_verify = new QPushButton(QIcon(QStringLiteral(":/icons/verify.svg")), tr("&Verify"), this);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_restore = new QPushButton(QIcon(QStringLiteral(":/icons/restore.svg")), tr("&Restore…"), this);
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    m_edit = new QPushButton(QIcon(QStringLiteral(":/icons/edit.svg")), tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editButton"));
    buttons->addWidget(m_backUp);
    buttons->addWidget(m_verify);
    buttons->addWidget(m_restore);
    buttons->addStretch(1);
    buttons->addWidget(m_edit);
    layout->addLayout(buttons);

    connect(m_backUp, &QPushButton::clicked, this, [this] { Q_EMIT backUpRequested(profileName()); });
    connect(m_verify, &QPushButton::clicked, this, [this] { Q_EMIT verifyRequested(profileName()); });
    connect(m_restore, &QPushButton::clicked, this, [this] { Q_EMIT restoreRequested(profileName()); });
    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(profileName()); });
    connect(m_exportKit, &QPushButton::clicked, this, [this] { Q_EMIT exportKitRequested(profileName()); });
}

void DashboardCard::setSummary(const ProfileSummary &summary, const QDateTime &nowUtc)
{
    m_summary = summary;
    const Profile &profile = summary.profile;
    m_title->setText(profile.name);

    const QString levelName = summary.healthLevel == HealthLevel::Healthy   ? tr("healthy")
                              : summary.healthLevel == HealthLevel::Warning ? tr("needs a look")
                                                                            : tr("failing");
    m_healthDot->setPixmap(QIcon(healthIcon(summary.healthLevel)).pixmap(QSize(20, 20)));
    m_healthDot->setAccessibleName(tr("Health: %1").arg(levelName));
    m_healthDot->setToolTip(m_healthDot->accessibleName());
    // The health reasons are written for the terminal too ("run lifeboat-cli key export …"): the
    // never-exported key has its own banner with a button here, so the line says it in words.
    QString reason = summary.healthReasons.isEmpty() ? tr("Healthy") : summary.healthReasons.first();
    if (summary.identityNeverExported && reason.contains(QLatin1String("lifeboat-cli key export")))
        reason = tr("Its age key was never exported (see below).");
    else if (!reason.isEmpty() && !summary.firstReasonNamesADatabase)
        reason[0] = reason.at(0).toUpper();
    m_reason->setText(reason);
    m_reason->setToolTip(summary.healthReasons.join(QLatin1Char('\n')));

    if (!summary.lastBackupUtc.isValid()) {
        m_lastBackup->setText(summary.lastBackupRun.id != 0
                                  ? tr("Last backup: none yet (last attempt %1: %2)")
                                        .arg(DisplayFormat::runState(summary.lastBackupRun.state),
                                             summary.lastBackupRun.message)
                                  : tr("Last backup: none yet"));
    } else {
        const QString status = summary.lastBackupRun.id != 0
                                   ? DisplayFormat::runState(summary.lastBackupRun.state)
                                   : tr("succeeded");
        m_lastBackup->setText(tr("Last backup: %1 · %2 · latest run %3")
                                  .arg(DisplayFormat::age(summary.lastBackupUtc, nowUtc),
                                       DisplayFormat::size(summary.lastBackupBytes), status));
    }
    if (!summary.lastVerifiedUtc.isValid()) {
        // No test restore yet; an integrity check (checksums, decryption, archive) is still news.
        const RunRecord &check = summary.lastVerifyRun;
        if (check.id == 0)
            m_lastVerified->setText(tr("Last verified: never"));
        else if (check.state == RunRecord::State::Succeeded)
            m_lastVerified->setText(tr("Last verified: never by a test restore · integrity checked %1")
                                        .arg(DisplayFormat::age(check.finishedUtc, nowUtc)));
        else
            m_lastVerified->setText(tr("Last verified: never by a test restore · integrity check FAILED %1")
                                        .arg(DisplayFormat::age(check.finishedUtc, nowUtc)));
    } else if (summary.lastVerifyState == QLatin1String("failed")) {
        m_lastVerified->setText(
            tr("Last verified: %1 · FAILED").arg(DisplayFormat::age(summary.lastVerifiedUtc, nowUtc)));
    } else {
        const QString restore =
            summary.lastRestoreSeconds > 0
                ? tr(" · restore took %1")
                      .arg(DisplayFormat::duration(qint64(summary.lastRestoreSeconds * 1000)))
                : QString();
        m_lastVerified->setText(
            tr("Last verified: %1%2").arg(DisplayFormat::age(summary.lastVerifiedUtc, nowUtc), restore));
    }
    if (!summary.scheduleError.isEmpty())
        m_nextRun->setText(tr("Next run: none — the schedule is not valid: %1").arg(summary.scheduleError));
    else if (summary.scheduleText.isEmpty())
        m_nextRun->setText(tr("Next run: manual only (no schedule)"));
    else if (!profile.scheduleEnabled)
        m_nextRun->setText(tr("Next run: paused (%1)").arg(summary.scheduleText));
    else
        m_nextRun->setText(
            tr("Next run: %1 (%2)").arg(DisplayFormat::dateTime(summary.nextRunUtc), summary.scheduleText));

    // Recovery objectives, as measured: how much could be lost (the schedule's interval and the
    // last actual gap) and how long a restore takes (the last test restore).
    const auto span = [](double seconds) {
        return DisplayFormat::duration(qint64(seconds * 1000));
    };
    QString rpo;
    if (summary.rpoTargetSeconds > 0 && summary.rpoMeasuredSeconds >= 0)
        rpo = tr("Recovery point: %1 target, %2 last gap")
                  .arg(span(summary.rpoTargetSeconds), span(summary.rpoMeasuredSeconds));
    else if (summary.rpoTargetSeconds > 0)
        rpo = tr("Recovery point: %1 target").arg(span(summary.rpoTargetSeconds));
    else if (summary.rpoMeasuredSeconds >= 0)
        rpo = tr("Recovery point: %1 last gap (no schedule)").arg(span(summary.rpoMeasuredSeconds));
    else
        rpo = tr("Recovery point: unknown (no schedule)");
    const QString rto = summary.rtoSeconds >= 0
                            ? tr("recovery time: %1 (measured)").arg(span(summary.rtoSeconds))
                            : tr("recovery time: not measured yet (verify with a test restore)");
    m_recovery->setText(rpo + QStringLiteral(" · ") + rto);

    m_banner->setVisible(summary.identityNeverExported);
    m_bannerText->setText(tr("The age key of %1 exists only in this computer's keychain. If this computer is "
                             "lost, its backups cannot be decrypted: export a recovery kit and keep it "
                             "somewhere safe.")
                              .arg(profile.name));
    setAccessibleName(tr("Profile %1, %2").arg(profile.name, levelName));
    updateButtons();
}

void DashboardCard::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void DashboardCard::updateButtons()
{
    const bool hasBackup = m_summary.newestArtifactId != 0;
    m_backUp->setEnabled(!m_busy);
    m_backUp->setToolTip(m_busy ? tr("A job of %1 is already queued or running").arg(m_summary.profile.name)
                                : tr("Back up the databases of %1 now").arg(m_summary.profile.name));
    m_verify->setEnabled(hasBackup && !m_busy);
    m_verify->setToolTip(hasBackup
                             ? tr("Check the newest backup's integrity (checksums, decryption, archive)")
                             : tr("There is no backup to verify yet"));
    m_restore->setEnabled(hasBackup);
}

} // namespace lifeboat
