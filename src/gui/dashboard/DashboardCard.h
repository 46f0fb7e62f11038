#pragma once

#include "gui/ProfileSummary.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace lifeboat {

// One profile on the dashboard: a health colour with its one-line reason, the last backup (age,
// size, status), the last verification (age, measured restore time), the next run, and the
// actions Back up now, Verify, Restore… and Edit…. While the profile's age identity was never
// exported, a banner says so with an "Export recovery kit…" button. Only shows; the
// DashboardView acts on the signals.
class DashboardCard : public QFrame
{
    Q_OBJECT
public:
    explicit DashboardCard(QWidget *parent = nullptr);

    void setSummary(const ProfileSummary &summary, const QDateTime &nowUtc);
    void setBusy(bool busy); // a job of this profile is queued or running
    QString profileName() const { return m_summary.profile.name; }

Q_SIGNALS:
    void backUpRequested(const QString &profileName);
    void verifyRequested(const QString &profileName);
    void restoreRequested(const QString &profileName);
    void editRequested(const QString &profileName);
    void exportKitRequested(const QString &profileName);

private:
    void updateButtons();

    ProfileSummary m_summary;
    bool m_busy = false;
    QLabel *m_healthDot = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_lastBackup = nullptr;
    QLabel *m_lastVerified = nullptr;
    QLabel *m_nextRun = nullptr;
    QLabel *m_recovery = nullptr; // measured RPO and RTO
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_backUp = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_exportKit = nullptr;
};

} // namespace lifeboat
