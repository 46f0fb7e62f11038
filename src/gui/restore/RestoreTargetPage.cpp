#include "gui/restore/RestoreTargetPage.h"

#include "core/Clock.h"
#include "engine/jobs/RestoreJob.h"
#include "engine/pg/ConnectionParser.h"
#include "gui/restore/RestoreSession.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace lifeboat {

RestoreTargetPage::RestoreTargetPage(RestoreSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("restoreTargetPage"));
    setTitle(tr("Where to restore"));
    setSubTitle(
        tr("A new database leaves everything else as it is. Replacing a database takes a safety backup "
           "of it first."));
    auto *layout = new QVBoxLayout(this);
    auto *group = new QButtonGroup(this);
    // Named here already; the server is added once a backup is picked.
    m_newButton = new QRadioButton(tr("A &new database on the backup's server (recommended)"), this);
    m_newButton->setObjectName(QStringLiteral("targetNewButton"));
    m_otherButton = new QRadioButton(tr("A new database on &another server:"), this);
    m_otherButton->setObjectName(QStringLiteral("targetOtherButton"));
    m_replaceButton =
        new QRadioButton(tr("&Replace an existing database (a safety backup of it is taken first)"), this);
    m_replaceButton->setObjectName(QStringLiteral("targetReplaceButton"));
    for (QRadioButton *b : {m_newButton, m_otherButton, m_replaceButton})
        group->addButton(b);
    layout->addWidget(m_newButton);
    layout->addWidget(m_otherButton);
    m_uriEdit = new QLineEdit(this);
    m_uriEdit->setObjectName(QStringLiteral("targetUriEdit"));
    m_uriEdit->setAccessibleName(tr("Connection URI of the other server"));
    m_uriEdit->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/postgres"));
    m_uriEdit->setToolTip(tr("A URI, keyword string or service name, without a password: libpq finds it in "
                             "~/.pgpass, PGPASSWORD or the service file"));
    auto *uriRow = new QHBoxLayout;
    uriRow->addSpacing(24);
    uriRow->addWidget(m_uriEdit);
    layout->addLayout(uriRow);
    layout->addWidget(m_replaceButton);
    m_newButton->setChecked(true);

    auto *form = new QFormLayout;
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("targetNameEdit"));
    m_nameEdit->setAccessibleName(tr("Name of the database to restore into"));
    form->addRow(tr("Database &name:"), m_nameEdit);
    m_confirmEdit = new QLineEdit(this);
    m_confirmEdit->setObjectName(QStringLiteral("targetConfirmEdit"));
    m_confirmEdit->setAccessibleName(tr("Type the name of the database to replace again"));
    m_confirmLabel = new QLabel(tr("Type its name again to &confirm:"), this);
    m_confirmLabel->setBuddy(m_confirmEdit);
    form->addRow(m_confirmLabel, m_confirmEdit);
    layout->addLayout(form);
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("targetProblemLabel"));
    m_problemLabel->setWordWrap(true);
    layout->addWidget(m_problemLabel);
    layout->addStretch(1);

    connect(group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (checked)
            updateMode();
    });
    for (QLineEdit *edit : {m_uriEdit, m_nameEdit, m_confirmEdit})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_problemLabel->setText(problem());
            Q_EMIT completeChanged();
        });
}

void RestoreTargetPage::initializePage()
{
    const ArtifactRecord &a = m_session->artifact();
    const auto profile = m_session->profile();
    const QString server = profile ? profile->connection.displayName() : tr("the profile's server");
    m_newButton->setText(tr("A &new database on %1 (recommended)").arg(server));
    m_replaceButton->setText(
        tr("&Replace an existing database on %1 (a safety backup of it is taken first)").arg(server));
    m_newButton->setEnabled(bool(profile));
    m_replaceButton->setEnabled(bool(profile));
    if (!profile)
        m_otherButton->setChecked(true);
    else
        m_newButton->setChecked(true);
    m_defaultName = RestoreJob::defaultDatabaseName(a.database, Clock::instance().nowUtc());
    m_nameEdit->setText(m_defaultName);
    m_confirmEdit->clear();
    updateMode();
}

void RestoreTargetPage::updateMode()
{
    const bool replace = m_replaceButton->isChecked();
    m_uriEdit->setEnabled(m_otherButton->isChecked());
    m_confirmEdit->setVisible(replace);
    m_confirmLabel->setVisible(replace);
    if (replace && m_nameEdit->text() == m_defaultName)
        m_nameEdit->setText(m_session->artifact().database);
    else if (!replace && m_nameEdit->text() == m_session->artifact().database)
        m_nameEdit->setText(m_defaultName);
    if (m_otherButton->isChecked())
        m_uriEdit->setFocus();
    m_problemLabel->setText(problem());
    Q_EMIT completeChanged();
}

QString RestoreTargetPage::problem() const
{
    const QString name = m_nameEdit->text().trimmed();
    if (name.isEmpty())
        return tr("Name the database to restore into.");
    if (m_otherButton->isChecked()) {
        if (m_uriEdit->text().trimmed().isEmpty())
            return tr("Enter the other server's connection URI.");
        auto parsed = ConnectionParser::parse(m_uriEdit->text().trimmed());
        if (!parsed)
            return parsed.error().message;
    }
    if (m_replaceButton->isChecked() && m_confirmEdit->text() != name)
        return tr("Type the name of the database to replace, %1, again to confirm.").arg(name);
    return {};
}

bool RestoreTargetPage::isComplete() const
{
    return problem().isEmpty();
}

bool RestoreTargetPage::validatePage()
{
    RestoreSession::Target target;
    target.database = m_nameEdit->text().trimmed();
    if (m_otherButton->isChecked()) {
        auto parsed = ConnectionParser::parse(m_uriEdit->text().trimmed());
        if (!parsed)
            return false;
        target.mode = RestoreSession::Target::Mode::OtherServer;
        target.connection = *parsed;
    } else {
        target.mode = m_replaceButton->isChecked() ? RestoreSession::Target::Mode::ReplaceExisting
                                                   : RestoreSession::Target::Mode::NewDatabase;
        target.connection = m_session->profile()->connection;
        target.confirm = m_confirmEdit->text();
    }
    m_session->target = target;
    return true;
}

} // namespace lifeboat
