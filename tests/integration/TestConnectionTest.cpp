// ConnectionTest against a real throwaway PostgreSQL cluster: the server version, its databases and
// the pg_dump backups will use with the right password; one sentence, without the password, for a
// wrong one, none at all, and a server that does not answer.

#include "engine/pg/ConnectionParser.h"
#include "engine/profiles/ConnectionTest.h"
#include "support/PgTestCluster.h"

#include <QTest>

using namespace lifeboat;
using lifeboat::test::PgTestCluster;

class TestConnectionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rightPasswordGivesTheServersFacts();
    void wrongPasswordIsOneSentenceWithoutIt();
    void noPasswordSaysSo();
    void serverThatDoesNotAnswerIsUnreachable();

private:
    ConnectionSpec spec(const QString &uri) const;

    PgTestCluster m_pg;
};

void TestConnectionTest::initTestCase()
{
    // The password comes only from what the test hands over: never from the environment.
    for (const char *name : {"PGPASSWORD", "PGPASSFILE", "PGSERVICE", "PGSERVICEFILE"})
        qunsetenv(name);
    qputenv("PGPASSFILE", "/nonexistent/pgpass");
    QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
    QVERIFY(!m_pg.psql(QStringLiteral("CREATE DATABASE shop")).isNull());
}

ConnectionSpec TestConnectionTest::spec(const QString &uri) const
{
    auto parsed = ConnectionParser::parse(uri);
    if (!parsed)
        qWarning("%s", qPrintable(parsed.error().message));
    return parsed ? *parsed : ConnectionSpec();
}

void TestConnectionTest::rightPasswordGivesTheServersFacts()
{
    const auto facts = ConnectionTest::run(spec(m_pg.uri(QStringLiteral("postgres"))),
                                           m_pg.password().toUtf8(), m_pg.binDir());
    QVERIFY2(facts.ok(), facts.ok() ? "" : qPrintable(facts.error().message));
    QVERIFY2(facts->serverVersion.startsWith(QString::number(m_pg.majorVersion()) + QLatin1Char('.')),
             qPrintable(facts->serverVersion));
    QVERIFY2(facts->databases.contains(QStringLiteral("shop")), qPrintable(facts->databases.join(u',')));
    QVERIFY2(facts->databases.contains(QStringLiteral("postgres")), qPrintable(facts->databases.join(u',')));
    QVERIFY2(facts->pgDump.startsWith(QLatin1String("pg_dump ")), qPrintable(facts->pgDump));
    QVERIFY2(facts->pgDump.endsWith(QLatin1String("/pg_dump)")), qPrintable(facts->pgDump));
}

void TestConnectionTest::wrongPasswordIsOneSentenceWithoutIt()
{
    const auto facts =
        ConnectionTest::run(spec(m_pg.uri()), QByteArrayLiteral("not-the-password-7731"), QString());
    QVERIFY(!facts.ok());
    QCOMPARE(facts.error().code, QStringLiteral("pg.auth"));
    QVERIFY(!facts.error().message.contains(QLatin1String("not-the-password-7731")));
    QVERIFY(!facts.error().message.contains(QLatin1Char('\n')));
}

void TestConnectionTest::noPasswordSaysSo()
{
    const auto facts = ConnectionTest::run(spec(m_pg.uri()), QByteArray(), QString());
    QVERIFY(!facts.ok());
    QCOMPARE(facts.error().code, QStringLiteral("pg.no-password"));
}

void TestConnectionTest::serverThatDoesNotAnswerIsUnreachable()
{
    const QString uri = QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres?connect_timeout=5")
                            .arg(PgTestCluster::freePort());
    const auto facts = ConnectionTest::run(spec(uri), m_pg.password().toUtf8(), QString());
    QVERIFY(!facts.ok());
    QCOMPARE(facts.error().code, QStringLiteral("pg.unreachable"));
}

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "TestConnectionTest.moc"
