#include "gui/restore/RestoreReportPage.h"

#include "engine/jobs/JobRunner.h"
#include "gui/DisplayFormat.h"
#include "gui/restore/RestoreSession.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lifeboat {

RestoreReportPage::RestoreReportPage(RestoreSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("restoreReportPage"));
    setTitle(tr("Restore report"));
    setSubTitle(tr("What was restored, compared with the backup's manifest, and how to connect to it."));
    setFinalPage(true);
    auto *layout = new QVBoxLayout(this);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("reportSummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summaryLabel);
    m_comparison = new QTreeWidget(this);
    m_comparison->setObjectName(QStringLiteral("reportComparison"));
    m_comparison->setAccessibleName(tr("Rows restored compared with the backup's manifest"));
    m_comparison->setHeaderLabels({tr("Table"), tr("Rows restored"), tr("Rows in the backup"), tr("Result")});
    m_comparison->setRootIsDecorated(false);
    m_comparison->setAlternatingRowColors(true);
    m_comparison->header()->setStretchLastSection(false);
    m_comparison->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_comparison->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    layout->addWidget(m_comparison, 1);

    auto *form = new QFormLayout;
    const auto addCopyRow = [&](const QString &label, QLineEdit *edit, const QString &objectName) {
        edit->setObjectName(objectName);
        edit->setReadOnly(true);
        edit->setAccessibleName(label);
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        auto *copy = new QPushButton(tr("Copy"), this);
        copy->setObjectName(objectName + QStringLiteral("Copy"));
        copy->setAccessibleName(tr("Copy %1").arg(label));
        row->addWidget(copy);
        connect(copy, &QPushButton::clicked, this, [this, edit] {
            QApplication::clipboard()->setText(edit->text());
            Q_EMIT m_session->statusMessage(tr("Copied: %1").arg(edit->text()));
        });
        auto *title = new QLabel(label, this);
        title->setBuddy(edit);
        form->addRow(title, row);
    };
    m_connectionEdit = new QLineEdit(this);
    addCopyRow(tr("Connection string"), m_connectionEdit, QStringLiteral("reportConnectionEdit"));
    m_psqlEdit = new QLineEdit(this);
    addCopyRow(tr("psql command"), m_psqlEdit, QStringLiteral("reportPsqlEdit"));
    layout->addLayout(form);
}

QString RestoreReportPage::connectionString() const
{
    return m_connectionEdit->text();
}

QString RestoreReportPage::psqlCommand() const
{
    return m_psqlEdit->text();
}

void RestoreReportPage::initializePage()
{
    const JobInfo job = m_session->runner()->job(m_session->restoreJobId);
    m_comparison->clear();
    m_connectionEdit->clear();
    m_psqlEdit->clear();
    // The job's report lines: "ok       public.orders: 1000 rows (manifest 1000)", "connection: …".
    static const QRegularExpression row(
        QStringLiteral("^(ok|MISMATCH)\\s+(.+): (-?\\d+) rows \\(manifest (-?\\d+)\\)$"));
    int tables = 0, mismatched = 0;
    qint64 rows = 0;
    for (const QString &line : job.outputs) {
        if (line.startsWith(QLatin1String("connection: "))) {
            m_connectionEdit->setText(line.mid(12));
            continue;
        }
        if (line.startsWith(QLatin1String("psql: "))) {
            m_psqlEdit->setText(line.mid(6));
            continue;
        }
        const QRegularExpressionMatch m = row.match(line);
        if (!m.hasMatch())
            continue;
        const bool ok = m.captured(1) == QLatin1String("ok");
        ++tables;
        mismatched += ok ? 0 : 1;
        rows += m.captured(3).toLongLong();
        auto *item =
            new QTreeWidgetItem(m_comparison, {m.captured(2), QLocale().toString(m.captured(3).toLongLong()),
                                               QLocale().toString(m.captured(4).toLongLong()),
                                               ok ? tr("matches") : tr("DIFFERS")});
        item->setIcon(3, QIcon(ok ? QStringLiteral(":/icons/state-ok.svg")
                                  : QStringLiteral(":/icons/state-failed.svg")));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    const QString duration = DisplayFormat::duration(job.startedUtc, job.finishedUtc);
    if (job.state == JobInfo::State::Succeeded)
        m_summaryLabel->setText(
            tr("'%1' was restored on %2 in %3: %4 table(s), %5 rows, all matching the backup's "
               "manifest.")
                .arg(m_session->target.database, m_session->target.connection.displayName(), duration)
                .arg(tables)
                .arg(QLocale().toString(rows)));
    else
        m_summaryLabel->setText(
            tr("The restore did not succeed (%1 table(s) differ): %2").arg(mismatched).arg(job.message));
}

} // namespace lifeboat
