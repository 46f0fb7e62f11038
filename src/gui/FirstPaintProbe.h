#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace lifeboat {

// `lifeboat --measure-startup`: watches a window for its first paint, prints the time since the
// process started (main()) and quits — the cold-start figure the issue asks for (≤ 0.5 s).
class FirstPaintProbe : public QObject
{
    Q_OBJECT
public:
    // `sinceStart` was started at the top of main().
    FirstPaintProbe(QWidget *window, QElapsedTimer sinceStart);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QElapsedTimer m_sinceStart;
    bool m_done = false;
};

} // namespace lifeboat
