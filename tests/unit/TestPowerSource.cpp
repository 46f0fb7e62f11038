// "Only on AC power": PowerSource over fake /sys/class/power_supply trees (the layout and values
// the kernel's power_supply class uses).

#include "engine/schedule/PowerSource.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat;

class TestPowerSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onAcPower_data();
    void onAcPower();
    void missingRootCountsAsAc();
};

namespace {
// "AC:Mains:1" → AC/type=Mains, AC/online=1; "BAT0:Battery:Discharging" → BAT0/status=…;
// "hid:Battery:Discharging:Device" adds scope=Device.
void makeSupply(const QString &root, const QString &spec)
{
    const QStringList f = spec.split(QLatin1Char(':'));
    const QString dir = root + QLatin1Char('/') + f.at(0);
    QDir().mkpath(dir);
    auto write = [&dir](const QString &name, const QString &value) {
        QFile file(dir + QLatin1Char('/') + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(value.toLatin1() + '\n');
    };
    write(QStringLiteral("type"), f.at(1));
    if (f.at(1) == QLatin1String("Battery")) {
        write(QStringLiteral("status"), f.at(2));
        if (f.size() > 3)
            write(QStringLiteral("scope"), f.at(3));
    } else {
        write(QStringLiteral("online"), f.at(2));
    }
}
} // namespace

void TestPowerSource::onAcPower_data()
{
    QTest::addColumn<QStringList>("supplies");
    QTest::addColumn<bool>("onAc");
    QTest::newRow("no power-supply information (server)") << QStringList() << true;
    QTest::newRow("laptop plugged in")
        << QStringList{QStringLiteral("AC:Mains:1"), QStringLiteral("BAT0:Battery:Charging")} << true;
    QTest::newRow("laptop plugged in, battery full")
        << QStringList{QStringLiteral("ACAD:Mains:1"), QStringLiteral("BAT0:Battery:Not charging")} << true;
    QTest::newRow("laptop on battery")
        << QStringList{QStringLiteral("AC:Mains:0"), QStringLiteral("BAT0:Battery:Discharging")} << false;
    QTest::newRow("USB-C charger online") << QStringList{QStringLiteral("ucsi-source-psy-USBC000:001:USB:1"),
                                                         QStringLiteral("BAT1:Battery:Discharging")}
                                          << true;
    QTest::newRow("no mains entry, battery discharging")
        << QStringList{QStringLiteral("BAT0:Battery:Discharging")} << false;
    QTest::newRow("no mains entry, battery charging")
        << QStringList{QStringLiteral("BAT0:Battery:Charging")} << true;
    QTest::newRow("desktop: mains offline but no battery")
        << QStringList{QStringLiteral("AC:Mains:0")} << true;
    QTest::newRow("only a mouse battery")
        << QStringList{QStringLiteral("AC:Mains:0"),
                       QStringLiteral("hidpp_battery_0:Battery:Discharging:Device")}
        << true;
}

void TestPowerSource::onAcPower()
{
    QFETCH(QStringList, supplies);
    QFETCH(bool, onAc);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    for (QString spec : supplies) {
        // The USB-C name holds a ':' of its own; join it back.
        if (spec.startsWith(QLatin1String("ucsi-")))
            spec = QStringLiteral("ucsi-source-psy-USBC000-001:USB:1");
        makeSupply(root.path(), spec);
    }
    QCOMPARE(PowerSource::onAcPower(root.path()), onAc);
}

void TestPowerSource::missingRootCountsAsAc()
{
    QTemporaryDir root;
    QVERIFY(PowerSource::onAcPower(root.filePath(QStringLiteral("does-not-exist"))));
}

QTEST_GUILESS_MAIN(TestPowerSource)
#include "TestPowerSource.moc"
