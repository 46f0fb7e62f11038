#pragma once
#include <QMainWindow>
namespace lifeboat {
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};
} // namespace lifeboat
