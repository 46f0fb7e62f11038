// lifeboat-cli's help: every command answers `COMMAND --help`, `COMMAND -h` and `help COMMAND` with
// its usage (exit 0, nothing on stderr), and that usage names every option the command's parser
// takes (the man page is made from it); the top-level --help holds every command's usage and lists
// no command this test does not know; an unknown command still fails with exit 2.

#include "support/ProcessRunner.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat::test;

namespace {

struct CommandOptions
{
    const char *name;
    QList<const char *> options; // every --option its parser accepts
};

// What each command's parser accepts (src/cli/commands/*, ProfileOptions): keep in step with them.
QList<CommandOptions> commandTable()
{
    const QList<const char *> profile = {
        // profile add / edit (ProfileOptions)
        "db", "database", "all-databases", "include", "exclude", "dest", "zstd-level", "zstd-threads",
        "recipient", "passphrase", "globals", "no-globals", "verify-after-backup", "no-verify-after-backup",
        "exclude-schema", "exclude-table", "exclude-table-data", "tool-dir", "schedule", "no-schedule",
        "enable-schedule", "disable-schedule", "catch-up-delay", "only-on-ac", "no-only-on-ac",
        "only-when-reachable", "no-only-when-reachable", "stale-after", "keep-last", "keep-days",
        "keep-hourly", "keep-daily", "keep-weekly", "keep-monthly", "keep-yearly", "prune-pause-after",
        "webhook-format", "desktop-alerts", "no-desktop-alerts", "alert-reminder-hours",
        "prometheus-textfile",
        // profile remove
        "force"};
    return {
        {"profile", profile},
        {"backup", {"dry-run"}},
        {"list", {}},
        {"prune", {"dry-run"}},
        {"run-due", {}},
        {"schedule", {"interval", "no-enable"}},
        {"status", {}},
        {"alerts", {}},
        {"verify", {"identity", "target", "restore"}},
        {"restore",
         {"to-db", "target", "schema", "table", "jobs", "identity", "confirm", "no-owner", "data-only",
          "schema-only", "replace"}},
        {"runbook", {"out", "force"}},
        {"dest", {"profile"}},
        {"secret", {}},
        {"key", {"out", "force"}},
        {"help", {}},
    };
}

// "--name" as a whole option: not the start of a longer one (--exclude in --exclude-schema).
bool namesOption(const QString &text, const QString &option)
{
    const QRegularExpression re(QStringLiteral("--%1(?![a-z-])").arg(QRegularExpression::escape(option)));
    return re.match(text).hasMatch();
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void commandHelp_data();
    void commandHelp();
    void helpAfterArguments();
    void topLevelHelpHoldsEveryCommand();
    void unknownCommandFails();

private:
    ProcessResult cli(const QStringList &args) const { return m_run.cli(m_config.path(), args); }

    QTemporaryDir m_config;
    ProcessRunner m_run;
};

void TestCliHelp::initTestCase()
{
    QVERIFY(m_config.isValid());
}

void TestCliHelp::commandHelp_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("options");
    for (const CommandOptions &c : commandTable()) {
        QStringList options;
        for (const char *o : c.options)
            options << QString::fromLatin1(o);
        QTest::newRow(c.name) << QString::fromLatin1(c.name) << options;
    }
}

void TestCliHelp::commandHelp()
{
    QFETCH(QString, command);
    QFETCH(QStringList, options);

    const ProcessResult dashed = cli({command, QStringLiteral("--help")});
    QVERIFY2(dashed.exitCode == 0, qPrintable(dashed.errText()));
    QCOMPARE(dashed.errText(), QString());
    const QString text = dashed.outText();
    QVERIFY2(text.startsWith(QStringLiteral("lifeboat-cli %1 — ").arg(command)), qPrintable(text));
    // Its usage block: lines that start with the command's name, indented as in the top-level help.
    QVERIFY2(text.contains(QStringLiteral("\n  %1").arg(command)), qPrintable(text));
    for (const QString &option : options)
        QVERIFY2(namesOption(text, option),
                 qPrintable(QStringLiteral("%1 --help does not name --%2:\n%3").arg(command, option, text)));

    const ProcessResult shortForm = cli({command, QStringLiteral("-h")});
    QCOMPARE(shortForm.exitCode, 0);
    QCOMPARE(shortForm.outText(), text);
    const ProcessResult helpCommand = cli({QStringLiteral("help"), command});
    QCOMPARE(helpCommand.exitCode, 0);
    QCOMPARE(helpCommand.errText(), QString());
    QCOMPARE(helpCommand.outText(), text);
}

void TestCliHelp::helpAfterArguments()
{
    // --help anywhere after the command: that command's usage, nothing is run.
    const ProcessResult backup =
        cli({QStringLiteral("backup"), QStringLiteral("nosuchprofile"), QStringLiteral("--help")});
    QCOMPARE(backup.exitCode, 0);
    QCOMPARE(backup.outText(), cli({QStringLiteral("help"), QStringLiteral("backup")}).outText());
    const ProcessResult add = cli({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("add"),
                                   QStringLiteral("p"), QStringLiteral("-h")});
    QCOMPARE(add.exitCode, 0);
    QVERIFY(add.outText().startsWith(QStringLiteral("lifeboat-cli profile — ")));
    // Before the command: the top-level help, as before.
    const ProcessResult top = cli({QStringLiteral("--help"), QStringLiteral("backup")});
    QCOMPARE(top.exitCode, 0);
    QVERIFY(top.outText().startsWith(QStringLiteral("lifeboat-cli — back up PostgreSQL databases")));
}

void TestCliHelp::topLevelHelpHoldsEveryCommand()
{
    const ProcessResult top = cli({QStringLiteral("--help")});
    QCOMPARE(top.exitCode, 0);
    const QString text = top.outText();
    QVERIFY(text.startsWith(QStringLiteral("lifeboat-cli — back up PostgreSQL databases")));
    QCOMPARE(cli({QStringLiteral("help")}).outText(), text);
    QCOMPARE(cli({}).outText(), text);

    QSet<QString> known;
    for (const CommandOptions &c : commandTable()) {
        known.insert(QString::fromLatin1(c.name));
        if (qstrcmp(c.name, "help") == 0)
            continue;
        // The command's usage block (after its two header lines) is in the top-level help as it is.
        const QString usage = cli({QString::fromLatin1(c.name), QStringLiteral("--help")}).outText();
        const QString block = usage.section(QStringLiteral("\n\n"), 2);
        QVERIFY2(!block.isEmpty() && text.contains(block), c.name);
    }
    // Every command the top-level help lists is one this test checks.
    static const QRegularExpression commandLine(QStringLiteral("^  ([a-z][a-z-]*) "),
                                                QRegularExpression::MultilineOption);
    for (auto it = commandLine.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        QVERIFY2(known.contains(name),
                 qPrintable(QStringLiteral("the help lists '%1', unknown here").arg(name)));
    }
}

void TestCliHelp::unknownCommandFails()
{
    const QString message =
        QStringLiteral("lifeboat-cli: unknown command 'frobnicate' (see lifeboat-cli --help)\n");
    const ProcessResult unknown = cli({QStringLiteral("frobnicate")});
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(unknown.outText(), QString());
    QCOMPARE(unknown.errText(), message);
    const ProcessResult help = cli({QStringLiteral("help"), QStringLiteral("frobnicate")});
    QCOMPARE(help.exitCode, 2);
    QCOMPARE(help.outText(), QString());
    QCOMPARE(help.errText(), message);
}

QTEST_GUILESS_MAIN(TestCliHelp)
#include "TestCliHelp.moc"
