#include "core/ConfigPaths.h"
#include "core/SecretRedactor.h"
#include "gui/FirstPaintProbe.h"
#include "gui/MainWindow.h"
#include "gui/ScreenshotDriver.h"
#include "gui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QIcon>
#include <QPalette>
#include <QStyleFactory>

#include <cstdio>

#include <sys/resource.h>
#include <sys/stat.h>

namespace {

// The Fusion style with a dark palette (--dark): how the app looks on a dark desktop, for
// screenshots and for checking contrast.
void useDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(45, 45, 48));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(30, 30, 32));
    dark.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
    dark.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    dark.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
    dark.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::Button, QColor(55, 55, 58));
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    dark.setColor(QPalette::BrightText, QColor(255, 90, 90));
    dark.setColor(QPalette::Highlight, QColor(56, 132, 214));
    dark.setColor(QPalette::HighlightedText, QColor(255, 255, 255));
    dark.setColor(QPalette::Link, QColor(110, 170, 240));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    QApplication::setPalette(dark);
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    // No core dumps: a crash must not write secrets held in memory to disk.
    struct rlimit noCore
    {
        0, 0
    };
    ::setrlimit(RLIMIT_CORE, &noCore);
    ::umask(077);
    // Log output never shows a secret (known values, URL passwords, tokens in query strings).
    lifeboat::SecretRedactor::installMessageHandler();

    QApplication app(argc, argv);
    Q_INIT_RESOURCE(lifeboat); // icons (the GUI library is static)
    QApplication::setApplicationName(QStringLiteral("lifeboat"));
    QApplication::setApplicationDisplayName(QStringLiteral("Lifeboat"));
    QApplication::setApplicationVersion(QStringLiteral(LIFEBOAT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("lifeboat"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lifeboat.svg")));

    // The user's language, from the translations compiled into the binary (:/i18n).
    lifeboat::Translations::install();

    // The same choice of configuration folder as lifeboat-cli: --config-dir DIR (or
    // --config-dir=DIR), else $LIFEBOAT_CONFIG_DIR, else ~/.config/lifeboat.
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Back up PostgreSQL databases and prove that they restore."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configDirOption(
        QStringLiteral("config-dir"),
        QApplication::translate("main", "Keep settings and catalog in DIR (also: LIFEBOAT_CONFIG_DIR)."),
        QStringLiteral("DIR"));
    parser.addOption(configDirOption);
    // Hidden options for measurements and scripts/screenshots.
    QCommandLineOption measureStartupOption(
        QStringLiteral("measure-startup"),
        QStringLiteral("Print the time from main() to the first paint, then quit."));
    measureStartupOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshotPageOption(
        QStringLiteral("screenshot-page"),
        QStringLiteral("Save screenshots of these views (comma-separated)."), QStringLiteral("NAMES"));
    screenshotPageOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshotOutOption(QStringLiteral("screenshot-out"),
                                           QStringLiteral("Folder for the screenshots."),
                                           QStringLiteral("DIR"));
    screenshotOutOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption darkOption(QStringLiteral("dark"), QStringLiteral("Use a dark palette."));
    darkOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({measureStartupOption, screenshotPageOption, screenshotOutOption, darkOption});
    parser.process(app);
    if (parser.isSet(darkOption))
        useDarkPalette();

    lifeboat::MainWindow window(lifeboat::ConfigPaths(parser.value(configDirOption)));
    if (parser.isSet(measureStartupOption))
        new lifeboat::FirstPaintProbe(&window, sinceStart);
    if (parser.isSet(screenshotPageOption)) {
        const QStringList pages =
            parser.value(screenshotPageOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &page : pages) {
            if (!lifeboat::ScreenshotDriver::pageNames().contains(page)) {
                std::fprintf(stderr, "unknown screenshot page %s (one of: %s)\n", qPrintable(page),
                             qPrintable(lifeboat::ScreenshotDriver::pageNames().join(QStringLiteral(", "))));
                return 2;
            }
        }
        window.resize(1280, 800);
        new lifeboat::ScreenshotDriver(&window, pages,
                                       QDir(parser.value(screenshotOutOption).isEmpty()
                                                ? QStringLiteral(".")
                                                : parser.value(screenshotOutOption))
                                           .absolutePath());
    }
    window.show();
    return QApplication::exec();
}
