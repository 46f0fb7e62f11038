#include "engine/alerts/AlertWorker.h"

#include "core/Catalog.h"
#include "core/CatalogHealth.h"
#include "core/Clock.h"
#include "core/SecretRedactor.h"
#include "core/SecretStore.h"
#include "engine/alerts/AlertEvaluator.h"
#include "engine/alerts/AlertsLog.h"
#include "engine/alerts/PrometheusTextfileWriter.h"
#include "engine/alerts/WebhookPayload.h"

#include <QSysInfo>
#include <QUrl>

namespace lifeboat {

AlertWorker::AlertWorker(ConfigPaths paths, std::shared_ptr<SecretStore> secrets,
                         WebhookSender::Options webhook)
    : m_paths(std::move(paths))
    , m_secrets(std::move(secrets))
    , m_sender(new WebhookSender(webhook, this))
{
    connect(m_sender, &WebhookSender::finished, this, &AlertWorker::onDelivered);
}

AlertWorker::~AlertWorker() = default;

void AlertWorker::enqueue(const AlertPassRequest &request)
{
    m_queue.append(request);
    if (!m_busy)
        startNext();
}

void AlertWorker::startNext()
{
    if (m_queue.isEmpty())
        return;
    m_busy = true;
    m_current = m_queue.takeFirst();
    m_result = AlertPassResult{};
    m_result.id = m_current.id;
    m_deliveries.clear();
    runPass();
    if (m_deliveries.isEmpty())
        finishPass();
}

void AlertWorker::warn(const QString &message, qint64 runId)
{
    const QString redacted = SecretRedactor::redact(message);
    m_result.warnings.append(redacted);
    qCWarning(lcAlerts).noquote() << redacted;
    if (runId > 0 && m_catalog)
        (void)m_catalog->addEvent(runId, LogLevel::Warning, redacted);
}

void AlertWorker::runPass()
{
    if (Status s = Catalog::ensureOpen(m_catalog, m_paths); !s) {
        warn(s.error().message, 0);
        return;
    }
    QList<Profile> profiles;
    if (m_current.profileName.isEmpty()) {
        auto all = m_catalog->profiles();
        if (!all) {
            warn(all.error().message, 0);
            return;
        }
        profiles = *all;
    } else {
        auto one = m_catalog->profile(m_current.profileName);
        if (!one) {
            // A job of a profile removed meanwhile has nothing to alert about.
            if (m_current.reason == AlertPassRequest::Reason::Test)
                warn(one.error().message, 0);
            return;
        }
        profiles.append(*one);
    }
    QStringList textfiles;
    for (const Profile &p : std::as_const(profiles)) {
        checkProfile(p);
        if (!p.alerts.prometheusTextfile.isEmpty() && !textfiles.contains(p.alerts.prometheusTextfile))
            textfiles.append(p.alerts.prometheusTextfile);
    }
    writeTextfiles(textfiles);
}

void AlertWorker::checkProfile(const Profile &profile)
{
    const QDateTime now = Clock::instance().nowUtc();
    auto report = CatalogHealth::evaluate(*m_catalog, profile, now);
    if (!report) {
        warn(report.error().message, m_current.runId);
        return;
    }
    m_result.reports.append(*report);

    QList<Alert> alerts;
    if (m_current.reason == AlertPassRequest::Reason::Test) {
        Alert a;
        a.profileName = profile.name;
        a.event = QStringLiteral("test");
        a.level = report->level;
        a.message = QStringLiteral("a test message from Lifeboat: alerts of this profile arrive here (health "
                                   "now: %1)")
                        .arg(healthLevelName(report->level));
        a.timeUtc = now;
        alerts.append(a);
    } else {
        // Read, decide and record in one write transaction: the app and a timer evaluating the
        // same change at once serialise here, and the second sees the first one's state (no
        // second alert).
        AlertDecision decision;
        const Status recorded = m_catalog->inWriteTransaction([&]() -> Status {
            auto stored = m_catalog->alertStates(profile.name);
            if (!stored)
                return stored.error();
            decision = AlertEvaluator::evaluate(*report, *stored, now, profile.alerts.reminderHours);
            for (const Catalog::AlertStateEntry &e : decision.upserts) {
                if (Status s = m_catalog->setAlertState(e); !s)
                    return s;
            }
            for (const Catalog::AlertStateEntry &e : decision.removals) {
                if (Status s = m_catalog->clearAlertState(e.profileName, e.subject, e.condition); !s)
                    return s;
            }
            return {};
        });
        if (!recorded) {
            // Nothing recorded, so nothing is sent: the next pass decides again.
            warn(recorded.error().message, m_current.runId);
            return;
        }
        alerts = decision.alerts;
        for (Alert &a : alerts)
            a.runId = m_current.runId;
    }
    for (const Alert &a : std::as_const(alerts)) {
        qCInfo(lcAlerts).noquote() << "alert:" << a.text();
        m_result.alerts.append(a);
        if (profile.alerts.desktop)
            Q_EMIT notification(a);
    }

    if (profile.alerts.webhookFormat == QLatin1String("healthchecks")) {
        // healthchecks.io watches for silence itself: it gets every backup's outcome, not
        // health changes.
        QList<Alert> pings;
        if (m_current.reason == AlertPassRequest::Reason::Test) {
            pings = alerts;
        } else if (m_current.reason == AlertPassRequest::Reason::JobFinished &&
                   m_current.jobKind == RunKind::Backup &&
                   m_current.jobState != RunRecord::State::Cancelled) {
            Alert a;
            a.profileName = profile.name;
            const bool ok = m_current.jobState == RunRecord::State::Succeeded;
            a.event = ok ? QStringLiteral("success") : QStringLiteral("failure");
            a.level = ok ? HealthLevel::Healthy : HealthLevel::Failing;
            a.message = ok ? QStringLiteral("backup succeeded") : m_current.jobMessage;
            a.timeUtc = now;
            a.runId = m_current.runId;
            pings.append(a);
        }
        sendToWebhook(profile, pings);
    } else {
        sendToWebhook(profile, alerts);
    }
}

void AlertWorker::sendToWebhook(const Profile &profile, const QList<Alert> &alerts)
{
    if (alerts.isEmpty())
        return;
    const bool test = m_current.reason == AlertPassRequest::Reason::Test;
    const qint64 runId = m_current.runId;
    auto indexed = m_catalog->secret(profile.name, secretKindName(SecretKind::Webhook));
    if (!indexed) {
        warn(indexed.error().message, runId);
        return;
    }
    if (!indexed->has_value()) {
        if (test)
            warn(QStringLiteral("profile '%1' has no webhook: store its URL with lifeboat-cli secret set %1 "
                                "webhook")
                     .arg(profile.name),
                 0);
        return;
    }
    auto value = m_secrets->readNow(SecretKey{profile.name, SecretKind::Webhook});
    if (!value) {
        warn(QStringLiteral("the webhook of profile '%1' could not be read from the keychain: %2")
                 .arg(profile.name, value.error().message),
             runId);
        return;
    }
    if (!value->has_value()) {
        warn(QStringLiteral("the webhook of profile '%1' is missing from the keychain: store it again with "
                            "lifeboat-cli secret set %1 webhook")
                 .arg(profile.name),
             runId);
        return;
    }
    QByteArray raw = **value;
    const QUrl url(QString::fromUtf8(raw).trimmed(), QUrl::StrictMode);
    raw.fill('\0');
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty()) {
        warn(QStringLiteral("the webhook of profile '%1' is not an http(s) URL: store it again with "
                            "lifeboat-cli secret set %1 webhook")
                 .arg(profile.name),
             runId);
        return;
    }
    const QString host = QSysInfo::machineHostName();
    for (const Alert &a : alerts) {
        auto request = WebhookPayload::build(profile.alerts.webhookFormat, url, a, host);
        if (!request) {
            warn(request.error().message, runId);
            return;
        }
        m_deliveries.insert(m_sender->send(*request), runId);
    }
}

void AlertWorker::writeTextfiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    auto all = m_catalog->profiles();
    if (!all) {
        warn(all.error().message, m_current.runId);
        return;
    }
    const QDateTime now = Clock::instance().nowUtc();
    for (const QString &path : paths) {
        QList<HealthReport> reports;
        for (const Profile &p : std::as_const(*all)) {
            if (p.alerts.prometheusTextfile != path)
                continue;
            bool found = false;
            for (const HealthReport &r : std::as_const(m_result.reports)) {
                if (r.profileName == p.name) {
                    reports.append(r);
                    found = true;
                    break;
                }
            }
            if (found)
                continue;
            auto report = CatalogHealth::evaluate(*m_catalog, p, now);
            if (report)
                reports.append(*report);
        }
        if (Status s = PrometheusTextfileWriter::write(path, reports); !s)
            warn(s.error().message, m_current.runId);
    }
}

void AlertWorker::onDelivered(quint64 deliveryId, const WebhookResult &result)
{
    const auto it = m_deliveries.constFind(deliveryId);
    if (it == m_deliveries.constEnd())
        return;
    const qint64 runId = *it;
    m_deliveries.erase(it);
    if (result.ok) {
        ++m_result.delivered;
    } else {
        ++m_result.failed;
        warn(QStringLiteral("alert not delivered: %1").arg(result.error), runId);
    }
    if (m_deliveries.isEmpty())
        finishPass();
}

void AlertWorker::finishPass()
{
    Q_EMIT passFinished(m_result);
    m_busy = false;
    startNext();
}

} // namespace lifeboat
