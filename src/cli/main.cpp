#include "cli/Cli.h"
#include "core/SecretRedactor.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    (void)::write(g_signalPipe[1], &c, 1);
}
} // namespace

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

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lifeboat"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIFEBOAT_VERSION));

    lifeboat::cli::Cli cli;
    if (::pipe(g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &cli, [&cli] {
            char c;
            (void)::read(g_signalPipe[0], &c, 1);
            cli.interrupt();
        });
        struct sigaction sa
        {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGINT, &sa, nullptr);
        ::sigaction(SIGTERM, &sa, nullptr);
    }
    ::signal(SIGPIPE, SIG_IGN);

    const int immediate = cli.start(app.arguments().mid(1));
    if (immediate >= 0)
        return immediate;
    QObject::connect(&cli, &lifeboat::cli::Cli::finished, &app,
                     [](int code) { QCoreApplication::exit(code); });
    return QCoreApplication::exec();
}
