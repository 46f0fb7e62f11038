#include "gui/history/HistoryChart.h"

#include "gui/DisplayFormat.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

namespace lifeboat {

namespace {
constexpr int kTicks = 4;

QColor durationColor(const QPalette &palette)
{
    // Orange reads on light and dark backgrounds alike; lighter on dark ones.
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(255, 170, 60) : QColor(210, 105, 0);
}

QString secondsText(double seconds)
{
    return DisplayFormat::duration(qint64(seconds * 1000.0));
}
} // namespace

HistoryChart::HistoryChart(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Backup size and duration chart"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void HistoryChart::setSeries(const QString &database, const QList<Catalog::BackupPoint> &points)
{
    m_database = database;
    m_points = points;
    m_maxBytes = 0;
    m_maxSeconds = 0;
    for (const Catalog::BackupPoint &p : points) {
        m_maxBytes = qMax(m_maxBytes, p.storedBytes);
        m_maxSeconds = qMax(m_maxSeconds, p.seconds);
    }
    if (points.isEmpty()) {
        setAccessibleDescription(tr("No backups of %1 to chart yet.").arg(database));
    } else {
        setAccessibleDescription(tr("%n backup(s) of %1 from %2 to %3; the latest stored %4 and took %5.",
                                    nullptr, int(points.size()))
                                     .arg(database, DisplayFormat::date(points.first().createdUtc),
                                          DisplayFormat::date(points.last().createdUtc),
                                          DisplayFormat::size(points.last().storedBytes),
                                          points.last().seconds >= 0 ? secondsText(points.last().seconds)
                                                                     : tr("an unknown time")));
    }
    setToolTip(QString());
    update();
}

QRectF HistoryChart::plotRect() const
{
    const QFontMetrics fm(font());
    const int left = fm.horizontalAdvance(QStringLiteral("999.9 MiB")) + 12;
    const int right = fm.horizontalAdvance(QStringLiteral("59 min 59 s")) + 12;
    const int top = fm.height() + 10;
    const int bottom = fm.height() * 2 + 10;
    return QRectF(rect()).adjusted(left, top, -right, -bottom);
}

QPointF HistoryChart::positionOf(int index, double value, double maxValue) const
{
    const QRectF plot = plotRect();
    const int n = int(m_points.size());
    const double slot = plot.width() / qMax(1, n);
    const double x = plot.left() + slot * (index + 0.5);
    const double y = maxValue > 0 ? plot.bottom() - plot.height() * value / maxValue : plot.bottom();
    return {x, y};
}

int HistoryChart::pointAt(const QPoint &pos) const
{
    const QRectF plot = plotRect();
    if (m_points.isEmpty() || !plot.adjusted(0, -4, 0, 4).contains(pos))
        return -1;
    const double slot = plot.width() / double(m_points.size());
    return qBound(0, int((pos.x() - plot.left()) / slot), int(m_points.size()) - 1);
}

bool HistoryChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = pointAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const Catalog::BackupPoint &p = m_points.at(i);
        QToolTip::showText(help->globalPos(),
                           tr("%1\nStored: %2\nDuration: %3")
                               .arg(DisplayFormat::dateTime(p.createdUtc), DisplayFormat::size(p.storedBytes),
                                    p.seconds >= 0 ? secondsText(p.seconds) : tr("unknown")),
                           this);
        return true;
    }
    return QWidget::event(event);
}

void HistoryChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(40);
    const QColor bars = pal.color(QPalette::Highlight);
    const QColor line = durationColor(pal);
    const QFontMetrics fm(font());
    const QRectF plot = plotRect();

    if (m_points.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         m_database.isEmpty() ? tr("Select a run to chart its database's backups.")
                                              : tr("No backups of %1 to chart yet.").arg(m_database));
        return;
    }

    // Legend.
    painter.setPen(text);
    int x = int(plot.left());
    const int legendY = fm.ascent() + 4;
    painter.fillRect(QRect(x, legendY - fm.ascent() + 2, 10, 10), bars);
    x += 14;
    const QString sizeLabel = tr("Stored size of %1").arg(m_database);
    painter.drawText(x, legendY, sizeLabel);
    x += fm.horizontalAdvance(sizeLabel) + 16;
    painter.setPen(QPen(line, 2));
    painter.drawLine(x, legendY - fm.ascent() / 2 + 1, x + 14, legendY - fm.ascent() / 2 + 1);
    painter.setPen(text);
    painter.drawText(x + 18, legendY, tr("Duration"));

    // Grid and axes.
    const double maxBytes = double(qMax<qint64>(1, m_maxBytes)) * 1.1;
    const double maxSeconds = qMax(1.0, m_maxSeconds) * 1.1;
    for (int i = 0; i <= kTicks; ++i) {
        const double y = plot.bottom() - plot.height() * i / kTicks;
        painter.setPen(grid);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(text);
        const QString left = DisplayFormat::size(qint64(maxBytes * i / kTicks));
        painter.drawText(QRectF(0, y - fm.height() / 2.0, plot.left() - 6, fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter, left);
        const QString right = secondsText(maxSeconds * i / kTicks);
        painter.drawText(
            QRectF(plot.right() + 6, y - fm.height() / 2.0, width() - plot.right() - 6, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, right);
    }
    painter.setPen(text);
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());

    // Bars: stored size.
    const int n = int(m_points.size());
    const double slot = plot.width() / n;
    const double barWidth = qMax(1.0, qMin(28.0, slot * 0.7));
    for (int i = 0; i < n; ++i) {
        const QPointF top = positionOf(i, double(m_points.at(i).storedBytes), maxBytes);
        painter.fillRect(QRectF(top.x() - barWidth / 2, top.y(), barWidth, plot.bottom() - top.y()), bars);
    }

    // Line: duration.
    QPainterPath path;
    bool started = false;
    for (int i = 0; i < n; ++i) {
        if (m_points.at(i).seconds < 0)
            continue;
        const QPointF p = positionOf(i, m_points.at(i).seconds, maxSeconds);
        if (!started)
            path.moveTo(p);
        else
            path.lineTo(p);
        started = true;
    }
    painter.setPen(QPen(line, 2));
    painter.drawPath(path);
    painter.setBrush(line);
    if (n <= 60) {
        for (int i = 0; i < n; ++i) {
            if (m_points.at(i).seconds >= 0)
                painter.drawEllipse(positionOf(i, m_points.at(i).seconds, maxSeconds), 3, 3);
        }
    }

    // Time axis: as many dates as fit; times of day when the backups span a single day.
    painter.setPen(text);
    const bool oneDay =
        m_points.first().createdUtc.toLocalTime().date() == m_points.last().createdUtc.toLocalTime().date();
    const auto label = [oneDay](const QDateTime &utc) {
        return oneDay ? utc.toLocalTime().toString(QStringLiteral("HH:mm")) : DisplayFormat::date(utc);
    };
    const int labelWidth = fm.horizontalAdvance(QStringLiteral("2026-01-15")) + 16;
    const int maxLabels = qMax(2, int(plot.width()) / labelWidth);
    const int step = qMax(1, int(std::ceil(double(n) / maxLabels)));
    for (int i = 0; i < n; i += step) {
        const QPointF p = positionOf(i, 0, 1);
        painter.drawLine(QPointF(p.x(), plot.bottom()), QPointF(p.x(), plot.bottom() + 3));
        painter.drawText(QRectF(p.x() - labelWidth / 2.0, plot.bottom() + 4, labelWidth, fm.height()),
                         Qt::AlignHCenter | Qt::AlignTop, label(m_points.at(i).createdUtc));
    }
    painter.drawText(QRectF(plot.left(), plot.bottom() + fm.height() + 6, plot.width(), fm.height()),
                     Qt::AlignHCenter | Qt::AlignTop,
                     oneDay ? tr("Backup time on %1").arg(DisplayFormat::date(m_points.first().createdUtc))
                            : tr("Backup time"));
}

} // namespace lifeboat
