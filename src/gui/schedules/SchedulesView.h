#pragma once

#include "core/ConfigPaths.h"
#include "gui/CatalogSnapshot.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace lifeboat {

class Scheduler;

// Every schedule in one table: profile, the rule in plain words, next run, last run, catch-up
// state and an Enabled switch. Rules, next runs and last runs come from the CatalogReader's
// snapshot (worked out on its thread); the catch-up state and why a due run waits come from the
// app's Scheduler. The switch saves Profile::scheduleEnabled off the GUI thread (through the
// Scheduler's worker when it runs, else a catalog write on the thread pool).
class SchedulesView : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        ProfileColumn,
        RuleColumn,
        NextRunColumn,
        LastRunColumn,
        CatchUpColumn,
        EnabledColumn,
        ColumnCount
    };

    explicit SchedulesView(ConfigPaths paths, QWidget *parent = nullptr);

    void setScheduler(Scheduler *scheduler);
    void setSnapshot(const CatalogSnapshot &snapshot);
    QTableWidget *table() const { return m_table; }
    void setScheduleEnabled(const QString &profileName, bool enabled);

Q_SIGNALS:
    void catalogChanged();
    void statusMessage(const QString &text);

private:
    void rebuild();

    ConfigPaths m_paths;
    Scheduler *m_scheduler = nullptr;
    CatalogSnapshot m_snapshot;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    bool m_rebuilding = false;
};

} // namespace lifeboat
