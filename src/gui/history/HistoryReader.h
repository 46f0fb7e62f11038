#pragma once

#include "core/Catalog.h"
#include "core/ConfigPaths.h"
#include "gui/history/HistoryPage.h"
#include "gui/history/RunDetails.h"

#include <QObject>

#include <memory>

namespace lifeboat {

// Reads the History view's data from the catalog on its own thread (with its own Catalog
// connection), so scrolling through 10,000 runs never waits on SQLite: pages of runs (keyset
// pagination), live updates above the first page, one run's details and one database's chart
// series. Call its functions on its thread (QMetaObject::invokeMethod, queued); answers come
// through queued signals.
class HistoryReader : public QObject
{
    Q_OBJECT
public:
    explicit HistoryReader(ConfigPaths paths, QObject *parent = nullptr);
    ~HistoryReader() override;

    void fetchPage(int generation, const lifeboat::Catalog::RunFilter &filter,
                   const lifeboat::Catalog::RunPageKey &after, int limit, bool count);
    void fetchNewer(int generation, const lifeboat::Catalog::RunFilter &filter,
                    const lifeboat::Catalog::RunPageKey &first, const QList<qint64> &unfinished);
    void loadDetails(qint64 runId);
    void loadSeries(const QString &profileName, const QString &database);

Q_SIGNALS:
    void pageLoaded(const lifeboat::HistoryPage &page);
    void detailsLoaded(const lifeboat::RunDetails &details);
    void seriesLoaded(const lifeboat::BackupSeries &series);

private:
    Status open();

    ConfigPaths m_paths;
    std::unique_ptr<Catalog> m_catalog;
};

} // namespace lifeboat
