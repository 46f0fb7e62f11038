#include "cli/commands/PruneCommand.h"

#include "cli/CliArguments.h"
#include "cli/CliContext.h"
#include "core/Catalog.h"
#include "core/JobInfo.h"
#include "core/SecretRedactor.h"
#include "engine/jobs/JobRunner.h"
#include "engine/jobs/PruneJob.h"

#include <QJsonObject>
#include <QTextStream>

namespace lifeboat::cli {

QString PruneCommand::name() const
{
    return QStringLiteral("prune");
}

QString PruneCommand::summary() const
{
    return QStringLiteral("apply a profile's retention policy now");
}

QString PruneCommand::usage() const
{
    return QStringLiteral(
        "  prune NAME [--dry-run]          apply the profile's retention policy now (it also runs after "
        "each\n"
        "                                  successful backup): per destination and database what is kept "
        "and\n"
        "                                  why, and what is deleted; --dry-run only shows it\n");
}

int PruneCommand::run(CliContext &context, const QStringList &args)
{
    CliArguments parser({}, {QStringLiteral("dry-run")});
    if (Status s = parser.parse(args); !s)
        return context.usage(s.error().message);
    if (parser.positional().size() != 1)
        return context.usage(QStringLiteral("prune needs exactly one profile NAME"));
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto profile = context.catalog().profile(parser.positional().first());
    if (!profile)
        return context.fail(profile.error());
    if (Status s = profile->validate(); !s)
        return context.fail(s.error());

    PruneJob::Options options;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.secrets.store = context.secretStore();
    auto job = std::make_shared<PruneJob>(*profile, context.paths(), options);

    JobRunner *runner = context.createRunner();
    QObject::connect(runner, &JobRunner::jobUpdated, &context, &CliContext::showProgress);
    auto jobId = std::make_shared<QString>();
    // The job's report is read once it has finished (the runner is done with it by then).
    QObject::connect(runner, &JobRunner::jobFinished, &context, [&context, job, jobId](const JobInfo &info) {
        if (info.id != *jobId)
            return;
        QTextStream out(stdout);
        QTextStream err(stderr);
        context.clearProgress();
        const bool ok = info.state == JobInfo::State::Succeeded;
        if (context.json()) {
            QJsonObject o = job->reportJson();
            o.insert(QLatin1String("state"), RunRecord::stateName(info.state));
            o.insert(QLatin1String("message"), info.message);
            if (!info.errorCode.isEmpty())
                o.insert(QLatin1String("code"), info.errorCode);
            o.insert(QLatin1String("runId"), info.runId);
            out.flush();
            context.printJson(o);
        } else {
            for (const QString &line : info.outputs)
                out << line << Qt::endl;
            if (!ok)
                err << "lifeboat-cli: " << SecretRedactor::redact(info.message) << Qt::endl;
        }
        Q_EMIT context.finished(ok ? 0 : (info.state == JobInfo::State::Cancelled ? 130 : 1));
    });
    *jobId = runner->submit(job);
    return -1;
}

} // namespace lifeboat::cli
