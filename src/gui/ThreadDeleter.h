#pragma once

#include <QThread>

#include <memory>

namespace lifeboat {

// Owns a worker QThread the qBittorrent way (src/base/utils/thread.h): deleting it asks the
// thread's event loop to quit and waits for it, so objects living there (and deleted through
// QThread::finished → deleteLater) are gone before the owner is.
struct ThreadDeleter
{
    void operator()(QThread *thread) const
    {
        if (!thread)
            return;
        thread->quit();
        thread->wait();
        delete thread;
    }
};

using ThreadPtr = std::unique_ptr<QThread, ThreadDeleter>;

} // namespace lifeboat
