#include "engine/pg/ConnectionParser.h"

#include <QTest>

using namespace lifeboat;

class TestConnectionParser : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void connInfoRoundTrip_data();
    void connInfoRoundTrip();
};

void TestConnectionParser::accepted_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("dbname");
    QTest::addColumn<QString>("sslmode");
    QTest::addColumn<QString>("service");

    auto row = [](const char *tag, const char *input, const char *host, const char *port, const char *user,
                  const char *dbname, const char *sslmode, const char *service) {
        QTest::newRow(tag) << QString::fromUtf8(input) << QString::fromUtf8(host) << QString::fromUtf8(port)
                           << QString::fromUtf8(user) << QString::fromUtf8(dbname)
                           << QString::fromUtf8(sslmode) << QString::fromUtf8(service);
    };

    // URIs
    row("full URI", "postgresql://backup@db1.example.org:5433/shop?sslmode=require", "db1.example.org",
        "5433", "backup", "shop", "require", "");
    row("short scheme", "postgres://db1/shop", "db1", "", "", "shop", "", "");
    row("scheme only", "postgresql://", "", "", "", "", "", "");
    row("database only", "postgresql:///shop", "", "", "", "shop", "", "");
    row("user only", "postgresql://alice@", "", "", "alice", "", "", "");
    row("port only", "postgresql://:6000/shop", "", "6000", "", "shop", "", "");
    row("IPv6 host", "postgresql://[::1]:5432/shop", "::1", "5432", "", "shop", "", "");
    row("several hosts", "postgresql://h1:5432,h2:5433/shop", "h1,h2", "5432,5433", "", "shop", "", "");
    row("socket directory", "postgresql://%2Fvar%2Frun%2Fpostgresql/shop", "/var/run/postgresql", "", "",
        "shop", "", "");
    row("socket as query", "postgresql:///shop?host=/tmp", "/tmp", "", "", "shop", "", "");
    row("encoded space in db", "postgresql://db1/my%20shop", "db1", "", "", "my shop", "", "");
    row("encoded umlaut in db", "postgresql://db1/b%C3%BCcher", "db1", "", "", "bücher", "", "");
    row("encoded CJK in db", "postgresql://db1/%E6%97%A5%E6%9C%AC", "db1", "", "", "日本", "", "");
    row("raw umlaut in db", "postgresql://db1/bücher", "db1", "", "", "bücher", "", "");
    row("encoded at in user", "postgresql://us%40er@db1/shop", "db1", "", "us@er", "shop", "", "");
    row("query parameters", "postgresql://db1/shop?user=alice&port=6000&sslmode=verify-full", "db1", "6000",
        "alice", "shop", "verify-full", "");
    row("ignored harmless options", "postgresql://db1/shop?application_name=x&connect_timeout=5", "db1", "",
        "", "shop", "", "");
    row("service in URI", "postgresql:///shop?service=prod", "", "", "", "shop", "", "prod");
    row("surrounding blanks", "  postgresql://db1/shop \n", "db1", "", "", "shop", "", "");

    // Keyword/value strings
    row("keywords", "host=db1 port=5433 user=backup dbname=shop sslmode=verify-full", "db1", "5433", "backup",
        "shop", "verify-full", "");
    row("keywords with blanks around =", "host = db1   dbname = shop", "db1", "", "", "shop", "", "");
    row("quoted value with space", "host=db1 dbname='my shop'", "db1", "", "", "my shop", "", "");
    row("escaped quote", "dbname='it\\'s'", "", "", "", "it's", "", "");
    row("escaped backslash", "dbname='a\\\\b'", "", "", "", "a\\b", "", "");
    row("unicode value", "dbname=bücher user=jürgen", "", "", "jürgen", "bücher", "", "");
    row("hostaddr", "hostaddr=10.0.0.5 dbname=shop", "10.0.0.5", "", "", "shop", "", "");
    row("host wins over hostaddr", "host=db1 hostaddr=10.0.0.5", "db1", "", "", "", "", "");
    row("service keyword", "service=prod dbname=shop", "", "", "", "shop", "", "prod");

    // Bare pg_service.conf service names
    row("bare service", "prod", "", "", "", "", "", "prod");
    row("bare service with punctuation", "prod-eu_1.main", "", "", "", "", "", "prod-eu_1.main");
    row("bare unicode service", "produktion-ü", "", "", "", "", "", "produktion-ü");
    row("bare service with blanks around", "  prod  ", "", "", "", "", "", "prod");
}

void TestConnectionParser::accepted()
{
    QFETCH(QString, input);
    QFETCH(QString, host);
    QFETCH(QString, port);
    QFETCH(QString, user);
    QFETCH(QString, dbname);
    QFETCH(QString, sslmode);
    QFETCH(QString, service);

    const Result<ConnectionSpec> spec = ConnectionParser::parse(input);
    QVERIFY2(spec.ok(),
             qPrintable(spec.ok() ? QString() : spec.error().code + QLatin1Char(' ') + spec.error().message));
    QCOMPARE(spec->host, host);
    QCOMPARE(spec->port, port);
    QCOMPARE(spec->user, user);
    QCOMPARE(spec->dbname, dbname);
    QCOMPARE(spec->sslmode, sslmode);
    QCOMPARE(spec->service, service);
}

void TestConnectionParser::refused_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mustContain");
    QTest::addColumn<QString>("secret"); // must never appear in the message

    auto row = [](const char *tag, const char *input, const char *code, const char *mustContain,
                  const char *secret) {
        QTest::newRow(tag) << QString::fromUtf8(input) << QString::fromUtf8(code)
                           << QString::fromUtf8(mustContain) << QString::fromUtf8(secret);
    };

    row("empty", "", "conn.empty", "no connection given", "");
    row("blank", "  \t ", "conn.empty", "no connection given", "");

    // Passwords are refused, and never repeated.
    row("password in URI", "postgresql://postgres:hunter2@db1/shop", "conn.password", "contains a password",
        "hunter2");
    row("password in URI query", "postgresql://db1/shop?password=hunter2", "conn.password", "~/.pgpass",
        "hunter2");
    row("password keyword", "host=db1 password=hunter2 dbname=shop", "conn.password", "contains a password",
        "hunter2");
    row("quoted password keyword", "host=db1 password='hunter2 x'", "conn.password", "contains a password",
        "hunter2");
    row("password and unsupported option", "host=db1 password=hunter2 options=-cfoo=1", "conn.password",
        "contains a password", "hunter2");
    row("password in broken URI", "postgresql://postgres:hunter2@db1/sh%zzop", "conn.invalid", "not valid",
        "hunter2");
    row("badly encoded password", "postgresql://postgres:hunter%zz2@db1/shop", "conn.invalid", "not valid",
        "hunter");
    row("password and a bad keyword", "password=hunter2 bogus=1", "conn.invalid", "not valid", "hunter2");
    row("password with unterminated quote", "host=db1 password='hunter2", "conn.invalid", "not valid",
        "hunter2");

    // Options Lifeboat does not keep.
    row("options keyword", "host=db1 options=-csearch_path=x", "conn.unsupported", "options", "");
    row("URI option", "postgresql://db1/shop?target_session_attrs=read-write", "conn.unsupported",
        "target_session_attrs", "");
    row("several options", "host=db1 sslcert=/a.crt sslkey=/a.key", "conn.unsupported", "sslcert, sslkey",
        "");
    row("passfile", "host=db1 passfile=/tmp/pass", "conn.unsupported", "passfile", "");

    // Garbage.
    row("unknown keyword", "host=db1 bogus=1", "conn.invalid", "not valid", "");
    row("missing value", "host=db1 dbname", "conn.invalid", "not valid", "");
    row("unterminated quote", "host='db1", "conn.invalid", "not valid", "");
    row("bad percent encoding", "postgresql://db1/shop%zz", "conn.invalid", "not valid", "");
    row("unclosed IPv6 bracket", "postgresql://[::1/shop", "conn.invalid", "not valid", "");
    row("query without value", "postgresql://db1/shop?sslmode", "conn.invalid", "not valid", "");
    row("unknown URI parameter", "postgresql://db1/shop?bogus=1", "conn.invalid", "not valid", "");
    row("other scheme", "mysql://db1/shop", "conn.invalid", "postgresql://", "");
    row("other scheme with password", "mysql://root:hunter2@db1/shop", "conn.invalid", "postgresql://",
        "hunter2");
    row("http URL", "https://db1.example.org/", "conn.invalid", "postgresql://", "");
    row("words", "host db1 dbname shop", "conn.invalid", "postgresql://", "");
    row("a path", "/var/run/postgresql", "conn.invalid", "postgresql://", "");
    row("quote in service name", "o'neil", "conn.invalid", "postgresql://", "");
    row("backslash in service name", "a\\b", "conn.invalid", "postgresql://", "");
}

void TestConnectionParser::refused()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, mustContain);
    QFETCH(QString, secret);

    const Result<ConnectionSpec> spec = ConnectionParser::parse(input);
    QVERIFY2(!spec.ok(), qPrintable(spec.ok() ? QStringLiteral("accepted: host=%1 db=%2 service=%3")
                                                    .arg(spec->host, spec->dbname, spec->service)
                                              : QString()));
    const Error &error = spec.error();
    QVERIFY2(error.code == code, qPrintable(error.code + QLatin1Char(' ') + error.message));
    QVERIFY2(error.message.contains(mustContain), qPrintable(error.message));
    // One sentence.
    QVERIFY2(!error.message.contains(QLatin1Char('\n')), qPrintable(error.message));
    QVERIFY(!error.message.endsWith(QLatin1String("()")));
    if (!secret.isEmpty())
        QVERIFY2(!error.message.contains(secret), qPrintable(error.message));
}

void TestConnectionParser::connInfoRoundTrip_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("URI") << QStringLiteral("postgresql://backup@db1:5433/shop?sslmode=require");
    QTest::newRow("quotes and backslashes") << QStringLiteral("dbname='it\\'s a \\\\ db' user='o\\'neil'");
    QTest::newRow("unicode and spaces") << QStringLiteral("postgresql://db1/b%C3%BCcher%20und%20mehr");
    QTest::newRow("service") << QStringLiteral("prod");
}

void TestConnectionParser::connInfoRoundTrip()
{
    // What the parser returns must survive ConnectionSpec::toConnInfo (given to pg_dump --dbname)
    // and come back the same through libpq's parser.
    QFETCH(QString, input);
    const Result<ConnectionSpec> spec = ConnectionParser::parse(input);
    QVERIFY(spec.ok());
    const QString connInfo = spec->toConnInfo();
    QVERIFY(connInfo.contains(QLatin1String("application_name='lifeboat'")));
    const Result<ConnectionSpec> back = ConnectionParser::parse(connInfo);
    QVERIFY2(back.ok(), qPrintable(connInfo));
    QCOMPARE(*back, *spec);
    const Result<ConnectionSpec> other =
        ConnectionParser::parse(spec->toConnInfo(QStringLiteral("other db")));
    QVERIFY(other.ok());
    QCOMPARE(other->dbname, QStringLiteral("other db"));
    QCOMPARE(other->host, spec->host);
}

QTEST_GUILESS_MAIN(TestConnectionParser)
#include "TestConnectionParser.moc"
