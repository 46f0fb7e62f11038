#include "engine/restore/IntegrityChecker.h"

#include "core/Catalog.h"
#include "core/Clock.h"
#include "engine/io/ChildProcess.h"
#include "engine/io/TeeSink.h"
#include "engine/pg/ArchiveScanner.h"

#include <QElapsedTimer>
#include <QHash>

namespace lifeboat {

namespace {

// Feeds pg_restore --list the archive until its table of contents is complete, then closes its
// stdin: pg_restore proves it can parse the header and TOC, the rest is checked by the scanner.
class TocProbeSink final : public ByteSink
{
public:
    TocProbeSink(ChildProcess *child, const ArchiveScanner *scanner)
        : m_child(child)
        , m_scanner(scanner)
    {}
    Status write(const char *data, qint64 size) override
    {
        if (m_closed)
            return {};
        if (!m_child->writeStdin(data, size).ok() || m_scanner->isTocComplete()) {
            m_child->closeStdin();
            m_closed = true;
        }
        return {};
    }
    Status finish() override
    {
        m_child->closeStdin();
        m_closed = true;
        return {};
    }
    void abort() override
    {
        m_child->terminate();
        m_child->closeStdin();
        m_closed = true;
    }

private:
    ChildProcess *m_child;
    const ArchiveScanner *m_scanner;
    bool m_closed = false;
};

} // namespace

bool IntegrityChecker::provesDamage(const Error &error)
{
    // age.no-identity is not among them: a damaged recipient stanza and a wrong key look alike.
    static const QStringList kDamage = {QStringLiteral("verify.size"),
                                        QStringLiteral("verify.sha256"),
                                        QStringLiteral("verify.rows"),
                                        QStringLiteral("age.header"),
                                        QStringLiteral("age.mac"),
                                        QStringLiteral("age.chunk"),
                                        QStringLiteral("age.truncated"),
                                        QStringLiteral("age.trailing"),
                                        QStringLiteral("zstd.corrupt"),
                                        QStringLiteral("zstd.truncated"),
                                        QStringLiteral("archive.malformed"),
                                        QStringLiteral("archive.truncated"),
                                        QStringLiteral("archive.compressed"),
                                        QStringLiteral("archive.notCustomFormat")};
    return kDamage.contains(error.code);
}

QStringList IntegrityChecker::Report::lines() const
{
    return {
        QStringLiteral("stored object: %1 bytes, SHA-256 %2 (matches the backup record)")
            .arg(storedBytes)
            .arg(manifest.sha256),
        QStringLiteral("decryption and zstd checksums: ok (%1 bytes of pg_dump archive)").arg(archiveBytes),
        QStringLiteral("archive: %1 table-of-contents entries, readable by pg_restore").arg(tocEntries),
        QStringLiteral("row counts: %1 tables, %2 rows, all equal to the manifest").arg(tables).arg(rows),
        QStringLiteral("checked in %1 s").arg(seconds, 0, 'f', 1)};
}

Result<IntegrityChecker::Report> IntegrityChecker::check(const ArtifactReader &reader,
                                                         const DecryptionKeys &keys, const QString &pgRestore,
                                                         const ArtifactReader::ProgressFn &progress,
                                                         ByteSink *copyTo)
{
    QElapsedTimer timer;
    timer.start();
    auto manifest = reader.readManifest(keys);
    if (!manifest)
        return manifest.error();

    ArchiveScanner scanner;
    ChildProcess listing;
    std::unique_ptr<TocProbeSink> probe;
    if (!pgRestore.isEmpty()) {
        if (Status s = listing.start(pgRestore, {QStringLiteral("--list")}, {}, ChildProcess::Stdin::Pipe,
                                     ChildProcess::Stdout::Null);
            !s)
            return s.error();
        probe = std::make_unique<TocProbeSink>(&listing, &scanner);
    }
    std::vector<ByteSink *> consumers;
    if (probe)
        consumers.push_back(probe.get());
    if (copyTo)
        consumers.push_back(copyTo);
    TeeSink tee(consumers);
    Status streamed = reader.stream(keys, consumers.empty() ? nullptr : &tee, &scanner, progress);
    if (probe) {
        (void)probe->finish();
        const int code = listing.wait();
        if (streamed.ok() && code != 0)
            return makeError(
                QStringLiteral("verify.toc"),
                QStringLiteral("%1 failed the pg_restore check: pg_restore cannot read its table of "
                               "contents (%2)")
                    .arg(reader.label(), listing.lastErrorLine()));
    }
    if (!streamed)
        return streamed.error();

    // Row counts in the archive must equal the manifest's, table by table.
    QHash<QString, qint64> expected;
    for (const Manifest::Table &t : manifest->tables)
        expected.insert(t.schema + QLatin1Char('.') + t.name, t.rows);
    Report report;
    for (const ArchiveTocEntry &e : scanner.entries()) {
        if (!e.isTableData())
            continue;
        const QString key = e.schema + QLatin1Char('.') + e.tag;
        const auto it = expected.constFind(key);
        if (it == expected.constEnd() || *it != e.rowCount)
            return makeError(
                QStringLiteral("verify.rows"),
                QStringLiteral("%1 failed the row-count check: table %2 has %3 rows in the archive but "
                               "the manifest recorded %4")
                    .arg(reader.label(), key)
                    .arg(e.rowCount)
                    .arg(it == expected.constEnd() ? QStringLiteral("no such table") : QString::number(*it)));
        ++report.tables;
        report.rows += qMax<qint64>(0, e.rowCount);
    }
    if (report.tables != expected.size())
        return makeError(
            QStringLiteral("verify.rows"),
            QStringLiteral("%1 failed the row-count check: the manifest lists %2 tables with data, the "
                           "archive has %3")
                .arg(reader.label())
                .arg(expected.size())
                .arg(report.tables));
    report.storedBytes = reader.artifact().storedBytes;
    report.archiveBytes = scanner.bytesScanned();
    report.tocEntries = int(scanner.entries().size());
    report.manifest = *manifest;
    report.offsetPatches = scanner.dataOffsetPatches();
    report.seconds = double(timer.elapsed()) / 1000.0;
    return report;
}

} // namespace lifeboat
