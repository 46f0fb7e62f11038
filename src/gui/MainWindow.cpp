#include "gui/MainWindow.h"
namespace lifeboat {
MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {}
} // namespace lifeboat
