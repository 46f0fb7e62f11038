#include "cli/commands/DestCommand.h"

#include "cli/CliContext.h"
#include "cli/CliOutput.h"
#include "core/Catalog.h"
#include "engine/secrets/ProfileSecrets.h"
#include "engine/storage/DestinationCheck.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>

namespace lifeboat::cli {

QString DestCommand::name() const
{
    return QStringLiteral("dest");
}

QString DestCommand::summary() const
{
    return QStringLiteral("check that an S3 destination is reachable, writable and readable");
}

QString DestCommand::usage() const
{
    return QStringLiteral(
        "  dest test URL                   check an s3:// destination: reachable, credentials, "
        "write/read/delete\n"
        "                                  of a probe object, clock skew\n"
        "  dest test [URL] --profile NAME  the same with the profile's S3 secret from the keychain; without\n"
        "                                  URL, each s3:// destination of the profile\n");
}

// dest test URL | dest test [URL] --profile NAME (the profile's S3 secret from the keychain; without a
// URL, every s3:// destination of the profile).
int DestCommand::run(CliContext &context, const QStringList &args)
{
    if (args.isEmpty() || args.first() != QLatin1String("test"))
        return context.usage(QStringLiteral("dest needs: test URL, or test [URL] --profile NAME"));
    QString spec;
    QString profileName;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--profile") && i + 1 < args.size())
            profileName = args.at(++i);
        else if (spec.isEmpty() && !args.at(i).startsWith(QLatin1String("--")))
            spec = args.at(i);
        else
            return context.usage(QStringLiteral("dest needs: test URL, or test [URL] --profile NAME"));
    }
    if (spec.isEmpty() && profileName.isEmpty())
        return context.usage(QStringLiteral("dest test needs an s3:// URL or --profile NAME"));
    if (!spec.isEmpty() && !spec.startsWith(QLatin1String("s3://")))
        return context.usage(QStringLiteral("dest test checks S3 destinations: give an s3:// URL"));
    QStringList specs{spec};
    QByteArray secret;
    auto wipe = qScopeGuard([&secret] { secret.fill('\0'); });
    if (!profileName.isEmpty()) {
        if (Status s = profileDestinations(context, profileName, &specs, &secret); !s)
            return context.fail(s.error());
    }
    return check(context, specs, secret);
}

Status DestCommand::profileDestinations(CliContext &context, const QString &profileName, QStringList *specs,
                                        QByteArray *secret)
{
    if (Status s = context.openCatalog(); !s)
        return s;
    auto profile = context.catalog().profile(profileName);
    if (!profile)
        return profile.error();
    if (specs->first().isEmpty()) {
        specs->clear();
        for (const QString &d : profile->destinations) {
            if (d.startsWith(QLatin1String("s3://")))
                *specs << d;
        }
        if (specs->isEmpty())
            return makeError(
                QStringLiteral("dest.invalid"),
                QStringLiteral("profile '%1' has no s3:// destination to test: give a URL").arg(profileName));
    }
    ProfileSecrets secrets(*context.secretStore(), context.catalog());
    auto stored = secrets.storedS3Secret(profileName);
    if (!stored)
        return stored.error();
    *secret = *stored;
    return {};
}

int DestCommand::check(CliContext &context, const QStringList &specs, const QByteArray &secret)
{
    QJsonArray reports;
    for (const QString &s : specs) {
        auto report = DestinationCheck::run(s, secret);
        if (!report)
            return context.fail(report.error());
        if (context.json()) {
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
    if (context.json())
        context.printJson(reports.size() == 1 ? QJsonValue(reports.first()) : QJsonValue(reports));
    return 0;
}

} // namespace lifeboat::cli
