#include "core/NamePattern.h"

#include <QTest>

using namespace lifeboat;

class TestNamePattern : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void unicode_data();
    void unicode();
    void invalidRange();
    void patternIsKept();
    void filter_data();
    void filter();
};

void TestNamePattern::matches_data()
{
    QTest::addColumn<QString>("glob");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("expected");

    auto row = [](const char *tag, const char *glob, const char *name, bool expected) {
        QTest::newRow(tag) << QString::fromUtf8(glob) << QString::fromUtf8(name) << expected;
    };

    // Plain names match only themselves, whole and case-sensitively.
    row("literal", "shop", "shop", true);
    row("literal prefix only", "shop", "shop2", false);
    row("literal suffix only", "shop", "myshop", false);
    row("literal case", "shop", "Shop", false);
    row("empty glob, empty name", "", "", true);
    row("empty glob, name", "", "shop", false);

    // `*` is any run, including none.
    row("star alone, name", "*", "anything", true);
    row("star alone, empty", "*", "", true);
    row("star suffix", "shop_*", "shop_2024", true);
    row("star suffix, empty run", "shop_*", "shop_", true);
    row("star suffix, no match", "shop_*", "shop", false);
    row("star prefix", "*_test", "orders_test", true);
    row("star prefix, no match", "*_test", "orders_test2", false);
    row("star middle", "a*z", "abcz", true);
    row("star middle, anchored", "a*z", "abcza", false);
    row("two stars", "*shop*", "myshop_eu", true);
    row("star crosses newline", "a*b", "a\nb", true);

    // `?` is exactly one character.
    row("question one", "db?", "db1", true);
    row("question none", "db?", "db", false);
    row("question two", "db?", "db12", false);
    row("two questions", "db??", "db12", true);

    // Classes.
    row("set hit", "db[abc]", "dbb", true);
    row("set miss", "db[abc]", "dbd", false);
    row("set is one char", "db[abc]", "dbab", false);
    row("range hit", "log_[a-z]", "log_q", true);
    row("range miss upper", "log_[a-z]", "log_Q", false);
    row("range miss digit", "log_[a-z]", "log_1", false);
    row("digit range", "v[0-9][0-9]", "v42", true);
    row("negated hit", "db[!x]", "dby", true);
    row("negated miss", "db[!x]", "dbx", false);
    row("negated needs a char", "db[!x]", "db", false);
    row("negated range", "[!a-c]*", "dz", true);
    row("negated range miss", "[!a-c]*", "bz", false);
    row("close bracket first is literal", "[]a]", "]", true);
    row("close bracket first, other", "[]a]", "a", true);
    row("close bracket first, miss", "[]a]", "b", false);
    row("dot inside class is literal", "a[.]b", "a.b", true);
    row("dot inside class not any", "a[.]b", "axb", false);
    row("backslash inside class", "a[\\]b", "a\\b", true);
    row("backslash inside class, miss", "a[\\]b", "ab", false);
    row("unclosed bracket is literal", "db[", "db[", true);
    row("unclosed bracket, no class", "db[a", "dba", false);
    row("unclosed bracket, literal rest", "db[a", "db[a", true);
    row("empty brackets literal", "[]", "[]", true);

    // Regular-expression metacharacters are literal.
    row("dot literal", "a.b", "a.b", true);
    row("dot not any", "a.b", "axb", false);
    row("plus literal", "a+", "a+", true);
    row("plus not repeat", "a+", "aa", false);
    row("parens literal", "(x)", "(x)", true);
    row("parens not group", "(x)", "x", false);
    row("dollar literal", "price$", "price$", true);
    row("dollar not anchor", "price$", "price", false);
    row("caret literal", "^a", "^a", true);
    row("caret not anchor", "^a", "a", false);
    row("pipe literal", "a|b", "a|b", true);
    row("pipe not alternation", "a|b", "a", false);
    row("braces literal", "a{2}", "a{2}", true);
    row("braces not repeat", "a{2}", "aa", false);
    row("backslash literal", "a\\d", "a\\d", true);
    row("backslash not escape", "a\\d", "a1", false);
    row("star after dot", "v1.*", "v1.2", true);
    row("star after dot, needs dot", "v1.*", "v12", false);
}

void TestNamePattern::matches()
{
    QFETCH(QString, glob);
    QFETCH(QString, name);
    QFETCH(bool, expected);

    const NamePattern pattern(glob);
    QVERIFY2(pattern.isValid(), qPrintable(glob));
    QCOMPARE(pattern.matches(name), expected);
}

void TestNamePattern::unicode_data()
{
    QTest::addColumn<QString>("glob");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("expected");

    auto row = [](const char *tag, const char *glob, const char *name, bool expected) {
        QTest::newRow(tag) << QString::fromUtf8(glob) << QString::fromUtf8(name) << expected;
    };
    row("literal umlauts", "bücher", "bücher", true);
    row("umlaut is not its base letter", "bücher", "bucher", false);
    row("question matches umlaut", "b?cher", "bücher", true);
    row("question matches CJK", "数据?", "数据库", true);
    row("question matches astral char once", "db_?", "db_\xF0\x9F\x98\x80", true);
    row("two questions do not split an astral char", "db_??", "db_\xF0\x9F\x98\x80", false);
    row("star over mixed scripts", "*_日本", "продажи_日本", true);
    row("class of non-ASCII letters", "[äöü]x", "öx", true);
    row("class of non-ASCII letters, miss", "[äöü]x", "ox", false);
    row("negated non-ASCII class", "[!ä]", "a", true);
    row("negated non-ASCII class, miss", "[!ä]", "ä", false);
    row("astral char in class", "[\xF0\x9F\x98\x80x]", "\xF0\x9F\x98\x80", true);
    // Precomposed ü (U+00FC) and u + combining diaeresis are different names to PostgreSQL.
    row("no normalisation", "\xC3\xBC", "u\xCC\x88", false);
    row("case-sensitive non-ASCII", "Ärger", "ärger", false);
}

void TestNamePattern::unicode()
{
    QFETCH(QString, glob);
    QFETCH(QString, name);
    QFETCH(bool, expected);

    const NamePattern pattern(glob);
    QVERIFY2(pattern.isValid(), qPrintable(glob));
    QCOMPARE(pattern.matches(name), expected);
}

void TestNamePattern::invalidRange()
{
    // A reversed range cannot match anything; the pattern says so instead of matching wildly.
    const NamePattern pattern(QStringLiteral("db[z-a]"));
    QVERIFY(!pattern.isValid());
    const QRegularExpression invalidWarning(QStringLiteral("invalid QRegularExpression"));
    QTest::ignoreMessage(QtWarningMsg, invalidWarning);
    QTest::ignoreMessage(QtWarningMsg, invalidWarning);
    QVERIFY(!pattern.matches(QStringLiteral("dbq")));
    QVERIFY(!pattern.matches(QStringLiteral("db[z-a]")));
}

void TestNamePattern::patternIsKept()
{
    const QString glob = QStringLiteral("shop_[!x]*.eu");
    QCOMPARE(NamePattern(glob).pattern(), glob);
}

void TestNamePattern::filter_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("includes");
    QTest::addColumn<QStringList>("excludes");
    QTest::addColumn<QStringList>("expected");

    const QStringList names{QStringLiteral("shop"),     QStringLiteral("shop_test"),
                            QStringLiteral("crm"),      QStringLiteral("crm_archive"),
                            QStringLiteral("postgres"), QStringLiteral("analytics"),
                            QStringLiteral("bücher")};

    QTest::newRow("no patterns keeps all") << names << QStringList() << QStringList() << names;
    QTest::newRow("one include") << names << QStringList{QStringLiteral("shop*")} << QStringList()
                                 << QStringList{QStringLiteral("shop"), QStringLiteral("shop_test")};
    QTest::newRow("includes are alternatives")
        << names << QStringList{QStringLiteral("shop"), QStringLiteral("crm*")} << QStringList()
        << QStringList{QStringLiteral("shop"), QStringLiteral("crm"), QStringLiteral("crm_archive")};
    QTest::newRow("exclude only removes from all")
        << names << QStringList() << QStringList{QStringLiteral("*_test"), QStringLiteral("postgres")}
        << QStringList{QStringLiteral("shop"), QStringLiteral("crm"), QStringLiteral("crm_archive"),
                       QStringLiteral("analytics"), QStringLiteral("bücher")};
    QTest::newRow("exclude wins over include")
        << names << QStringList{QStringLiteral("crm*")} << QStringList{QStringLiteral("*_archive")}
        << QStringList{QStringLiteral("crm")};
    QTest::newRow("include matching nothing")
        << names << QStringList{QStringLiteral("nope*")} << QStringList() << QStringList();
    QTest::newRow("exclude everything")
        << names << QStringList{QStringLiteral("*")} << QStringList{QStringLiteral("*")} << QStringList();
    QTest::newRow("unicode include") << names << QStringList{QStringLiteral("b?cher")} << QStringList()
                                     << QStringList{QStringLiteral("bücher")};
    QTest::newRow("class include, negated exclude")
        << names << QStringList{QStringLiteral("[a-c]*")} << QStringList{QStringLiteral("[!c]*")}
        << QStringList{QStringLiteral("crm"), QStringLiteral("crm_archive")};
    QTest::newRow("order and duplicates are kept")
        << QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("b")}
        << QStringList{QStringLiteral("?")} << QStringList()
        << QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("no names") << QStringList() << QStringList{QStringLiteral("*")} << QStringList()
                              << QStringList();
}

void TestNamePattern::filter()
{
    QFETCH(QStringList, names);
    QFETCH(QStringList, includes);
    QFETCH(QStringList, excludes);
    QFETCH(QStringList, expected);

    QCOMPARE(NamePattern::filter(names, includes, excludes), expected);
}

QTEST_GUILESS_MAIN(TestNamePattern)
#include "TestNamePattern.moc"
