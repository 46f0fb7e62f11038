#include "engine/alerts/PrometheusTextfileWriter.h"

#include <QFileDevice>
#include <QSaveFile>

namespace lifeboat {

QString PrometheusTextfileWriter::escapeLabel(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('"'))
            out += QStringLiteral("\\\"");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}

QByteArray PrometheusTextfileWriter::render(const QList<HealthReport> &reports)
{
    struct Family
    {
        const char *name;
        const char *help;
    };
    const Family families[] = {
        {"lifeboat_backup_last_success_timestamp_seconds",
         "Unix time of the newest successful backup of the database."},
        {"lifeboat_backup_duration_seconds", "Duration of the backup run that made the newest backup."},
        {"lifeboat_backup_size_bytes", "Stored size of the newest backup (compressed, encrypted)."},
        {"lifeboat_backup_verification_success",
         "1 if the newest verification (a real restore) of the database succeeded, 0 if it failed or there "
         "was none."},
    };
    QString out;
    for (int f = 0; f < 4; ++f) {
        const QString name = QString::fromLatin1(families[f].name);
        out += QStringLiteral("# HELP %1 %2\n# TYPE %1 gauge\n")
                   .arg(name, QString::fromLatin1(families[f].help));
        for (const HealthReport &r : reports) {
            for (const DatabaseHealth &d : r.databases) {
                if (!d.lastSuccessUtc.isValid())
                    continue;
                QString value;
                switch (f) {
                case 0:
                    value = QString::number(d.lastSuccessUtc.toSecsSinceEpoch());
                    break;
                case 1:
                    if (d.lastDurationSeconds < 0)
                        continue;
                    value = QString::number(d.lastDurationSeconds, 'f', 3);
                    break;
                case 2:
                    value = QString::number(d.lastSizeBytes);
                    break;
                default:
                    value = (d.lastVerifiedUtc.isValid() && d.lastVerificationOk) ? QStringLiteral("1")
                                                                                  : QStringLiteral("0");
                    break;
                }
                out += QStringLiteral("%1{profile=\"%2\",database=\"%3\"} %4\n")
                           .arg(name, escapeLabel(r.profileName), escapeLabel(d.database), value);
            }
        }
    }
    out += QStringLiteral("# HELP lifeboat_health_status Health of the profile: 0 healthy, 1 warning, 2 "
                          "failing.\n# TYPE lifeboat_health_status gauge\n");
    for (const HealthReport &r : reports)
        out += QStringLiteral("lifeboat_health_status{profile=\"%1\"} %2\n")
                   .arg(escapeLabel(r.profileName))
                   .arg(int(r.level));
    return out.toUtf8();
}

Status PrometheusTextfileWriter::write(const QString &path, const QList<HealthReport> &reports)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("alerts.textfile"),
                         QStringLiteral("cannot write the Prometheus textfile %1: %2; check that its folder "
                                        "exists and is writable")
                             .arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                        QFileDevice::ReadOther);
    const QByteArray content = render(reports);
    if (file.write(content) != content.size() || !file.commit())
        return makeError(
            QStringLiteral("alerts.textfile"),
            QStringLiteral("cannot write the Prometheus textfile %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace lifeboat
