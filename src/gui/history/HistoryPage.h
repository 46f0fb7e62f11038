#pragma once

#include "core/RunRecord.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace lifeboat {

// A page of runs read by the HistoryReader, handed to the HistoryModel through a queued signal.
struct HistoryPage
{
    int generation = 0;       // the model's filter generation it answers (older ones are dropped)
    bool newer = false;       // runs newer than the model's first row (live updates), not a next page
    QList<RunRecord> runs;    // newest first
    QList<RunRecord> updated; // newer: loaded rows that were still running, as they are now
    bool hasMore = false;     // a next page exists
    qint64 total = -1;        // runs matching the filter; -1 = not counted with this page
    qint64 elapsedMs = 0;     // time the reader spent on it
    QString error;
};

} // namespace lifeboat

Q_DECLARE_METATYPE(lifeboat::HistoryPage)
