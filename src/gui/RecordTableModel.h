#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace lifeboat {

// Base of the catalog tables (profiles, backups, runs). New snapshots are merged into the rows
// by key — rows that are gone are removed, new ones inserted, the rest updated in place — so a
// refresh keeps the user's selection, current row and scroll position.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // The raw value behind a cell (bytes as a number, times as QDateTime), for tests and sorting.
    enum Role
    {
        RawRole = Qt::UserRole + 1,
        KeyRole
    };

    using QAbstractTableModel::QAbstractTableModel;

protected:
    template<typename Row, typename KeyOf>
    void syncRows(QList<Row> &rows, const QList<Row> &next, KeyOf keyOf);
};

template<typename Row, typename KeyOf>
void RecordTableModel::syncRows(QList<Row> &rows, const QList<Row> &next, KeyOf keyOf)
{
    QHash<qint64, int> nextPosition;
    for (int i = 0; i < int(next.size()); ++i)
        nextPosition.insert(keyOf(next.at(i)), i);

    // Remove the rows that are gone, a contiguous block at a time.
    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        if (nextPosition.contains(keyOf(rows.at(i))))
            continue;
        int first = i;
        while (first > 0 && !nextPosition.contains(keyOf(rows.at(first - 1))))
            --first;
        beginRemoveRows(QModelIndex(), first, i);
        rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first;
    }

    // The rows kept must already be in the new order; when they are not, start over.
    int previous = -1;
    for (const Row &row : std::as_const(rows)) {
        const int position = nextPosition.value(keyOf(row));
        if (position <= previous) {
            beginResetModel();
            rows = next;
            endResetModel();
            return;
        }
        previous = position;
    }

    // Insert the new rows (a block at a time) and take the new values of the kept ones.
    int i = 0;
    while (i < int(next.size())) {
        if (i < int(rows.size()) && keyOf(rows.at(i)) == keyOf(next.at(i))) {
            rows[i] = next.at(i);
            ++i;
            continue;
        }
        const int end = i < int(rows.size()) ? nextPosition.value(keyOf(rows.at(i))) : int(next.size());
        beginInsertRows(QModelIndex(), i, end - 1);
        for (int j = i; j < end; ++j)
            rows.insert(j, next.at(j));
        endInsertRows();
        i = end;
    }
    if (!rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(rows.size()) - 1, columnCount() - 1));
}

} // namespace lifeboat
