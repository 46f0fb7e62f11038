#include "core/ConfigPaths.h"
#include "core/SecretRedactor.h"
#include "gui/MainWindow.h"
#include "gui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <sys/resource.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
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
    parser.process(app);

    lifeboat::MainWindow window(lifeboat::ConfigPaths(parser.value(configDirOption)));
    window.show();
    return QApplication::exec();
}
