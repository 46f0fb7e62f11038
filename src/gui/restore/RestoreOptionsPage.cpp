#include "gui/restore/RestoreOptionsPage.h"

#include "gui/DisplayFormat.h"
#include "gui/restore/RestoreSession.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRadioButton>
#include <QSet>
#include <QSpinBox>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lifeboat {

RestoreOptionsPage::RestoreOptionsPage(RestoreSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("restoreOptionsPage"));
    setTitle(tr("What to restore"));
    setSubTitle(tr("Everything is selected. Uncheck schemas or tables to restore only part of the backup."));
    auto *layout = new QVBoxLayout(this);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("restoreTablesTree"));
    m_tree->setAccessibleName(tr("Schemas and tables to restore"));
    m_tree->setHeaderLabels({tr("Schema / table"), tr("Rows"), tr("Data")});
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("restoreTablesSummary"));
    layout->addWidget(m_summaryLabel);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_jobs = new QSpinBox(this);
    m_jobs->setObjectName(QStringLiteral("restoreJobsSpin"));
    m_jobs->setRange(1, qBound(1, QThread::idealThreadCount() * 2, 16));
    m_jobs->setAccessibleName(tr("Parallel restore jobs"));
    m_jobs->setToolTip(
        tr("More than one job restores tables in parallel from a temporary decoded copy of the "
           "backup (it needs that much free space in the temporary folder)"));
    form->addRow(tr("&Parallel jobs:"), m_jobs);
    m_noOwner = new QCheckBox(tr("Do not restore &owners (objects belong to the connecting role)"), this);
    m_noOwner->setObjectName(QStringLiteral("restoreNoOwnerCheck"));
    form->addRow(QString(), m_noOwner);
    auto *contentRow = new QHBoxLayout;
    m_everything = new QRadioButton(tr("&Schema and data"), this);
    m_everything->setObjectName(QStringLiteral("restoreEverythingButton"));
    m_dataOnly = new QRadioButton(tr("&Data only"), this);
    m_dataOnly->setObjectName(QStringLiteral("restoreDataOnlyButton"));
    m_schemaOnly = new QRadioButton(tr("Sc&hema only"), this);
    m_schemaOnly->setObjectName(QStringLiteral("restoreSchemaOnlyButton"));
    m_everything->setChecked(true);
    contentRow->addWidget(m_everything);
    contentRow->addWidget(m_dataOnly);
    contentRow->addWidget(m_schemaOnly);
    contentRow->addStretch(1);
    form->addRow(tr("Restore:"), contentRow);
    layout->addLayout(form);

    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (column != 0)
            return;
        const QSignalBlocker block(m_tree);
        if (item->childCount() > 0) {
            for (int i = 0; i < item->childCount(); ++i)
                item->child(i)->setCheckState(0, item->checkState(0));
        } else if (QTreeWidgetItem *parent = item->parent()) {
            int checked = 0;
            for (int i = 0; i < parent->childCount(); ++i)
                checked += parent->child(i)->checkState(0) == Qt::Checked ? 1 : 0;
            parent->setCheckState(0, checked == 0                      ? Qt::Unchecked
                                     : checked == parent->childCount() ? Qt::Checked
                                                                       : Qt::PartiallyChecked);
        }
        updateSummary();
    });
}

void RestoreOptionsPage::initializePage()
{
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> schemas;
    QHash<QString, qint64> schemaRows;
    for (const Manifest::Table &t : m_session->manifest().tables) {
        QTreeWidgetItem *&schema = schemas[t.schema];
        if (!schema) {
            schema = new QTreeWidgetItem(m_tree, {t.schema});
            schema->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            schema->setCheckState(0, Qt::Checked);
        }
        auto *item =
            new QTreeWidgetItem(schema, {t.name, t.rows >= 0 ? QLocale().toString(t.rows) : tr("no data"),
                                         DisplayFormat::size(t.dataBytes)});
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(0, Qt::Checked);
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
    m_tree->sortItems(0, Qt::AscendingOrder);
    m_tree->setEnabled(!schemas.isEmpty());
    const RestoreSession::Options &o = m_session->options;
    m_jobs->setValue(o.jobs);
    m_noOwner->setChecked(o.noOwner || m_session->target.mode == RestoreSession::Target::Mode::OtherServer);
    (o.dataOnly ? m_dataOnly : o.schemaOnly ? m_schemaOnly : m_everything)->setChecked(true);
    updateSummary();
}

void RestoreOptionsPage::updateSummary()
{
    int tables = 0, checked = 0;
    qint64 rows = 0;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->childCount() > 0)
            continue;
        ++tables;
        if ((*it)->checkState(0) == Qt::Checked) {
            ++checked;
            rows += QLocale().toLongLong((*it)->text(1));
        }
    }
    if (tables == 0)
        m_summaryLabel->setText(tr("The backup's manifest lists no tables: the whole backup is restored."));
    else
        m_summaryLabel->setText(tr("%1 of %n table(s) selected, %2 rows.", nullptr, tables)
                                    .arg(checked)
                                    .arg(QLocale().toString(rows)));
    Q_EMIT completeChanged();
}

bool RestoreOptionsPage::isComplete() const
{
    if (m_tree->topLevelItemCount() == 0)
        return true;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->childCount() == 0 && (*it)->checkState(0) == Qt::Checked)
            return true;
    }
    return false;
}

bool RestoreOptionsPage::validatePage()
{
    RestoreSession::Options o;
    o.jobs = m_jobs->value();
    o.noOwner = m_noOwner->isChecked();
    o.dataOnly = m_dataOnly->isChecked();
    o.schemaOnly = m_schemaOnly->isChecked();
    // Everything checked: a full restore (functions, types, … too). Otherwise pg_restore gets the
    // schemas of the checked tables (--schema) and, unless whole schemas are checked, their names.
    bool all = true;
    QSet<QString> schemas;
    QStringList tables;
    bool wholeSchemasOnly = true;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *schema = m_tree->topLevelItem(i);
        if (schema->checkState(0) != Qt::Checked)
            all = false;
        if (schema->checkState(0) == Qt::PartiallyChecked)
            wholeSchemasOnly = false;
        for (int j = 0; j < schema->childCount(); ++j) {
            if (schema->child(j)->checkState(0) == Qt::Checked) {
                schemas.insert(schema->text(0));
                tables << schema->child(j)->text(0);
            }
        }
    }
    if (!all) {
        o.schemas = QStringList(schemas.begin(), schemas.end());
        o.schemas.sort();
        if (!wholeSchemasOnly)
            o.tables = tables;
    }
    m_session->options = o;
    return true;
}

} // namespace lifeboat
