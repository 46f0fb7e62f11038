#include "cli/Cli.h"

#include "cli/CliOutput.h"
#include "core/ByteSize.h"

#include "cli/CliArguments.h"
#include "cli/ProfileOptions.h"
#include "core/Catalog.h"
#include "core/JobInfo.h"
#include "core/Manifest.h"
#include "core/Profile.h"
#include "core/SecretRedactor.h"
#include "engine/alerts/AlertService.h"
#include "engine/crypto/AgeRecipient.h"
#include "engine/crypto/AgeScrypt.h"
#include "engine/jobs/BackupJob.h"
#include "engine/jobs/JobRunner.h"
#include "engine/jobs/RunRecovery.h"
#include "engine/pg/ConnectionParser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace lifeboat {

namespace {

const char *const kHelp = R"(lifeboat-cli — back up PostgreSQL databases and prove that they restore

Usage: lifeboat-cli [--config-dir DIR] [--json] COMMAND ...

Profiles
  profile add NAME --db URI [--database DB]... [--all-databases] [--include PAT]... [--exclude PAT]...
                   --dest PATH [--dest PATH]... [--zstd-level N] [--zstd-threads N]
                   [--recipient AGE_PUBLIC_KEY]... [--passphrase] [--globals] [--exclude-schema S]...
                   [--exclude-table T]... [--exclude-table-data T]... [--tool-dir DIR]
                   [--schedule RULE] [--catch-up-delay MIN] [--only-on-ac] [--only-when-reachable]
                   [--stale-after HOURS] [--keep-last N] [--keep-days D] [--keep-hourly N]
                   [--keep-daily N] [--keep-weekly N] [--keep-monthly N] [--keep-yearly N]
                   [--prune-pause-after N] [--webhook-format generic|slack|discord|teams|mattermost|
                   healthchecks] [--no-desktop-alerts] [--alert-reminder-hours N] [--prometheus-textfile FILE]
  profile edit NAME [any profile add option]...
                                  change only the given options (--dest, --recipient, --database …
                                  replace their lists); also --no-schedule, --disable-schedule,
                                  --enable-schedule, --no-globals, --no-only-on-ac, --no-only-when-reachable,
                                  --desktop-alerts, --no-verify-after-backup
  profile list | show NAME        show prints the schedule in words and its next 5 runs
  profile remove NAME [--force]   also deletes its secrets from the keychain (--force: even an
                                  age identity that was never exported)
  profile export NAME             print the profile as JSON (never contains secrets)
  profile import FILE             add a profile from such JSON ('-' reads stdin)

Backups
  backup NAME [--dry-run]         back up now; prints the artifact path(s)
  list NAME                       the profile's backups: id, time, database, size, SHA-256, verified
                                  (a test restore's outcome, else "integrity ok" or DAMAGED)
  prune NAME [--dry-run]          apply the profile's retention policy now (it also runs after each
                                  successful backup): per destination and database what is kept and
                                  why, and what is deleted; --dry-run only shows it

Schedules (RULE: hourly@:MM, daily@HH:MM, weekly@mon,thu@HH:MM, monthly@D@HH:MM, or a 5-field
cron expression such as '30 2 * * 1-5'; local time; a missed run runs once when the machine is back)
  run-due                         run every scheduled backup that is due, once, one after another;
                                  exit 0 when all ran or nothing was due, 1 when one failed
  schedule install [--interval MIN] [--no-enable]
                                  a systemd user timer (default every 5 min) that calls run-due
  schedule uninstall | status     remove it | show it and each profile's next run

Health and alerts
  status [NAME]                   each profile's health: last backup and its age against the schedule,
                                  failure streak, size anomaly, verification age, retention errors,
                                  unexported identity, RPO (target and last gap) and RTO (restore time);
                                  exit 0 healthy, 1 warning, 2 failing, 3 unknown (Nagios-style)
  alerts check [NAME]             evaluate health and send what changed since the last check (webhook,
                                  Prometheus textfile); backups, verifications and prunes do it too
  alerts test NAME                send a test message to the profile's webhook
                                  (store its URL with: secret set NAME webhook)

Restore and proof
  verify ID [--identity FILE]...  integrity: SHA-256, age authentication, zstd checksums, archive, row counts
  verify ID --restore [--target URI] [--identity FILE]...
                                  restore into a throwaway cluster (or a scratch database on URI) and
                                  compare with the manifest; records "verified" and the restore time
  restore ID [--to-db NAME] [--target URI] [--schema S]... [--table T]... [--jobs N] [--no-owner]
             [--data-only|--schema-only] [--identity FILE]... [--replace --confirm NAME]
                                  restore into a new database (default <db>_restore_<yyyyMMdd_HHmm>)
  runbook NAME [--out FILE]       a Markdown disaster-recovery runbook for the profile
  dest test URL                   check an s3:// destination: reachable, credentials, write/read/delete
                                  of a probe object, clock skew

Secrets and keys (kept in the OS keychain only; values are read from stdin, never from arguments)
  secret set NAME KIND            store a secret: KIND is db-password, s3-secret, passphrase or webhook
                                  (typed without echo on a terminal, a passphrase twice; else stdin)
  secret delete NAME KIND         delete it from the keychain
  secret list NAME                the kinds stored for the profile (names only)
  key generate NAME               create an age identity in the keychain, add its recipient to the
                                  profile; prints the recipient (age1…)
  key show NAME                   the profile's recipients, and which is this machine's identity
  key export NAME --out FILE [--force]
                                  write a recovery kit (0600): the identity, the recipients and the
                                  commands to decrypt and restore without Lifeboat
  key import NAME FILE            put an identity back from a recovery kit (or an age identity file)

Options
  --config-dir DIR   keep settings and catalog in DIR (also: LIFEBOAT_CONFIG_DIR)
  --json             machine-readable output
  --help, --version

--db takes a libpq URI (postgresql://user@host:5432/dbname?sslmode=require), a keyword string
(host=db1 dbname=shop) or a pg_service.conf service name. Passwords come from the keychain
(secret set NAME db-password), else from ~/.pgpass or PGPASSWORD as for psql; Lifeboat never
stores them in profiles and never passes them in a command line.
)";

// The VERIFIED column of `list`: damaged when the last integrity check proved it, else a test
// restore's outcome when there was one, else the last integrity check's.
QString checkedText(const ArtifactRecord &a)
{
    const auto day = [](const QDateTime &t) {
        return t.isValid() ? QLatin1Char(' ') + t.toString(QStringLiteral("yyyy-MM-dd")) : QString();
    };
    // Every test restore starts with an integrity check, so "damaged" is the newest news.
    if (a.damaged())
        return QStringLiteral("DAMAGED") + day(a.integrityCheckedUtc);
    if (!a.verifyState.isEmpty())
        return a.verifyState + day(a.verifiedUtc);
    if (a.integrityState == QLatin1String("ok"))
        return QStringLiteral("integrity ok") + day(a.integrityCheckedUtc);
    return QStringLiteral("never");
}

QJsonObject artifactJson(const ArtifactRecord &a)
{
    QJsonObject o;
    o.insert(QLatin1String("id"), a.id);
    o.insert(QLatin1String("profile"), a.profileName);
    o.insert(QLatin1String("database"), a.database);
    o.insert(QLatin1String("createdUtc"), a.createdUtc.toString(Qt::ISODate));
    o.insert(QLatin1String("dumpBytes"), a.dumpBytes);
    o.insert(QLatin1String("storedBytes"), a.storedBytes);
    o.insert(QLatin1String("sha256"), a.sha256);
    o.insert(QLatin1String("encrypted"), a.encrypted);
    o.insert(QLatin1String("verified"), a.verifyState == QLatin1String("verified"));
    o.insert(QLatin1String("verifyState"), a.verifyState.isEmpty() ? QStringLiteral("never") : a.verifyState);
    o.insert(QLatin1String("verifiedUtc"),
             a.verifiedUtc.isValid() ? QJsonValue(a.verifiedUtc.toString(Qt::ISODate)) : QJsonValue());
    o.insert(QLatin1String("restoreSeconds"), a.restoreSeconds);
    o.insert(QLatin1String("integrityState"),
             a.integrityState.isEmpty() ? QStringLiteral("never") : a.integrityState);
    o.insert(QLatin1String("integrityCheckedUtc"),
             a.integrityCheckedUtc.isValid() ? QJsonValue(a.integrityCheckedUtc.toString(Qt::ISODate))
                                             : QJsonValue());
    if (!a.integrityDetail.isEmpty())
        o.insert(QLatin1String("integrityDetail"), a.integrityDetail);
    QJsonArray locations;
    for (const auto &l : a.locations) {
        QJsonObject j;
        j.insert(QLatin1String("destination"), l.destination);
        j.insert(QLatin1String("object"), l.objectPath);
        j.insert(QLatin1String("manifest"), l.manifestPath);
        locations.append(j);
    }
    o.insert(QLatin1String("locations"), locations);
    return o;
}

} // namespace

Cli::Cli(QObject *parent)
    : QObject(parent)
    , m_tty(::isatty(STDERR_FILENO) == 1)
{}

Cli::~Cli() = default;

int Cli::fail(const Error &error, int code)
{
    if (m_json) {
        QJsonObject o;
        o.insert(QLatin1String("error"), SecretRedactor::redact(error.message));
        o.insert(QLatin1String("code"), error.code);
        printJson(o);
    }
    cliErr() << "lifeboat-cli: " << SecretRedactor::redact(error.message) << Qt::endl;
    return code;
}

int Cli::usage(const QString &message)
{
    cliErr() << "lifeboat-cli: " << SecretRedactor::redact(message) << " (see lifeboat-cli --help)"
             << Qt::endl;
    return 2;
}

void Cli::printJson(const QJsonValue &value) const
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    cliOut() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    cliOut().flush();
}

Status Cli::openCatalog()
{
    if (m_catalog)
        return {};
    auto opened = RunRecovery::openCatalog(m_paths, secretStore());
    if (!opened)
        return opened.error();
    m_catalog = std::move(opened->catalog);
    if (const Result<int> &recovered = opened->recovered; recovered && *recovered > 0)
        cliErr() << "lifeboat-cli: " << *recovered << " interrupted run(s) found and marked as interrupted"
                 << Qt::endl;
    return {};
}

int Cli::start(const QStringList &arguments)
{
    QStringList args;
    QString configDir;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--json")) {
            m_json = true;
        } else if (a == QLatin1String("--config-dir")) {
            if (i + 1 >= arguments.size())
                return usage(QStringLiteral("--config-dir needs a folder"));
            configDir = arguments.at(++i);
        } else if (a.startsWith(QLatin1String("--config-dir="))) {
            configDir = a.mid(13);
        } else if (a == QLatin1String("--version")) {
            cliOut() << "lifeboat-cli " << LIFEBOAT_VERSION << Qt::endl;
            return 0;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            return cmdHelp();
        } else {
            args << a;
        }
    }
    m_paths = ConfigPaths(configDir);
    if (args.isEmpty())
        return cmdHelp();
    const QString command = args.takeFirst();
    if (command == QLatin1String("help"))
        return cmdHelp();
    if (command == QLatin1String("profile"))
        return cmdProfile(args);
    if (command == QLatin1String("backup"))
        return cmdBackup(args);
    if (command == QLatin1String("list"))
        return cmdList(args);
    if (command == QLatin1String("run-due"))
        return cmdRunDue(args);
    if (command == QLatin1String("schedule"))
        return cmdSchedule(args);
    if (command == QLatin1String("prune"))
        return cmdPrune(args);
    if (command == QLatin1String("secret"))
        return cmdSecret(args);
    if (command == QLatin1String("key"))
        return cmdKey(args);
    if (command == QLatin1String("verify"))
        return cmdVerify(args);
    if (command == QLatin1String("restore"))
        return cmdRestore(args);
    if (command == QLatin1String("runbook"))
        return cmdRunbook(args);
    if (command == QLatin1String("status"))
        return cmdStatus(args);
    if (command == QLatin1String("alerts"))
        return cmdAlerts(args);
    if (command == QLatin1String("dest"))
        return cmdDest(args);
    return usage(QStringLiteral("unknown command '%1'").arg(command));
}

int Cli::cmdHelp()
{
    cliOut() << QString::fromUtf8(kHelp);
    cliOut().flush();
    return 0;
}

int Cli::cmdProfile(const QStringList &args)
{
    if (args.isEmpty())
        return usage(
            QStringLiteral("profile needs a subcommand: add, edit, list, show, remove, export or import"));
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("add"))
        return cmdProfileAdd(rest);
    if (sub == QLatin1String("edit"))
        return cmdProfileEdit(rest);
    if (sub == QLatin1String("list"))
        return cmdProfileList();
    if (sub == QLatin1String("show"))
        return cmdProfileShow(rest);
    if (sub == QLatin1String("remove"))
        return cmdProfileRemove(rest);
    if (sub == QLatin1String("export"))
        return cmdProfileExport(rest);
    if (sub == QLatin1String("import"))
        return cmdProfileImport(rest);
    return usage(QStringLiteral("unknown profile subcommand '%1'").arg(sub));
}

int Cli::cmdProfileAdd(const QStringList &args)
{
    CliArguments parser(cli::ProfileOptions::valueOptions(), cli::ProfileOptions::flagOptions());
    if (Status s = parser.parse(args); !s)
        return usage(s.error().message);
    if (parser.positional().size() != 1)
        return usage(QStringLiteral("profile add needs exactly one NAME"));
    if (!parser.isSet(QStringLiteral("db")))
        return usage(QStringLiteral("profile add needs --db URI"));

    Profile p;
    p.name = parser.positional().first();
    if (Status s = cli::ProfileOptions::apply(parser, p, false); !s)
        return s.error().code == QLatin1String("cli.usage") ? usage(s.error().message) : fail(s.error(), 2);
    if (Status s = p.validate(); !s)
        return fail(s.error(), 2);
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto id = m_catalog->addProfile(p);
    if (!id)
        return fail(id.error());
    p.id = *id;
    if (m_json) {
        printJson(p.toJson());
    } else {
        cliOut() << "profile '" << p.name << "' added" << Qt::endl;
    }
    if (p.passphrase)
        cliErr() << "lifeboat-cli: store the passphrase with `lifeboat-cli secret set " << p.name
                 << " passphrase` (it is kept in the keychain)" << Qt::endl;
    if (!p.isEncrypted())
        cliErr() << "lifeboat-cli: warning: profile '" << p.name
                 << "' does not encrypt its backups — anyone who can read the destination can read the data; "
                    "add --recipient age1... or run lifeboat-cli key generate NAME to encrypt"
                 << Qt::endl;
    return 0;
}

int Cli::cmdProfileList()
{
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto profiles = m_catalog->profiles();
    if (!profiles)
        return fail(profiles.error());
    if (m_json) {
        QJsonArray a;
        for (const Profile &p : *profiles)
            a.append(p.toJson());
        printJson(a);
        return 0;
    }
    if (profiles->isEmpty()) {
        cliOut() << "no profiles yet: add one with lifeboat-cli profile add NAME --db URI --dest FOLDER"
                 << Qt::endl;
        return 0;
    }
    for (const Profile &p : *profiles) {
        cliOut() << p.name << "\t" << p.connection.displayName() << "\t" << p.databasesText() << "\t"
                 << p.destinations.join(QStringLiteral(", ")) << "\t"
                 << (p.isEncrypted() ? QStringLiteral("encrypted") : QStringLiteral("NOT encrypted"))
                 << Qt::endl;
    }
    return 0;
}

int Cli::cmdProfileShow(const QStringList &args)
{
    if (args.size() != 1)
        return usage(QStringLiteral("profile show needs NAME"));
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto p = m_catalog->profile(args.first());
    if (!p)
        return fail(p.error());
    if (m_json) {
        printJson(p->toJson());
        return 0;
    }
    cliOut() << "name:         " << p->name << "\n"
             << "server:       " << p->connection.displayName() << "\n"
             << "databases:    "
             << (p->databaseMode == Profile::DatabaseMode::All
                     ? QStringLiteral("all (include: %1; exclude: %2)")
                           .arg(p->includePatterns.isEmpty() ? QStringLiteral("*")
                                                             : p->includePatterns.join(QStringLiteral(", ")),
                                p->excludePatterns.isEmpty() ? QStringLiteral("none")
                                                             : p->excludePatterns.join(QStringLiteral(", ")))
                     : p->databases.join(QStringLiteral(", ")))
             << "\n"
             << "destinations: " << p->destinations.join(QStringLiteral(", ")) << "\n"
             << "compression:  zstd level " << p->zstdLevel << "\n"
             << "encryption:   "
             << (p->passphrase ? QStringLiteral("age passphrase")
                 : p->recipients.isEmpty()
                     ? QStringLiteral("none")
                     : QStringLiteral("age → ") + p->recipients.join(QStringLiteral(", ")))
             << "\n"
             << "globals:      " << (p->globals ? "yes" : "no") << Qt::endl;
    printScheduleSummary(*p);
    return 0;
}

int Cli::cmdProfileRemove(const QStringList &arguments)
{
    CliArguments parser({}, {QStringLiteral("force")});
    if (Status s = parser.parse(arguments); !s)
        return usage(s.error().message);
    const QStringList args = parser.positional();
    if (args.size() != 1)
        return usage(QStringLiteral("profile remove needs NAME"));
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    if (auto p = m_catalog->profile(args.first()); !p)
        return fail(p.error());
    if (Status s = removeProfileSecrets(args.first(), parser.isSet(QStringLiteral("force"))); !s)
        return fail(s.error());
    if (Status s = m_catalog->removeProfile(args.first()); !s)
        return fail(s.error());
    cliOut() << "profile '" << args.first() << "' removed (its backups and history are kept)" << Qt::endl;
    return 0;
}

int Cli::cmdProfileExport(const QStringList &args)
{
    if (args.size() != 1)
        return usage(QStringLiteral("profile export needs NAME"));
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto p = m_catalog->profile(args.first());
    if (!p)
        return fail(p.error());
    QJsonObject o = p->toJson();
    o.insert(QLatin1String("format"), QStringLiteral("lifeboat-profile"));
    o.insert(QLatin1String("formatVersion"), 1);
    printJson(o);
    return 0;
}

int Cli::cmdProfileImport(const QStringList &args)
{
    if (args.size() != 1)
        return usage(QStringLiteral("profile import needs FILE (or - for stdin)"));
    QFile f;
    if (args.first() == QLatin1String("-")) {
        if (!f.open(stdin, QIODevice::ReadOnly))
            return fail(makeError(QStringLiteral("io"), QStringLiteral("cannot read stdin")));
    } else {
        f.setFileName(args.first());
        if (!f.open(QIODevice::ReadOnly))
            return fail(makeError(QStringLiteral("io"),
                                  QStringLiteral("cannot read %1: %2").arg(args.first(), f.errorString())));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (!doc.isObject())
        return fail(
            makeError(QStringLiteral("profile.json"), QStringLiteral("%1 is not a profile export (JSON: %2)")
                                                          .arg(args.first(), parseError.errorString())),
            2);
    QJsonObject o = doc.object();
    if (o.value(QLatin1String("format")).toString() != QLatin1String("lifeboat-profile"))
        return fail(makeError(QStringLiteral("profile.json"),
                              QStringLiteral(
                                  "%1 is not a Lifeboat profile export (made by lifeboat-cli profile export)")
                                  .arg(args.first())),
                    2);
    for (const char *secretish : {"password", "secret", "passphraseValue"}) {
        if (o.contains(QLatin1String(secretish)))
            return fail(
                makeError(QStringLiteral("profile.secret"),
                          QStringLiteral("%1 contains a '%2' field; profiles never carry secrets: remove it")
                              .arg(args.first(), QLatin1String(secretish))),
                2);
    }
    auto p = Profile::fromJson(o);
    if (!p)
        return fail(p.error(), 2);
    if (Status s = p->validate(); !s)
        return fail(s.error(), 2);
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto id = m_catalog->addProfile(*p);
    if (!id)
        return fail(id.error());
    cliOut() << "profile '" << p->name << "' imported" << Qt::endl;
    return 0;
}

int Cli::cmdBackup(const QStringList &args)
{
    CliArguments parser({}, {QStringLiteral("dry-run")});
    if (Status s = parser.parse(args); !s)
        return usage(s.error().message);
    if (parser.positional().size() != 1)
        return usage(QStringLiteral("backup needs exactly one profile NAME"));
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto profile = m_catalog->profile(parser.positional().first());
    if (!profile)
        return fail(profile.error());
    BackupJob::Options options;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    attachBackupSecrets(*profile, options);
    return startJob(std::make_shared<BackupJob>(*profile, m_paths, options));
}

void Cli::interrupt()
{
    if (m_runner) {
        cliErr() << "\nlifeboat-cli: cancelling…" << Qt::endl;
        m_runner->cancelAll();
    } else {
        QCoreApplication::exit(130);
    }
}

void Cli::onJobUpdated(const JobInfo &job)
{
    if (!m_tty || m_json || job.isFinished())
        return;
    QString line = QStringLiteral("%1: %2").arg(job.profileName, job.phase);
    if (job.bytesDone > 0)
        line += QStringLiteral("  %1").arg(formatMiB(job.bytesDone));
    if (job.percent() >= 0)
        line += QStringLiteral("  %1%").arg(job.percent());
    if (job.etaSeconds >= 0)
        line += QStringLiteral("  ETA %1 s").arg(qint64(job.etaSeconds));
    const int width = int(line.size());
    if (width < m_lastProgressWidth)
        line += QString(m_lastProgressWidth - width, QLatin1Char(' '));
    m_lastProgressWidth = width;
    cliErr() << "\r" << line;
    cliErr().flush();
}

void Cli::onJobFinished(const JobInfo &job)
{
    if (job.id != m_jobId)
        return;
    if (m_tty && !m_json && m_lastProgressWidth > 0)
        cliErr() << "\r" << QString(m_lastProgressWidth, QLatin1Char(' ')) << "\r";
    const bool ok = job.state == JobInfo::State::Succeeded;
    if (m_json) {
        QJsonObject o;
        o.insert(QLatin1String("profile"), job.profileName);
        o.insert(QLatin1String("kind"), runKindName(job.kind));
        o.insert(QLatin1String("state"), RunRecord::stateName(job.state));
        o.insert(QLatin1String("message"), job.message);
        if (!job.errorCode.isEmpty())
            o.insert(QLatin1String("code"), job.errorCode);
        o.insert(QLatin1String("runId"), job.runId);
        o.insert(QLatin1String("outputs"), QJsonArray::fromStringList(job.outputs));
        QJsonArray ids;
        for (qint64 id : job.artifactIds)
            ids.append(id);
        o.insert(QLatin1String("artifactIds"), ids);
        printJson(o);
    } else {
        for (const QString &line : job.outputs)
            cliOut() << line << Qt::endl;
        if (!ok)
            cliErr() << "lifeboat-cli: " << SecretRedactor::redact(job.message) << Qt::endl;
    }
    const int code = ok ? 0 : (job.state == JobInfo::State::Cancelled ? 130 : 1);
    finishAfterAlerts(code);
}

int Cli::cmdList(const QStringList &args)
{
    if (args.size() != 1)
        return usage(QStringLiteral("list needs a profile NAME"));
    if (Status s = openCatalog(); !s)
        return fail(s.error());
    auto profile = m_catalog->profile(args.first());
    if (!profile)
        return fail(profile.error());
    auto artifacts = m_catalog->artifacts(args.first());
    if (!artifacts)
        return fail(artifacts.error());
    if (m_json) {
        QJsonArray a;
        for (const ArtifactRecord &r : *artifacts)
            a.append(artifactJson(r));
        printJson(a);
        return 0;
    }
    if (artifacts->isEmpty()) {
        cliOut() << "no backups of '" << args.first() << "' yet: run lifeboat-cli backup " << args.first()
                 << Qt::endl;
        return 0;
    }
    cliOut() << QStringLiteral("%1  %2  %3  %4  %5  %6")
                    .arg(QStringLiteral("ID"), -6)
                    .arg(QStringLiteral("CREATED (UTC)"), -20)
                    .arg(QStringLiteral("DATABASE"), -20)
                    .arg(QStringLiteral("SIZE"), 12)
                    .arg(QStringLiteral("SHA-256"), -64)
                    .arg(QStringLiteral("VERIFIED"))
             << Qt::endl;
    for (const ArtifactRecord &r : *artifacts) {
        cliOut() << QStringLiteral("%1  %2  %3  %4  %5  %6")
                        .arg(QString::number(r.id), -6)
                        .arg(r.createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), -20)
                        .arg(r.database, -20)
                        .arg(formatMiB(r.storedBytes), 12)
                        .arg(r.sha256, -64)
                        .arg(checkedText(r))
                 << Qt::endl;
    }
    for (const ArtifactRecord &r : *artifacts) {
        if (r.damaged())
            cliOut() << "damaged: " << r.integrityDetail << Qt::endl;
    }
    return 0;
}

} // namespace lifeboat
