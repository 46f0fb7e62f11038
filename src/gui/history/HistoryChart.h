#pragma once

#include "core/Catalog.h"

#include <QWidget>

namespace lifeboat {

// The stored size (bars, left axis) and duration (line, right axis) of one database's backups
// over time, painted with QPainter in the palette's colours (light and dark). Hovering a backup
// shows its figures in a tooltip; the accessible description sums the series up for screen readers.
class HistoryChart : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryChart(QWidget *parent = nullptr);

    void setSeries(const QString &database, const QList<Catalog::BackupPoint> &points);
    const QList<Catalog::BackupPoint> &points() const { return m_points; }
    // The backup under a point of the widget, or -1.
    int pointAt(const QPoint &pos) const;

    QSize sizeHint() const override { return {480, 220}; }
    QSize minimumSizeHint() const override { return {240, 140}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF plotRect() const;
    QPointF positionOf(int index, double value, double maxValue) const;

    QString m_database;
    QList<Catalog::BackupPoint> m_points;
    qint64 m_maxBytes = 0;
    double m_maxSeconds = 0;
};

} // namespace lifeboat
