#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace lifeboat {

class MainWindow;
class ProfileEditor;

// `lifeboat --screenshot-page NAMES --screenshot-out DIR` (hidden, for scripts/screenshots): brings
// the window to each view in turn and saves it as DIR/NAME.png, then quits (exit code 1 when a page
// could not be reached in time). The views: welcome (a configuration without profiles), dashboard,
// schedules, history, history-chart, jobs (starts "Back up all now" and shoots while a backup
// runs), a section of the profile wizard (profile-connection, profile-databases,
// profile-destinations, profile-encryption, profile-schedule, profile-notifications: prefilled
// from the first profile's server, with the connection tested; the dialog alone is saved), or a
// restore wizard page (restore-pick, restore-integrity, restore-target, restore-options,
// restore-preflight, restore-run, restore-report: the wizard goes through with the newest backup
// of the first unencrypted database and its defaults, so list them in that order).
class ScreenshotDriver : public QObject
{
    Q_OBJECT
public:
    static QStringList pageNames();

    ScreenshotDriver(MainWindow *window, QStringList pages, QString outDir);

private:
    void step();
    bool stepHistory();
    bool stepRestore();
    bool stepJobs();
    bool stepProfileEditor();
    void grab();

    MainWindow *m_window;
    QStringList m_pages;
    int m_index = 0;
    QString m_page;
    QString m_outDir;
    QTimer m_timer;
    QElapsedTimer m_elapsed;     // since the start
    QElapsedTimer m_pageElapsed; // since the current page became the one to reach
    QElapsedTimer m_settle;
    int m_stage = 0;
    QPointer<ProfileEditor> m_editor; // the profile wizard of the profile-* pages
    bool m_connectionTested = false;
};

} // namespace lifeboat
