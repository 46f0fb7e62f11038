#include "gui/dashboard/ProfileCardDelegate.h"

#include "gui/RecordTableModel.h"
#include "gui/dashboard/ProfileTableModel.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>

namespace lifeboat {

namespace {

constexpr int kMargin = 8;
constexpr int kIconSize = 24;
constexpr int kSmallIconSize = 16;
constexpr int kLineGap = 3;

QVariant column(const QModelIndex &index, int column, int role = Qt::DisplayRole)
{
    return index.siblingAtColumn(column).data(role);
}

// Draws `icon` + `text` right-aligned in `line`; returns the width used.
int drawRightAligned(QPainter *painter, const QRect &line, const QIcon &icon, const QString &text,
                     QIcon::Mode mode)
{
    const int textWidth = painter->fontMetrics().horizontalAdvance(text);
    QRect textRect(line.right() - textWidth, line.top(), textWidth, line.height());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text);
    int used = textWidth;
    if (!icon.isNull()) {
        const QRect iconRect(textRect.left() - kSmallIconSize - 4,
                             line.top() + (line.height() - kSmallIconSize) / 2, kSmallIconSize,
                             kSmallIconSize);
        icon.paint(painter, iconRect, Qt::AlignCenter, mode);
        used += kSmallIconSize + 4;
    }
    return used;
}

} // namespace

void ProfileCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &background, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Enabled
            ? (option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive)
            : QPalette::Disabled;
    const QColor primary = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = primary;
    if (!selected)
        secondary.setAlphaF(0.7f);
    const QIcon::Mode iconMode = selected ? QIcon::Selected : QIcon::Normal;

    painter->save();
    const QRect content = option.rect.adjusted(kMargin, kMargin - 2, -kMargin, -(kMargin - 2));
    const QIcon profileIcon =
        qvariant_cast<QIcon>(column(index, ProfileTableModel::NameColumn, Qt::DecorationRole));
    profileIcon.paint(painter, QRect(content.left(), content.top(), kIconSize, kIconSize), Qt::AlignCenter,
                      iconMode);

    QFont nameFont = option.font;
    nameFont.setBold(true);
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics metrics(option.font);
    const int textLeft = content.left() + kIconSize + kMargin;
    const int textWidth = content.right() - textLeft;
    QRect line1(textLeft, content.top(), textWidth, nameMetrics.height());
    QRect line2(textLeft, line1.bottom() + 1 + kLineGap, textWidth, metrics.height());
    QRect line3(textLeft, line2.bottom() + 1 + kLineGap, textWidth, metrics.height());

    // Line 1: name … outcome of the last run
    painter->setFont(option.font);
    painter->setPen(primary);
    const QString status = column(index, ProfileTableModel::StatusColumn).toString();
    const QIcon statusIcon =
        qvariant_cast<QIcon>(column(index, ProfileTableModel::StatusColumn, Qt::DecorationRole));
    const int statusWidth = drawRightAligned(painter, line1, statusIcon, status, iconMode);
    painter->setFont(nameFont);
    const QString name = column(index, ProfileTableModel::NameColumn).toString();
    painter->drawText(line1.adjusted(0, 0, -(statusWidth + kMargin), 0), Qt::AlignVCenter | Qt::AlignLeft,
                      nameMetrics.elidedText(name, Qt::ElideRight, line1.width() - statusWidth - kMargin));

    // Line 2: server · databases
    painter->setFont(option.font);
    painter->setPen(secondary);
    const QString where = tr("%1 · %2").arg(column(index, ProfileTableModel::ServerColumn).toString(),
                                            column(index, ProfileTableModel::DatabasesColumn).toString());
    painter->drawText(line2, Qt::AlignVCenter | Qt::AlignLeft,
                      metrics.elidedText(where, Qt::ElideMiddle, line2.width()));

    // Line 3: last backup age · size … encryption (a quiet lock when encrypted; a warning in words when not)
    const bool encrypted =
        column(index, ProfileTableModel::EncryptionColumn, RecordTableModel::RawRole).toBool();
    const QString encryption =
        encrypted ? QString() : column(index, ProfileTableModel::EncryptionColumn).toString();
    const QIcon encryptionIcon =
        qvariant_cast<QIcon>(column(index, ProfileTableModel::EncryptionColumn, Qt::DecorationRole));
    const int encryptionWidth = drawRightAligned(painter, line3, encryptionIcon, encryption, iconMode);
    const bool backedUp =
        column(index, ProfileTableModel::LastBackupColumn, RecordTableModel::RawRole).toDateTime().isValid();
    const QString last = backedUp ? tr("Last backup %1 · %2")
                                        .arg(column(index, ProfileTableModel::LastBackupColumn).toString(),
                                             column(index, ProfileTableModel::SizeColumn).toString())
                                  : tr("Never backed up");
    const int lastWidth = line3.width() - encryptionWidth - kMargin;
    painter->drawText(QRect(line3.left(), line3.top(), lastWidth, line3.height()),
                      Qt::AlignVCenter | Qt::AlignLeft, metrics.elidedText(last, Qt::ElideRight, lastWidth));
    painter->restore();
}

QSize ProfileCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    QFont nameFont = option.font;
    nameFont.setBold(true);
    const int height = QFontMetrics(nameFont).height() + 2 * QFontMetrics(option.font).height() +
                       2 * kLineGap + 2 * (kMargin - 2) + 2;
    return QSize(320, qMax(height, kIconSize + 2 * kMargin));
}

} // namespace lifeboat
