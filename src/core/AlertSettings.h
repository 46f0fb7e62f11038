#pragma once

#include <QJsonObject>
#include <QString>

namespace lifeboat {

// Where a profile's alerts go. The webhook URL itself carries tokens, so it lives in the
// keychain (secret kind "webhook"); only its payload format is kept here.
struct AlertSettings
{
    // Payload of the webhook: "generic" (JSON POST), "slack", "discord", "teams", "mattermost",
    // or "healthchecks" (success/fail pings to the URL and URL/fail).
    QString webhookFormat = QStringLiteral("generic");
    bool desktop = true;        // desktop notifications while the app runs
    int reminderHours = 24;     // repeat an unresolved alert after this many hours (0 = never)
    QString prometheusTextfile; // node_exporter textfile to write metrics to (empty = none)

    bool operator==(const AlertSettings &) const = default;

    QJsonObject toJson() const;
    static AlertSettings fromJson(const QJsonObject &json);
};

} // namespace lifeboat
