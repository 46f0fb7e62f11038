#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <utility>

namespace lifeboat {

// Runs blocking work (a connection test, a catalog write, the keychain's blocking helpers) on
// Qt's global thread pool and hands its result to `done` on `context`'s thread — and not at all
// once `context` is gone. The GUI thread never waits:
//
//   BackgroundTask::run(this, [spec] { return DestinationCheck::run(spec); },
//                       [this](const Result<DestinationCheck::Report> &report) { … });
//
// Delivery goes through a QFutureWatcher owned by `context` (which also reports a future that
// finished before it was watched), not QFuture::then(context, …): Qt 6.4's context continuations
// can be lost when the future finishes while the continuation is being attached.
struct BackgroundTask
{
    template<typename Work, typename Done> static void run(QObject *context, Work work, Done done)
    {
        using T = decltype(work());
        auto promise = std::make_shared<QPromise<T>>();
        auto *watcher = new QFutureWatcher<T>(context);
        QObject::connect(watcher, &QFutureWatcher<T>::finished, context,
                         [watcher, done = std::move(done)]() mutable {
                             watcher->deleteLater();
                             if (watcher->future().resultCount() > 0)
                                 done(watcher->future().result());
                         });
        watcher->setFuture(promise->future());
        promise->start();
        QThreadPool::globalInstance()->start([promise, work = std::move(work)]() mutable {
            promise->addResult(work());
            promise->finish();
        });
    }
};

} // namespace lifeboat
