#pragma once

#include "core/ConfigPaths.h"
#include "core/Result.h"
#include "gui/CatalogSnapshot.h"

#include <QObject>

#include <memory>

namespace lifeboat {

class Catalog;

// Reads the catalog for the GUI. Lives in its own QThread (see ThreadDeleter) with its own
// Catalog connection, so the GUI thread never waits on the disk or on SQLite's locks. On its
// first load it opens the catalog and runs RunRecovery once; every load() answers with a
// complete CatalogSnapshot through the queued loaded() signal.
//
// Polling is cheap: unless forced, a load first compares the catalog's files (size and time of
// the database and its WAL) with the last read and, when nothing was committed since, answers
// with the previous snapshot (re-dated, so ages such as "5 min ago" move on) without a query.
class CatalogReader : public QObject
{
    Q_OBJECT
public:
    explicit CatalogReader(ConfigPaths paths, QObject *parent = nullptr);
    ~CatalogReader() override;

    // Call on the reader's thread (QMetaObject::invokeMethod with a queued connection).
    // `force` reads even when the files look unchanged (F5, after a job of this process).
    void load(bool force);

Q_SIGNALS:
    void loaded(const lifeboat::CatalogSnapshot &snapshot);

private:
    Status open();
    Result<CatalogSnapshot> read() const;
    QString fileStamp() const;
    static void describeSchedule(ProfileSummary &summary);

    ConfigPaths m_paths;
    std::unique_ptr<Catalog> m_catalog;
    int m_recoveredRuns = 0;
    CatalogSnapshot m_last;
    QString m_lastStamp;
    qint64 m_lastReadMs = 0;
};

} // namespace lifeboat
