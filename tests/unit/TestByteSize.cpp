// formatMiB: the size format of messages, events and CLI output.

#include "core/ByteSize.h"

#include <QTest>

using namespace lifeboat;

class TestByteSize : public QObject
{
    Q_OBJECT

private slots:
    void format_data();
    void format();
};

void TestByteSize::format_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing") << qint64(0) << QStringLiteral("0 bytes");
    QTest::newRow("one byte") << qint64(1) << QStringLiteral("1 byte");
    QTest::newRow("bytes") << qint64(1023) << QStringLiteral("1023 bytes");
    QTest::newRow("one KiB") << qint64(1024) << QStringLiteral("1.0 KiB");
    QTest::newRow("a manifest") << qint64(11485) << QStringLiteral("11.2 KiB");
    QTest::newRow("just under 0.1 MiB") << qint64(104856) << QStringLiteral("102.4 KiB");
    QTest::newRow("0.1 MiB") << qint64(104857) << QStringLiteral("0.1 MiB");
    QTest::newRow("a dump") << qint64(1061804492) << QStringLiteral("1012.6 MiB");
    QTest::newRow("negative (a shrink)") << qint64(-2048) << QStringLiteral("-2.0 KiB");
}

void TestByteSize::format()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(formatMiB(bytes), expected);
}

QTEST_GUILESS_MAIN(TestByteSize)
#include "TestByteSize.moc"
