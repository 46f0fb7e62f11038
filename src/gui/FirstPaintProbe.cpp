#include "gui/FirstPaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace lifeboat {

FirstPaintProbe::FirstPaintProbe(QWidget *window, QElapsedTimer sinceStart)
    : QObject(window)
    , m_sinceStart(sinceStart)
{
    window->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_done) {
        m_done = true;
        // Measured once the paint has been handled (the next turn of the event loop).
        QTimer::singleShot(0, this, [this] {
            std::printf("first paint after %lld ms\n", static_cast<long long>(m_sinceStart.elapsed()));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace lifeboat
