// lifeboat-cli dest test URL: is an S3 destination usable? See DestinationCheck (the app's Test
// button runs the same check): reachable, credentials right, probe object round trip, clocks agree.

#include "cli/Cli.h"

#include "cli/CliOutput.h"
#include "core/Catalog.h"
#include "engine/secrets/ProfileSecrets.h"
#include "engine/storage/DestinationCheck.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTextStream>

namespace lifeboat {

// dest test URL | dest test [URL] --profile NAME (the profile's S3 secret from the keychain; without a
// URL, every s3:// destination of the profile).
int Cli::cmdDest(const QStringList &args)
{
    if (args.isEmpty() || args.first() != QLatin1String("test"))
        return usage(QStringLiteral("dest needs: test URL, or test [URL] --profile NAME"));
    QString spec;
    QString profileName;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--profile") && i + 1 < args.size())
            profileName = args.at(++i);
        else if (spec.isEmpty() && !args.at(i).startsWith(QLatin1String("--")))
            spec = args.at(i);
        else
            return usage(QStringLiteral("dest needs: test URL, or test [URL] --profile NAME"));
    }
    if (spec.isEmpty() && profileName.isEmpty())
        return usage(QStringLiteral("dest test needs an s3:// URL or --profile NAME"));
    if (!spec.isEmpty() && !spec.startsWith(QLatin1String("s3://")))
        return usage(QStringLiteral("dest test checks S3 destinations: give an s3:// URL"));
    QStringList specs{spec};
    QByteArray secret;
    auto wipe = qScopeGuard([&secret] { secret.fill('\0'); });
    if (!profileName.isEmpty()) {
        if (Status s = openCatalog(); !s)
            return fail(s.error());
        auto profile = m_catalog->profile(profileName);
        if (!profile)
            return fail(profile.error());
        if (spec.isEmpty()) {
            specs.clear();
            for (const QString &d : profile->destinations) {
                if (d.startsWith(QLatin1String("s3://")))
                    specs << d;
            }
            if (specs.isEmpty())
                return fail(
                    makeError(QStringLiteral("dest.invalid"),
                              QStringLiteral("profile '%1' has no s3:// destination to test: give a URL")
                                  .arg(profileName)));
        }
        ProfileSecrets secrets(*secretStore(), *m_catalog);
        auto stored = secrets.storedS3Secret(profileName);
        if (!stored)
            return fail(stored.error());
        secret = *stored;
    }
    QJsonArray reports;
    for (const QString &s : std::as_const(specs)) {
        auto report = DestinationCheck::run(s, secret);
        if (!report)
            return fail(report.error());
        if (m_json) {
            QJsonObject o;
            o.insert(QLatin1String("destination"), report->destination);
            o.insert(QLatin1String("objects"), report->objects);
            o.insert(QLatin1String("clockSkewSeconds"), report->clockSkewSeconds);
            o.insert(QLatin1String("ok"), true);
            reports.append(o);
        } else {
            cliOut() << report->summary << Qt::endl;
        }
    }
    if (m_json)
        printJson(reports.size() == 1 ? QJsonValue(reports.first()) : QJsonValue(reports));
    return 0;
}

} // namespace lifeboat
