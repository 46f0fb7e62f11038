#include "cli/ProfileOptions.h"

#include "cli/CliArguments.h"
#include "core/Profile.h"
#include "core/ScheduleRule.h"
#include "engine/crypto/AgeRecipient.h"
#include "engine/crypto/AgeScrypt.h"
#include "engine/pg/ConnectionParser.h"

#include <QDir>

#include <functional>
#include <utility>

namespace lifeboat::cli {

namespace {

Error usageError(const QString &message)
{
    return makeError(QStringLiteral("cli.usage"), message);
}

// An option given on the command line: its values (one for most), and whether it is `profile edit`.
struct Given
{
    const CliArguments &parser;
    QString name;
    bool editing;

    QString value() const { return parser.value(name); }
    QStringList values() const { return parser.values(name); }
};

// One option of the table: applied to the profile when it is given, in the table's order. A step
// without a name is always applied.
struct ProfileOption
{
    const char *name;
    bool takesValue;
    std::function<Status(const Given &, Profile &)> apply;
};

// A flag that sets a bool of the profile (`on`: --globals true, --no-globals false).
ProfileOption flag(const char *name, bool Profile::*field, bool on)
{
    return {name, false, [field, on](const Given &, Profile &p) -> Status {
                p.*field = on;
                return {};
            }};
}

// A number within [min, max] (a usage error otherwise), stored through `field`.
ProfileOption number(const char *name, int min, int max, std::function<int &(Profile &)> field)
{
    return {name, true, [min, max, field](const Given &g, Profile &p) -> Status {
                auto v = g.parser.intValue(g.name, min, max);
                if (!v)
                    return v.error();
                field(p) = *v;
                return {};
            }};
}

ProfileOption keep(const char *name, int RetentionPolicy::*field)
{
    return number(name, 0, 100000, [field](Profile &p) -> int & { return p.retention.*field; });
}

QString absolutePath(const QString &path)
{
    return QDir::cleanPath(QDir::current().absoluteFilePath(path));
}

Status applyDb(const Given &g, Profile &p)
{
    auto spec = ConnectionParser::parse(g.value());
    if (!spec)
        return spec.error();
    p.connection = *spec;
    return {};
}

Status applyPatterns(const Given &g, Profile &p, QStringList Profile::*field)
{
    if (p.databaseMode != Profile::DatabaseMode::All)
        return usageError(QStringLiteral("--include and --exclude go with --all-databases"));
    p.*field = g.values();
    return {};
}

Status applyRecipients(const Given &g, Profile &p)
{
    p.recipients.clear();
    for (const QString &r : g.values()) {
        auto recipient = AgeRecipient::parse(r.trimmed());
        if (!recipient)
            return recipient.error();
        p.recipients << recipient->toString();
    }
    return {};
}

Status applyWebhookFormat(const Given &g, Profile &p)
{
    static const char *const formats[] = {"generic", "slack",      "discord",
                                          "teams",   "mattermost", "healthchecks"};
    const QString format = g.value().toLower();
    bool known = false;
    for (const char *f : formats)
        known = known || format == QLatin1String(f);
    if (!known)
        return usageError(QStringLiteral("--webhook-format takes generic, slack, discord, teams, mattermost "
                                         "or healthchecks, not '%1'")
                              .arg(g.value()));
    p.alerts.webhookFormat = format;
    return {};
}

// Connection, databases, destinations and encryption.
void addDumpOptions(QList<ProfileOption> &t)
{
    t.append({"db", true, applyDb});
    t.append({"all-databases", false, [](const Given &, Profile &p) -> Status {
                  p.databaseMode = Profile::DatabaseMode::All;
                  p.databases.clear();
                  return {};
              }});
    t.append({"database", true, [](const Given &g, Profile &p) -> Status {
                  p.databaseMode = Profile::DatabaseMode::Listed;
                  p.databases = g.values();
                  p.includePatterns.clear();
                  p.excludePatterns.clear();
                  return {};
              }});
    t.append({"include", true, [](const Given &g, Profile &p) {
                  return applyPatterns(g, p, &Profile::includePatterns);
              }});
    t.append({"exclude", true, [](const Given &g, Profile &p) {
                  return applyPatterns(g, p, &Profile::excludePatterns);
              }});
    t.append({nullptr, false, [](const Given &g, Profile &p) -> Status {
                  // A new profile without --database backs up the database its URI names.
                  if (!g.editing && p.databaseMode == Profile::DatabaseMode::Listed &&
                      p.databases.isEmpty() && !p.connection.dbname.isEmpty())
                      p.databases << p.connection.dbname;
                  return {};
              }});
    t.append({"dest", true, [](const Given &g, Profile &p) -> Status {
                  p.destinations.clear();
                  for (const QString &dest : g.values())
                      p.destinations << (dest.contains(QLatin1String("://")) ? dest : absolutePath(dest));
                  return {};
              }});
    t.append(number("zstd-level", -1000, 1000, [](Profile &p) -> int & { return p.zstdLevel; }));
    t.append(number("zstd-threads", -1000, 1000, [](Profile &p) -> int & { return p.zstdThreads; }));
    t.append({"recipient", true, applyRecipients});
    t.append({"passphrase", false, [](const Given &, Profile &p) -> Status {
                  p.passphrase = true;
                  if (p.recipients.isEmpty() && p.scryptLogN == 0)
                      p.scryptLogN =
                          AgeScrypt::calibrateLogN(1000); // about 1 s per derivation here, chosen once
                  return {};
              }});
}

// What else goes into the dump, and the tools.
void addContentOptions(QList<ProfileOption> &t)
{
    t.append(flag("globals", &Profile::globals, true));
    t.append(flag("no-globals", &Profile::globals, false));
    t.append(flag("verify-after-backup", &Profile::verifyAfterBackup, true));
    t.append(flag("no-verify-after-backup", &Profile::verifyAfterBackup, false));
    const std::pair<const char *, QStringList Profile::*> lists[] = {
        {"exclude-schema", &Profile::excludeSchemas},
        {"exclude-table", &Profile::excludeTables},
        {"exclude-table-data", &Profile::excludeTableData},
    };
    for (const auto &[name, field] : lists) {
        t.append({name, true, [field = field](const Given &g, Profile &p) -> Status {
                      p.*field = g.values();
                      return {};
                  }});
    }
    t.append({"tool-dir", true, [](const Given &g, Profile &p) -> Status {
                  p.toolDirectory = g.value();
                  return {};
              }});
}

// Schedule and its conditions.
void addScheduleOptions(QList<ProfileOption> &t)
{
    t.append({"schedule", true, [](const Given &g, Profile &p) -> Status {
                  auto rule = ScheduleRule::parse(g.value());
                  if (!rule)
                      return rule.error();
                  p.schedule = rule->text();
                  return {};
              }});
    t.append({"no-schedule", false, [](const Given &, Profile &p) -> Status {
                  p.schedule.clear();
                  return {};
              }});
    t.append(flag("enable-schedule", &Profile::scheduleEnabled, true));
    t.append(flag("disable-schedule", &Profile::scheduleEnabled, false));
    t.append(number("catch-up-delay", 0, 1440, [](Profile &p) -> int & { return p.catchUpDelayMinutes; }));
    t.append(flag("only-on-ac", &Profile::onlyOnAcPower, true));
    t.append(flag("no-only-on-ac", &Profile::onlyOnAcPower, false));
    t.append(flag("only-when-reachable", &Profile::onlyWhenReachable, true));
    t.append(flag("no-only-when-reachable", &Profile::onlyWhenReachable, false));
    t.append(number("stale-after", 0, 24 * 366, [](Profile &p) -> int & { return p.staleAfterHours; }));
}

// Retention and alerts.
void addRetentionAndAlertOptions(QList<ProfileOption> &t)
{
    t.append(keep("keep-last", &RetentionPolicy::keepLast));
    t.append(keep("keep-days", &RetentionPolicy::keepDays));
    t.append(keep("keep-hourly", &RetentionPolicy::keepHourly));
    t.append(keep("keep-daily", &RetentionPolicy::keepDaily));
    t.append(keep("keep-weekly", &RetentionPolicy::keepWeekly));
    t.append(keep("keep-monthly", &RetentionPolicy::keepMonthly));
    t.append(keep("keep-yearly", &RetentionPolicy::keepYearly));
    t.append(keep("prune-pause-after", &RetentionPolicy::failureStreakLimit));
    t.append({"webhook-format", true, applyWebhookFormat});
    t.append({"desktop-alerts", false, [](const Given &, Profile &p) -> Status {
                  p.alerts.desktop = true;
                  return {};
              }});
    t.append({"no-desktop-alerts", false, [](const Given &, Profile &p) -> Status {
                  p.alerts.desktop = false;
                  return {};
              }});
    t.append(number("alert-reminder-hours", 0, 24 * 366,
                    [](Profile &p) -> int & { return p.alerts.reminderHours; }));
    t.append({"prometheus-textfile", true, [](const Given &g, Profile &p) -> Status {
                  const QString file = g.value();
                  p.alerts.prometheusTextfile = file.isEmpty() ? QString() : absolutePath(file);
                  return {};
              }});
}

// Every option, in the order they are applied (--db before the databases it names, --recipient
// before --passphrase looks at the recipients).
const QList<ProfileOption> &table()
{
    static const QList<ProfileOption> options = [] {
        QList<ProfileOption> t;
        addDumpOptions(t);
        addContentOptions(t);
        addScheduleOptions(t);
        addRetentionAndAlertOptions(t);
        return t;
    }();
    return options;
}

// Options that cannot be given together.
constexpr std::pair<const char *, const char *> kExclusive[] = {
    {"globals", "no-globals"},
    {"verify-after-backup", "no-verify-after-backup"},
    {"schedule", "no-schedule"},
    {"enable-schedule", "disable-schedule"},
    {"only-on-ac", "no-only-on-ac"},
    {"only-when-reachable", "no-only-when-reachable"},
    {"desktop-alerts", "no-desktop-alerts"},
    {"all-databases", "database"},
};

QStringList names(bool takesValue)
{
    QStringList out;
    for (const ProfileOption &o : table()) {
        if (o.name && o.takesValue == takesValue)
            out << QLatin1String(o.name);
    }
    return out;
}

} // namespace

QStringList ProfileOptions::valueOptions()
{
    return names(true);
}

QStringList ProfileOptions::flagOptions()
{
    return names(false);
}

Status ProfileOptions::apply(const CliArguments &parser, Profile &p, bool editing)
{
    for (const auto &[a, b] : kExclusive) {
        if (parser.isSet(QLatin1String(a)) && parser.isSet(QLatin1String(b)))
            return usageError(
                QStringLiteral("use either --%1 or --%2, not both").arg(QLatin1String(a), QLatin1String(b)));
    }
    for (const ProfileOption &o : table()) {
        const QString name = o.name ? QString::fromLatin1(o.name) : QString();
        if (o.name && !parser.isSet(name))
            continue;
        if (Status s = o.apply(Given{parser, name, editing}, p); !s)
            return s;
    }
    return {};
}

} // namespace lifeboat::cli
