// lifeboat-cli prune NAME [--dry-run]: the profile's retention policy applied now (see PruneJob and
// RetentionPlanner), printed per destination and database: what is kept and why, what goes.

#include "cli/Cli.h"

#include "cli/CliArguments.h"
#include "core/Catalog.h"
#include "core/JobInfo.h"
#include "core/SecretRedactor.h"
#include "engine/jobs/JobRunner.h"
#include "engine/jobs/PruneJob.h"

#include <QJsonObject>
#include <QTextStream>

namespace lifeboat {

int Cli::cmdPrune(const QStringList &args)
{
    CliArguments parser({}, {QStringLiteral("dry-run")});
    if (Status s = parser.parse(args); !s)
        return usage(s.error().message);
    if (parser.positional().size() != 1)
        return usage(QStringLiteral("prune needs exactly one profile NAME"));
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto profile = m_catalog->profile(parser.positional().first());
    if (!profile)
        return fail(profile.error());
    if (Status s = profile->validate(); !s)
        return fail(s.error());

    PruneJob::Options options;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.secrets.store = secretStore();
    auto job = std::make_shared<PruneJob>(*profile, m_paths, options);

    m_runner = std::make_unique<JobRunner>(m_paths);
    connect(m_runner.get(), &JobRunner::jobUpdated, this, &Cli::onJobUpdated);
    // The job's report is read once it has finished (the runner is done with it by then).
    connect(m_runner.get(), &JobRunner::jobFinished, this, [this, job](const JobInfo &info) {
        if (info.id != m_jobId)
            return;
        QTextStream out(stdout);
        QTextStream err(stderr);
        if (m_tty && !m_json && m_lastProgressWidth > 0)
            err << "\r" << QString(m_lastProgressWidth, QLatin1Char(' ')) << "\r";
        const bool ok = info.state == JobInfo::State::Succeeded;
        if (m_json) {
            QJsonObject o = job->reportJson();
            o.insert(QLatin1String("state"), RunRecord::stateName(info.state));
            o.insert(QLatin1String("message"), info.message);
            if (!info.errorCode.isEmpty())
                o.insert(QLatin1String("code"), info.errorCode);
            o.insert(QLatin1String("runId"), info.runId);
            out.flush();
            printJson(o);
        } else {
            for (const QString &line : info.outputs)
                out << line << Qt::endl;
            if (!ok)
                err << "lifeboat-cli: " << SecretRedactor::redact(info.message) << Qt::endl;
        }
        Q_EMIT finished(ok ? 0 : (info.state == JobInfo::State::Cancelled ? 130 : 1));
    });
    m_jobId = m_runner->submit(job);
    return -1;
}

} // namespace lifeboat
