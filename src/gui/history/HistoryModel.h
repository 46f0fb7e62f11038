#pragma once

#include "core/Catalog.h"
#include "gui/history/HistoryPage.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QElapsedTimer>

namespace lifeboat {

class HistoryReader;

// Every run in the catalog, newest first, as a lazy table: the first page comes from the
// HistoryReader on its thread, further pages when the view scrolls near the end
// (canFetchMore/fetchMore, keyset pagination), and refresh() puts runs that started since on
// top (and updates the ones that were still running) without losing the selection.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;

    enum Column
    {
        TimeColumn,
        ProfileColumn,
        DatabasesColumn,
        KindColumn,
        TriggerColumn,
        StatusColumn,
        DurationColumn,
        SizeColumn,
        ColumnCount
    };
    enum Role
    {
        RunIdRole = Qt::UserRole + 1,
        SortValueRole
    };

    // `reader` lives on another thread; the model only queues calls to it.
    explicit HistoryModel(HistoryReader *reader, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Starts over with another filter (the first page is read at once).
    void setFilter(const Catalog::RunFilter &filter);
    Catalog::RunFilter filter() const { return m_filter; }
    // Reads what changed since (new runs on top, running ones updated).
    void refresh();
    void setNow(const QDateTime &nowUtc) { m_nowUtc = nowUtc; }

    const RunRecord &runAt(int row) const { return m_runs.at(row); }
    int rowOfRun(qint64 runId) const;
    bool isLoading() const { return m_loading; }
    bool hasMore() const { return m_hasMore; }
    // Runs matching the filter (-1 until counted).
    qint64 total() const { return m_total; }
    QString lastError() const { return m_error; }

Q_SIGNALS:
    // The first page of a filter arrived; `ms` since setFilter().
    void firstPageLoaded(qint64 ms);
    void totalChanged(qint64 total);
    void loadFailed(const QString &message);

private:
    void onPage(const HistoryPage &page);
    void requestPage(bool first);

    HistoryReader *m_reader;
    Catalog::RunFilter m_filter;
    QList<RunRecord> m_runs;
    int m_generation = 0;
    bool m_loading = false;
    bool m_hasMore = false;
    bool m_haveFirstPage = false;
    qint64 m_total = -1;
    QString m_error;
    QDateTime m_nowUtc;
    QElapsedTimer m_filterTimer;
};

} // namespace lifeboat
