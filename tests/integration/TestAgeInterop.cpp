#include "engine/crypto/AgeDecryptor.h"
#include "engine/crypto/AgeEncryptor.h"
#include "engine/crypto/AgeIdentity.h"
#include "engine/crypto/AgeRecipient.h"
#include "engine/io/ByteSink.h"
#include "support/TestPeers.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace lifeboat;

namespace {

// Interoperability with the reference implementation: the real `age` and `age-keygen` command-line
// tools (filippo.io/age) read what we write and we read what they write.

class FileSink final : public ByteSink
{
public:
    explicit FileSink(const QString &path)
        : m_file(path)
    {
        m_open = m_file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    }
    Status write(const char *data, qint64 size) override
    {
        if (!m_open || m_file.write(data, size) != size)
            return makeError(QStringLiteral("test.file"),
                             QStringLiteral("Cannot write %1.").arg(m_file.fileName()));
        return {};
    }
    Status finish() override
    {
        m_file.close();
        return {};
    }
    void abort() override { m_file.remove(); }

private:
    QFile m_file;
    bool m_open = false;
};

class MemorySink final : public ByteSink
{
public:
    Status write(const char *data, qint64 size) override
    {
        m_bytes.append(data, size);
        return {};
    }
    Status finish() override
    {
        m_finished = true;
        return {};
    }
    QByteArray m_bytes;
    bool m_finished = false;
};

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments, const QByteArray &input = QByteArray())
{
    QProcess process;
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i)
        data[i] = char(generator.generate());
    return data;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

// What age wrote with -o: it opens the output lazily, on the first plaintext byte, so an empty
// payload leaves no file.
QByteArray readAgeOutput(const QString &path)
{
    return QFile::exists(path) ? readFile(path) : QByteArray();
}

// Streams a file through a decryptor in 1 MiB pieces, like the restore pipeline does.
Status decryptFile(AgeDecryptor &decryptor, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("test.file"), QStringLiteral("Cannot read %1.").arg(path));
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 read = file.read(buffer.data(), buffer.size());
        if (read < 0)
            return makeError(QStringLiteral("test.file"), QStringLiteral("Cannot read %1.").arg(path));
        if (read == 0)
            break;
        if (const Status written = decryptor.write(buffer.constData(), read); !written)
            return written;
    }
    return decryptor.finish();
}

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

class TestAgeInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keygenAgreesOnRecipients();
    void ourFilesDecryptWithAge_data();
    void ourFilesDecryptWithAge();
    void ageFilesDecryptWithOurs_data();
    void ageFilesDecryptWithOurs();
    void passphraseOursToAge_data();
    void passphraseOursToAge();
    void passphraseAgeToOurs_data();
    void passphraseAgeToOurs();
    void armoredAgeFilesAreRefused();

private:
    // n identities, from us or from age-keygen, each in its own identity file.
    bool makeIdentities(bool fromKeygen, int count, QList<AgeIdentity> *identities, QStringList *keyFiles);
    // Runs `age` under `script` so that it gets a terminal to read the passphrase from.
    Run runWithTerminal(const QStringList &ageArguments, const QByteArray &typed);

    QTemporaryDir m_dir;
    QString m_age;
    QString m_ageKeygen;
    QString m_script;
    int m_fileCounter = 0;
};

void TestAgeInterop::initTestCase()
{
    m_age = test::peerProgram(QStringLiteral("age"));
    m_ageKeygen = test::peerProgram(QStringLiteral("age-keygen"));
    m_script = test::peerProgram(QStringLiteral("script")); // types passphrases into age
    QVERIFY2(!m_age.isEmpty(), qPrintable(test::missingPeerProgram(QStringLiteral("age"))));
    QVERIFY2(!m_ageKeygen.isEmpty(), qPrintable(test::missingPeerProgram(QStringLiteral("age-keygen"))));
    QVERIFY2(!m_script.isEmpty(), qPrintable(test::missingPeerProgram(QStringLiteral("script"))));
    QVERIFY(m_dir.isValid());
    const Run version = run(m_age, {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    qInfo("age %s", version.out.trimmed().constData());
}

bool TestAgeInterop::makeIdentities(bool fromKeygen, int count, QList<AgeIdentity> *identities,
                                    QStringList *keyFiles)
{
    for (int i = 0; i < count; ++i) {
        const QString path = m_dir.filePath(QStringLiteral("key-%1.txt").arg(++m_fileCounter));
        if (fromKeygen) {
            const Run keygen = run(m_ageKeygen, {QStringLiteral("-o"), path});
            if (keygen.exitCode != 0) {
                qWarning("age-keygen failed: %s", keygen.err.constData());
                return false;
            }
            const Result<QList<AgeIdentity>> parsed = AgeIdentity::parseIdentityFile(readFile(path));
            if (!parsed || parsed->size() != 1) {
                qWarning("cannot read the age-keygen identity file: %s",
                         parsed ? "wrong count" : qPrintable(parsed.error().message));
                return false;
            }
            identities->append(parsed->first());
        } else {
            const AgeIdentity identity = AgeIdentity::generate();
            const QByteArray contents =
                "# created by Lifeboat's test\n# public key: " + identity.recipient().toString().toLatin1() +
                "\n" + identity.toString().toLatin1() + "\n";
            if (!writeFile(path, contents))
                return false;
            identities->append(identity);
        }
        keyFiles->append(path);
    }
    return true;
}

Run TestAgeInterop::runWithTerminal(const QStringList &ageArguments, const QByteArray &typed)
{
    QStringList quoted{shellQuote(m_age)};
    for (const QString &argument : ageArguments)
        quoted.append(shellQuote(argument));
    // script gives age a pseudo-terminal; what we write to script's stdin is "typed" into it.
    return run(m_script, {QStringLiteral("-qec"), quoted.join(QLatin1Char(' ')), QStringLiteral("/dev/null")},
               typed);
}

void TestAgeInterop::keygenAgreesOnRecipients()
{
    // age-keygen derives the same recipient as we do, for its keys and for ours.
    QList<AgeIdentity> identities;
    QStringList keyFiles;
    QVERIFY(makeIdentities(true, 2, &identities, &keyFiles));
    QVERIFY(makeIdentities(false, 2, &identities, &keyFiles));
    for (qsizetype i = 0; i < identities.size(); ++i) {
        const Run publicKey = run(m_ageKeygen, {QStringLiteral("-y"), keyFiles.at(i)});
        QCOMPARE(publicKey.exitCode, 0);
        QCOMPARE(QString::fromLatin1(publicKey.out.trimmed()), identities.at(i).recipient().toString());
        // And the file round-trips through our identity string.
        QVERIFY(readFile(keyFiles.at(i)).contains(identities.at(i).toString().toLatin1()));
    }
}

void TestAgeInterop::ourFilesDecryptWithAge_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("keygenKeys");
    QTest::addColumn<int>("recipientCount");
    for (const qint64 size :
         {qint64(0), qint64(1), qint64(65536), qint64(65537), qint64(4 * 1024 * 1024 + 123)}) {
        for (const bool keygen : {false, true}) {
            for (const int count : {1, 3})
                QTest::addRow("%lld bytes, %s keys, %d recipient(s)", size, keygen ? "age-keygen" : "our",
                              count)
                    << size << keygen << count;
        }
    }
}

void TestAgeInterop::ourFilesDecryptWithAge()
{
    QFETCH(qint64, size);
    QFETCH(bool, keygenKeys);
    QFETCH(int, recipientCount);
    QList<AgeIdentity> identities;
    QStringList keyFiles;
    QVERIFY(makeIdentities(keygenKeys, recipientCount, &identities, &keyFiles));
    QList<AgeRecipient> recipients;
    for (const AgeIdentity &identity : identities)
        recipients.append(identity.recipient());

    const QByteArray plaintext = randomBytes(size, quint32(size) + recipientCount);
    const QString encrypted = m_dir.filePath(QStringLiteral("ours-%1.age").arg(++m_fileCounter));
    {
        FileSink sink(encrypted);
        Result<std::unique_ptr<AgeEncryptor>> encryptor = AgeEncryptor::forRecipients(recipients, &sink);
        QVERIFY(encryptor.ok());
        for (qint64 position = 0; position < size; position += 100000)
            QVERIFY((*encryptor)
                        ->write(plaintext.constData() + position, qMin<qint64>(100000, size - position))
                        .ok());
        QVERIFY((*encryptor)->finish().ok());
    }
    for (const QString &keyFile : std::as_const(keyFiles)) {
        // Plaintext on stdout: exact bytes, and no output file to be lazily created or not.
        const Run age = run(m_age, {QStringLiteral("-d"), QStringLiteral("-i"), keyFile, encrypted});
        QVERIFY2(age.exitCode == 0, age.err.constData());
        const QByteArray &result = age.out;
        QCOMPARE(result.size(), plaintext.size());
        QVERIFY(result == plaintext);
    }
    // And a stranger's key is refused by age too.
    QList<AgeIdentity> others;
    QStringList otherKeyFiles;
    QVERIFY(makeIdentities(false, 1, &others, &otherKeyFiles));
    const Run refused =
        run(m_age, {QStringLiteral("-d"), QStringLiteral("-i"), otherKeyFiles.first(), QStringLiteral("-o"),
                    m_dir.filePath(QStringLiteral("nothing")), encrypted});
    QVERIFY(refused.exitCode != 0);
}

void TestAgeInterop::ageFilesDecryptWithOurs_data()
{
    ourFilesDecryptWithAge_data();
}

void TestAgeInterop::ageFilesDecryptWithOurs()
{
    QFETCH(qint64, size);
    QFETCH(bool, keygenKeys);
    QFETCH(int, recipientCount);
    QList<AgeIdentity> identities;
    QStringList keyFiles;
    QVERIFY(makeIdentities(keygenKeys, recipientCount, &identities, &keyFiles));

    const QByteArray plaintext = randomBytes(size, quint32(size) * 3 + 1);
    const QString plainPath = m_dir.filePath(QStringLiteral("plain-%1").arg(++m_fileCounter));
    QVERIFY(writeFile(plainPath, plaintext));
    const QString encrypted = m_dir.filePath(QStringLiteral("theirs-%1.age").arg(++m_fileCounter));
    QStringList arguments{QStringLiteral("-e")};
    for (const AgeIdentity &identity : std::as_const(identities))
        arguments << QStringLiteral("-r") << identity.recipient().toString();
    arguments << QStringLiteral("-o") << encrypted << plainPath;
    const Run age = run(m_age, arguments);
    QVERIFY2(age.exitCode == 0, age.err.constData());

    for (const AgeIdentity &identity : std::as_const(identities)) {
        MemorySink sink;
        const std::unique_ptr<AgeDecryptor> decryptor =
            AgeDecryptor::withIdentities({AgeIdentity::generate(), identity}, &sink);
        const Status status = decryptFile(*decryptor, encrypted);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        QVERIFY(sink.m_finished);
        QCOMPARE(sink.m_bytes.size(), plaintext.size());
        QVERIFY(sink.m_bytes == plaintext);
        QCOMPARE(decryptor->plaintextBytes(), size);
    }
    MemorySink strangerSink;
    const std::unique_ptr<AgeDecryptor> stranger =
        AgeDecryptor::withIdentities({AgeIdentity::generate()}, &strangerSink);
    const Status refused = decryptFile(*stranger, encrypted);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("age.no-identity"));
}

void TestAgeInterop::passphraseOursToAge_data()
{
    QTest::addColumn<qint64>("size");
    for (const qint64 size : {qint64(0), qint64(200000)})
        QTest::addRow("%lld bytes", size) << size;
}

void TestAgeInterop::passphraseOursToAge()
{
    QFETCH(qint64, size);
    const QByteArray passphrase = QByteArrayLiteral("interop passphrase 1");
    const QByteArray plaintext = randomBytes(size, 77);
    const QString encrypted = m_dir.filePath(QStringLiteral("ours-pass-%1.age").arg(++m_fileCounter));
    {
        FileSink sink(encrypted);
        Result<std::unique_ptr<AgeEncryptor>> encryptor = AgeEncryptor::forPassphrase(passphrase, 14, &sink);
        QVERIFY(encryptor.ok());
        QVERIFY((*encryptor)->write(plaintext.constData(), plaintext.size()).ok());
        QVERIFY((*encryptor)->finish().ok());
    }
    const QString decrypted = m_dir.filePath(QStringLiteral("plain-%1").arg(++m_fileCounter));
    const Run age = runWithTerminal({QStringLiteral("-d"), QStringLiteral("-o"), decrypted, encrypted},
                                    passphrase + '\n');
    QVERIFY2(age.exitCode == 0, age.out.constData());
    QVERIFY(readAgeOutput(decrypted) == plaintext);

    const Run wrong = runWithTerminal(
        {QStringLiteral("-d"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("nothing")), encrypted},
        QByteArrayLiteral("not the passphrase\n"));
    QVERIFY(wrong.exitCode != 0);
    QVERIFY2(wrong.out.contains("incorrect passphrase"), wrong.out.constData());
}

void TestAgeInterop::passphraseAgeToOurs_data()
{
    passphraseOursToAge_data();
}

void TestAgeInterop::passphraseAgeToOurs()
{
    QFETCH(qint64, size);
    const QByteArray passphrase = QByteArrayLiteral("interop passphrase 2");
    const QByteArray plaintext = randomBytes(size, 78);
    const QString plainPath = m_dir.filePath(QStringLiteral("plain-%1").arg(++m_fileCounter));
    QVERIFY(writeFile(plainPath, plaintext));
    const QString encrypted = m_dir.filePath(QStringLiteral("theirs-pass-%1.age").arg(++m_fileCounter));
    // age asks for the passphrase and its confirmation; it uses its default work factor (2^18).
    const Run age = runWithTerminal({QStringLiteral("-p"), QStringLiteral("-o"), encrypted, plainPath},
                                    passphrase + '\n' + passphrase + '\n');
    QVERIFY2(age.exitCode == 0, age.out.constData());
    QVERIFY(readFile(encrypted).contains("\n-> scrypt "));

    MemorySink sink;
    const std::unique_ptr<AgeDecryptor> decryptor = AgeDecryptor::withPassphrase(passphrase, &sink);
    const Status status = decryptFile(*decryptor, encrypted);
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
    QVERIFY(sink.m_bytes == plaintext);

    MemorySink wrongSink;
    const std::unique_ptr<AgeDecryptor> wrong =
        AgeDecryptor::withPassphrase(QByteArrayLiteral("nope"), &wrongSink);
    const Status refused = decryptFile(*wrong, encrypted);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("age.passphrase"));
    QCOMPARE(wrongSink.m_bytes.size(), 0);
}

void TestAgeInterop::armoredAgeFilesAreRefused()
{
    // Lifeboat writes and reads binary age only; an armored file gets a clear message.
    QList<AgeIdentity> identities;
    QStringList keyFiles;
    QVERIFY(makeIdentities(false, 1, &identities, &keyFiles));
    const QString plainPath = m_dir.filePath(QStringLiteral("plain-%1").arg(++m_fileCounter));
    QVERIFY(writeFile(plainPath, QByteArrayLiteral("hello")));
    const QString encrypted = m_dir.filePath(QStringLiteral("armored-%1.age").arg(++m_fileCounter));
    const Run age =
        run(m_age, {QStringLiteral("-a"), QStringLiteral("-r"), identities.first().recipient().toString(),
                    QStringLiteral("-o"), encrypted, plainPath});
    QVERIFY2(age.exitCode == 0, age.err.constData());
    MemorySink sink;
    const std::unique_ptr<AgeDecryptor> decryptor = AgeDecryptor::withIdentities(identities, &sink);
    const Status status = decryptFile(*decryptor, encrypted);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, QStringLiteral("age.header"));
    QVERIFY2(status.error().message.contains(QStringLiteral("ASCII-armored")),
             qPrintable(status.error().message));
}

QTEST_GUILESS_MAIN(TestAgeInterop)
#include "TestAgeInterop.moc"
