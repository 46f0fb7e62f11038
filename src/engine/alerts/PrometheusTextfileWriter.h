#pragma once

#include "core/HealthReport.h"
#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace lifeboat {

// Metrics for node_exporter's textfile collector (Prometheus text format 0.0.4), per profile and
// database (labels profile, database):
//   lifeboat_backup_last_success_timestamp_seconds  Unix time of the newest backup
//   lifeboat_backup_duration_seconds                the run that made it
//   lifeboat_backup_size_bytes                      its stored size
//   lifeboat_backup_verification_success            1 = the newest verification restored and
//                                                   matched, 0 = it failed or there was none
// and per profile lifeboat_health_status (0 healthy, 1 warning, 2 failing). A database never
// backed up has no backup series (only the profile's health says so).
// write() replaces the file atomically (a temporary name in the same folder, then rename), so
// node_exporter never reads half a file; the file is 0644 (node_exporter runs as its own user).
class PrometheusTextfileWriter
{
public:
    static QByteArray render(const QList<HealthReport> &reports);
    static Status write(const QString &path, const QList<HealthReport> &reports);
    // A label value with \, " and newlines escaped.
    static QString escapeLabel(const QString &value);
};

} // namespace lifeboat
