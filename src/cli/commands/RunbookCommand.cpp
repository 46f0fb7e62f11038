#include "cli/commands/RunbookCommand.h"

#include "cli/CliArguments.h"
#include "cli/CliContext.h"
#include "core/Catalog.h"
#include "core/Clock.h"
#include "engine/restore/RunbookWriter.h"

#include <QFile>
#include <QSaveFile>
#include <QTextStream>

namespace lifeboat::cli {

QString RunbookCommand::name() const
{
    return QStringLiteral("runbook");
}

QString RunbookCommand::summary() const
{
    return QStringLiteral("write a profile's disaster-recovery runbook (Markdown)");
}

QString RunbookCommand::usage() const
{
    return QStringLiteral(
        "  runbook NAME [--out FILE [--force]]\n"
        "                                  a Markdown disaster-recovery runbook for the profile (--force:\n"
        "                                  replace FILE)\n");
}

int RunbookCommand::run(CliContext &context, const QStringList &args)
{
    CliArguments parser({QStringLiteral("out")}, {QStringLiteral("force")});
    if (Status s = parser.parse(args); !s)
        return context.usage(s.error().message);
    if (parser.positional().size() != 1)
        return context.usage(QStringLiteral("runbook needs a profile NAME"));
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto profile = context.catalog().profile(parser.positional().first());
    if (!profile)
        return context.fail(profile.error());
    auto artifacts = context.catalog().artifacts(profile->name);
    if (!artifacts)
        return context.fail(artifacts.error());
    const QString markdown = RunbookWriter::write(*profile, *artifacts, Clock::instance().nowUtc());
    if (!parser.isSet(QStringLiteral("out"))) {
        QTextStream(stdout) << markdown;
        return 0;
    }
    const QString out = parser.value(QStringLiteral("out"));
    if (QFile::exists(out) && !parser.isSet(QStringLiteral("force")))
        return context.fail(
            makeError(QStringLiteral("io.exists"),
                      QStringLiteral("%1 already exists: choose another file or add --force to replace it")
                          .arg(out)),
            2);
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(markdown.toUtf8()) < 0 || !file.commit())
        return context.fail(makeError(QStringLiteral("io.write"),
                                      QStringLiteral("cannot write %1: %2").arg(out, file.errorString())));
    QTextStream(stdout) << "runbook written to " << out << Qt::endl;
    return 0;
}

} // namespace lifeboat::cli
