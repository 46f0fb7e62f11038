#pragma once

#include "core/ConfigPaths.h"
#include "core/HealthReport.h"
#include "core/JobInfo.h"
#include "gui/CatalogSnapshot.h"

#include <QObject>

class QAction;
class QSystemTrayIcon;

namespace lifeboat {

struct Alert;

// The tray icon (when the desktop has a tray): the worst health of all profiles as its icon and
// tool tip, a menu with Back up all now, Open Lifeboat, "Keep running in the tray when the window
// is closed" (QSettings in ConfigPaths::settingsPath(), so scheduled backups go on) and Quit, and
// desktop notifications — the alerts engine's (AlertService::notification) when it is connected,
// else failed jobs of the JobRunner.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(ConfigPaths paths, QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();
    bool isVisible() const;
    bool keepRunningInTray() const;
    void setKeepRunningInTray(bool keep);

    void setSnapshot(const CatalogSnapshot &snapshot);
    HealthLevel worstLevel() const { return m_worst; }
    QString toolTip() const;

    // Notifications: an alert of the alerts engine, or (without it) a job that failed.
    void showAlert(const Alert &alert);
    void onJobFinished(const JobInfo &job);
    // Once an alerts engine delivers notifications, job outcomes are left to it.
    void setAlertsConnected(bool connected) { m_alertsConnected = connected; }
    QString lastNotification() const { return m_lastNotification; }

Q_SIGNALS:
    void openRequested();
    void backUpAllRequested();
    void quitRequested();

private:
    void notify(const QString &title, const QString &text, HealthLevel level);

    ConfigPaths m_paths;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_keepRunning = nullptr;
    HealthLevel m_worst = HealthLevel::Healthy;
    QString m_toolTip;
    QString m_lastNotification;
    bool m_alertsConnected = false;
};

} // namespace lifeboat
