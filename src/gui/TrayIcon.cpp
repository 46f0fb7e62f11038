#include "gui/TrayIcon.h"

#include "engine/alerts/Alert.h"
#include "gui/DisplayFormat.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>

namespace lifeboat {

namespace {
const QString kKeepRunningKey = QStringLiteral("gui/keepRunningInTray");

QIcon levelIcon(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Healthy:
        return QIcon(QStringLiteral(":/icons/lifeboat.svg"));
    case HealthLevel::Warning:
        return QIcon(QStringLiteral(":/icons/state-warning.svg"));
    case HealthLevel::Failing:
        break;
    }
    return QIcon(QStringLiteral(":/icons/state-failed.svg"));
}
} // namespace

TrayIcon::TrayIcon(ConfigPaths paths, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
{
    auto *menu = new QMenu;
    QAction *backUpAll = menu->addAction(QIcon(QStringLiteral(":/icons/backup.svg")), tr("&Back up all now"));
    QAction *open = menu->addAction(QIcon(QStringLiteral(":/icons/lifeboat.svg")), tr("&Open Lifeboat"));
    menu->addSeparator();
    m_keepRunning = menu->addAction(tr("&Keep running in the tray when the window is closed"));
    m_keepRunning->setCheckable(true);
    m_keepRunning->setChecked(keepRunningInTray());
    menu->addSeparator();
    QAction *quit = menu->addAction(tr("&Quit"));
    connect(backUpAll, &QAction::triggered, this, &TrayIcon::backUpAllRequested);
    connect(open, &QAction::triggered, this, &TrayIcon::openRequested);
    connect(quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    connect(m_keepRunning, &QAction::toggled, this, &TrayIcon::setKeepRunningInTray);

    m_tray = new QSystemTrayIcon(levelIcon(m_worst), this);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT openRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::openRequested);
    if (isAvailable())
        m_tray->show();
}

TrayIcon::~TrayIcon()
{
    delete m_tray->contextMenu();
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayIcon::isVisible() const
{
    return m_tray->isVisible();
}

bool TrayIcon::keepRunningInTray() const
{
    QSettings settings(m_paths.settingsPath(), QSettings::IniFormat);
    return settings.value(kKeepRunningKey, true).toBool();
}

void TrayIcon::setKeepRunningInTray(bool keep)
{
    QSettings settings(m_paths.settingsPath(), QSettings::IniFormat);
    settings.setValue(kKeepRunningKey, keep);
    if (m_keepRunning->isChecked() != keep)
        m_keepRunning->setChecked(keep);
}

void TrayIcon::setSnapshot(const CatalogSnapshot &snapshot)
{
    HealthLevel worst = HealthLevel::Healthy;
    QStringList lines;
    for (const ProfileSummary &s : snapshot.profiles) {
        if (int(s.healthLevel) > int(worst))
            worst = s.healthLevel;
        if (s.healthLevel != HealthLevel::Healthy && !s.healthReasons.isEmpty())
            lines << tr("%1: %2").arg(s.profile.name, s.healthReasons.first());
    }
    m_worst = worst;
    if (!snapshot.ok())
        m_toolTip = tr("Lifeboat — cannot read the catalog");
    else if (snapshot.profiles.isEmpty())
        m_toolTip = tr("Lifeboat — no profiles yet");
    else if (lines.isEmpty())
        m_toolTip = tr("Lifeboat — all %n profile(s) healthy", nullptr, int(snapshot.profiles.size()));
    else
        m_toolTip = tr("Lifeboat\n%1").arg(lines.join(QLatin1Char('\n')));
    m_tray->setIcon(levelIcon(worst));
    m_tray->setToolTip(m_toolTip);
}

QString TrayIcon::toolTip() const
{
    return m_toolTip;
}

void TrayIcon::showAlert(const Alert &alert)
{
    notify(alert.title(), alert.text(), alert.level);
}

void TrayIcon::onJobFinished(const JobInfo &job)
{
    if (m_alertsConnected || job.state != JobInfo::State::Failed)
        return;
    notify(tr("Lifeboat: the %1 of %2 failed").arg(DisplayFormat::runKind(job.kind), job.profileName),
           job.message, HealthLevel::Failing);
}

void TrayIcon::notify(const QString &title, const QString &text, HealthLevel level)
{
    m_lastNotification = title + QLatin1Char('\n') + text;
    if (!m_tray->isVisible() || !QSystemTrayIcon::supportsMessages())
        return;
    m_tray->showMessage(title, text,
                        level == HealthLevel::Failing ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning,
                        15000);
}

} // namespace lifeboat
