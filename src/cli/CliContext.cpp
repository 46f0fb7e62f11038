#include "cli/CliContext.h"

#include "cli/CliOutput.h"
#include "core/ByteSize.h"
#include "core/Catalog.h"
#include "core/JobInfo.h"
#include "core/SecretRedactor.h"
#include "engine/alerts/AlertService.h"
#include "engine/jobs/JobRunner.h"
#include "engine/jobs/RunRecovery.h"
#include "engine/secrets/KeychainSecretStore.h"
#include "engine/secrets/RecoveryKit.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <unistd.h>

namespace lifeboat::cli {

namespace {
// How long the CLI waits, after a job, for its alerts to be delivered (retries included).
constexpr int kAlertWaitMs = 120000;
} // namespace

CliContext::CliContext(QObject *parent)
    : QObject(parent)
    , m_tty(::isatty(STDERR_FILENO) == 1)
{}

CliContext::~CliContext() = default;

int CliContext::fail(const Error &error, int code)
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

int CliContext::usage(const QString &message)
{
    cliErr() << "lifeboat-cli: " << SecretRedactor::redact(message) << " (see lifeboat-cli --help)"
             << Qt::endl;
    return 2;
}

void CliContext::printJson(const QJsonValue &value) const
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    cliOut() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    cliOut().flush();
}

Status CliContext::openCatalog()
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

std::shared_ptr<SecretStore> CliContext::secretStore()
{
    if (!m_secrets) {
        KeychainSecretStore::Options options;
        options.scope = m_paths.secretScope();
        m_secrets = std::make_shared<KeychainSecretStore>(options);
    }
    return m_secrets;
}

JobRunner *CliContext::createRunner()
{
    m_runner = std::make_unique<JobRunner>(m_paths);
    return m_runner.get();
}

int CliContext::startJob(std::shared_ptr<Job> job)
{
    createRunner();
    watchAlerts(); // before onJobFinished, so the job's alert pass is under way when it runs
    connect(m_runner.get(), &JobRunner::jobUpdated, this, &CliContext::showProgress);
    connect(m_runner.get(), &JobRunner::jobFinished, this, &CliContext::onJobFinished);
    m_jobId = m_runner->submit(std::move(job));
    return -1;
}

void CliContext::interrupt()
{
    if (m_runner) {
        cliErr() << "\nlifeboat-cli: cancelling…" << Qt::endl;
        m_runner->cancelAll();
    } else {
        QCoreApplication::exit(130);
    }
}

void CliContext::showProgress(const JobInfo &job)
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

void CliContext::clearProgress()
{
    if (m_tty && !m_json && m_lastProgressWidth > 0) {
        cliErr() << "\r" << QString(m_lastProgressWidth, QLatin1Char(' ')) << "\r";
        cliErr().flush();
    }
}

void CliContext::onJobFinished(const JobInfo &job)
{
    if (job.id != m_jobId)
        return;
    clearProgress();
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

AlertService *CliContext::alertService()
{
    // Delivery failures reach stderr through the alerts log category (lifeboat.engine.alerts).
    if (!m_alerts)
        m_alerts = std::make_unique<AlertService>(m_paths, secretStore());
    return m_alerts.get();
}

void CliContext::watchAlerts()
{
    if (m_runner)
        alertService()->watch(m_runner.get());
}

void CliContext::finishAfterAlerts(int code)
{
    if (!m_alerts || !m_alerts->isBusy()) {
        Q_EMIT finished(code);
        return;
    }
    // The job is done and recorded; its alerts (webhook retries included) get a bounded wait.
    auto done = std::make_shared<bool>(false);
    auto finish = [this, code, done] {
        if (*done)
            return;
        *done = true;
        Q_EMIT finished(code);
    };
    connect(m_alerts.get(), &AlertService::idle, this, finish);
    QTimer::singleShot(kAlertWaitMs, this, [finish] {
        cliErr() << "lifeboat-cli: warning: alerts still undelivered after " << kAlertWaitMs / 1000
                 << " s; giving up on them" << Qt::endl;
        finish();
    });
}

void CliContext::attachBackupSecrets(const Profile &profile, BackupJob::Options &options)
{
    auto entries = m_catalog->secrets(profile.name);
    const QList<Catalog::SecretEntry> index = entries ? *entries : QList<Catalog::SecretEntry>();
    for (const Catalog::SecretEntry &e : index) {
        if (e.kind == secretKindName(SecretKind::AgeIdentity) && !e.exportedUtc.isValid())
            cliErr() << "lifeboat-cli: warning: " << neverExportedWarning(profile.name) << Qt::endl;
    }
    // The job reads the index again on its thread and takes what it needs from the store.
    options.secrets.store = secretStore();
}

QString CliContext::neverExportedWarning(const QString &profileName)
{
    return QStringLiteral("the age identity of profile '%1' has never been exported: if this machine or its "
                          "keychain is lost, its backups cannot be decrypted — save a recovery kit with "
                          "`lifeboat-cli key export %2 --out FILE` and keep it somewhere safe")
        .arg(profileName, RecoveryKit::shellQuote(profileName));
}

} // namespace lifeboat::cli
