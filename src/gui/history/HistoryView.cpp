#include "gui/history/HistoryView.h"

#include "core/Manifest.h"
#include "gui/DisplayFormat.h"
#include "gui/PlaceholderTableView.h"
#include "gui/history/HistoryChart.h"
#include "gui/history/HistoryModel.h"
#include "gui/history/HistoryReader.h"
#include "gui/history/RestoreCommand.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace lifeboat {

namespace {
constexpr int kSearchDelayMs = 250;
} // namespace

HistoryView::HistoryView(ConfigPaths paths, QWidget *parent)
    : QWidget(parent)
    , m_paths(std::move(paths))
{
    qRegisterMetaType<lifeboat::RunDetails>();
    qRegisterMetaType<lifeboat::BackupSeries>();
    setObjectName(QStringLiteral("historyPage"));

    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("lifeboat-history-reader"));
    m_reader = new HistoryReader(m_paths);
    m_reader->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_reader, &QObject::deleteLater);
    m_thread->start();
    m_model = new HistoryModel(m_reader, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QWidget(this);
    setUpFilters(bar);
    layout->addWidget(bar);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("historySplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_table = new PlaceholderTableView(m_splitter);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("Run history"));
    m_table->setAccessibleDescription(
        tr("Every backup, verification, restore and prune, newest first: time, profile, databases, kind, "
           "trigger, status, duration and size. Select one to see its details."));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    // Fixed widths from the font: ResizeToContents would measure every loaded row.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    const QFontMetrics fm = m_table->fontMetrics();
    // Each column as wide as its title or a typical value, whichever is wider.
    const auto fit = [this, &fm, header](int column, const QString &sample) {
        const QString title = m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        header->resizeSection(column, qMax(fm.horizontalAdvance(sample), fm.horizontalAdvance(title)) + 16);
    };
    fit(HistoryModel::TimeColumn, QStringLiteral("2026-01-15 13:04"));
    fit(HistoryModel::ProfileColumn, QStringLiteral("production"));
    fit(HistoryModel::DatabasesColumn, QStringLiteral("orders"));
    header->setSectionResizeMode(HistoryModel::DatabasesColumn, QHeaderView::Stretch);
    fit(HistoryModel::KindColumn, tr("restore"));
    fit(HistoryModel::TriggerColumn, tr("schedule"));
    fit(HistoryModel::StatusColumn, tr("interrupted") + QStringLiteral("MMM")); // and the icon
    fit(HistoryModel::DurationColumn, QStringLiteral("59 min"));
    fit(HistoryModel::SizeColumn, QStringLiteral("999.9 MiB"));
    m_table->setPlaceholderText(
        tr("No runs match. Backups, verifications and restores appear here as they run."));

    auto *details = new QWidget(m_splitter);
    details->setObjectName(QStringLiteral("runDetailsPane"));
    setUpDetails(details);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({820, 420});
    layout->addWidget(m_splitter, 1);

    connect(m_model, &HistoryModel::totalChanged, this, &HistoryView::updateCount);
    connect(m_model, &HistoryModel::rowsInserted, this, [this] {
        updateCount();
        if (m_pendingSelection)
            selectRun(m_pendingSelection);
    });
    connect(m_model, &HistoryModel::loadFailed, this, [this](const QString &message) {
        Q_EMIT statusMessage(tr("Could not read the history: %1").arg(message));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryView::onCurrentRunChanged);
    connect(m_reader, &HistoryReader::detailsLoaded, this, &HistoryView::onDetails);
    connect(m_reader, &HistoryReader::seriesLoaded, this, &HistoryView::onSeries);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kSearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &HistoryView::applyFilter);

    setTabOrder(m_profileFilter, m_statusFilter);
    setTabOrder(m_statusFilter, m_kindFilter);
    setTabOrder(m_kindFilter, m_timeFilter);
    setTabOrder(m_timeFilter, m_search);
    setTabOrder(m_search, m_table);
    setTabOrder(m_table, m_artifactCombo);

    updateActions();
    applyFilter();
}

HistoryView::~HistoryView()
{
    m_thread.reset(); // quits and waits; the reader (and its catalog) goes with its thread
    m_reader = nullptr;
}

void HistoryView::setUpFilters(QWidget *bar)
{
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 4);
    const auto addLabelled = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, bar);
        label->setBuddy(field);
        layout->addWidget(label);
        layout->addWidget(field);
    };

    m_profileFilter = new QComboBox(bar);
    m_profileFilter->setObjectName(QStringLiteral("historyProfileFilter"));
    m_profileFilter->setAccessibleName(tr("Show runs of profile"));
    m_profileFilter->addItem(tr("All profiles"), QString());
    addLabelled(tr("&Profile:"), m_profileFilter);

    m_statusFilter = new QComboBox(bar);
    m_statusFilter->setObjectName(QStringLiteral("historyStatusFilter"));
    m_statusFilter->setAccessibleName(tr("Show runs with status"));
    m_statusFilter->addItem(tr("Any status"), QString());
    for (RunRecord::State state :
         {RunRecord::State::Succeeded, RunRecord::State::Failed, RunRecord::State::Running,
          RunRecord::State::Cancelled, RunRecord::State::Interrupted})
        m_statusFilter->addItem(DisplayFormat::runState(state), RunRecord::stateName(state));
    addLabelled(tr("S&tatus:"), m_statusFilter);

    m_kindFilter = new QComboBox(bar);
    m_kindFilter->setObjectName(QStringLiteral("historyKindFilter"));
    m_kindFilter->setAccessibleName(tr("Show runs of kind"));
    m_kindFilter->addItem(tr("Any kind"), QString());
    for (const RunKind kind : {RunKind::Backup, RunKind::Verify, RunKind::Restore, RunKind::Prune})
        m_kindFilter->addItem(DisplayFormat::runKind(kind),
                              runKindName(kind)); // the catalog's filter takes the name
    addLabelled(tr("&Kind:"), m_kindFilter);

    m_timeFilter = new QComboBox(bar);
    m_timeFilter->setObjectName(QStringLiteral("historyTimeFilter"));
    m_timeFilter->setAccessibleName(tr("Show runs started within"));
    m_timeFilter->addItem(tr("Any time"), 0);
    m_timeFilter->addItem(tr("Last 24 hours"), 1);
    m_timeFilter->addItem(tr("Last 7 days"), 7);
    m_timeFilter->addItem(tr("Last 30 days"), 30);
    m_timeFilter->addItem(tr("Last 365 days"), 365);
    addLabelled(tr("T&ime:"), m_timeFilter);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setAccessibleName(tr("Search the history"));
    m_search->setPlaceholderText(tr("Search profile, database or message (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search, 1);
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    m_countLabel = new QLabel(bar);
    m_countLabel->setObjectName(QStringLiteral("historyCountLabel"));
    layout->addWidget(m_countLabel);

    for (QComboBox *combo : {m_profileFilter, m_statusFilter, m_kindFilter, m_timeFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &HistoryView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        applyFilter();
    });
}

void HistoryView::setUpDetails(QWidget *pane)
{
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(6, 0, 0, 0);
    m_titleLabel = new QLabel(pane);
    m_titleLabel->setObjectName(QStringLiteral("runTitleLabel"));
    QFont title = m_titleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.15);
    m_titleLabel->setFont(title);
    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setText(tr("No run selected"));
    layout->addWidget(m_titleLabel);
    m_summaryLabel = new QLabel(pane);
    m_summaryLabel->setObjectName(QStringLiteral("runSummaryLabel"));
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summaryLabel->setText(tr("Select a run to see its log and, for a backup, what it holds."));
    layout->addWidget(m_summaryLabel);

    auto *artifactRow = new QHBoxLayout;
    auto *artifactLabel = new QLabel(tr("&Backup:"), pane);
    m_artifactCombo = new QComboBox(pane);
    m_artifactCombo->setObjectName(QStringLiteral("runArtifactCombo"));
    m_artifactCombo->setAccessibleName(tr("Backup written by the selected run"));
    artifactLabel->setBuddy(m_artifactCombo);
    artifactRow->addWidget(artifactLabel);
    artifactRow->addWidget(m_artifactCombo, 1);
    layout->addLayout(artifactRow);

    auto *buttons = new QHBoxLayout;
    m_verifyButton = new QPushButton(QIcon(QStringLiteral(":/icons/state-ok.svg")), tr("&Verify"), pane);
    m_verifyButton->setObjectName(QStringLiteral("verifyRunButton"));
    m_verifyButton->setToolTip(
        tr("Check the backup's checksum, decryption and archive (an integrity check)"));
    m_restoreButton = new QPushButton(QIcon(QStringLiteral(":/icons/database.svg")), tr("&Restore…"), pane);
    m_restoreButton->setObjectName(QStringLiteral("restoreRunButton"));
    m_restoreButton->setToolTip(tr("Restore this backup with the restore wizard"));
    m_folderButton = new QPushButton(tr("Show in &folder"), pane);
    m_folderButton->setObjectName(QStringLiteral("showInFolderButton"));
    m_folderButton->setToolTip(tr("Open the folder holding this backup"));
    m_copyButton = new QPushButton(tr("&Copy restore command"), pane);
    m_copyButton->setObjectName(QStringLiteral("copyRestoreCommandButton"));
    m_copyButton->setToolTip(tr("Copy the lifeboat-cli restore command and the pipeline that restores it "
                                "without Lifeboat (age, zstd, pg_restore)"));
    for (QPushButton *button : {m_verifyButton, m_restoreButton, m_folderButton, m_copyButton})
        buttons->addWidget(button);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_tabs = new QTabWidget(pane);
    m_tabs->setObjectName(QStringLiteral("runDetailTabs"));
    m_log = new QPlainTextEdit(m_tabs);
    m_log->setObjectName(QStringLiteral("runLogView"));
    m_log->setAccessibleName(tr("Event log of the selected run"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_log->setFont(mono);
    m_tabs->addTab(m_log, tr("&Log"));

    m_tables = new QTreeWidget(m_tabs);
    m_tables->setObjectName(QStringLiteral("manifestTablesView"));
    m_tables->setAccessibleName(tr("Tables in the selected backup"));
    m_tables->setHeaderLabels({tr("Schema / table"), tr("Rows"), tr("Data")});
    m_tables->setRootIsDecorated(true);
    m_tables->setAlternatingRowColors(true);
    m_tables->header()->setStretchLastSection(false);
    m_tables->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tables->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tables->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tabs->addTab(m_tables, tr("&Tables"));

    auto *chartPage = new QWidget(m_tabs);
    auto *chartLayout = new QVBoxLayout(chartPage);
    auto *chartRow = new QHBoxLayout;
    auto *chartLabel = new QLabel(tr("&Database:"), chartPage);
    m_chartDatabase = new QComboBox(chartPage);
    m_chartDatabase->setObjectName(QStringLiteral("chartDatabaseCombo"));
    m_chartDatabase->setAccessibleName(tr("Database to chart"));
    chartLabel->setBuddy(m_chartDatabase);
    chartRow->addWidget(chartLabel);
    chartRow->addWidget(m_chartDatabase, 1);
    chartLayout->addLayout(chartRow);
    m_chart = new HistoryChart(chartPage);
    m_chart->setObjectName(QStringLiteral("historyChart"));
    chartLayout->addWidget(m_chart, 1);
    m_tabs->addTab(chartPage, tr("C&hart"));
    layout->addWidget(m_tabs, 1);

    connect(m_artifactCombo, &QComboBox::currentIndexChanged, this, &HistoryView::showArtifact);
    connect(m_verifyButton, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedArtifactId())
            Q_EMIT verifyRequested(id, m_details.run.profileName);
    });
    connect(m_restoreButton, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedArtifactId())
            Q_EMIT restoreRequested(id);
    });
    connect(m_folderButton, &QPushButton::clicked, this, &HistoryView::showInFolder);
    connect(m_copyButton, &QPushButton::clicked, this, &HistoryView::copyRestoreCommand);
    connect(m_chartDatabase, &QComboBox::activated, this, [this] {
        const QString profile = m_chartProfile;
        const QString database = m_chartDatabase->currentText();
        HistoryReader *reader = m_reader;
        QMetaObject::invokeMethod(
            reader, [reader, profile, database] { reader->loadSeries(profile, database); },
            Qt::QueuedConnection);
    });
}

void HistoryView::setProfiles(const QList<Profile> &profiles)
{
    m_profiles = profiles;
    QStringList names;
    for (const Profile &p : profiles)
        names << p.name;
    QStringList current;
    for (int i = 1; i < m_profileFilter->count(); ++i)
        current << m_profileFilter->itemData(i).toString();
    if (current == names)
        return;
    const QString selected = m_profileFilter->currentData().toString();
    {
        const QSignalBlocker block(m_profileFilter);
        while (m_profileFilter->count() > 1)
            m_profileFilter->removeItem(1);
        for (const QString &name : std::as_const(names))
            m_profileFilter->addItem(name, name);
        const int index = m_profileFilter->findData(selected);
        m_profileFilter->setCurrentIndex(qMax(0, index));
    }
    if (!selected.isEmpty() && m_profileFilter->currentData().toString() != selected)
        applyFilter(); // the filtered profile is gone
}

void HistoryView::applyFilter()
{
    Catalog::RunFilter filter;
    filter.profileName = m_profileFilter->currentData().toString();
    filter.state = m_statusFilter->currentData().toString();
    filter.kind = m_kindFilter->currentData().toString();
    const int days = m_timeFilter->currentData().toInt();
    if (days > 0)
        filter.fromUtc = QDateTime::currentDateTimeUtc().addDays(-days);
    filter.search = m_search->text().trimmed();
    m_countLabel->setText(tr("Loading…"));
    m_model->setNow(QDateTime::currentDateTimeUtc());
    m_model->setFilter(filter);
}

void HistoryView::refresh()
{
    m_model->setNow(QDateTime::currentDateTimeUtc());
    m_model->refresh();
    if (m_details.run.id && !m_details.run.isFinished()) {
        HistoryReader *reader = m_reader;
        const qint64 id = m_details.run.id;
        QMetaObject::invokeMethod(
            reader, [reader, id] { reader->loadDetails(id); }, Qt::QueuedConnection);
    }
}

void HistoryView::updateCount()
{
    const qint64 total = m_model->total();
    if (total < 0)
        m_countLabel->setText(tr("Loading…"));
    else
        m_countLabel->setText(tr("%Ln run(s)", nullptr, int(qMin<qint64>(total, INT_MAX))));
}

void HistoryView::selectRun(qint64 runId)
{
    const int row = m_model->rowOfRun(runId);
    if (row < 0) {
        m_pendingSelection = runId;
        return;
    }
    m_pendingSelection = 0;
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void HistoryView::onCurrentRunChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details = RunDetails();
        m_titleLabel->setText(tr("No run selected"));
        m_summaryLabel->setText(tr("Select a run to see its log and, for a backup, what it holds."));
        m_log->clear();
        m_tables->clear();
        m_artifactCombo->clear();
        updateActions();
        return;
    }
    const qint64 runId = m_model->runAt(current.row()).id;
    HistoryReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader, runId] { reader->loadDetails(runId); }, Qt::QueuedConnection);
}

void HistoryView::onDetails(const RunDetails &details)
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || m_model->runAt(current.row()).id != details.run.id)
        return; // the user moved on
    const bool sameRun = m_details.run.id == details.run.id;
    const qint64 keepArtifact = sameRun ? selectedArtifactId() : 0;
    m_details = details;
    const RunRecord &run = details.run;
    m_titleLabel->setText(
        tr("%1 of %2 — %3")
            .arg(DisplayFormat::runKind(run.kind), run.profileName, DisplayFormat::runOutcome(run)));
    QStringList summary;
    summary << tr("Started %1").arg(DisplayFormat::dateTime(run.startedUtc));
    if (run.finishedUtc.isValid())
        summary << tr("took %1").arg(DisplayFormat::duration(run.startedUtc, run.finishedUtc));
    if (!run.databases.isEmpty())
        summary << tr("databases: %1").arg(run.databases);
    QString text = summary.join(QStringLiteral(" · "));
    if (!run.message.isEmpty())
        text += QLatin1Char('\n') + run.message;
    if (!details.error.isEmpty())
        text += QLatin1Char('\n') + details.error;
    m_summaryLabel->setText(text);
    m_log->setPlainText(details.events.isEmpty() ? tr("(no events recorded)")
                                                 : details.events.join(QLatin1Char('\n')));

    {
        const QSignalBlocker block(m_artifactCombo);
        m_artifactCombo->clear();
        for (const ArtifactRecord &a : details.artifacts) {
            QString label =
                tr("%1 — backup %2, %3").arg(a.database).arg(a.id).arg(DisplayFormat::size(a.storedBytes));
            if (a.verifyState == QLatin1String("verified"))
                label += tr(" (verified)");
            m_artifactCombo->addItem(label, a.id);
        }
        const int keep = m_artifactCombo->findData(keepArtifact);
        m_artifactCombo->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    m_artifactCombo->setEnabled(!details.artifacts.isEmpty());
    showArtifact(m_artifactCombo->currentIndex());

    // The chart: the run's profile, its (first) database.
    QString database = details.artifacts.isEmpty() ? run.databases.section(QLatin1Char(','), 0, 0).trimmed()
                                                   : details.artifacts.first().database;
    if (!sameRun || m_chartProfile != run.profileName) {
        m_chartProfile = run.profileName;
        HistoryReader *reader = m_reader;
        const QString profile = run.profileName;
        QMetaObject::invokeMethod(
            reader, [reader, profile, database] { reader->loadSeries(profile, database); },
            Qt::QueuedConnection);
    }
}

void HistoryView::showArtifact(int index)
{
    m_tables->clear();
    updateActions();
    if (index < 0 || index >= m_details.artifacts.size())
        return;
    const ArtifactRecord &artifact = m_details.artifacts.at(index);
    auto manifest = Manifest::fromJsonBytes(artifact.manifestJson);
    if (!manifest || manifest->tables.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_tables, {tr("No table list in this backup's manifest")});
        item->setFlags(Qt::ItemIsEnabled);
        return;
    }
    QHash<QString, QTreeWidgetItem *> schemas;
    QHash<QString, qint64> schemaRows;
    for (const Manifest::Table &t : manifest->tables) {
        QTreeWidgetItem *&schema = schemas[t.schema];
        if (!schema) {
            schema = new QTreeWidgetItem(m_tables, {t.schema});
            schema->setExpanded(true);
        }
        auto *item =
            new QTreeWidgetItem(schema, {t.name, t.rows >= 0 ? QLocale().toString(t.rows) : tr("no data"),
                                         DisplayFormat::size(t.dataBytes)});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        if (t.rows > 0)
            schemaRows[t.schema] += t.rows;
    }
    for (auto it = schemas.begin(); it != schemas.end(); ++it) {
        it.value()->setText(1, QLocale().toString(schemaRows.value(it.key())));
        it.value()->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        it.value()->setExpanded(true);
    }
    m_tables->sortItems(0, Qt::AscendingOrder);
}

void HistoryView::onSeries(const BackupSeries &series)
{
    if (series.profileName != m_chartProfile)
        return;
    {
        const QSignalBlocker block(m_chartDatabase);
        m_chartDatabase->clear();
        m_chartDatabase->addItems(series.databases);
        m_chartDatabase->setCurrentText(series.database);
    }
    m_chart->setSeries(series.database, series.points);
}

qint64 HistoryView::selectedArtifactId() const
{
    const int index = m_artifactCombo->currentIndex();
    return index >= 0 && index < m_details.artifacts.size() ? m_details.artifacts.at(index).id : 0;
}

void HistoryView::updateActions()
{
    const int index = m_artifactCombo->currentIndex();
    const bool haveArtifact = index >= 0 && index < m_details.artifacts.size();
    const bool present = haveArtifact && !m_details.artifacts.at(index).prunedUtc.isValid();
    m_verifyButton->setEnabled(present);
    m_restoreButton->setEnabled(present);
    m_copyButton->setEnabled(present);
    m_folderButton->setEnabled(present &&
                               !RestoreCommand::localFolder(m_details.artifacts.at(index)).isEmpty());
    const QString why = haveArtifact ? tr("This backup was deleted by retention")
                                     : tr("Select a backup run to act on its backup");
    for (QPushButton *button : {m_verifyButton, m_restoreButton, m_copyButton, m_folderButton})
        button->setAccessibleDescription(button->isEnabled() ? QString() : why);
}

void HistoryView::copyRestoreCommand()
{
    const int index = m_artifactCombo->currentIndex();
    if (index < 0 || index >= m_details.artifacts.size())
        return;
    const ArtifactRecord &artifact = m_details.artifacts.at(index);
    bool passphrase = false;
    for (const Profile &p : std::as_const(m_profiles)) {
        if (p.name == artifact.profileName)
            passphrase = p.passphrase;
    }
    const QString text =
        tr("# With Lifeboat (the restore wizard's defaults: a new database)\n%1\n"
           "# Without Lifeboat: standard tools only\n%2\n")
            .arg(RestoreCommand::cli(m_paths, artifact), RestoreCommand::pipeline(artifact, passphrase));
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("Copied the commands that restore backup %1").arg(artifact.id));
}

void HistoryView::showInFolder()
{
    const int index = m_artifactCombo->currentIndex();
    if (index < 0 || index >= m_details.artifacts.size())
        return;
    const QString folder = RestoreCommand::localFolder(m_details.artifacts.at(index));
    if (folder.isEmpty() || !QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        Q_EMIT statusMessage(tr("Could not open %1: no file manager answered").arg(folder));
}

} // namespace lifeboat
