#pragma once

#include "cli/Command.h"
#include "engine/schedule/DueEvaluator.h"

#include <QJsonArray>
#include <QList>

namespace lifeboat {
struct JobInfo;
}

namespace lifeboat::cli {

// `lifeboat-cli run-due`: every scheduled backup that is due, once, one after another (the systemd
// timer of `schedule install` calls it).
class RunDueCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;

private:
    // Reports what will not run now; queues the due profiles.
    void plan(CliContext &context, const QList<DueEvaluator::Entry> &entries);
    void finishNothingDue(CliContext &context);
    void onJobFinished(CliContext &context, const JobInfo &job);
    void runNext(CliContext &context);
    void finishRan(CliContext &context);

    QList<DueEvaluator::Entry> m_queue;
    qsizetype m_next = 0;
    QString m_jobId;
    QJsonArray m_report;
    int m_failed = 0;
    int m_ran = 0;
    bool m_interrupted = false;
};

} // namespace lifeboat::cli
