#pragma once

#include "core/RunRecord.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace lifeboat {

// A job as the UI and CLI see it: a value, copied across threads through queued signals.
struct JobInfo
{
    using State = RunRecord::State;

    QString id; // unique within this process
    RunKind kind = RunKind::Backup;
    QString profileName;
    QString serverKey; // jobs of one server run one at a time
    State state = State::Queued;
    QString phase; // "dumping orders", "writing manifest", ...
    qint64 bytesDone = 0;
    qint64 bytesExpected = 0; // 0 = unknown
    double etaSeconds = -1;   // -1 = unknown
    QString message;          // the outcome in one sentence, once finished
    QString errorCode;
    qint64 runId = 0;    // the catalog's run, once started
    QStringList outputs; // artifact paths / object URLs written
    QList<qint64> artifactIds;
    QDateTime queuedUtc;
    QDateTime startedUtc;
    QDateTime finishedUtc;

    bool isFinished() const { return state != State::Queued && state != State::Running; }
    int percent() const
    {
        return bytesExpected > 0 ? int(qBound(qint64(0), bytesDone * 100 / bytesExpected, qint64(100))) : -1;
    }
};

} // namespace lifeboat

Q_DECLARE_METATYPE(lifeboat::JobInfo)
