#pragma once

#include <QStyledItemDelegate>

namespace lifeboat {

// Draws a job's progress (JobModel::ProgressRole, 0–100 or -1 when unknown) as a progress bar;
// a running job of unknown size gets a busy bar.
class ProgressBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace lifeboat
