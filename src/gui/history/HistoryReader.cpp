#include "gui/history/HistoryReader.h"

#include <QElapsedTimer>

namespace lifeboat {

namespace {
// Live updates fetch at most this many new runs at once; more means the view starts over.
constexpr int kNewerLimit = 500;
} // namespace

HistoryReader::HistoryReader(ConfigPaths paths, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
{}

HistoryReader::~HistoryReader() = default;

Status HistoryReader::open()
{
    return Catalog::ensureOpen(m_catalog, m_paths);
}

void HistoryReader::fetchPage(int generation, const Catalog::RunFilter &filter,
                              const Catalog::RunPageKey &after, int limit, bool count)
{
    QElapsedTimer timer;
    timer.start();
    HistoryPage page;
    page.generation = generation;
    if (Status s = open(); !s) {
        page.error = s.error().message;
        Q_EMIT pageLoaded(page);
        return;
    }
    // One row more than asked tells whether there is a next page.
    auto runs = m_catalog->runsPage(filter, after, limit + 1);
    if (!runs) {
        page.error = runs.error().message;
    } else {
        page.hasMore = runs->size() > limit;
        if (page.hasMore)
            runs->removeLast();
        page.runs = std::move(*runs);
    }
    if (count && page.error.isEmpty()) {
        auto total = m_catalog->runCount(filter);
        if (total)
            page.total = *total;
    }
    page.elapsedMs = timer.elapsed();
    Q_EMIT pageLoaded(page);
}

void HistoryReader::fetchNewer(int generation, const Catalog::RunFilter &filter,
                               const Catalog::RunPageKey &first, const QList<qint64> &unfinished)
{
    QElapsedTimer timer;
    timer.start();
    HistoryPage page;
    page.generation = generation;
    page.newer = true;
    if (Status s = open(); !s) {
        page.error = s.error().message;
        Q_EMIT pageLoaded(page);
        return;
    }
    auto runs = m_catalog->runsNewerThan(filter, first, kNewerLimit);
    if (!runs)
        page.error = runs.error().message;
    else
        page.runs = std::move(*runs);
    for (qint64 id : unfinished) {
        auto run = m_catalog->run(id);
        if (run)
            page.updated << *run;
    }
    auto total = m_catalog->runCount(filter);
    if (total)
        page.total = *total;
    page.elapsedMs = timer.elapsed();
    Q_EMIT pageLoaded(page);
}

void HistoryReader::loadDetails(qint64 runId)
{
    RunDetails details;
    details.run.id = runId;
    if (Status s = open(); !s) {
        details.error = s.error().message;
        Q_EMIT detailsLoaded(details);
        return;
    }
    auto run = m_catalog->run(runId);
    if (!run) {
        details.error = run.error().message;
        Q_EMIT detailsLoaded(details);
        return;
    }
    details.run = *run;
    auto events = m_catalog->events(runId);
    if (events)
        details.events = *events;
    auto artifacts = m_catalog->artifacts(run->profileName);
    if (artifacts) {
        for (const ArtifactRecord &artifact : std::as_const(*artifacts)) {
            if (artifact.runId == runId)
                details.artifacts.prepend(artifact); // oldest first, as the run wrote them
        }
    }
    Q_EMIT detailsLoaded(details);
}

void HistoryReader::loadSeries(const QString &profileName, const QString &database)
{
    BackupSeries series;
    series.profileName = profileName;
    if (Status s = open(); !s) {
        series.error = s.error().message;
        Q_EMIT seriesLoaded(series);
        return;
    }
    auto databases = m_catalog->backedUpDatabases(profileName);
    if (databases)
        series.databases = *databases;
    series.database = database;
    if (series.database.isEmpty() || !series.databases.contains(series.database))
        series.database = series.databases.value(0);
    if (!series.database.isEmpty()) {
        auto points = m_catalog->backupSeries(profileName, series.database);
        if (points)
            series.points = *points;
        else
            series.error = points.error().message;
    }
    Q_EMIT seriesLoaded(series);
}

} // namespace lifeboat
