#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace lifeboat {

class MainWindow;

// `lifeboat --screenshot-page NAMES --screenshot-out DIR` (hidden, for scripts/screenshots): brings
// the window to each view in turn — dashboard, history, history-chart, or a restore wizard page
// (restore-pick, restore-integrity, restore-target, restore-options, restore-preflight, restore-run,
// restore-report: the wizard goes through with the newest backup and its defaults, so list them in
// that order) — saves the window as DIR/NAME.png and quits when all are done (exit code 1 when a
// page could not be reached in time).
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
    void grab();

    MainWindow *m_window;
    QStringList m_pages;
    int m_index = 0;
    QString m_page;
    QString m_outDir;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_settle;
    int m_stage = 0;
};

} // namespace lifeboat
