#include "gui/ProgressBarDelegate.h"

#include "core/JobInfo.h"
#include "engine/jobs/JobModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionProgressBar>

namespace lifeboat {

void ProgressBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const QVariant percentValue = index.data(JobModel::ProgressRole);
    const auto state = JobInfo::State(index.data(JobModel::StateRole).toInt());
    // A finished backup is all there; the estimate it was measured against may have been high.
    const int percent = state == JobInfo::State::Succeeded ? 100
                        : percentValue.isValid()           ? percentValue.toInt()
                                                           : -1;
    const bool running = state == JobInfo::State::Running;
    if (percent < 0 && !running) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // The selection background first, so a selected row still looks selected.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    QStyleOptionProgressBar bar;
    if (widget)
        bar.initFrom(widget);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.minimum = 0;
    bar.maximum = percent < 0 ? 0 : 100; // 0..0: busy
    bar.progress = qMax(0, percent);
    bar.textVisible = percent >= 0;
    bar.text = percent >= 0 ? QStringLiteral("%1%").arg(percent) : QString();
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QSize ProgressBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), 120));
    return size;
}

} // namespace lifeboat
