#include "gui/profile/WelcomePage.h"

#include "gui/BackgroundTask.h"
#include "gui/profile/ProfileEditor.h"

#include <QDir>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace lifeboat {

WelcomePage::WelcomePage(ConfigPaths paths, SecretStoreProvider secrets, QWidget *parent)
    : QWidget(parent)
    , m_paths(std::move(paths))
    , m_secrets(std::move(secrets))
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Welcome to Lifeboat"), this);
    QFont font = title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.6);
    title->setFont(font);
    title->setAlignment(Qt::AlignCenter);
    auto *text =
        new QLabel(tr("Lifeboat backs up PostgreSQL databases, encrypted, to folders and S3 buckets — "
                      "and proves that they restore. Choose a server to set up your first backup:"),
                   this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    m_servers = new QListWidget(this);
    m_servers->setObjectName(QStringLiteral("serverList"));
    m_servers->setAccessibleName(tr("PostgreSQL servers found on this computer"));
    m_status = new QLabel(tr("Looking for PostgreSQL servers…"), this);
    m_status->setObjectName(QStringLiteral("welcomeStatus"));
    m_status->setWordWrap(true);
    m_setUp = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("&Set up a backup…"), this);
    m_setUp->setObjectName(QStringLiteral("setUpButton"));
    m_setUp->setDefault(true);
    // The window's own empty state (below, with the lifeboat and the CLI command) completes it.
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(m_servers, 2);
    layout->addWidget(m_status);
    layout->addWidget(m_setUp, 0, Qt::AlignCenter);
    layout->addStretch(1);

    connect(m_setUp, &QPushButton::clicked, this, &WelcomePage::startWizard);
    connect(m_servers, &QListWidget::itemActivated, this, &WelcomePage::startWizard);
}

void WelcomePage::findServers(const LocalServerFinder::Options &options)
{
    m_status->setText(tr("Looking for PostgreSQL servers…"));
    BackgroundTask::run(
        this, [options] { return LocalServerFinder::find(options); },
        [this](const QList<LocalServerFinder::Candidate> &candidates) {
            m_candidates = candidates;
            m_servers->clear();
            for (const LocalServerFinder::Candidate &c : candidates)
                m_servers->addItem(tr("%1 — found in %2").arg(c.spec.displayName(), c.source));
            if (!candidates.isEmpty())
                m_servers->setCurrentRow(0);
            m_status->setText(
                candidates.isEmpty()
                    ? tr("No server found here (no PG* variables, ~/.pgpass, pg_service.conf or local "
                         "socket). Set up a backup and type the server's address.")
                    : tr("%n server(s) found. Select one and choose Set up a backup.", nullptr,
                         int(candidates.size())));
            Q_EMIT found(int(candidates.size()));
        });
}

Profile WelcomePage::suggestedProfile(const LocalServerFinder::Candidate &candidate) const
{
    const ConnectionSpec &spec = candidate.spec;
    Profile p;
    p.connection = spec;
    QString base = !spec.service.isEmpty()                                           ? spec.service
                   : !spec.dbname.isEmpty()                                          ? spec.dbname
                   : (spec.host.isEmpty() || spec.host.startsWith(QLatin1Char('/'))) ? QStringLiteral("local")
                                                                                     : spec.host;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    p.name = base.left(40);
    if (!spec.dbname.isEmpty() && spec.service.isEmpty())
        p.databases = {spec.dbname};
    else
        p.databaseMode = Profile::DatabaseMode::All;
    p.destinations = {QDir::homePath() + QStringLiteral("/lifeboat-backups")};
    p.schedule = QStringLiteral("daily@02:30");
    p.retention.keepDaily = 7;
    p.retention.keepWeekly = 4;
    p.retention.keepMonthly = 6;
    return p;
}

ProfileEditor *WelcomePage::startWizard()
{
    auto *editor = new ProfileEditor(ProfileEditor::Mode::Create, m_paths, m_secrets, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    const int row = m_servers->currentRow();
    if (row >= 0 && row < int(m_candidates.size()))
        editor->setProfile(suggestedProfile(m_candidates.at(row)));
    connect(editor, &ProfileEditor::saved, this, &WelcomePage::profileCreated);
    editor->open();
    return editor;
}

} // namespace lifeboat
