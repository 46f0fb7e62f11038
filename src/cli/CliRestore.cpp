// lifeboat-cli verify / restore / runbook.

#include "cli/Cli.h"

#include "cli/CliArguments.h"
#include "core/Catalog.h"
#include "core/Clock.h"
#include "engine/jobs/IntegrityJob.h"
#include "engine/jobs/JobRunner.h"
#include "engine/jobs/RestoreJob.h"
#include "engine/pg/ConnectionParser.h"
#include "engine/restore/RunbookWriter.h"
#include "engine/secrets/DecryptionKeyLoader.h"

#include <QFile>
#include <QSaveFile>
#include <QTextStream>

namespace lifeboat {

int Cli::startJob(std::shared_ptr<Job> job)
{
    m_runner = std::make_unique<JobRunner>(m_paths);
    watchAlerts(); // before onJobFinished, so the job's alert pass is under way when it runs
    connect(m_runner.get(), &JobRunner::jobUpdated, this, &Cli::onJobUpdated);
    connect(m_runner.get(), &JobRunner::jobFinished, this, &Cli::onJobFinished);
    m_jobId = m_runner->submit(std::move(job));
    return -1;
}

namespace {
Result<qint64> parseId(const QStringList &positional, const QString &command)
{
    if (positional.size() != 1)
        return makeError(QStringLiteral("cli.usage"),
                         QStringLiteral("%1 needs exactly one backup ID").arg(command));
    bool ok = false;
    const qint64 id = positional.first().toLongLong(&ok);
    if (!ok || id <= 0)
        return makeError(QStringLiteral("cli.usage"),
                         QStringLiteral("'%1' is not a backup ID (lifeboat-cli list PROFILE shows them)")
                             .arg(positional.first()));
    return id;
}
} // namespace

int Cli::cmdVerify(const QStringList &args)
{
    CliArguments parser({QStringLiteral("identity"), QStringLiteral("target")}, {QStringLiteral("restore")});
    if (Status s = parser.parse(args); !s)
        return usage(s.error().message);
    auto id = parseId(parser.positional(), QStringLiteral("verify"));
    if (!id)
        return usage(id.error().message);
    if (parser.isSet(QStringLiteral("target")) && !parser.isSet(QStringLiteral("restore")))
        return usage(QStringLiteral("--target goes with --restore"));
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto artifact = m_catalog->artifact(*id);
    if (!artifact)
        return fail(artifact.error());
    // Without --identity: the profile's own key from the keychain (its identity, or its passphrase).
    auto keys = DecryptionKeyLoader::load(*secretStore(), *m_catalog, artifact->profileName,
                                          parser.values(QStringLiteral("identity")));
    if (!keys)
        return fail(keys.error(), 2);
    auto profile = m_catalog->profile(artifact->profileName);
    const QString serverKey = profile ? profile->connection.displayName() : artifact->profileName;
    if (!parser.isSet(QStringLiteral("restore"))) {
        // The store: the profile's S3 secret, when the keychain holds one.
        return startJob(std::make_shared<IntegrityJob>(artifact->profileName, serverKey, *id,
                                                       JobSecrets{.store = secretStore(), .keys = *keys}));
    }
    RestoreRequest request;
    request.artifactId = *id;
    request.purpose = RestoreRequest::Purpose::Verify;
    request.secrets.keys = *keys;
    if (parser.isSet(QStringLiteral("target"))) {
        auto target = ConnectionParser::parse(parser.value(QStringLiteral("target")));
        if (!target)
            return fail(target.error(), 2);
        request.target = *target;
        request.sandbox = false;
    } else {
        request.sandbox = true;
    }
    return startJob(std::make_shared<RestoreJob>(artifact->profileName, serverKey, request, m_paths));
}

int Cli::cmdRestore(const QStringList &args)
{
    CliArguments parser({QStringLiteral("to-db"), QStringLiteral("target"), QStringLiteral("schema"),
                         QStringLiteral("table"), QStringLiteral("jobs"), QStringLiteral("identity"),
                         QStringLiteral("confirm")},
                        {QStringLiteral("no-owner"), QStringLiteral("data-only"),
                         QStringLiteral("schema-only"), QStringLiteral("replace")});
    if (Status s = parser.parse(args); !s)
        return usage(s.error().message);
    auto id = parseId(parser.positional(), QStringLiteral("restore"));
    if (!id)
        return usage(id.error().message);
    if (parser.isSet(QStringLiteral("data-only")) && parser.isSet(QStringLiteral("schema-only")))
        return usage(QStringLiteral("use either --data-only or --schema-only"));
    if (parser.isSet(QStringLiteral("replace")) && !parser.isSet(QStringLiteral("confirm")))
        return usage(
            QStringLiteral("--replace needs --confirm NAME, repeating the name of the database to replace"));
    if (parser.isSet(QStringLiteral("replace")) && !parser.isSet(QStringLiteral("to-db")))
        return usage(QStringLiteral("--replace needs --to-db NAME, the database to replace"));
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto artifact = m_catalog->artifact(*id);
    if (!artifact)
        return fail(artifact.error());
    // Without --identity: the profile's own key from the keychain (its identity, or its passphrase).
    auto keys = DecryptionKeyLoader::load(*secretStore(), *m_catalog, artifact->profileName,
                                          parser.values(QStringLiteral("identity")));
    if (!keys)
        return fail(keys.error(), 2);
    RestoreRequest request;
    request.artifactId = *id;
    request.secrets = JobSecrets{.store = secretStore(), .keys = *keys};
    request.toDatabase = parser.value(QStringLiteral("to-db"));
    request.replace = parser.isSet(QStringLiteral("replace"));
    request.confirm = parser.value(QStringLiteral("confirm"));
    request.schemas = parser.values(QStringLiteral("schema"));
    request.tables = parser.values(QStringLiteral("table"));
    request.noOwner = parser.isSet(QStringLiteral("no-owner"));
    request.dataOnly = parser.isSet(QStringLiteral("data-only"));
    request.schemaOnly = parser.isSet(QStringLiteral("schema-only"));
    if (parser.isSet(QStringLiteral("jobs"))) {
        bool ok = false;
        request.jobs = parser.value(QStringLiteral("jobs")).toInt(&ok);
        if (!ok || request.jobs < 1 || request.jobs > 64)
            return usage(QStringLiteral("--jobs takes a number from 1 to 64"));
    }
    if (parser.isSet(QStringLiteral("target"))) {
        auto target = ConnectionParser::parse(parser.value(QStringLiteral("target")));
        if (!target)
            return fail(target.error(), 2);
        request.target = *target;
    }
    auto profile = m_catalog->profile(artifact->profileName);
    const QString serverKey = request.target
                                  ? request.target->displayName()
                                  : (profile ? profile->connection.displayName() : artifact->profileName);
    return startJob(std::make_shared<RestoreJob>(artifact->profileName, serverKey, request, m_paths));
}

int Cli::cmdRunbook(const QStringList &args)
{
    CliArguments parser({QStringLiteral("out")}, {QStringLiteral("force")});
    if (Status s = parser.parse(args); !s)
        return usage(s.error().message);
    if (parser.positional().size() != 1)
        return usage(QStringLiteral("runbook needs a profile NAME"));
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto profile = m_catalog->profile(parser.positional().first());
    if (!profile)
        return fail(profile.error());
    auto artifacts = m_catalog->artifacts(profile->name);
    if (!artifacts)
        return fail(artifacts.error());
    const QString markdown = RunbookWriter::write(*profile, *artifacts, Clock::instance().nowUtc());
    if (!parser.isSet(QStringLiteral("out"))) {
        QTextStream(stdout) << markdown;
        return 0;
    }
    const QString out = parser.value(QStringLiteral("out"));
    if (QFile::exists(out) && !parser.isSet(QStringLiteral("force")))
        return fail(
            makeError(QStringLiteral("io.exists"),
                      QStringLiteral("%1 already exists: choose another file or add --force to replace it")
                          .arg(out)),
            2);
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(markdown.toUtf8()) < 0 || !file.commit())
        return fail(makeError(QStringLiteral("io.write"),
                              QStringLiteral("cannot write %1: %2").arg(out, file.errorString())));
    QTextStream(stdout) << "runbook written to " << out << Qt::endl;
    return 0;
}

} // namespace lifeboat
