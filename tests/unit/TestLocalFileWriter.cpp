#include "engine/storage/LocalDestination.h"
#include "engine/storage/LocalFileWriter.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace lifeboat;

namespace {

class CollectingSink final : public ByteSink
{
public:
    Status write(const char *data, qint64 size) override
    {
        m_bytes.append(data, size);
        m_largestWrite = qMax(m_largestWrite, size);
        ++m_writes;
        return {};
    }
    Status finish() override
    {
        ++m_finishCalls;
        return {};
    }
    void abort() override { ++m_abortCalls; }

    QByteArray m_bytes;
    qint64 m_largestWrite = 0;
    int m_writes = 0;
    int m_finishCalls = 0;
    int m_abortCalls = 0;
};

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(generator.generate() & 0xff);
    return data;
}

int fileMode(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// Everything in a folder, hidden files included.
QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                               QDir::Name);
}

QString errorText(const Error &e)
{
    return e.code + QLatin1Char(' ') + e.message;
}

// Sets the process umask for a scope (to show modes do not depend on it).
class UmaskGuard
{
public:
    explicit UmaskGuard(mode_t mask)
        : m_old(::umask(mask))
    {}
    ~UmaskGuard() { ::umask(m_old); }

private:
    mode_t m_old;
};

} // namespace

class TestLocalFileWriter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // LocalFileWriter
    void nothingBeforeFinish();
    void finishedFileIsExact_data();
    void finishedFileIsExact();
    void abortRemovesTemporary();
    void destructionRemovesTemporary();
    void neverOverwrites();
    void openInMissingFolder();

    // LocalDestination
    void createFromSpec_data();
    void createFromSpec();
    void checkWritableOk();
    void checkWritableMissing();
    void checkWritableNotAFolder();
    void checkWritableProc();
    void checkWritableFull();
    void openWriterCreatesPrivateFolders();
    void openWriterNeedsRoot();
    void readBack();
    void readIntoMissing();
    void remove();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
};

void TestLocalFileWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = m_dir->path();
}

void TestLocalFileWriter::cleanup()
{
    m_dir.reset();
}

void TestLocalFileWriter::nothingBeforeFinish()
{
    const QString target = m_dir->filePath(QStringLiteral("shop_20260115T120000Z.dump.zst"));
    auto opened = LocalFileWriter::open(target, m_root);
    QVERIFY(opened.ok());
    LocalFileWriter &writer = **opened;
    QCOMPARE(writer.finalPath(), target);

    const QByteArray data = randomBytes(300000, 1);
    for (qsizetype at = 0; at < data.size(); at += 65536) {
        QVERIFY(writer.write(data.constData() + at, qMin<qint64>(65536, data.size() - at)).ok());
        QVERIFY(!QFile::exists(target));
    }
    // Only a hidden partial file, beside the target, and private from the start.
    const QStringList during = entries(m_root);
    QCOMPARE(during.size(), 1);
    QVERIFY2(during.at(0).startsWith(QStringLiteral(".shop_20260115T120000Z.dump.zst") +
                                     QLatin1String(LocalFileWriter::kPartialMarker)),
             qPrintable(during.at(0)));
    QCOMPARE(fileMode(m_dir->filePath(during.at(0))), 0600);
    QCOMPARE(readAll(m_dir->filePath(during.at(0))).size(), data.size());

    const Status finished = writer.finish();
    QVERIFY2(finished.ok(), qPrintable(finished.ok() ? QString() : errorText(finished.error())));
    QCOMPARE(entries(m_root), QStringList{QStringLiteral("shop_20260115T120000Z.dump.zst")});
    QVERIFY(readAll(target) == data);
    QCOMPARE(fileMode(target), 0600);
}

void TestLocalFileWriter::finishedFileIsExact_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("chunk");
    QTest::newRow("empty") << QByteArray() << qint64(1);
    QTest::newRow("one byte") << QByteArray("x") << qint64(1);
    QTest::newRow("odd chunks") << randomBytes(100003, 2) << qint64(4093);
    QTest::newRow("10 MiB whole") << randomBytes(10 * (1 << 20), 3) << qint64(10 * (1 << 20));
}

void TestLocalFileWriter::finishedFileIsExact()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, chunk);

    // A permissive umask must not loosen the file's mode.
    UmaskGuard umask(0);
    const QString target = m_dir->filePath(QStringLiteral("bücher 日本.dump"));
    {
        auto opened = LocalFileWriter::open(target, m_root);
        QVERIFY(opened.ok());
        for (qsizetype at = 0; at < data.size(); at += chunk)
            QVERIFY((*opened)->write(data.constData() + at, qMin<qint64>(chunk, data.size() - at)).ok());
        QVERIFY((*opened)->finish().ok());
    } // destroying a finished writer keeps the file
    QVERIFY(QFile::exists(target));
    QCOMPARE(QFileInfo(target).size(), qint64(data.size()));
    QVERIFY(readAll(target) == data);
    QCOMPARE(fileMode(target), 0600);
    QCOMPARE(entries(m_root).size(), 1);
}

void TestLocalFileWriter::abortRemovesTemporary()
{
    const QString target = m_dir->filePath(QStringLiteral("a.dump"));
    auto opened = LocalFileWriter::open(target, m_root);
    QVERIFY(opened.ok());
    QVERIFY((*opened)->write("partial", 7).ok());
    QCOMPARE(entries(m_root).size(), 1);
    (*opened)->abort();
    QVERIFY(entries(m_root).isEmpty());
    (*opened)->abort(); // twice is harmless
    // A finish after abort cannot resurrect the file.
    QVERIFY(!(*opened)->finish().ok());
    opened->reset();
    QVERIFY(entries(m_root).isEmpty());
}

void TestLocalFileWriter::destructionRemovesTemporary()
{
    const QString target = m_dir->filePath(QStringLiteral("b.dump"));
    {
        auto opened = LocalFileWriter::open(target, m_root);
        QVERIFY(opened.ok());
        QVERIFY((*opened)->write("partial", 7).ok());
        QCOMPARE(entries(m_root).size(), 1);
    }
    QVERIFY(entries(m_root).isEmpty());
    {
        // Through the ByteSink interface, as the pipeline holds it.
        auto opened = LocalFileWriter::open(target, m_root);
        QVERIFY(opened.ok());
        std::unique_ptr<ByteSink> sink = std::move(*opened);
        QVERIFY(sink->write("x", 1).ok());
    }
    QVERIFY(entries(m_root).isEmpty());
}

void TestLocalFileWriter::neverOverwrites()
{
    const QString target = m_dir->filePath(QStringLiteral("shop.dump"));
    QVERIFY(writeFile(target, "original backup"));
    {
        auto opened = LocalFileWriter::open(target, m_root);
        QVERIFY(opened.ok());
        QVERIFY((*opened)->write("new bytes", 9).ok());
        const Status s = (*opened)->finish();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("dest.exists"));
        QVERIFY2(s.error().message.contains(target), qPrintable(s.error().message));
        QVERIFY2(s.error().message.contains(QLatin1String("never overwrites")),
                 qPrintable(s.error().message));
        QCOMPARE(readAll(target), QByteArray("original backup"));
    }
    // The failed writer leaves only the original.
    QCOMPARE(entries(m_root), QStringList{QStringLiteral("shop.dump")});
    QCOMPARE(readAll(target), QByteArray("original backup"));

    // Not even a symlink in the way is replaced (nor what it points to).
    const QString link = m_dir->filePath(QStringLiteral("link.dump"));
    QVERIFY(QFile::link(target, link));
    auto opened = LocalFileWriter::open(link, m_root);
    QVERIFY(opened.ok());
    QVERIFY((*opened)->write("new", 3).ok());
    QCOMPARE((*opened)->finish().error().code, QStringLiteral("dest.exists"));
    QCOMPARE(readAll(target), QByteArray("original backup"));
    QVERIFY(QFileInfo(link).isSymLink());
}

void TestLocalFileWriter::openInMissingFolder()
{
    const QString target = m_dir->filePath(QStringLiteral("not/there/x.dump"));
    auto opened = LocalFileWriter::open(target, m_root);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(m_root), qPrintable(opened.error().message));
    QVERIFY(!QFile::exists(target));
}

void TestLocalFileWriter::createFromSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("code"); // empty: a local destination
    QTest::addColumn<QString>("cleaned");

    QTest::newRow("folder") << QStringLiteral("/srv/backups") << QString() << QStringLiteral("/srv/backups");
    QTest::newRow("trailing slash") << QStringLiteral("/srv/backups/") << QString()
                                    << QStringLiteral("/srv/backups");
    QTest::newRow("dot segments") << QStringLiteral("/srv/./x/../backups") << QString()
                                  << QStringLiteral("/srv/backups");
    QTest::newRow("relative") << QStringLiteral("backups") << QStringLiteral("dest.invalid") << QString();
    QTest::newRow("tilde") << QStringLiteral("~/backups") << QStringLiteral("dest.invalid") << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("dest.invalid") << QString();
}

void TestLocalFileWriter::createFromSpec()
{
    QFETCH(QString, spec);
    QFETCH(QString, code);
    QFETCH(QString, cleaned);

    auto created = Destination::create(spec);
    if (!code.isEmpty()) {
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, code);
        return;
    }
    QVERIFY(created.ok());
    QCOMPARE((*created)->spec(), cleaned);
    QCOMPARE((*created)->describe(), QStringLiteral("folder ") + cleaned);
}

void TestLocalFileWriter::checkWritableOk()
{
    LocalDestination dest(m_root);
    const Status s = dest.checkWritable(1024);
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : errorText(s.error())));
    QVERIFY(entries(m_root).isEmpty()); // the probe file is gone
    QVERIFY(dest.freeBytes() > 0);
    QVERIFY(dest.checkWritable(0).ok());
}

void TestLocalFileWriter::checkWritableMissing()
{
    const QString missing = m_dir->filePath(QStringLiteral("unmounted-drive"));
    LocalDestination dest(missing);
    const Status s = dest.checkWritable(0);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("dest.missing"));
    QVERIFY2(s.error().message.contains(missing), qPrintable(s.error().message));
    QVERIFY(!QFileInfo::exists(missing)); // never created: an unmounted drive must not fill the disk
    QCOMPARE(dest.freeBytes(), -1);
}

void TestLocalFileWriter::checkWritableNotAFolder()
{
    const QString file = m_dir->filePath(QStringLiteral("a-file"));
    QVERIFY(writeFile(file, "x"));
    LocalDestination dest(file);
    const Status s = dest.checkWritable(0);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("dest.invalid"));
    QVERIFY2(s.error().message.contains(QLatin1String("not a folder")), qPrintable(s.error().message));
    auto writer = dest.openWriter(QStringLiteral("x/y.dump"));
    QVERIFY(!writer.ok());
    QCOMPARE(writer.error().code, QStringLiteral("dest.invalid"));
}

void TestLocalFileWriter::checkWritableProc()
{
    LocalDestination dest(QStringLiteral("/proc"));
    const Status s = dest.checkWritable(0);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("dest.denied"));
    QVERIFY2(s.error().message.contains(QLatin1String("cannot write to the destination folder /proc")),
             qPrintable(s.error().message));
}

void TestLocalFileWriter::checkWritableFull()
{
    LocalDestination dest(m_root);
    const qint64 free = dest.freeBytes();
    QVERIFY(free > 0);
    const Status s = dest.checkWritable(free + (qint64(1) << 40));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("dest.full"));
    QVERIFY2(s.error().message.contains(QLatin1String("MiB free")), qPrintable(s.error().message));
    QVERIFY(entries(m_root).isEmpty());
}

void TestLocalFileWriter::openWriterCreatesPrivateFolders()
{
    UmaskGuard umask(022);
    // A folder the user made keeps its mode; Lifeboat's own folders are 0700.
    QVERIFY(QDir(m_root).mkdir(QStringLiteral("prod")));
    QVERIFY(QFile::setPermissions(m_dir->filePath(QStringLiteral("prod")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                      QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    LocalDestination dest(m_root);
    const QString relative = QStringLiteral("prod/shop/deeper/shop_20260115T120000Z.dump.zst");
    auto writer = dest.openWriter(relative);
    QVERIFY2(writer.ok(), qPrintable(writer.ok() ? QString() : errorText(writer.error())));
    QCOMPARE(fileMode(m_dir->filePath(QStringLiteral("prod"))), 0755);
    QCOMPARE(fileMode(m_dir->filePath(QStringLiteral("prod/shop"))), 0700);
    QCOMPARE(fileMode(m_dir->filePath(QStringLiteral("prod/shop/deeper"))), 0700);
    QVERIFY(!dest.exists(relative));
    QVERIFY((*writer)->write("dump", 4).ok());
    QVERIFY((*writer)->finish().ok());
    QVERIFY(dest.exists(relative));
    QCOMPARE(dest.absolutePath(relative), m_root + QLatin1Char('/') + relative);
    QCOMPARE(readAll(dest.absolutePath(relative)), QByteArray("dump"));
    QCOMPARE(fileMode(dest.absolutePath(relative)), 0600);

    // A second writer in the same folders reuses them.
    auto second = dest.openWriter(QStringLiteral("prod/shop/deeper/other.dump"));
    QVERIFY(second.ok());
    (*second)->abort();
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("prod/shop/deeper"))),
             QStringList{QStringLiteral("shop_20260115T120000Z.dump.zst")});
}

void TestLocalFileWriter::openWriterNeedsRoot()
{
    const QString missing = m_dir->filePath(QStringLiteral("unmounted"));
    LocalDestination dest(missing);
    auto writer = dest.openWriter(QStringLiteral("prod/shop/x.dump"));
    QVERIFY(!writer.ok());
    QCOMPARE(writer.error().code, QStringLiteral("dest.missing"));
    QVERIFY(!QFileInfo::exists(missing));
}

void TestLocalFileWriter::readBack()
{
    LocalDestination dest(m_root);
    const QByteArray data = randomBytes(3 * (1 << 20) + 17, 4);
    {
        auto writer = dest.openWriter(QStringLiteral("p/db/x.dump.zst"));
        QVERIFY(writer.ok());
        QVERIFY((*writer)->write(data.constData(), data.size()).ok());
        QVERIFY((*writer)->finish().ok());
    }
    CollectingSink sink;
    const Status s = dest.readInto(QStringLiteral("p/db/x.dump.zst"), &sink);
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : errorText(s.error())));
    QVERIFY(sink.m_bytes == data);
    QCOMPARE(sink.m_finishCalls, 1);
    QCOMPARE(sink.m_abortCalls, 0);
    // Streamed in bounded pieces, not read whole.
    QVERIFY(sink.m_writes >= 4);
    QVERIFY(sink.m_largestWrite <= (1 << 20));

    {
        auto writer = dest.openWriter(QStringLiteral("p/db/x.manifest.json"));
        QVERIFY(writer.ok());
        QVERIFY((*writer)->write("{\"a\":1}", 7).ok());
        QVERIFY((*writer)->finish().ok());
    }
    auto small = dest.readSmall(QStringLiteral("p/db/x.manifest.json"));
    QVERIFY(small.ok());
    QCOMPARE(*small, QByteArray("{\"a\":1}"));
    auto missing = dest.readSmall(QStringLiteral("p/db/nope.json"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("dest.read"));
}

void TestLocalFileWriter::readIntoMissing()
{
    LocalDestination dest(m_root);
    CollectingSink sink;
    const Status s = dest.readInto(QStringLiteral("nope.dump"), &sink);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("dest.read"));
    QVERIFY2(s.error().message.contains(QLatin1String("nope.dump")), qPrintable(s.error().message));
    QCOMPARE(sink.m_finishCalls, 0);
}

void TestLocalFileWriter::remove()
{
    LocalDestination dest(m_root);
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("old.dump")), "x"));
    QVERIFY(dest.exists(QStringLiteral("old.dump")));
    QVERIFY(dest.remove(QStringLiteral("old.dump")).ok());
    QVERIFY(!dest.exists(QStringLiteral("old.dump")));
    QVERIFY(dest.remove(QStringLiteral("old.dump")).ok()); // already gone is fine
    QVERIFY(entries(m_root).isEmpty());
}

QTEST_GUILESS_MAIN(TestLocalFileWriter)
#include "TestLocalFileWriter.moc"
