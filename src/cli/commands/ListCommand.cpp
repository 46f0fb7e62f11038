#include "cli/commands/ListCommand.h"

#include "cli/CliContext.h"
#include "cli/CliOutput.h"
#include "core/ByteSize.h"
#include "core/Catalog.h"

#include <QJsonArray>
#include <QJsonObject>

namespace lifeboat::cli {

namespace {

// The VERIFIED column of `list`: damaged when the last integrity check proved it, else a test
// restore's outcome when there was one, else the last integrity check's.
QString checkedText(const ArtifactRecord &a)
{
    const auto day = [](const QDateTime &t) {
        return t.isValid() ? QLatin1Char(' ') + t.toString(QStringLiteral("yyyy-MM-dd")) : QString();
    };
    // Every test restore starts with an integrity check, so "damaged" is the newest news.
    if (a.damaged())
        return QStringLiteral("DAMAGED") + day(a.integrityCheckedUtc);
    if (!a.verifyState.isEmpty())
        return a.verifyState + day(a.verifiedUtc);
    if (a.integrityState == QLatin1String("ok"))
        return QStringLiteral("integrity ok") + day(a.integrityCheckedUtc);
    return QStringLiteral("never");
}

QJsonValue utcOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject artifactJson(const ArtifactRecord &a)
{
    QJsonObject o;
    o.insert(QLatin1String("id"), a.id);
    o.insert(QLatin1String("profile"), a.profileName);
    o.insert(QLatin1String("database"), a.database);
    o.insert(QLatin1String("createdUtc"), a.createdUtc.toString(Qt::ISODate));
    o.insert(QLatin1String("dumpBytes"), a.dumpBytes);
    o.insert(QLatin1String("storedBytes"), a.storedBytes);
    o.insert(QLatin1String("sha256"), a.sha256);
    o.insert(QLatin1String("encrypted"), a.encrypted);
    o.insert(QLatin1String("verified"), a.verifyState == QLatin1String("verified"));
    o.insert(QLatin1String("verifyState"), a.verifyState.isEmpty() ? QStringLiteral("never") : a.verifyState);
    o.insert(QLatin1String("verifiedUtc"), utcOrNull(a.verifiedUtc));
    o.insert(QLatin1String("restoreSeconds"), a.restoreSeconds);
    o.insert(QLatin1String("integrityState"),
             a.integrityState.isEmpty() ? QStringLiteral("never") : a.integrityState);
    o.insert(QLatin1String("integrityCheckedUtc"), utcOrNull(a.integrityCheckedUtc));
    if (!a.integrityDetail.isEmpty())
        o.insert(QLatin1String("integrityDetail"), a.integrityDetail);
    QJsonArray locations;
    for (const auto &l : a.locations) {
        QJsonObject j;
        j.insert(QLatin1String("destination"), l.destination);
        j.insert(QLatin1String("object"), l.objectPath);
        j.insert(QLatin1String("manifest"), l.manifestPath);
        locations.append(j);
    }
    o.insert(QLatin1String("locations"), locations);
    return o;
}

void printTable(const QList<ArtifactRecord> &artifacts)
{
    cliOut() << QStringLiteral("%1  %2  %3  %4  %5  %6")
                    .arg(QStringLiteral("ID"), -6)
                    .arg(QStringLiteral("CREATED (UTC)"), -20)
                    .arg(QStringLiteral("DATABASE"), -20)
                    .arg(QStringLiteral("SIZE"), 12)
                    .arg(QStringLiteral("SHA-256"), -64)
                    .arg(QStringLiteral("VERIFIED"))
             << Qt::endl;
    for (const ArtifactRecord &r : artifacts) {
        cliOut() << QStringLiteral("%1  %2  %3  %4  %5  %6")
                        .arg(QString::number(r.id), -6)
                        .arg(r.createdUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), -20)
                        .arg(r.database, -20)
                        .arg(formatMiB(r.storedBytes), 12)
                        .arg(r.sha256, -64)
                        .arg(checkedText(r))
                 << Qt::endl;
    }
    for (const ArtifactRecord &r : artifacts) {
        if (r.damaged())
            cliOut() << "damaged: " << r.integrityDetail << Qt::endl;
    }
}

} // namespace

QString ListCommand::name() const
{
    return QStringLiteral("list");
}

QString ListCommand::summary() const
{
    return QStringLiteral("list a profile's backups and how far each was checked");
}

QString ListCommand::usage() const
{
    return QStringLiteral(
        "  list NAME                       the profile's backups: id, time, database, size, SHA-256, "
        "verified\n"
        "                                  (a test restore's outcome, else \"integrity ok\" or DAMAGED)\n");
}

int ListCommand::run(CliContext &context, const QStringList &args)
{
    if (args.size() != 1)
        return context.usage(QStringLiteral("list needs a profile NAME"));
    if (Status s = context.openCatalog(); !s)
        return context.fail(s.error());
    auto profile = context.catalog().profile(args.first());
    if (!profile)
        return context.fail(profile.error());
    auto artifacts = context.catalog().artifacts(args.first());
    if (!artifacts)
        return context.fail(artifacts.error());
    if (context.json()) {
        QJsonArray a;
        for (const ArtifactRecord &r : *artifacts)
            a.append(artifactJson(r));
        context.printJson(a);
        return 0;
    }
    if (artifacts->isEmpty()) {
        cliOut() << "no backups of '" << args.first() << "' yet: run lifeboat-cli backup " << args.first()
                 << Qt::endl;
        return 0;
    }
    printTable(*artifacts);
    return 0;
}

} // namespace lifeboat::cli
