#pragma once

#include <QTableView>

namespace lifeboat {

// A table that says something useful when it has no rows ("No backups of shop yet…") instead
// of showing an empty grid.
class PlaceholderTableView : public QTableView
{
    Q_OBJECT
public:
    using QTableView::QTableView;

    QString placeholderText() const { return m_placeholderText; }
    void setPlaceholderText(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholderText;
};

} // namespace lifeboat
