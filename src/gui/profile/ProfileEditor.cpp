#include "gui/profile/ProfileEditor.h"

#include "core/ScheduleRule.h"
#include "core/SecretStore.h"
#include "engine/pg/ConnectionParser.h"
#include "engine/pg/LocalServerFinder.h"
#include "engine/profiles/ConnectionTest.h"
#include "engine/profiles/ProfileStore.h"
#include "engine/storage/DestinationCheck.h"
#include "gui/BackgroundTask.h"
#include "gui/DisplayFormat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimeZone>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace lifeboat {

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        out << part.trimmed();
    return out;
}

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("sectionError"));
    label->setWordWrap(true);
    label->setAutoFillBackground(true);
    label->setBackgroundRole(QPalette::AlternateBase);
    label->setForegroundRole(QPalette::Text);
    label->hide();
    return label;
}

QSpinBox *spin(QWidget *parent, int min, int max, const char *name)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setObjectName(QLatin1String(name));
    return box;
}

} // namespace

ProfileEditor::ProfileEditor(Mode mode, ConfigPaths paths, SecretStoreProvider secrets, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_paths(std::move(paths))
    , m_secrets(std::move(secrets))
{
    setObjectName(QStringLiteral("profileEditor"));
    setWindowTitle(mode == Mode::Create ? tr("New backup profile") : tr("Edit profile"));
    resize(860, 600);

    auto *outer = new QVBoxLayout(this);
    auto *body = new QHBoxLayout;
    m_sections = new QListWidget(this);
    m_sections->setObjectName(QStringLiteral("sectionList"));
    m_sections->setAccessibleName(tr("Sections"));
    m_sections->setFixedWidth(190);
    m_pages = new QStackedWidget(this);
    const QList<std::pair<QString, QWidget *>> pages{
        {tr("Connection"), makeConnectionPage()},
        {tr("Databases"), makeDatabasesPage()},
        {tr("Destinations"), makeDestinationsPage()},
        {tr("Compression & encryption"), makeEncryptionPage()},
        {tr("Schedule & retention"), makeSchedulePage()},
        {tr("Notifications"), makeNotificationsPage()},
    };
    for (const auto &[title, page] : pages) {
        m_sections->addItem(title);
        auto *wrapper = new QWidget(m_pages);
        auto *layout = new QVBoxLayout(wrapper);
        auto *heading = new QLabel(title, wrapper);
        QFont font = heading->font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 1.25);
        heading->setFont(font);
        QLabel *error = errorLabel(wrapper);
        m_errors << error;
        layout->addWidget(heading);
        layout->addWidget(page, 1);
        layout->addWidget(error);
        m_pages->addWidget(wrapper);
    }
    body->addWidget(m_sections);
    body->addWidget(m_pages, 1);
    outer->addLayout(body, 1);

    auto *buttons = new QHBoxLayout;
    m_back = new QPushButton(tr("< &Back"), this);
    m_back->setObjectName(QStringLiteral("backButton"));
    m_next = new QPushButton(tr("&Next >"), this);
    m_next->setObjectName(QStringLiteral("nextButton"));
    m_finish = new QPushButton(mode == Mode::Create ? tr("&Create profile") : tr("&Save"), this);
    m_finish->setObjectName(QStringLiteral("finishButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    buttons->addStretch(1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_finish);
    buttons->addWidget(m_cancel);
    outer->addLayout(buttons);

    // A wizard walks the sections in order (the list shows where it is, in normal colours, but
    // takes no clicks or focus); the editor lets the list choose any of them.
    if (mode == Mode::Create) {
        m_sections->setAttribute(Qt::WA_TransparentForMouseEvents);
        m_sections->setFocusPolicy(Qt::NoFocus);
        for (int row = 0; row < m_sections->count(); ++row)
            m_sections->item(row)->setText(tr("%1. %2").arg(row + 1).arg(m_sections->item(row)->text()));
    }
    m_sections->setSpacing(2);
    m_back->setVisible(mode == Mode::Create);
    m_next->setVisible(mode == Mode::Create);
    connect(m_sections, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_pages, &QStackedWidget::currentChanged, this, &ProfileEditor::updateNavigation);
    connect(m_back, &QPushButton::clicked, this, [this] { showSection(currentSection() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showSection(currentSection() + 1); });
    connect(m_finish, &QPushButton::clicked, this, &ProfileEditor::save);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    Profile defaults;
    defaults.alerts = AlertSettings();
    setProfile(defaults);
    showSection(ConnectionSection);
}

ProfileEditor::~ProfileEditor()
{
    wipeSecrets();
}

QWidget *ProfileEditor::makeConnectionPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("e.g. shop-production"));
    form->addRow(tr("Profile &name:"), m_name);

    m_connection = new QLineEdit(page);
    m_connection->setObjectName(QStringLiteral("connectionEdit"));
    m_connection->setPlaceholderText(
        tr("postgresql://user@host:5432/postgres, host=… user=…, or a service name"));
    form->addRow(tr("&Server:"), m_connection);

    m_import = new QComboBox(page);
    m_import->setObjectName(QStringLiteral("importCombo"));
    m_import->setAccessibleName(tr("Import a connection"));
    m_import->addItem(tr("Import from ~/.pgpass, pg_service.conf, the local socket…"));
    form->addRow(tr("&Import:"), m_import);
    connect(m_import, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            m_connection->setText(m_import->itemData(index).toString());
    });

    m_dbPassword = new QLineEdit(page);
    m_dbPassword->setObjectName(QStringLiteral("dbPasswordEdit"));
    m_dbPassword->setEchoMode(QLineEdit::Password);
    m_dbPassword->setPlaceholderText(tr("optional: kept in the keychain; else ~/.pgpass or PGPASSWORD"));
    form->addRow(tr("&Password:"), m_dbPassword);

    m_toolDirectory = new QLineEdit(page);
    m_toolDirectory->setObjectName(QStringLiteral("toolDirectoryEdit"));
    m_toolDirectory->setPlaceholderText(tr("optional: a folder with pg_dump (found automatically)"));
    form->addRow(tr("&Tools folder:"), m_toolDirectory);

    m_testConnection =
        new QPushButton(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("&Test connection"), page);
    m_testConnection->setObjectName(QStringLiteral("testConnectionButton"));
    m_connectionResult = new QLabel(page);
    m_connectionResult->setObjectName(QStringLiteral("connectionResult"));
    m_connectionResult->setWordWrap(true);
    m_connectionResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_testConnection, m_connectionResult);
    connect(m_testConnection, &QPushButton::clicked, this, &ProfileEditor::testConnection);
    importConnections();
    return page;
}

QWidget *ProfileEditor::makeDatabasesPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_allDatabases =
        new QRadioButton(tr("&All databases of the server (new ones included), filtered by:"), page);
    m_allDatabases->setObjectName(QStringLiteral("allDatabasesRadio"));
    m_selectedDatabases = new QRadioButton(tr("&Only the databases ticked below:"), page);
    m_selectedDatabases->setObjectName(QStringLiteral("selectedDatabasesRadio"));
    auto *patterns = new QFormLayout;
    m_include = new QLineEdit(page);
    m_include->setObjectName(QStringLiteral("includeEdit"));
    m_include->setPlaceholderText(tr("glob patterns, e.g. shop_* (empty: all)"));
    m_exclude = new QLineEdit(page);
    m_exclude->setObjectName(QStringLiteral("excludeEdit"));
    m_exclude->setPlaceholderText(tr("glob patterns, e.g. *_test"));
    patterns->addRow(tr("&Include:"), m_include);
    patterns->addRow(tr("E&xclude:"), m_exclude);
    m_databases = new QListWidget(page);
    m_databases->setObjectName(QStringLiteral("databaseList"));
    m_databases->setAccessibleName(tr("Databases on the server"));
    auto *hint =
        new QLabel(tr("The list is filled from the server by Test connection on the previous page."), page);
    hint->setWordWrap(true);
    m_globals = new QCheckBox(tr("Also back up &roles and tablespaces (pg_dumpall --globals-only)"), page);
    m_globals->setObjectName(QStringLiteral("globalsCheck"));
    layout->addWidget(m_allDatabases);
    layout->addLayout(patterns);
    layout->addWidget(m_selectedDatabases);
    layout->addWidget(m_databases, 1);
    layout->addWidget(hint);
    layout->addWidget(m_globals);
    auto update = [this] {
        const bool all = m_allDatabases->isChecked();
        m_include->setEnabled(all);
        m_exclude->setEnabled(all);
        m_databases->setEnabled(!all);
    };
    connect(m_allDatabases, &QRadioButton::toggled, this, update);
    m_selectedDatabases->setChecked(true);
    update();
    return page;
}

QWidget *ProfileEditor::makeDestinationsPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_destinations = new QListWidget(page);
    m_destinations->setObjectName(QStringLiteral("destinationList"));
    m_destinations->setAccessibleName(tr("Destinations"));
    layout->addWidget(new QLabel(tr("Each backup is stored at every destination in this list:"), page));
    layout->addWidget(m_destinations, 1);

    auto *row = new QHBoxLayout;
    auto *addFolder = new QPushButton(tr("Add &folder…"), page);
    addFolder->setObjectName(QStringLiteral("addFolderButton"));
    auto *remove = new QPushButton(tr("&Remove"), page);
    remove->setObjectName(QStringLiteral("removeDestinationButton"));
    m_testDestination = new QPushButton(tr("&Test selected"), page);
    m_testDestination->setObjectName(QStringLiteral("testDestinationButton"));
    row->addWidget(addFolder);
    row->addWidget(remove);
    row->addStretch(1);
    row->addWidget(m_testDestination);
    layout->addLayout(row);
    m_destinationResult = new QLabel(page);
    m_destinationResult->setObjectName(QStringLiteral("destinationResult"));
    m_destinationResult->setWordWrap(true);
    layout->addWidget(m_destinationResult);

    auto *s3 = new QGroupBox(tr("S3-compatible storage"), page);
    auto *form = new QFormLayout(s3);
    m_s3Provider = new QComboBox(s3);
    m_s3Provider->setObjectName(QStringLiteral("s3ProviderCombo"));
    m_s3Provider->addItems({tr("Amazon S3"), tr("Cloudflare R2"), tr("Backblaze B2"), tr("MinIO or other")});
    m_s3Bucket = new QLineEdit(s3);
    m_s3Bucket->setObjectName(QStringLiteral("s3BucketEdit"));
    m_s3Prefix = new QLineEdit(s3);
    m_s3Prefix->setPlaceholderText(tr("optional folder inside the bucket"));
    m_s3PlaceLabel = new QLabel(s3);
    m_s3Place = new QLineEdit(s3);
    m_s3Place->setObjectName(QStringLiteral("s3PlaceEdit"));
    m_s3PlaceLabel->setBuddy(m_s3Place);
    m_s3Region = new QLineEdit(s3);
    m_s3Region->setPlaceholderText(tr("optional, e.g. us-east-1"));
    m_s3Style = new QComboBox(s3);
    m_s3Style->addItems({tr("path style"), tr("virtual-hosted style")});
    m_s3AccessKey = new QLineEdit(s3);
    m_s3AccessKey->setPlaceholderText(tr("optional: access key id (not secret)"));
    m_s3Url = new QLabel(s3);
    m_s3Url->setObjectName(QStringLiteral("s3UrlLabel"));
    m_s3Url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_s3Url->setWordWrap(true);
    auto *addS3 = new QPushButton(tr("Add S3 &destination"), s3);
    addS3->setObjectName(QStringLiteral("addS3Button"));
    form->addRow(tr("Pro&vider:"), m_s3Provider);
    form->addRow(tr("B&ucket:"), m_s3Bucket);
    form->addRow(tr("Pr&efix:"), m_s3Prefix);
    form->addRow(m_s3PlaceLabel, m_s3Place);
    form->addRow(tr("Re&gion:"), m_s3Region);
    form->addRow(tr("St&yle:"), m_s3Style);
    form->addRow(tr("Access &key id:"), m_s3AccessKey);
    form->addRow(tr("URL:"), m_s3Url);
    m_s3Secret = new QLineEdit(s3);
    m_s3Secret->setObjectName(QStringLiteral("s3SecretEdit"));
    m_s3Secret->setEchoMode(QLineEdit::Password);
    m_s3Secret->setPlaceholderText(tr("kept in the keychain; leave empty to keep the current one"));
    form->addRow(tr("Secret access ke&y:"), m_s3Secret);
    auto *secretHint =
        new QLabel(tr("Without a secret key here or in the keychain, AWS_SECRET_ACCESS_KEY or "
                      "~/.aws/credentials is used when the backup runs. It is never stored in the "
                      "profile."),
                   s3);
    secretHint->setWordWrap(true);
    form->addRow(secretHint);
    form->addRow(addS3);
    layout->addWidget(s3);

    for (QLineEdit *edit : {m_s3Bucket, m_s3Prefix, m_s3Place, m_s3Region, m_s3AccessKey})
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditor::updateS3Fields);
    connect(m_s3Provider, &QComboBox::currentIndexChanged, this, &ProfileEditor::updateS3Fields);
    connect(m_s3Style, &QComboBox::currentIndexChanged, this, &ProfileEditor::updateS3Fields);
    connect(addS3, &QPushButton::clicked, this, &ProfileEditor::addS3Destination);
    connect(remove, &QPushButton::clicked, this, [this] { delete m_destinations->currentItem(); });
    connect(m_testDestination, &QPushButton::clicked, this, &ProfileEditor::testDestination);
    connect(addFolder, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Choose the backup folder"), QDir::homePath());
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &dir) {
            if (!dir.isEmpty() && m_destinations->findItems(dir, Qt::MatchExactly).isEmpty())
                m_destinations->addItem(QDir(dir).absolutePath());
        });
        dialog->open();
    });
    updateS3Fields();
    return page;
}

void ProfileEditor::updateS3Fields()
{
    const int provider = m_s3Provider->currentIndex();
    const QStringList labels{tr("Re&gion (AWS):"), tr("Account &ID (R2):"), tr("Re&gion (B2):"),
                             tr("&Endpoint URL:")};
    const QStringList hints{tr("e.g. eu-central-1"), tr("your Cloudflare account id"), tr("e.g. us-west-004"),
                            tr("e.g. https://minio.example:9000")};
    m_s3PlaceLabel->setText(labels.value(provider));
    m_s3Place->setPlaceholderText(hints.value(provider));
    // Only "MinIO or other" asks for a region and an addressing style; the presets know theirs.
    if (auto *form = qobject_cast<QFormLayout *>(m_s3Region->parentWidget()->layout())) {
        form->setRowVisible(m_s3Region, provider == 3);
        form->setRowVisible(m_s3Style, provider == 3);
    }

    const QString bucket = m_s3Bucket->text().trimmed();
    if (bucket.isEmpty()) {
        m_s3Url->setText(tr("(give a bucket)"));
        return;
    }
    QString url = QStringLiteral("s3://") + bucket;
    const QString prefix = m_s3Prefix->text().trimmed().remove(QRegularExpression(QStringLiteral("^/+|/+$")));
    if (!prefix.isEmpty())
        url += QLatin1Char('/') + prefix;
    QUrlQuery query;
    const QString place = m_s3Place->text().trimmed();
    switch (provider) {
    case 0:
        if (!place.isEmpty())
            query.addQueryItem(QStringLiteral("region"), place);
        break;
    case 1:
        query.addQueryItem(QStringLiteral("endpoint"), QStringLiteral("r2:") + place);
        break;
    case 2:
        query.addQueryItem(QStringLiteral("endpoint"), QStringLiteral("b2:") + place);
        break;
    default:
        if (!place.isEmpty())
            query.addQueryItem(QStringLiteral("endpoint"), place);
        if (!m_s3Region->text().trimmed().isEmpty())
            query.addQueryItem(QStringLiteral("region"), m_s3Region->text().trimmed());
        query.addQueryItem(QStringLiteral("style"), m_s3Style->currentIndex() == 0
                                                        ? QStringLiteral("path")
                                                        : QStringLiteral("virtual"));
        break;
    }
    if (!m_s3AccessKey->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("access_key"), m_s3AccessKey->text().trimmed());
    if (!query.isEmpty())
        url += QLatin1Char('?') + query.toString(QUrl::FullyDecoded);
    m_s3Url->setText(url);
}

void ProfileEditor::addS3Destination()
{
    const QString url = m_s3Url->text();
    if (!url.startsWith(QLatin1String("s3://")))
        return;
    if (m_destinations->findItems(url, Qt::MatchExactly).isEmpty())
        m_destinations->addItem(url);
    m_destinations->setCurrentRow(m_destinations->count() - 1);
}

void ProfileEditor::testDestination()
{
    QListWidgetItem *item = m_destinations->currentItem();
    if (!item && m_destinations->count() > 0)
        item = m_destinations->item(0);
    if (!item) {
        m_destinationResult->setText(tr("Add a destination first."));
        return;
    }
    const QString spec = item->text();
    QByteArray secret = spec.startsWith(QLatin1String("s3://")) ? m_s3Secret->text().toUtf8() : QByteArray();
    m_testDestination->setEnabled(false);
    m_destinationResult->setText(tr("Testing %1…").arg(spec));
    BackgroundTask::run(
        this,
        [spec, secret]() mutable {
            auto report = DestinationCheck::run(spec, secret);
            secret.fill('\0');
            return report;
        },
        [this](const Result<DestinationCheck::Report> &report) {
            m_testDestination->setEnabled(true);
            const QString text = report ? report->summary : report.error().message;
            m_destinationResult->setText(report ? text : tr("Failed: %1").arg(text));
            Q_EMIT destinationTested(report.ok(), text);
        });
}

QWidget *ProfileEditor::makeEncryptionPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *compression = new QGroupBox(tr("Compression (zstd)"), page);
    auto *form = new QFormLayout(compression);
    m_zstdLevel = spin(compression, 1, 19, "zstdLevelSpin");
    m_zstdThreads = spin(compression, 0, 64, "zstdThreadsSpin");
    m_zstdThreads->setSpecialValueText(tr("automatic"));
    form->addRow(tr("&Level (1 fastest – 19 smallest):"), m_zstdLevel);
    form->addRow(tr("&Threads:"), m_zstdThreads);
    layout->addWidget(compression);

    auto *encryption = new QGroupBox(tr("Encryption (age)"), page);
    auto *enc = new QVBoxLayout(encryption);
    m_encryptRecipients = new QRadioButton(tr("Encrypt to age &keys (recommended)"), encryption);
    m_encryptRecipients->setObjectName(QStringLiteral("encryptRecipientsRadio"));
    m_generateKey =
        new QCheckBox(tr("&Generate a key for this profile in the keychain (export a recovery kit "
                         "afterwards from the dashboard)"),
                      encryption);
    m_generateKey->setObjectName(QStringLiteral("generateKeyCheck"));
    m_recipients = new QPlainTextEdit(encryption);
    m_recipients->setObjectName(QStringLiteral("recipientsEdit"));
    m_recipients->setAccessibleName(tr("Recipients"));
    m_recipients->setPlaceholderText(tr("more recipients, one age1… per line (e.g. an offline key)"));
    m_recipients->setTabChangesFocus(true);
    m_recipients->setMaximumHeight(90);
    m_encryptPassphrase =
        new QRadioButton(tr("Encrypt with a &passphrase (kept in the keychain)"), encryption);
    m_encryptPassphrase->setObjectName(QStringLiteral("encryptPassphraseRadio"));
    m_passphrase = new QLineEdit(encryption);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("leave empty to keep the one in the keychain"));
    m_encryptNone = new QRadioButton(tr("Do &not encrypt"), encryption);
    m_encryptNone->setObjectName(QStringLiteral("encryptNoneRadio"));
    enc->addWidget(m_encryptRecipients);
    enc->addWidget(m_generateKey);
    enc->addWidget(m_recipients);
    enc->addWidget(m_encryptPassphrase);
    enc->addWidget(m_passphrase);
    enc->addWidget(m_encryptNone);
    layout->addWidget(encryption);
    m_verifyAfterBackup =
        new QCheckBox(tr("&Verify each backup by restoring it into a throwaway server"), page);
    m_verifyAfterBackup->setObjectName(QStringLiteral("verifyAfterBackupCheck"));
    layout->addWidget(m_verifyAfterBackup);
    layout->addStretch(1);
    auto update = [this] {
        m_generateKey->setEnabled(m_encryptRecipients->isChecked());
        m_recipients->setEnabled(m_encryptRecipients->isChecked());
        m_passphrase->setEnabled(m_encryptPassphrase->isChecked());
    };
    for (QRadioButton *radio : {m_encryptRecipients, m_encryptPassphrase, m_encryptNone})
        connect(radio, &QRadioButton::toggled, this, update);
    m_encryptRecipients->setChecked(true);
    update();
    return page;
}

QWidget *ProfileEditor::makeSchedulePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    m_schedulePreset = new QComboBox(page);
    m_schedulePreset->setObjectName(QStringLiteral("schedulePresetCombo"));
    const QList<std::pair<QString, QString>> presets{
        {tr("Manual only"), QString()},
        {tr("Every hour"), QStringLiteral("hourly@:15")},
        {tr("Every day at 02:30"), QStringLiteral("daily@02:30")},
        {tr("Weekdays at 22:00"), QStringLiteral("0 22 * * mon-fri")},
        {tr("Every Sunday at 03:00"), QStringLiteral("weekly@sun@03:00")},
        {tr("First day of the month at 03:00"), QStringLiteral("monthly@1@03:00")},
    };
    for (const auto &[title, rule] : presets)
        m_schedulePreset->addItem(title, rule);
    // Any other rule: the preset list says so rather than naming a preset that does not apply.
    m_schedulePreset->addItem(tr("Custom rule (below)"));
    m_schedule = new QLineEdit(page);
    m_schedule->setObjectName(QStringLiteral("scheduleEdit"));
    m_schedule->setPlaceholderText(tr("daily@02:30, weekly@mon,thu@02:00, or cron: 30 2 * * *"));
    m_scheduleEnabled = new QCheckBox(tr("Schedule &enabled"), page);
    m_scheduleEnabled->setObjectName(QStringLiteral("scheduleEnabledCheck"));
    m_scheduleDescription = new QLabel(page);
    m_scheduleDescription->setObjectName(QStringLiteral("scheduleDescription"));
    m_scheduleDescription->setWordWrap(true);
    m_nextRuns = new QLabel(page);
    m_nextRuns->setObjectName(QStringLiteral("nextRunsLabel"));
    form->addRow(tr("&Preset:"), m_schedulePreset);
    form->addRow(tr("&Rule:"), m_schedule);
    form->addRow(QString(), m_scheduleEnabled);
    form->addRow(tr("In words:"), m_scheduleDescription);
    form->addRow(tr("Next runs:"), m_nextRuns);
    layout->addLayout(form);
    connect(m_schedulePreset, &QComboBox::activated, this, [this](int index) {
        const QVariant rule = m_schedulePreset->itemData(index);
        if (rule.isValid())
            m_schedule->setText(rule.toString());
        else
            m_schedule->setFocus();
    });
    connect(m_schedule, &QLineEdit::textChanged, this, [this](const QString &text) {
        const int preset = m_schedulePreset->findData(text.trimmed());
        m_schedulePreset->setCurrentIndex(preset >= 0 ? preset : m_schedulePreset->count() - 1);
    });
    connect(m_schedule, &QLineEdit::textChanged, this, &ProfileEditor::updateSchedulePreview);
    connect(m_scheduleEnabled, &QCheckBox::toggled, this, &ProfileEditor::updateSchedulePreview);

    auto *retention = new QGroupBox(
        tr("Retention (a backup is kept when any rule keeps it; all 0: keep everything)"), page);
    auto *grid = new QFormLayout(retention);
    m_keepLast = spin(retention, 0, 10000, "keepLastSpin");
    m_keepDays = spin(retention, 0, 36500, "keepDaysSpin");
    m_keepDaily = spin(retention, 0, 10000, "keepDailySpin");
    m_keepWeekly = spin(retention, 0, 10000, "keepWeeklySpin");
    m_keepMonthly = spin(retention, 0, 10000, "keepMonthlySpin");
    m_keepYearly = spin(retention, 0, 1000, "keepYearlySpin");
    grid->addRow(tr("Keep the &last:"), m_keepLast);
    grid->addRow(tr("Keep everything newer than (&days):"), m_keepDays);
    grid->addRow(tr("Keep one a day for (d&ays):"), m_keepDaily);
    grid->addRow(tr("Keep one a week for (&weeks):"), m_keepWeekly);
    grid->addRow(tr("Keep one a month for (&months):"), m_keepMonthly);
    grid->addRow(tr("Keep one a year for (&years):"), m_keepYearly);
    layout->addWidget(retention);
    layout->addStretch(1);
    return page;
}

void ProfileEditor::updateSchedulePreview()
{
    const QString text = m_schedule->text().trimmed();
    m_scheduleEnabled->setEnabled(!text.isEmpty());
    if (text.isEmpty()) {
        m_scheduleDescription->setText(tr("manual only: backups run when you start them"));
        m_nextRuns->clear();
        return;
    }
    auto rule = ScheduleRule::parse(text);
    if (!rule) {
        m_scheduleDescription->setText(rule.error().message);
        m_nextRuns->clear();
        return;
    }
    m_scheduleDescription->setText(rule->describe());
    if (!m_scheduleEnabled->isChecked()) {
        m_nextRuns->setText(tr("paused"));
        return;
    }
    QStringList times;
    for (const QDateTime &run :
         rule->nextRuns(QDateTime::currentDateTimeUtc(), 5, QTimeZone::systemTimeZone()))
        times << QLocale().toString(run.toLocalTime(), QStringLiteral("ddd yyyy-MM-dd HH:mm"));
    m_nextRuns->setText(times.join(QLatin1Char('\n')));
}

QWidget *ProfileEditor::makeNotificationsPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_desktopAlerts = new QCheckBox(tr("Show &desktop notifications while Lifeboat runs"), page);
    m_desktopAlerts->setObjectName(QStringLiteral("desktopAlertsCheck"));
    form->addRow(m_desktopAlerts);
    m_webhookFormat = new QComboBox(page);
    m_webhookFormat->setObjectName(QStringLiteral("webhookFormatCombo"));
    const QList<std::pair<QString, const char *>> formats{
        {tr("Generic JSON"), "generic"},  {tr("Slack"), "slack"},
        {tr("Discord"), "discord"},       {tr("Microsoft Teams"), "teams"},
        {tr("Mattermost"), "mattermost"}, {tr("Healthchecks.io pings"), "healthchecks"}};
    for (const auto &[title, format] : formats)
        m_webhookFormat->addItem(title, QLatin1String(format));
    form->addRow(tr("Webhook &format:"), m_webhookFormat);
    m_webhookUrl = new QLineEdit(page);
    m_webhookUrl->setObjectName(QStringLiteral("webhookUrlEdit"));
    m_webhookUrl->setEchoMode(QLineEdit::Password);
    m_webhookUrl->setPlaceholderText(
        tr("https://… — kept in the keychain (leave empty to keep the current one)"));
    form->addRow(tr("Webhook &URL:"), m_webhookUrl);
    m_reminderHours = spin(page, 0, 24 * 30, "reminderHoursSpin");
    m_reminderHours->setSpecialValueText(tr("never"));
    m_reminderHours->setSuffix(tr(" h"));
    form->addRow(tr("&Remind again after:"), m_reminderHours);
    m_prometheusFile = new QLineEdit(page);
    m_prometheusFile->setObjectName(QStringLiteral("prometheusEdit"));
    m_prometheusFile->setPlaceholderText(
        tr("optional: node_exporter textfile, e.g. /var/lib/node_exporter/lifeboat.prom"));
    form->addRow(tr("&Prometheus textfile:"), m_prometheusFile);
    return page;
}

void ProfileEditor::importConnections()
{
    BackgroundTask::run(
        this, [] { return LocalServerFinder::find(); },
        [this](const QList<LocalServerFinder::Candidate> &found) {
            for (const LocalServerFinder::Candidate &candidate : found) {
                const ConnectionSpec &spec = candidate.spec;
                const QString text =
                    spec.service.isEmpty() ? spec.toConnInfo() : QStringLiteral("service=") + spec.service;
                m_import->addItem(tr("%1 (from %2)").arg(spec.displayName(), candidate.source), text);
            }
        });
}

void ProfileEditor::testConnection()
{
    auto spec = ConnectionParser::parse(m_connection->text().trimmed());
    if (!spec) {
        m_connectionResult->setText(spec.error().message);
        Q_EMIT connectionTested(false, spec.error().message);
        return;
    }
    QByteArray password = m_dbPassword->text().toUtf8();
    const QString toolDir = m_toolDirectory->text().trimmed();
    m_testConnection->setEnabled(false);
    m_connectionResult->setText(tr("Connecting to %1…").arg(spec->displayName()));
    BackgroundTask::run(
        this,
        [spec = *spec, password = std::move(password), toolDir]() mutable {
            return ConnectionTest::run(spec, std::move(password), toolDir);
        },
        [this](const Result<ConnectionTest::Facts> &facts) {
            m_testConnection->setEnabled(true);
            if (!facts) {
                m_connectionResult->setText(facts.error().message);
                Q_EMIT connectionTested(false, facts.error().message);
                return;
            }
            const QString text = tr("Connected: PostgreSQL %1, %n database(s). Backups will use %2.", nullptr,
                                    int(facts->databases.size()))
                                     .arg(facts->serverVersion, facts->pgDump);
            m_connectionResult->setText(text);
            // Fill the picker, keeping what was ticked.
            QSet<QString> ticked;
            for (int i = 0; i < m_databases->count(); ++i) {
                if (m_databases->item(i)->checkState() == Qt::Checked)
                    ticked.insert(m_databases->item(i)->text());
            }
            m_databases->clear();
            for (const QString &db : facts->databases) {
                auto *item = new QListWidgetItem(db, m_databases);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(ticked.contains(db) ? Qt::Checked : Qt::Unchecked);
            }
            for (const QString &db : std::as_const(ticked)) {
                if (!facts->databases.contains(db)) { // listed in the profile, not on the server (yet)
                    auto *item = new QListWidgetItem(db, m_databases);
                    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                    item->setCheckState(Qt::Checked);
                }
            }
            Q_EMIT connectionTested(true, text);
        });
}

void ProfileEditor::setProfile(const Profile &profile)
{
    m_original = profile;
    m_name->setText(profile.name);
    m_name->setReadOnly(m_mode == Mode::Edit); // the name keys runs, backups and secrets
    m_connection->setText(profile.connection == ConnectionSpec() ? QString()
                                                                 : profile.connection.toConnInfo());
    m_connection->setCursorPosition(0); // the host first, not the end of a long line
    m_toolDirectory->setText(profile.toolDirectory);
    (profile.databaseMode == Profile::DatabaseMode::All ? m_allDatabases : m_selectedDatabases)
        ->setChecked(true);
    m_databases->clear();
    for (const QString &db : profile.databases) {
        auto *item = new QListWidgetItem(db, m_databases);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_include->setText(profile.includePatterns.join(QStringLiteral(", ")));
    m_exclude->setText(profile.excludePatterns.join(QStringLiteral(", ")));
    m_globals->setChecked(profile.globals);
    m_destinations->clear();
    m_destinations->addItems(profile.destinations);
    m_zstdLevel->setValue(profile.zstdLevel);
    m_zstdThreads->setValue(profile.zstdThreads);
    if (profile.passphrase)
        m_encryptPassphrase->setChecked(true);
    else if (!profile.recipients.isEmpty() || profile.id == 0)
        m_encryptRecipients->setChecked(true);
    else
        m_encryptNone->setChecked(true);
    m_generateKey->setChecked(profile.id == 0 && profile.recipients.isEmpty() && !profile.passphrase);
    m_recipients->setPlainText(profile.recipients.join(QLatin1Char('\n')));
    m_verifyAfterBackup->setChecked(profile.verifyAfterBackup);
    m_schedule->setText(profile.schedule);
    m_scheduleEnabled->setChecked(profile.scheduleEnabled);
    m_keepLast->setValue(profile.retention.keepLast);
    m_keepDays->setValue(profile.retention.keepDays);
    m_keepDaily->setValue(profile.retention.keepDaily);
    m_keepWeekly->setValue(profile.retention.keepWeekly);
    m_keepMonthly->setValue(profile.retention.keepMonthly);
    m_keepYearly->setValue(profile.retention.keepYearly);
    m_desktopAlerts->setChecked(profile.alerts.desktop);
    m_webhookFormat->setCurrentIndex(qMax(0, m_webhookFormat->findData(profile.alerts.webhookFormat)));
    m_reminderHours->setValue(profile.alerts.reminderHours);
    m_prometheusFile->setText(profile.alerts.prometheusTextfile);
    updateSchedulePreview();
}

Profile ProfileEditor::profile() const
{
    Profile p = m_original;
    p.name = m_name->text().trimmed();
    auto spec = ConnectionParser::parse(m_connection->text().trimmed());
    p.connection = spec ? *spec : ConnectionSpec();
    p.toolDirectory = m_toolDirectory->text().trimmed();
    p.databaseMode = m_allDatabases->isChecked() ? Profile::DatabaseMode::All : Profile::DatabaseMode::Listed;
    p.databases.clear();
    for (int i = 0; i < m_databases->count(); ++i) {
        if (m_databases->item(i)->checkState() == Qt::Checked)
            p.databases << m_databases->item(i)->text();
    }
    if (p.databaseMode == Profile::DatabaseMode::All)
        p.databases.clear();
    p.includePatterns = splitList(m_include->text());
    p.excludePatterns = splitList(m_exclude->text());
    p.globals = m_globals->isChecked();
    p.destinations.clear();
    for (int i = 0; i < m_destinations->count(); ++i)
        p.destinations << m_destinations->item(i)->text();
    p.zstdLevel = m_zstdLevel->value();
    p.zstdThreads = m_zstdThreads->value();
    p.passphrase = m_encryptPassphrase->isChecked();
    p.recipients = m_encryptRecipients->isChecked() ? splitList(m_recipients->toPlainText()) : QStringList();
    p.verifyAfterBackup = m_verifyAfterBackup->isChecked();
    p.schedule = m_schedule->text().trimmed();
    p.scheduleEnabled = m_scheduleEnabled->isChecked();
    p.retention.keepLast = m_keepLast->value();
    p.retention.keepDays = m_keepDays->value();
    p.retention.keepDaily = m_keepDaily->value();
    p.retention.keepWeekly = m_keepWeekly->value();
    p.retention.keepMonthly = m_keepMonthly->value();
    p.retention.keepYearly = m_keepYearly->value();
    p.alerts.desktop = m_desktopAlerts->isChecked();
    p.alerts.webhookFormat = m_webhookFormat->currentData().toString();
    p.alerts.reminderHours = m_reminderHours->value();
    p.alerts.prometheusTextfile = m_prometheusFile->text().trimmed();
    return p;
}

int ProfileEditor::currentSection() const
{
    return m_pages->currentIndex();
}

void ProfileEditor::showSection(int section)
{
    if (section < 0 || section >= SectionCount)
        return;
    m_sections->setCurrentRow(section);
    m_pages->setCurrentIndex(section);
    updateNavigation();
}

void ProfileEditor::updateNavigation()
{
    const int section = currentSection();
    m_back->setEnabled(section > 0 && !m_busy);
    m_next->setEnabled(section < SectionCount - 1 && !m_busy);
    m_finish->setEnabled(!m_busy && (m_mode == Mode::Edit || section == SectionCount - 1));
    m_finish->setDefault(m_mode == Mode::Edit || section == SectionCount - 1);
    m_next->setDefault(m_mode == Mode::Create && section < SectionCount - 1);
}

int ProfileEditor::sectionOf(Profile::Field field)
{
    switch (field) {
    case Profile::Field::None:
    case Profile::Field::Name:
    case Profile::Field::Connection:
    case Profile::Field::DatabasePassword:
        return ConnectionSection;
    case Profile::Field::Databases:
        return DatabasesSection;
    case Profile::Field::Destinations:
    case Profile::Field::S3Secret:
        return DestinationsSection;
    case Profile::Field::Compression:
    case Profile::Field::Encryption:
    case Profile::Field::Recipients:
    case Profile::Field::Passphrase:
        return EncryptionSection;
    case Profile::Field::Schedule:
    case Profile::Field::Retention:
    case Profile::Field::CatchUpDelay:
        return ScheduleSection;
    case Profile::Field::StaleAfter:
    case Profile::Field::WebhookUrl:
        return NotificationsSection;
    }
    return ConnectionSection;
}

void ProfileEditor::showError(int section, const QString &message)
{
    for (QLabel *label : std::as_const(m_errors))
        label->hide();
    QLabel *label = m_errors.value(section);
    if (!label)
        return;
    label->setText(message);
    label->show();
    showSection(section);
    Q_EMIT saveFailed(message);
}

void ProfileEditor::save()
{
    if (m_busy)
        return;
    if (!m_connection->text().trimmed().isEmpty()) {
        if (auto spec = ConnectionParser::parse(m_connection->text().trimmed()); !spec) {
            showError(ConnectionSection, spec.error().message);
            return;
        }
    } else {
        showError(ConnectionSection,
                  tr("Give the server to back up (a postgresql:// URI, host=… or a service name)."));
        return;
    }
    const Profile p = profile();
    if (Profile::FieldStatus s = p.validate(); !s) {
        showError(sectionOf(s.field), s.error().message);
        return;
    }
    if (!p.schedule.isEmpty()) {
        if (auto rule = ScheduleRule::parse(p.schedule); !rule) {
            showError(ScheduleSection, rule.error().message);
            return;
        }
    }
    if (p.passphrase && !m_original.passphrase && m_passphrase->text().isEmpty()) {
        showError(EncryptionSection,
                  tr("Type the passphrase: it is kept in the keychain, and backups cannot be "
                     "read without it."));
        return;
    }
    for (QLabel *label : std::as_const(m_errors))
        label->hide();

    // The secrets leave the fields now and go to the keychain only.
    ProfileStore::SaveRequest request;
    request.profile = p;
    request.create = m_mode == Mode::Create;
    request.generateKey = m_generateKey->isEnabled() && m_generateKey->isChecked() && !p.passphrase;
    request.dbPassword = m_dbPassword->text().toUtf8();
    request.passphrase = m_passphrase->text().toUtf8();
    request.webhookUrl = m_webhookUrl->text().trimmed().toUtf8();
    request.s3Secret = m_s3Secret->text().toUtf8();
    wipeSecrets();
    m_busy = true;
    updateNavigation();
    m_cancel->setEnabled(false);
    BackgroundTask::run(
        this,
        [store = ProfileStore(m_paths), secrets = m_secrets(), request = std::move(request)]() mutable {
            return store.save(std::move(request), *secrets);
        },
        [this, name = p.name](const Profile::FieldStatus &status) {
            m_busy = false;
            m_cancel->setEnabled(true);
            updateNavigation();
            if (!status) {
                showError(sectionOf(status.field), status.error().message);
                if (m_mode == Mode::Create && status.error().code != QLatin1String("profile.exists")) {
                    // The profile was written; what failed were its secrets: edit from now on.
                    m_mode = Mode::Edit;
                    m_name->setReadOnly(true);
                    m_sections->setEnabled(true);
                }
                return;
            }
            Q_EMIT saved(name);
            accept();
        });
}

void ProfileEditor::wipeSecrets()
{
    for (QLineEdit *edit : {m_dbPassword, m_passphrase, m_webhookUrl, m_s3Secret}) {
        if (!edit)
            continue;
        QString text = edit->text();
        text.fill(QLatin1Char('\0'));
        edit->clear();
    }
}

} // namespace lifeboat
