#pragma once

#include <QStyledItemDelegate>

namespace lifeboat {

// Paints a row of ProfileTableModel as a card in a list: name and outcome of the last run;
// server and databases; age and size of the last backup and whether backups are encrypted.
// Reads the row's other columns through siblings, so the model stays one table.
class ProfileCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace lifeboat
