#include "core/Profile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace lifeboat;

namespace {

const QString Recipient = QStringLiteral("age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryef");
const QString OtherRecipient =
    QStringLiteral("age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p");
const QString SecretKey =
    QStringLiteral("AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0");

// A profile that validates, with every field away from its default.
Profile fullProfile()
{
    Profile p;
    p.name = QStringLiteral("Prod EU@db1+blue");
    p.connection.host = QStringLiteral("db1.example.org");
    p.connection.port = QStringLiteral("6432");
    p.connection.user = QStringLiteral("backup");
    p.connection.dbname = QStringLiteral("postgres");
    p.connection.sslmode = QStringLiteral("verify-full");
    p.connection.service = QStringLiteral("prod");
    p.databaseMode = Profile::DatabaseMode::All;
    p.databases = {QStringLiteral("shop"), QStringLiteral("bücher")};
    p.includePatterns = {QStringLiteral("shop*"), QStringLiteral("crm_[a-z]")};
    p.excludePatterns = {QStringLiteral("*_test")};
    p.destinations = {QStringLiteral("/srv/backups"), QStringLiteral("s3://bucket/prefix")};
    p.zstdLevel = 11;
    p.zstdThreads = 2;
    p.recipients = {Recipient, OtherRecipient};
    p.passphrase = false;
    p.scryptLogN = 18;
    p.globals = true;
    p.excludeSchemas = {QStringLiteral("audit")};
    p.excludeTables = {QStringLiteral("public.sessions"), QStringLiteral("public.\"Big Log\"")};
    p.excludeTableData = {QStringLiteral("public.cache")};
    p.toolDirectory = QStringLiteral("/opt/pg17/bin");
    p.schedule = QStringLiteral("weekly@mon,thu@02:30");
    p.scheduleEnabled = false;
    p.catchUpDelayMinutes = 7;
    p.onlyOnAcPower = true;
    p.onlyWhenReachable = true;
    p.staleAfterHours = 30;
    p.retention.keepLast = 3;
    p.retention.keepDays = 10;
    p.retention.keepHourly = 24;
    p.retention.keepDaily = 7;
    p.retention.keepWeekly = 4;
    p.retention.keepMonthly = 12;
    p.retention.keepYearly = 2;
    p.retention.failureStreakLimit = 3;
    p.alerts.webhookFormat = QStringLiteral("slack");
    p.alerts.desktop = false;
    p.alerts.reminderHours = 6;
    p.alerts.prometheusTextfile = QStringLiteral("/var/lib/node_exporter/lifeboat.prom");
    return p;
}

// A minimal valid profile for the validate() rows to break one rule at a time.
Profile validProfile()
{
    Profile p;
    p.name = QStringLiteral("prod");
    p.databases = {QStringLiteral("shop")};
    p.destinations = {QStringLiteral("/srv/backups")};
    return p;
}

void compareProfiles(const Profile &actual, const Profile &expected)
{
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.connection, expected.connection);
    QCOMPARE(actual.databaseMode, expected.databaseMode);
    QCOMPARE(actual.databases, expected.databases);
    QCOMPARE(actual.includePatterns, expected.includePatterns);
    QCOMPARE(actual.excludePatterns, expected.excludePatterns);
    QCOMPARE(actual.destinations, expected.destinations);
    QCOMPARE(actual.zstdLevel, expected.zstdLevel);
    QCOMPARE(actual.zstdThreads, expected.zstdThreads);
    QCOMPARE(actual.recipients, expected.recipients);
    QCOMPARE(actual.passphrase, expected.passphrase);
    QCOMPARE(actual.scryptLogN, expected.scryptLogN);
    QCOMPARE(actual.globals, expected.globals);
    QCOMPARE(actual.excludeSchemas, expected.excludeSchemas);
    QCOMPARE(actual.excludeTables, expected.excludeTables);
    QCOMPARE(actual.excludeTableData, expected.excludeTableData);
    QCOMPARE(actual.toolDirectory, expected.toolDirectory);
    QCOMPARE(actual.schedule, expected.schedule);
    QCOMPARE(actual.scheduleEnabled, expected.scheduleEnabled);
    QCOMPARE(actual.catchUpDelayMinutes, expected.catchUpDelayMinutes);
    QCOMPARE(actual.onlyOnAcPower, expected.onlyOnAcPower);
    QCOMPARE(actual.onlyWhenReachable, expected.onlyWhenReachable);
    QCOMPARE(actual.staleAfterHours, expected.staleAfterHours);
    QVERIFY(actual.retention == expected.retention);
    QVERIFY(actual.alerts == expected.alerts);
}

} // namespace

class TestProfile : public QObject
{
    Q_OBJECT

private slots:
    void roundTripAllFields();
    void roundTripThroughText();
    void roundTripListedPassphrase();
    void fromJsonDefaults();
    void fromJsonRejectsUnknownMode();
    void jsonHoldsNoSecrets();
    void validate_data();
    void validate();
    void validateReturnsFirstProblem();
    void validateNeverEchoesSecretKey();
    void validateNamesTheField_data();
    void validateNamesTheField();
    void isValidName_data();
    void isValidName();
    void slug_data();
    void slug();
};

void TestProfile::roundTripAllFields()
{
    const Profile original = fullProfile();
    const Result<Profile> back = Profile::fromJson(original.toJson());
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    compareProfiles(*back, original);
    QVERIFY(back->isEncrypted());
}

void TestProfile::roundTripThroughText()
{
    // What the catalog stores: compact JSON text.
    const Profile original = fullProfile();
    const QByteArray text = QJsonDocument(original.toJson()).toJson(QJsonDocument::Compact);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const Result<Profile> back = Profile::fromJson(doc.object());
    QVERIFY(back.ok());
    compareProfiles(*back, original);
    // Same input, same text: the JSON is stable.
    QCOMPARE(QJsonDocument(back->toJson()).toJson(QJsonDocument::Compact), text);
}

void TestProfile::roundTripListedPassphrase()
{
    Profile original = validProfile();
    original.databaseMode = Profile::DatabaseMode::Listed;
    original.databases = {QStringLiteral("a"), QStringLiteral("b c"), QStringLiteral("日本")};
    original.passphrase = true;
    original.zstdLevel = 19;
    original.zstdThreads = 0;
    const Result<Profile> back = Profile::fromJson(original.toJson());
    QVERIFY(back.ok());
    compareProfiles(*back, original);
    QVERIFY(back->isEncrypted());
    QVERIFY(!original.toJson().contains(QLatin1String("toolDirectory")));
}

void TestProfile::fromJsonDefaults()
{
    QJsonObject o;
    o.insert(QLatin1String("name"), QStringLiteral("bare"));
    const Result<Profile> p = Profile::fromJson(o);
    QVERIFY(p.ok());
    const Profile defaults;
    QCOMPARE(p->name, QStringLiteral("bare"));
    QCOMPARE(p->databaseMode, Profile::DatabaseMode::Listed);
    QCOMPARE(p->zstdLevel, defaults.zstdLevel);
    QCOMPARE(p->zstdThreads, defaults.zstdThreads);
    QVERIFY(p->databases.isEmpty());
    QVERIFY(p->destinations.isEmpty());
    QVERIFY(p->recipients.isEmpty());
    QVERIFY(!p->passphrase);
    QVERIFY(!p->globals);
    QVERIFY(!p->isEncrypted());
    QCOMPARE(p->connection, ConnectionSpec());
}

void TestProfile::fromJsonRejectsUnknownMode()
{
    QJsonObject o = validProfile().toJson();
    o.insert(QLatin1String("databaseMode"), QStringLiteral("some"));
    const Result<Profile> p = Profile::fromJson(o);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, QStringLiteral("profile.json"));
    QVERIFY2(p.error().message.contains(QLatin1String("databaseMode")), qPrintable(p.error().message));
    QVERIFY2(p.error().message.contains(QLatin1String("prod")), qPrintable(p.error().message));
}

void TestProfile::jsonHoldsNoSecrets()
{
    Profile p = fullProfile();
    p.recipients = {};
    p.passphrase = true;
    const QByteArray text = QJsonDocument(p.toJson()).toJson();
    QVERIFY(!text.contains("password"));
    QVERIFY(!text.contains("secret"));
    // The passphrase itself lives in the keychain; the profile only says that there is one.
    QCOMPARE(p.toJson().value(QLatin1String("passphrase")).toBool(), true);
}

void TestProfile::validate_data()
{
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<QString>("expected"); // empty: valid; otherwise a part of the message

    auto strings = [](const QStringList &list) {
        return QJsonArray::fromStringList(list);
    };
    auto patch = [](std::initializer_list<std::pair<const char *, QJsonValue>> values) {
        QJsonObject o;
        for (const auto &[key, value] : values)
            o.insert(QLatin1String(key), value);
        return o;
    };

    QTest::newRow("valid") << QJsonObject() << QString();

    // Names
    QTest::newRow("empty name") << patch({{"name", QString()}})
                                << QStringLiteral("is not a usable profile name");
    QTest::newRow("name with slash") << patch({{"name", QStringLiteral("a/b")}})
                                     << QStringLiteral("'a/b' is not a usable profile name");
    QTest::newRow("name with leading space")
        << patch({{"name", QStringLiteral(" prod")}}) << QStringLiteral("is not a usable profile name");
    QTest::newRow("name with trailing space")
        << patch({{"name", QStringLiteral("prod ")}}) << QStringLiteral("is not a usable profile name");
    QTest::newRow("name starting with dash")
        << patch({{"name", QStringLiteral("-prod")}}) << QStringLiteral("is not a usable profile name");
    QTest::newRow("name too long") << patch({{"name", QString(64, QLatin1Char('a'))}})
                                   << QStringLiteral("is not a usable profile name");
    QTest::newRow("name longest") << patch({{"name", QString(63, QLatin1Char('a'))}}) << QString();
    QTest::newRow("name unicode") << patch({{"name", QStringLiteral("Bücher Produktion")}}) << QString();

    // Databases
    QTest::newRow("listed without database")
        << patch({{"databases", strings({})}}) << QStringLiteral("profile 'prod' names no database");
    QTest::newRow("all without database")
        << patch({{"databases", strings({})}, {"databaseMode", QStringLiteral("all")}}) << QString();

    // Destinations
    QTest::newRow("no destination") << patch({{"destinations", strings({})}})
                                    << QStringLiteral("profile 'prod' has no destination");
    QTest::newRow("relative destination")
        << patch({{"destinations", strings({QStringLiteral("backups/pg")})}})
        << QStringLiteral("destination 'backups/pg' is not an absolute folder path");
    QTest::newRow("tilde destination")
        << patch({{"destinations", strings({QStringLiteral("~/backups")})}})
        << QStringLiteral("destination '~/backups' is not an absolute folder path");
    QTest::newRow("second destination relative")
        << patch({{"destinations", strings({QStringLiteral("/srv/a"), QStringLiteral("b")})}})
        << QStringLiteral("destination 'b' is not an absolute folder path");
    QTest::newRow("s3 destination") << patch({{"destinations", strings({QStringLiteral("s3://bucket/x"),
                                                                        QStringLiteral("/srv/a")})}})
                                    << QString();

    // zstd
    QTest::newRow("level 0") << patch({{"zstdLevel", 0}}) << QStringLiteral("zstd level 0 is out of range");
    QTest::newRow("level 1") << patch({{"zstdLevel", 1}}) << QString();
    QTest::newRow("level 19") << patch({{"zstdLevel", 19}}) << QString();
    QTest::newRow("level 20") << patch({{"zstdLevel", 20}})
                              << QStringLiteral("zstd level 20 is out of range");
    QTest::newRow("level negative") << patch({{"zstdLevel", -5}})
                                    << QStringLiteral("zstd level -5 is out of range");
    QTest::newRow("threads negative")
        << patch({{"zstdThreads", -1}}) << QStringLiteral("zstd threads -1 is out of range");
    QTest::newRow("threads 64") << patch({{"zstdThreads", 64}}) << QString();
    QTest::newRow("threads 65") << patch({{"zstdThreads", 65}})
                                << QStringLiteral("zstd threads 65 is out of range");

    // Encryption
    QTest::newRow("passphrase") << patch({{"passphrase", true}}) << QString();
    QTest::newRow("recipient") << patch({{"recipients", strings({Recipient})}}) << QString();
    QTest::newRow("recipients and passphrase")
        << patch({{"recipients", strings({Recipient})}, {"passphrase", true}})
        << QStringLiteral("asks for both recipients and a passphrase");
    QTest::newRow("ssh key recipient")
        << patch({{"recipients", strings({QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG")})}})
        << QStringLiteral("'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG' is not an age recipient");
    QTest::newRow("second recipient bad")
        << patch({{"recipients", strings({Recipient, QStringLiteral("bob@example.org")})}})
        << QStringLiteral("'bob@example.org' is not an age recipient");
    QTest::newRow("bare prefix") << patch({{"recipients", strings({QStringLiteral("age1")})}})
                                 << QStringLiteral("'age1' is not an age recipient");
    QTest::newRow("truncated recipient") << patch({{"recipients", strings({Recipient.chopped(1)})}})
                                         << QStringLiteral("is not an age recipient");
    QTest::newRow("recipient with non-Bech32 char")
        << patch({{"recipients", strings({Recipient.left(10) + QLatin1Char('b') + Recipient.mid(11)})}})
        << QStringLiteral("is not an age recipient");
    QTest::newRow("secret key as recipient") << patch({{"recipients", strings({SecretKey})}})
                                             << QStringLiteral("is an age secret key, not a recipient");
}

void TestProfile::validate()
{
    QFETCH(QJsonObject, patch);
    QFETCH(QString, expected);

    QJsonObject json = validProfile().toJson();
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it)
        json.insert(it.key(), it.value());
    const Result<Profile> profile = Profile::fromJson(json);
    QVERIFY(profile.ok());
    const Status status = profile->validate();
    if (expected.isEmpty()) {
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        return;
    }
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, QStringLiteral("profile.invalid"));
    QVERIFY2(status.error().message.contains(expected), qPrintable(status.error().message));
    // One sentence for the user: no line breaks.
    QVERIFY(!status.error().message.contains(QLatin1Char('\n')));
}

void TestProfile::validateReturnsFirstProblem()
{
    Profile p;
    p.name = QStringLiteral("a/b");
    p.zstdLevel = 99;
    const Status s = p.validate();
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains(QLatin1String("not a usable profile name")),
             qPrintable(s.error().message));
    QVERIFY(!s.error().message.contains(QLatin1String("zstd")));
}

void TestProfile::validateNeverEchoesSecretKey()
{
    for (const QString &secret :
         QStringList{SecretKey, SecretKey.toLower(), QStringLiteral(" ") + SecretKey}) {
        Profile p = validProfile();
        p.recipients = {secret};
        const Status s = p.validate();
        QVERIFY(!s.ok());
        QVERIFY2(!s.error().message.contains(secret.trimmed().mid(15, 20), Qt::CaseInsensitive),
                 "the secret key was echoed into the message");
    }
}

void TestProfile::validateNamesTheField_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<Profile::Field>("field");

    // The names hold the words a form once searched sentences for ("schedule", "keep",
    // "recipient", "destination", "database"): the field comes from the rule that failed.
    auto valid = [] {
        Profile p = validProfile();
        p.name = QStringLiteral("keep schedule recipient destination database");
        return p;
    };
    QTest::newRow("valid") << valid() << Profile::Field::None;
    Profile p = valid();
    p.name = QStringLiteral("a/b schedule");
    QTest::newRow("name") << p << Profile::Field::Name;
    p = valid();
    p.databases.clear();
    QTest::newRow("databases") << p << Profile::Field::Databases;
    p = valid();
    p.destinations = {QStringLiteral("relative")};
    QTest::newRow("destinations") << p << Profile::Field::Destinations;
    p = valid();
    p.destinations.clear();
    QTest::newRow("no destination") << p << Profile::Field::Destinations;
    p = valid();
    p.zstdLevel = 20;
    QTest::newRow("zstd level") << p << Profile::Field::Compression;
    p = valid();
    p.zstdThreads = 65;
    QTest::newRow("zstd threads") << p << Profile::Field::Compression;
    p = valid();
    p.scryptLogN = 5;
    QTest::newRow("scrypt") << p << Profile::Field::Encryption;
    p = valid();
    p.passphrase = true;
    p.recipients = {Recipient};
    QTest::newRow("passphrase and recipients") << p << Profile::Field::Encryption;
    p = valid();
    p.recipients = {QStringLiteral("bob@example.org")};
    QTest::newRow("recipient") << p << Profile::Field::Recipients;
    p = valid();
    p.recipients = {SecretKey};
    QTest::newRow("secret key") << p << Profile::Field::Recipients;
    p = valid();
    p.retention.keepDaily = -1;
    QTest::newRow("retention") << p << Profile::Field::Retention;
    p = valid();
    p.schedule = QStringLiteral("whenever");
    QTest::newRow("schedule") << p << Profile::Field::Schedule;
    p = valid();
    p.catchUpDelayMinutes = -1;
    QTest::newRow("catch-up") << p << Profile::Field::CatchUpDelay;
    p = valid();
    p.staleAfterHours = -1;
    QTest::newRow("stale after") << p << Profile::Field::StaleAfter;
}

void TestProfile::validateNamesTheField()
{
    QFETCH(Profile, profile);
    QFETCH(Profile::Field, field);

    const Profile::FieldStatus status = profile.validate();
    QCOMPARE(status.ok(), field == Profile::Field::None);
    QCOMPARE(status.field, field);
    // The same sentence as the plain Status every other caller reads.
    const Status plain = profile.validate();
    QCOMPARE(plain.ok(), status.ok());
    if (!status.ok())
        QCOMPARE(plain.error().message, status.error().message);
}

void TestProfile::isValidName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << QStringLiteral("prod") << true;
    QTest::newRow("one char") << QStringLiteral("a") << true;
    QTest::newRow("digit first") << QStringLiteral("1st") << true;
    QTest::newRow("underscore first") << QStringLiteral("_x") << true;
    QTest::newRow("punctuation") << QStringLiteral("ops@db1+eu-west.2_b") << true;
    QTest::newRow("inner spaces") << QStringLiteral("Prod EU") << true;
    QTest::newRow("unicode letters") << QStringLiteral("Produktion Ü 日本") << true;
    QTest::newRow("63 chars") << QString(63, QLatin1Char('x')) << true;
    QTest::newRow("64 chars") << QString(64, QLatin1Char('x')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space only") << QStringLiteral(" ") << false;
    QTest::newRow("leading space") << QStringLiteral(" prod") << false;
    QTest::newRow("trailing space") << QStringLiteral("prod ") << false;
    QTest::newRow("trailing newline") << QStringLiteral("prod\n") << false;
    QTest::newRow("tab inside") << QStringLiteral("a\tb") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("backslash") << QStringLiteral("a\\b") << false;
    QTest::newRow("dot first") << QStringLiteral(".hidden") << false;
    QTest::newRow("dot dot") << QStringLiteral("..") << false;
    QTest::newRow("dash first") << QStringLiteral("-x") << false;
    QTest::newRow("quote") << QStringLiteral("it's") << false;
    QTest::newRow("colon") << QStringLiteral("a:b") << false;
}

void TestProfile::isValidName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(Profile::isValidName(name), valid);
}

void TestProfile::slug_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QStringLiteral("prod") << QStringLiteral("prod");
    QTest::newRow("kept punctuation") << QStringLiteral("a.b-c_D9") << QStringLiteral("a.b-c_D9");
    QTest::newRow("space") << QStringLiteral("Prod EU") << QStringLiteral("Prod_EU");
    QTest::newRow("at and plus") << QStringLiteral("ops@db1+eu") << QStringLiteral("ops_db1_eu");
    QTest::newRow("slash") << QStringLiteral("a/b") << QStringLiteral("a_b");
    QTest::newRow("umlaut") << QStringLiteral("bücher") << QStringLiteral("b_cher");
    QTest::newRow("CJK") << QStringLiteral("日本") << QStringLiteral("__");
    QTest::newRow("leading dot") << QStringLiteral(".hidden") << QStringLiteral("_hidden");
    QTest::newRow("dot dot") << QStringLiteral("..") << QStringLiteral("_.");
    QTest::newRow("single dot") << QStringLiteral(".") << QStringLiteral("_");
    QTest::newRow("empty") << QString() << QString();
}

void TestProfile::slug()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);

    const QString slug = Profile::slug(name);
    QCOMPARE(slug, expected);
    // Whatever the name, the slug is one safe path component.
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9._-]*$"));
    QVERIFY(safe.match(slug).hasMatch());
    QVERIFY(!slug.startsWith(QLatin1Char('.')));
    QCOMPARE(slug.size(), name.size());
}

QTEST_GUILESS_MAIN(TestProfile)
#include "TestProfile.moc"
