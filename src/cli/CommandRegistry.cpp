#include "cli/CommandRegistry.h"

#include "cli/commands/AlertsCommand.h"
#include "cli/commands/BackupCommand.h"
#include "cli/commands/DestCommand.h"
#include "cli/commands/HelpCommand.h"
#include "cli/commands/KeyCommand.h"
#include "cli/commands/ListCommand.h"
#include "cli/commands/ProfileCommand.h"
#include "cli/commands/PruneCommand.h"
#include "cli/commands/RestoreCommand.h"
#include "cli/commands/RunDueCommand.h"
#include "cli/commands/RunbookCommand.h"
#include "cli/commands/ScheduleCommand.h"
#include "cli/commands/SecretCommand.h"
#include "cli/commands/StatusCommand.h"
#include "cli/commands/VerifyCommand.h"

namespace lifeboat::cli {

namespace {

const char kIntro[] = "lifeboat-cli — back up PostgreSQL databases and prove that they restore\n"
                      "\n"
                      "Usage: lifeboat-cli [--config-dir DIR] [--json] COMMAND ...\n";

const char kOptions[] =
    "Options\n"
    "  --config-dir DIR   keep settings and catalog in DIR (also: LIFEBOAT_CONFIG_DIR)\n"
    "  --json             machine-readable output\n"
    "  --help, --version\n"
    "  COMMAND --help     that command's usage (also: help COMMAND)\n"
    "\n"
    "--db takes a libpq URI (postgresql://user@host:5432/dbname?sslmode=require), a keyword string\n"
    "(host=db1 dbname=shop) or a pg_service.conf service name. Passwords come from the keychain\n"
    "(secret set NAME db-password), else from ~/.pgpass or PGPASSWORD as for psql; Lifeboat never\n"
    "stores them in profiles and never passes them in a command line.\n";

} // namespace

CommandRegistry::CommandRegistry()
{
    const QString profiles = QStringLiteral("Profiles");
    const QString backups = QStringLiteral("Backups");
    const QString schedules = QStringLiteral(
        "Schedules (RULE: hourly@:MM, daily@HH:MM, weekly@mon,thu@HH:MM, monthly@D@HH:MM, or a 5-field\n"
        "cron expression such as '30 2 * * 1-5'; local time; a missed run runs once when the machine is "
        "back)");
    const QString health = QStringLiteral("Health and alerts");
    const QString restore = QStringLiteral("Restore and proof");
    const QString secrets = QStringLiteral(
        "Secrets and keys (kept in the OS keychain only; values are read from stdin, never from arguments)");
    add(profiles, std::make_unique<ProfileCommand>());
    add(backups, std::make_unique<BackupCommand>());
    add(backups, std::make_unique<ListCommand>());
    add(backups, std::make_unique<PruneCommand>());
    add(schedules, std::make_unique<RunDueCommand>());
    add(schedules, std::make_unique<ScheduleCommand>());
    add(health, std::make_unique<StatusCommand>());
    add(health, std::make_unique<AlertsCommand>());
    add(restore, std::make_unique<VerifyCommand>());
    add(restore, std::make_unique<RestoreCommand>());
    add(restore, std::make_unique<RunbookCommand>());
    add(restore, std::make_unique<DestCommand>());
    add(secrets, std::make_unique<SecretCommand>());
    add(secrets, std::make_unique<KeyCommand>());
    add(QString(), std::make_unique<HelpCommand>(*this));
}

CommandRegistry::~CommandRegistry() = default;

void CommandRegistry::add(const QString &section, std::unique_ptr<Command> command)
{
    m_entries.push_back({section, std::move(command)});
}

Command *CommandRegistry::find(const QString &name) const
{
    for (const Entry &e : m_entries) {
        if (e.command->name() == name)
            return e.command.get();
    }
    return nullptr;
}

QList<Command *> CommandRegistry::commands() const
{
    QList<Command *> out;
    for (const Entry &e : m_entries)
        out << e.command.get();
    return out;
}

QString CommandRegistry::usage() const
{
    QString text = QString::fromUtf8(kIntro);
    QString section;
    for (const Entry &e : m_entries) {
        if (e.section.isEmpty())
            continue;
        if (e.section != section) {
            section = e.section;
            text += QLatin1Char('\n') + section + QLatin1Char('\n');
        }
        text += e.command->usage();
    }
    return text + QLatin1Char('\n') + QString::fromUtf8(kOptions);
}

QString CommandRegistry::commandUsage(const Command &command)
{
    return QStringLiteral(
               "lifeboat-cli %1 — %2\n\nUsage: lifeboat-cli [--config-dir DIR] [--json] %1 ...\n\n%3")
        .arg(command.name(), command.summary(), command.usage());
}

} // namespace lifeboat::cli
