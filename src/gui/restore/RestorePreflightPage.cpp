#include "gui/restore/RestorePreflightPage.h"

#include "gui/restore/RestoreSession.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lifeboat {

RestorePreflightPage::RestorePreflightPage(RestoreSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("restorePreflightPage"));
    setTitle(tr("Pre-flight checks"));
    setSubTitle(tr("What the target server has to offer this restore. Nothing has been changed there yet."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Start &restore"));
    auto *layout = new QVBoxLayout(this);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("preflightStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_statusLabel);
    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("preflightResults"));
    m_results->setAccessibleName(tr("Pre-flight check results"));
    m_results->setHeaderLabels({tr("Check"), tr("Result")});
    m_results->setRootIsDecorated(false);
    m_results->setWordWrap(true);
    m_results->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_results->header()->setStretchLastSection(true);
    layout->addWidget(m_results, 1);
    m_retryButton = new QPushButton(tr("Check &again"), this);
    m_retryButton->setObjectName(QStringLiteral("preflightRetryButton"));
    layout->addWidget(m_retryButton, 0, Qt::AlignLeft);
    connect(m_retryButton, &QPushButton::clicked, this, &RestorePreflightPage::start);
    connect(session->worker(), &RestoreWizardWorker::preflightDone, this, &RestorePreflightPage::onDone);
}

void RestorePreflightPage::initializePage()
{
    start();
}

void RestorePreflightPage::start()
{
    m_ok = false;
    m_results->clear();
    const RestoreSession::Target &target = m_session->target;
    m_statusLabel->setText(tr("Checking %1…").arg(target.connection.displayName()));
    m_retryButton->setEnabled(false);
    RestorePreflight::Input input;
    input.manifest = m_session->manifest();
    input.target = target.connection;
    input.database = target.database;
    input.noOwner = m_session->options.noOwner;
    input.replace = target.mode == RestoreSession::Target::Mode::ReplaceExisting;
    input.confirm = target.confirm;
    input.jobs = m_session->options.jobs;
    const auto profile = m_session->profile();
    input.toolDirectory = profile ? profile->toolDirectory : QString();
    const bool profileServer = profile && target.mode != RestoreSession::Target::Mode::OtherServer;
    const QString profileName = m_session->artifact().profileName;
    RestoreWizardWorker *worker = m_session->worker();
    ++m_request;
    QMetaObject::invokeMethod(
        worker,
        [worker, input, profileName, profileServer] {
            worker->runPreflight(input, profileName, profileServer);
        },
        Qt::QueuedConnection);
    Q_EMIT completeChanged();
}

void RestorePreflightPage::onDone(const RestoreWizardWorker::Preflight &result)
{
    m_answered = m_request;
    m_retryButton->setEnabled(true);
    m_results->clear();
    if (!result.error.isEmpty()) {
        m_statusLabel->setText(tr("The checks could not run: %1").arg(result.error));
        Q_EMIT completeChanged();
        return;
    }
    const QHash<QString, QString> topics = {
        {QStringLiteral("versions"), tr("Versions")},       {QStringLiteral("roles"), tr("Roles")},
        {QStringLiteral("extensions"), tr("Extensions")},   {QStringLiteral("target"), tr("Target database")},
        {QStringLiteral("connections"), tr("Connections")}, {QStringLiteral("disk"), tr("Disk space")}};
    for (const RestorePreflight::Check &check : result.report.checks) {
        auto *item = new QTreeWidgetItem(m_results, {topics.value(check.topic, check.topic), check.text});
        QString icon = QStringLiteral(":/icons/state-ok.svg");
        if (check.outcome == RestorePreflight::Check::Outcome::Warning)
            icon = QStringLiteral(":/icons/state-warning.svg");
        else if (check.outcome == RestorePreflight::Check::Outcome::Blocking)
            icon = QStringLiteral(":/icons/state-failed.svg");
        item->setIcon(0, QIcon(icon));
        item->setToolTip(1, check.text);
    }
    m_ok = result.report.ok();
    m_statusLabel->setText(m_ok ? tr("Ready to restore: Start restore begins.")
                                : tr("The restore cannot go ahead: %1 Go back to change the target or the "
                                     "options, or fix the server and check again.")
                                      .arg(result.report.firstError().message));
    Q_EMIT completeChanged();
}

bool RestorePreflightPage::isComplete() const
{
    return m_ok && m_answered == m_request;
}

} // namespace lifeboat
