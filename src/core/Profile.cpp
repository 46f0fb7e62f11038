#include "core/Profile.h"

#include "core/RetentionPlanner.h"
#include "core/ScheduleRule.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace lifeboat {

namespace {
QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue v : array)
        out << v.toString();
    return out;
}
} // namespace

QString Profile::databasesText() const
{
    return databaseMode == DatabaseMode::All ? QStringLiteral("all databases")
                                             : databases.join(QStringLiteral(", "));
}

bool Profile::isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[\\w][\\w .@+-]{0,62}$"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    return re.match(name).hasMatch() && name.trimmed() == name;
}

QString Profile::slug(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') ||
                           c == QLatin1Char('_') || c == QLatin1Char('-');
        out += plain ? c : QLatin1Char('_');
    }
    if (out.startsWith(QLatin1Char('.')))
        out[0] = QLatin1Char('_');
    return out;
}

QJsonObject Profile::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("name"), name);
    o.insert(QLatin1String("connection"), connection.toJson());
    o.insert(QLatin1String("databaseMode"),
             databaseMode == DatabaseMode::All ? QStringLiteral("all") : QStringLiteral("listed"));
    o.insert(QLatin1String("databases"), toArray(databases));
    o.insert(QLatin1String("include"), toArray(includePatterns));
    o.insert(QLatin1String("exclude"), toArray(excludePatterns));
    o.insert(QLatin1String("destinations"), toArray(destinations));
    o.insert(QLatin1String("zstdLevel"), zstdLevel);
    o.insert(QLatin1String("zstdThreads"), zstdThreads);
    o.insert(QLatin1String("recipients"), toArray(recipients));
    o.insert(QLatin1String("passphrase"), passphrase);
    if (scryptLogN > 0)
        o.insert(QLatin1String("scryptLogN"), scryptLogN);
    o.insert(QLatin1String("globals"), globals);
    o.insert(QLatin1String("verifyAfterBackup"), verifyAfterBackup);
    o.insert(QLatin1String("excludeSchemas"), toArray(excludeSchemas));
    o.insert(QLatin1String("excludeTables"), toArray(excludeTables));
    o.insert(QLatin1String("excludeTableData"), toArray(excludeTableData));
    if (!toolDirectory.isEmpty())
        o.insert(QLatin1String("toolDirectory"), toolDirectory);
    if (!schedule.isEmpty())
        o.insert(QLatin1String("schedule"), schedule);
    o.insert(QLatin1String("scheduleEnabled"), scheduleEnabled);
    o.insert(QLatin1String("catchUpDelayMinutes"), catchUpDelayMinutes);
    o.insert(QLatin1String("onlyOnAcPower"), onlyOnAcPower);
    o.insert(QLatin1String("onlyWhenReachable"), onlyWhenReachable);
    if (staleAfterHours > 0)
        o.insert(QLatin1String("staleAfterHours"), staleAfterHours);
    o.insert(QLatin1String("retention"), retention.toJson());
    o.insert(QLatin1String("alerts"), alerts.toJson());
    return o;
}

Result<Profile> Profile::fromJson(const QJsonObject &o)
{
    Profile p;
    p.name = o.value(QLatin1String("name")).toString();
    p.connection = ConnectionSpec::fromJson(o.value(QLatin1String("connection")).toObject());
    const QString mode = o.value(QLatin1String("databaseMode")).toString(QStringLiteral("listed"));
    if (mode != QLatin1String("all") && mode != QLatin1String("listed"))
        return makeError(
            QStringLiteral("profile.json"),
            QStringLiteral("profile '%1': databaseMode must be \"all\" or \"listed\"").arg(p.name));
    p.databaseMode = mode == QLatin1String("all") ? DatabaseMode::All : DatabaseMode::Listed;
    p.databases = toList(o.value(QLatin1String("databases")));
    p.includePatterns = toList(o.value(QLatin1String("include")));
    p.excludePatterns = toList(o.value(QLatin1String("exclude")));
    p.destinations = toList(o.value(QLatin1String("destinations")));
    p.zstdLevel = o.value(QLatin1String("zstdLevel")).toInt(3);
    p.zstdThreads = o.value(QLatin1String("zstdThreads")).toInt(0);
    p.recipients = toList(o.value(QLatin1String("recipients")));
    p.passphrase = o.value(QLatin1String("passphrase")).toBool(false);
    p.scryptLogN = o.value(QLatin1String("scryptLogN")).toInt(0); // absent in profiles made before it existed
    p.globals = o.value(QLatin1String("globals")).toBool(false);
    p.verifyAfterBackup = o.value(QLatin1String("verifyAfterBackup")).toBool(false);
    p.excludeSchemas = toList(o.value(QLatin1String("excludeSchemas")));
    p.excludeTables = toList(o.value(QLatin1String("excludeTables")));
    p.excludeTableData = toList(o.value(QLatin1String("excludeTableData")));
    p.toolDirectory = o.value(QLatin1String("toolDirectory")).toString();
    p.schedule = o.value(QLatin1String("schedule")).toString();
    p.scheduleEnabled = o.value(QLatin1String("scheduleEnabled")).toBool(true);
    p.catchUpDelayMinutes = o.value(QLatin1String("catchUpDelayMinutes")).toInt(2);
    p.onlyOnAcPower = o.value(QLatin1String("onlyOnAcPower")).toBool(false);
    p.onlyWhenReachable = o.value(QLatin1String("onlyWhenReachable")).toBool(false);
    p.staleAfterHours = o.value(QLatin1String("staleAfterHours")).toInt(0);
    p.retention = RetentionPolicy::fromJson(o.value(QLatin1String("retention")).toObject());
    p.alerts = AlertSettings::fromJson(o.value(QLatin1String("alerts")).toObject());
    return p;
}

Profile::FieldStatus Profile::validate() const
{
    auto fail = [](Field field, const QString &message) {
        return FieldStatus(makeError(QStringLiteral("profile.invalid"), message), field);
    };
    if (!isValidName(name))
        return fail(Field::Name,
                    QStringLiteral("'%1' is not a usable profile name: use 1–63 letters, digits, spaces, "
                                   "'.', '_', '-', '@' or '+', starting with a letter or digit")
                        .arg(name));
    if (databaseMode == DatabaseMode::Listed && databases.isEmpty())
        return fail(Field::Databases,
                    QStringLiteral("profile '%1' names no database: give the database in --db "
                                   "(postgresql://host/DBNAME), with --database, or use --all-databases")
                        .arg(name));
    if (destinations.isEmpty())
        return fail(Field::Destinations,
                    QStringLiteral("profile '%1' has no destination: add one with --dest PATH").arg(name));
    for (const QString &d : destinations) {
        if (d.startsWith(QLatin1String("s3://")))
            continue;
        if (!d.startsWith(QLatin1Char('/')))
            return fail(
                Field::Destinations,
                QStringLiteral("destination '%1' is not an absolute folder path or an s3:// URL").arg(d));
    }
    if (zstdLevel < 1 || zstdLevel > 19)
        return fail(
            Field::Compression,
            QStringLiteral("zstd level %1 is out of range: use 1 (fastest) to 19 (smallest)").arg(zstdLevel));
    if (zstdThreads < 0 || zstdThreads > 64)
        return fail(
            Field::Compression,
            QStringLiteral("zstd threads %1 is out of range: use 0 (automatic) to 64").arg(zstdThreads));
    // age's own decrypter accepts work factors up to 22; below 10 a passphrase is too cheap to guess.
    if (scryptLogN != 0 && (scryptLogN < 10 || scryptLogN > 22))
        return fail(
            Field::Encryption,
            QStringLiteral("scrypt work factor %1 is out of range: use 10 to 22 (log2 N), or 0 for the "
                           "default")
                .arg(scryptLogN));
    if (passphrase && !recipients.isEmpty())
        return fail(Field::Encryption,
                    QStringLiteral("profile '%1' asks for both recipients and a passphrase, but an age file "
                                   "encrypted with a passphrase can have no other recipients: choose one")
                        .arg(name));
    // An X25519 recipient is "age1" and 58 Bech32 characters (32-byte key + checksum).
    static const QRegularExpression recipientShape(
        QStringLiteral("^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$"));
    for (const QString &r : recipients) {
        // Never echo a secret key (pasted instead of its public key) into a message or a log.
        if (r.trimmed().startsWith(QLatin1String("AGE-SECRET-KEY-"), Qt::CaseInsensitive))
            return fail(Field::Recipients,
                        QStringLiteral("a recipient of profile '%1' is an age secret key, not a recipient: "
                                       "give its public key (age-keygen -y key.txt prints it) and keep the "
                                       "secret key private")
                            .arg(name));
        if (!recipientShape.match(r).hasMatch())
            return fail(Field::Recipients,
                        QStringLiteral("'%1' is not an age recipient: recipients look like age1… "
                                       "(age-keygen -y key.txt prints one)")
                            .arg(r));
    }
    if (Status s = RetentionPlanner::validate(retention); !s)
        return fail(Field::Retention, QStringLiteral("profile '%1': %2").arg(name, s.error().message));
    if (!schedule.trimmed().isEmpty()) {
        if (auto rule = ScheduleRule::parse(schedule); !rule)
            return fail(Field::Schedule, QStringLiteral("profile '%1': %2").arg(name, rule.error().message));
    }
    if (catchUpDelayMinutes < 0 || catchUpDelayMinutes > 24 * 60)
        return fail(Field::CatchUpDelay,
                    QStringLiteral("profile '%1': the catch-up delay must be 0 to 1440 minutes").arg(name));
    if (staleAfterHours < 0)
        return fail(
            Field::StaleAfter,
            QStringLiteral("profile '%1': stale-after must be 0 (automatic) or more hours").arg(name));
    return {};
}

} // namespace lifeboat
