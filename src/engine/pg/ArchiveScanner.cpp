#include "engine/pg/ArchiveScanner.h"

#include "engine/pg/PgLog.h"

#include <QDate>
#include <QTime>

#include <cstring>
#include <limits>

// The layout follows PostgreSQL's src/bin/pg_dump: pg_backup_archiver.c (WriteHead/ReadHead,
// WriteToc/ReadToc, WriteInt/ReadInt, WriteStr/ReadStr, WriteOffset/ReadOffset) and
// pg_backup_custom.c (_WriteExtraToc, _StartData/_EndData, _StartLOs/_StartLO/_EndLO/_EndLOs,
// _CustomWriteFunc).
//
//   header  "PGDMP" vmaj vmin vrev intSize offSize format
//           compression (byte from 1.15 on; before that an int zlib level)
//           7 ints (struct tm of the start time), dbname, server version, pg_dump version
//   TOC     int count, then per entry: dumpId, hadDumper, tableoid (str), oid (str), tag, desc,
//           section (int), defn, dropStmt, copyStmt, namespace, tablespace, tableam (1.14+),
//           relkind (int, 1.16+), owner, "false" (WITH OIDS), dependencies (strs until NULL),
//           then the custom format's extra data: a data-state byte and offSize offset bytes
//   data    per entry with data, in TOC order: block type byte (1 = data, 3 = large objects),
//           dumpId int, then chunks (int length, bytes) ending with length 0; a large-object
//           block holds (oid int, chunks...) per object and ends with oid 0
//
// int: a sign byte, then intSize magnitude bytes, least significant first.
// str: an int length (-1 = NULL), then that many bytes, no terminator.

namespace lifeboat {

namespace {

constexpr int makeVersion(int major, int minor, int revision)
{
    return (major << 16) | (minor << 8) | revision;
}

constexpr int kVersion1_12 = makeVersion(1, 12, 0); // pg_dump 9.0: separate BLOB entries
constexpr int kVersion1_14 = makeVersion(1, 14, 0); // pg_dump 12: table access method
constexpr int kVersion1_15 = makeVersion(1, 15, 0); // pg_dump 16: compression algorithm byte
constexpr int kVersion1_16 = makeVersion(1, 16, 0); // pg_dump 17: relkind, BLOB METADATA
constexpr int kVersionMax = makeVersion(1, 16, 255);

constexpr int kFormatCustom = 1;
constexpr int kBlockData = 1;
constexpr int kBlockLargeObjects = 3;
constexpr int kOffsetPosNotSet = 1;
constexpr int kOffsetPosSet = 2;
constexpr int kOffsetNoData = 3;

const QString kCodeMalformed = QStringLiteral("archive.malformed");
const QString kCodeTruncated = QStringLiteral("archive.truncated");
const QString kCodeUnsupported = QStringLiteral("archive.unsupported");
const QString kCodeCompressed = QStringLiteral("archive.compressed");
const QString kCodeNotArchive = QStringLiteral("archive.notCustomFormat");

QString decodeText(const QByteArray &bytes, bool isNull)
{
    if (isNull)
        return QString();
    if (bytes.isEmpty())
        return QStringLiteral("");
    // pg_dump writes names in the database's encoding; nearly always UTF-8.
    if (bytes.isValidUtf8())
        return QString::fromUtf8(bytes);
    return QString::fromLatin1(bytes);
}

ArchiveCompression compressionFromAlgorithm(int algorithm)
{
    switch (algorithm) {
    case 0:
        return ArchiveCompression::None;
    case 1:
        return ArchiveCompression::Gzip;
    case 2:
        return ArchiveCompression::Lz4;
    case 3:
        return ArchiveCompression::Zstd;
    default:
        return ArchiveCompression::Unknown;
    }
}

} // namespace

ArchiveScanner::ArchiveScanner()
{
    expectRaw(Step::Magic, 5);
}

const ArchiveTocEntry *ArchiveScanner::entryByDumpId(int dumpId) const
{
    const auto it = m_indexByDumpId.constFind(dumpId);
    return it == m_indexByDumpId.cend() ? nullptr : &m_entries.at(*it);
}

int ArchiveScanner::version() const
{
    return makeVersion(m_header.versionMajor, m_header.versionMinor, m_header.versionRevision);
}

void ArchiveScanner::feed(const char *data, qint64 size)
{
    if (m_finished) {
        qCWarning(lcPg) << "ArchiveScanner: ignoring" << size << "bytes fed after finish()";
        return;
    }
    const char *p = data;
    const char *const end = data + qMax<qint64>(size, 0);
    while (p < end && !m_error) {
        const qint64 available = end - p;
        switch (m_mode) {
        case Mode::Fixed: {
            const int n = int(qMin<qint64>(m_fixedNeed - m_fixedHave, available));
            std::memcpy(m_fixed.data() + m_fixedHave, p, size_t(n));
            m_fixedHave += n;
            p += n;
            m_offset += n;
            if (m_fixedHave == m_fixedNeed)
                onFixedComplete();
            break;
        }
        case Mode::StringBody: {
            const qint64 n = qMin(m_remaining, available);
            if (m_keepString)
                m_string.append(p, n);
            m_remaining -= n;
            p += n;
            m_offset += n;
            if (m_remaining == 0)
                onString(m_string, false);
            break;
        }
        case Mode::ChunkData: {
            const qint64 n = qMin(m_remaining, available);
            if (m_countRows)
                scanCopyData(p, n);
            m_remaining -= n;
            p += n;
            m_offset += n;
            if (m_remaining == 0)
                expectInt(Step::ChunkLength);
            break;
        }
        }
    }
}

void ArchiveScanner::expectByte(Step step)
{
    m_mode = Mode::Fixed;
    m_step = step;
    m_fixedKind = FixedKind::Byte;
    m_fixedNeed = 1;
    m_fixedHave = 0;
    m_itemStart = m_offset;
}

void ArchiveScanner::expectInt(Step step)
{
    m_mode = Mode::Fixed;
    m_step = step;
    m_fixedKind = FixedKind::Int;
    m_fixedNeed = 1 + m_header.intSize;
    m_fixedHave = 0;
    m_itemStart = m_offset;
}

void ArchiveScanner::expectRaw(Step step, int size)
{
    m_mode = Mode::Fixed;
    m_step = step;
    m_fixedKind = FixedKind::Raw;
    m_fixedNeed = size;
    m_fixedHave = 0;
    m_itemStart = m_offset;
}

void ArchiveScanner::expectString(Step step, bool keep)
{
    m_stringStep = step;
    m_keepString = keep;
    expectInt(Step::StringLength);
}

void ArchiveScanner::onFixedComplete()
{
    switch (m_fixedKind) {
    case FixedKind::Byte:
        onByte(static_cast<unsigned char>(m_fixed[0]));
        return;
    case FixedKind::Raw:
        onRaw(m_fixed.data(), m_fixedNeed);
        return;
    case FixedKind::Int: {
        // ReadInt: sign byte, then the magnitude least significant byte first.
        quint64 magnitude = 0;
        for (int i = 0; i < m_header.intSize; ++i)
            magnitude |= quint64(static_cast<unsigned char>(m_fixed[size_t(1) + size_t(i)])) << (8 * i);
        if (magnitude > quint64(std::numeric_limits<qint64>::max())) {
            failMalformed(QStringLiteral("an integer at byte %1 is out of range").arg(m_itemStart));
            return;
        }
        const qint64 value = m_fixed[0] != 0 ? -qint64(magnitude) : qint64(magnitude);
        onInt(value);
        return;
    }
    }
}

void ArchiveScanner::onRaw(const char *data, int size)
{
    switch (m_step) {
    case Step::Magic:
        if (std::memcmp(data, "PGDMP", 5) != 0) {
            fail(kCodeNotArchive,
                 QStringLiteral("this is not a PostgreSQL custom-format archive: it does not start with "
                                "\"PGDMP\" (a plain SQL dump, a compressed file or another format?)"));
            return;
        }
        expectByte(Step::VersionMajor);
        return;
    case Step::EntryDataOffset: {
        // Not needed to scan (in a stream the data blocks follow in TOC order), but recorded: a
        // copy of the archive can have it filled in (dataOffsetPatches).
        quint64 offset = 0;
        bool fits = true;
        for (int i = 0; i < size; ++i) {
            const auto b = quint64(static_cast<unsigned char>(data[i]));
            if (i < 8)
                offset |= b << (8 * i);
            else if (b != 0)
                fits = false;
        }
        if (m_entry.tocDataState == kOffsetPosSet && fits &&
            offset <= quint64(std::numeric_limits<qint64>::max()))
            m_entry.tocDataOffset = qint64(offset);
        finishEntry();
        return;
    }
    default:
        failMalformed(QStringLiteral("unexpected raw field at byte %1").arg(m_itemStart));
        return;
    }
}

// The header's bytes: version, integer and offset sizes, format, compression (1.15 on).
void ArchiveScanner::onHeaderByte(int value)
{
    switch (m_step) {
    case Step::VersionMajor:
        m_header.versionMajor = value;
        expectByte(Step::VersionMinor);
        return;
    case Step::VersionMinor:
        m_header.versionMinor = value;
        if (m_header.versionMajor > 1 || (m_header.versionMajor == 1 && m_header.versionMinor > 0)) {
            expectByte(Step::VersionRevision);
            return;
        }
        m_header.versionRevision = 0;
        [[fallthrough]];
    case Step::VersionRevision:
        if (m_step == Step::VersionRevision)
            m_header.versionRevision = value;
        if (version() < kVersion1_12) {
            fail(kCodeUnsupported,
                 QStringLiteral("the archive has version %1, written by a pg_dump older than "
                                "9.0; Lifeboat reads archive versions 1.12 to 1.16")
                     .arg(m_header.versionString()));
            return;
        }
        if (version() > kVersionMax) {
            fail(kCodeUnsupported, QStringLiteral("the archive has version %1, newer than the versions this "
                                                  "Lifeboat understands (1.12 to 1.16); update Lifeboat")
                                       .arg(m_header.versionString()));
            return;
        }
        expectByte(Step::IntSize);
        return;
    case Step::IntSize:
        if (value < 1 || value > 8) {
            failMalformed(QStringLiteral("the header gives an integer size of %1 bytes").arg(value));
            return;
        }
        m_header.intSize = value;
        expectByte(Step::OffsetSize);
        return;
    case Step::OffsetSize:
        if (value < 1 || value > 16) {
            failMalformed(QStringLiteral("the header gives an offset size of %1 bytes").arg(value));
            return;
        }
        m_header.offsetSize = value;
        expectByte(Step::Format);
        return;
    case Step::Format:
        m_header.format = value;
        if (value != kFormatCustom) {
            fail(kCodeNotArchive, QStringLiteral("the archive is in pg_dump format %1, not the custom format "
                                                 "(--format=custom) Lifeboat reads")
                                      .arg(value));
            return;
        }
        if (version() >= kVersion1_15)
            expectByte(Step::CompressionAlgorithm);
        else
            expectInt(Step::CompressionLevel);
        return;
    case Step::CompressionAlgorithm:
        m_header.compression = compressionFromAlgorithm(value);
        if (m_header.compression != ArchiveCompression::None) {
            fail(kCodeCompressed,
                 QStringLiteral("the archive is compressed; Lifeboat runs pg_dump with --compress=0"));
            return;
        }
        m_counter = 0;
        expectInt(Step::DateField);
        return;
    default:
        return;
    }
}

void ArchiveScanner::onByte(int value)
{
    switch (m_step) {
    case Step::VersionMajor:
    case Step::VersionMinor:
    case Step::VersionRevision:
    case Step::IntSize:
    case Step::OffsetSize:
    case Step::Format:
    case Step::CompressionAlgorithm:
        onHeaderByte(value);
        return;
    case Step::EntryDataState:
        if (value < kOffsetPosNotSet || value > kOffsetNoData) {
            failMalformed(QStringLiteral("unexpected data offset flag %1 in TOC entry %2 at byte %3")
                              .arg(value)
                              .arg(m_entry.dumpId)
                              .arg(m_itemStart));
            return;
        }
        m_entry.expectsData = value != kOffsetNoData;
        m_entry.tocDataState = value;
        m_entry.tocDataStateAt = m_itemStart;
        expectRaw(Step::EntryDataOffset, m_header.offsetSize);
        return;
    case Step::BlockType:
        m_blockStart = m_itemStart;
        if (value != kBlockData && value != kBlockLargeObjects) {
            failMalformed(
                QStringLiteral("unexpected data block type %1 at byte %2 (expected 1 for table data "
                               "or 3 for large objects)")
                    .arg(value)
                    .arg(m_itemStart));
            return;
        }
        m_blockIsBlobs = value == kBlockLargeObjects;
        expectInt(Step::BlockDumpId);
        return;
    default:
        failMalformed(QStringLiteral("unexpected byte field at byte %1").arg(m_itemStart));
        return;
    }
}

// The length before a string: its body follows unless it is null or empty.
void ArchiveScanner::onStringLength(qint64 value)
{
    switch (m_step) {
    case Step::StringLength:
        if (value == -1) {
            onString(QByteArray(), true);
            return;
        }
        if (value < -1 || value > std::numeric_limits<int>::max()) {
            failMalformed(QStringLiteral("invalid string length %1 at byte %2").arg(value).arg(m_itemStart));
            return;
        }
        if (m_keepString && value > kMaxKeptStringBytes) {
            failMalformed(QStringLiteral("a table-of-contents string at byte %1 claims %2 bytes, more than "
                                         "the %3 bytes a name or statement can plausibly have")
                              .arg(m_itemStart)
                              .arg(value)
                              .arg(kMaxKeptStringBytes));
            return;
        }
        m_string.clear();
        if (value == 0) {
            onString(m_string, false);
            return;
        }
        m_mode = Mode::StringBody;
        m_remaining = value;
        return;
    default:
        return;
    }
}

// The header's integers: compression level (before 1.15), creation time, TOC count.
void ArchiveScanner::onHeaderInt(qint64 value)
{
    switch (m_step) {
    case Step::CompressionLevel:
        m_header.compressionLevel = int(value);
        m_header.compression = value == 0 ? ArchiveCompression::None : ArchiveCompression::Gzip;
        if (m_header.compression != ArchiveCompression::None) {
            fail(kCodeCompressed,
                 QStringLiteral("the archive is compressed; Lifeboat runs pg_dump with --compress=0"));
            return;
        }
        m_counter = 0;
        expectInt(Step::DateField);
        return;
    case Step::DateField:
        m_dateFields[size_t(m_counter)] = int(value);
        if (++m_counter < int(m_dateFields.size())) {
            expectInt(Step::DateField);
            return;
        }
        // struct tm: sec, min, hour, mday, mon (0-11), year (since 1900), isdst.
        m_header.created = QDateTime(QDate(m_dateFields[5] + 1900, m_dateFields[4] + 1, m_dateFields[3]),
                                     QTime(m_dateFields[2], m_dateFields[1], m_dateFields[0]));
        expectString(Step::DatabaseName, true);
        return;
    case Step::TocCount:
        if (value < 0 || value > std::numeric_limits<int>::max()) {
            failMalformed(QStringLiteral("the table of contents claims %1 entries").arg(value));
            return;
        }
        m_tocCount = int(value);
        m_counter = 0;
        m_entries.reserve(qMin(m_tocCount, 100000));
        if (m_tocCount == 0) {
            m_tocComplete = true;
            m_dataStart = m_offset;
            expectByte(Step::BlockType);
            return;
        }
        beginEntry();
        return;
    default:
        return;
    }
}

// A TOC entry's integers.
void ArchiveScanner::onEntryInt(qint64 value)
{
    switch (m_step) {
    case Step::EntryDumpId:
        if (value <= 0 || value > std::numeric_limits<int>::max()) {
            failMalformed(
                QStringLiteral("TOC entry %1 has dump id %2, out of range").arg(m_counter + 1).arg(value));
            return;
        }
        m_entry.dumpId = int(value);
        expectInt(Step::EntryHadDumper);
        return;
    case Step::EntryHadDumper:
        m_entry.hadDumper = value != 0;
        expectString(Step::EntryTableOid, true);
        return;
    case Step::EntrySection:
        if (value < int(ArchiveSection::None) || value > int(ArchiveSection::PostData)) {
            failMalformed(QStringLiteral("TOC entry %1 (dump id %2) has unknown section %3")
                              .arg(m_counter + 1)
                              .arg(m_entry.dumpId)
                              .arg(value));
            return;
        }
        m_entry.section = ArchiveSection(value);
        // Definitions can be long (function bodies): skip them, except the encoding's.
        expectString(Step::EntryDefinition, m_entry.desc == QLatin1String("ENCODING"));
        return;
    case Step::EntryRelkind:
        m_entry.relkind = char(value);
        expectString(Step::EntryOwner, true);
        return;
    default:
        return;
    }
}

// The data blocks' integers: dump id, large object oid, chunk length.
void ArchiveScanner::onDataInt(qint64 value)
{
    switch (m_step) {
    case Step::BlockDumpId:
        if (value <= 0 || value > std::numeric_limits<int>::max()) {
            failMalformed(QStringLiteral("the data block at byte %1 has dump id %2, out of range")
                              .arg(m_blockStart)
                              .arg(value));
            return;
        }
        beginDataBlock(int(value));
        return;
    case Step::BlobOid:
        if (value == 0) {
            endDataBlock();
            return;
        }
        m_inBlob = true;
        ++m_entries[m_current].largeObjectCount;
        ++m_largeObjectCount;
        expectInt(Step::ChunkLength);
        return;
    case Step::ChunkLength: {
        if (value < 0 || value > std::numeric_limits<int>::max()) {
            failMalformed(QStringLiteral("invalid chunk length %1 at byte %2 in the data of %3")
                              .arg(value)
                              .arg(m_itemStart)
                              .arg(describeEntry(m_entries.at(m_current))));
            return;
        }
        if (value == 0) {
            if (m_blockIsBlobs) {
                m_inBlob = false;
                expectInt(Step::BlobOid);
            } else {
                endDataBlock();
            }
            return;
        }
        m_entries[m_current].dataBytes += value;
        if (m_blockIsBlobs)
            m_largeObjectBytes += value;
        else
            m_tableDataBytes += value;
        m_mode = Mode::ChunkData;
        m_remaining = value;
        return;
    }
    default:
        return;
    }
}

void ArchiveScanner::onInt(qint64 value)
{
    switch (m_step) {
    case Step::StringLength:
        onStringLength(value);
        return;
    case Step::CompressionLevel:
    case Step::DateField:
    case Step::TocCount:
        onHeaderInt(value);
        return;
    case Step::EntryDumpId:
    case Step::EntryHadDumper:
    case Step::EntrySection:
    case Step::EntryRelkind:
        onEntryInt(value);
        return;
    case Step::BlockDumpId:
    case Step::BlobOid:
    case Step::ChunkLength:
        onDataInt(value);
        return;
    default:
        failMalformed(QStringLiteral("unexpected integer field at byte %1").arg(m_itemStart));
        return;
    }
}

// The header's strings.
void ArchiveScanner::onHeaderString(const QByteArray &bytes, bool isNull)
{
    switch (m_stringStep) {
    case Step::DatabaseName:
        m_header.databaseName = decodeText(bytes, isNull);
        expectString(Step::ServerVersion, true);
        return;
    case Step::ServerVersion:
        m_header.serverVersion = decodeText(bytes, isNull);
        expectString(Step::DumpVersion, true);
        return;
    case Step::DumpVersion:
        m_header.pgDumpVersion = decodeText(bytes, isNull);
        m_headerComplete = true;
        expectInt(Step::TocCount);
        return;
    default:
        return;
    }
}

// A TOC entry's strings, in the order pg_dump writes them.
void ArchiveScanner::onEntryString(const QByteArray &bytes, bool isNull)
{
    switch (m_stringStep) {
    case Step::EntryTableOid:
        m_entry.tableOid = isNull ? 0 : bytes.toUInt();
        expectString(Step::EntryOid, true);
        return;
    case Step::EntryOid:
        m_entry.oid = isNull ? 0 : bytes.toUInt();
        expectString(Step::EntryTag, true);
        return;
    case Step::EntryTag:
        m_entry.tag = decodeText(bytes, isNull);
        expectString(Step::EntryDesc, true);
        return;
    case Step::EntryDesc:
        if (isNull) {
            failMalformed(QStringLiteral("TOC entry %1 (dump id %2) has no type")
                              .arg(m_counter + 1)
                              .arg(m_entry.dumpId));
            return;
        }
        m_entry.desc = decodeText(bytes, isNull);
        expectInt(Step::EntrySection);
        return;
    case Step::EntryDefinition:
        if (m_entry.desc == QLatin1String("ENCODING") && !isNull) {
            // "SET client_encoding = 'UTF8';"
            const qsizetype open = bytes.indexOf('\'');
            const qsizetype close = open < 0 ? -1 : bytes.indexOf('\'', open + 1);
            if (close > open)
                m_encoding = QString::fromLatin1(bytes.mid(open + 1, close - open - 1));
        }
        expectString(Step::EntryDropStatement, false);
        return;
    case Step::EntryDropStatement:
        expectString(Step::EntryCopyStatement, true);
        return;
    case Step::EntryCopyStatement:
        m_entry.copyStatement = decodeText(bytes, isNull);
        expectString(Step::EntryNamespace, true);
        return;
    case Step::EntryNamespace:
        m_entry.schema = decodeText(bytes, isNull);
        expectString(Step::EntryTablespace, true);
        return;
    case Step::EntryTablespace:
        m_entry.tablespace = decodeText(bytes, isNull);
        if (version() >= kVersion1_14)
            expectString(Step::EntryTableAccessMethod, true);
        else
            afterTableAccessMethod();
        return;
    case Step::EntryTableAccessMethod:
        m_entry.tableAccessMethod = decodeText(bytes, isNull);
        afterTableAccessMethod();
        return;
    case Step::EntryOwner:
        m_entry.owner = decodeText(bytes, isNull);
        expectString(Step::EntryWithOids, true);
        return;
    case Step::EntryWithOids:
        expectString(Step::EntryDependency, true);
        return;
    case Step::EntryDependency: {
        if (isNull) {
            expectByte(Step::EntryDataState);
            return;
        }
        bool ok = false;
        const int dependency = bytes.toInt(&ok);
        if (!ok) {
            failMalformed(QStringLiteral("TOC entry %1 (dump id %2) has an invalid dependency at byte %3")
                              .arg(m_counter + 1)
                              .arg(m_entry.dumpId)
                              .arg(m_itemStart));
            return;
        }
        m_entry.dependencies.append(dependency);
        expectString(Step::EntryDependency, true);
        return;
    }
    default:
        return;
    }
}

void ArchiveScanner::onString(const QByteArray &bytes, bool isNull)
{
    m_mode = Mode::Fixed;
    switch (m_stringStep) {
    case Step::DatabaseName:
    case Step::ServerVersion:
    case Step::DumpVersion:
        onHeaderString(bytes, isNull);
        return;
    case Step::EntryTableOid:
    case Step::EntryOid:
    case Step::EntryTag:
    case Step::EntryDesc:
    case Step::EntryDefinition:
    case Step::EntryDropStatement:
    case Step::EntryCopyStatement:
    case Step::EntryNamespace:
    case Step::EntryTablespace:
    case Step::EntryTableAccessMethod:
    case Step::EntryOwner:
    case Step::EntryWithOids:
    case Step::EntryDependency:
        onEntryString(bytes, isNull);
        return;
    default:
        failMalformed(QStringLiteral("unexpected string field at byte %1").arg(m_itemStart));
        return;
    }
}

void ArchiveScanner::beginEntry()
{
    m_entry = ArchiveTocEntry();
    expectInt(Step::EntryDumpId);
}

void ArchiveScanner::afterTableAccessMethod()
{
    if (version() >= kVersion1_16)
        expectInt(Step::EntryRelkind);
    else
        expectString(Step::EntryOwner, true);
}

void ArchiveScanner::finishEntry()
{
    if (m_indexByDumpId.contains(m_entry.dumpId)) {
        failMalformed(
            QStringLiteral("dump id %1 appears twice in the table of contents").arg(m_entry.dumpId));
        return;
    }
    m_indexByDumpId.insert(m_entry.dumpId, m_entries.size());
    m_entries.append(std::move(m_entry));
    m_entry = ArchiveTocEntry();
    if (++m_counter < m_tocCount) {
        beginEntry();
        return;
    }
    m_tocComplete = true;
    m_dataStart = m_offset;
    expectByte(Step::BlockType);
}

void ArchiveScanner::beginDataBlock(int dumpId)
{
    const auto it = m_indexByDumpId.constFind(dumpId);
    if (it == m_indexByDumpId.cend()) {
        failMalformed(QStringLiteral("the data block at byte %1 belongs to dump id %2, which is not in the "
                                     "table of contents")
                          .arg(m_blockStart)
                          .arg(dumpId));
        return;
    }
    ArchiveTocEntry &entry = m_entries[*it];
    if (!entry.expectsData) {
        failMalformed(QStringLiteral("the data block at byte %1 belongs to %2, which has no data")
                          .arg(m_blockStart)
                          .arg(describeEntry(entry)));
        return;
    }
    if (entry.dataSeen) {
        failMalformed(QStringLiteral("a second data block for %1 at byte %2")
                          .arg(describeEntry(entry))
                          .arg(m_blockStart));
        return;
    }
    if (m_blockIsBlobs != entry.isLargeObjectData()) {
        failMalformed(
            QStringLiteral("the data block at byte %1 for %2 is of the wrong type (%3)")
                .arg(m_blockStart)
                .arg(describeEntry(entry))
                .arg(m_blockIsBlobs ? QStringLiteral("large objects") : QStringLiteral("table data")));
        return;
    }
    entry.dataSeen = true;
    entry.dataOffset = m_blockStart;
    ++m_dataBlocks;
    m_current = *it;
    m_inBlob = false;
    // In COPY text format every row is one '\n'-terminated line; INSERT-style data is not counted.
    m_countRows = !m_blockIsBlobs && entry.isTableData() && !entry.copyStatement.isEmpty();
    entry.rowCount = m_countRows ? 0 : -1;
    m_copyEnded = false;
    m_lineLength = 0;
    expectInt(m_blockIsBlobs ? Step::BlobOid : Step::ChunkLength);
}

void ArchiveScanner::endDataBlock()
{
    ArchiveTocEntry &entry = m_entries[m_current];
    // A last row without its newline still went to the server on restore: count it.
    if (m_countRows && !m_copyEnded && m_lineLength > 0) {
        qCWarning(lcPg) << "COPY data of" << describeEntry(entry) << "does not end with a newline";
        ++entry.rowCount;
    }
    m_current = -1;
    m_countRows = false;
    m_lineLength = 0;
    expectByte(Step::BlockType);
}

void ArchiveScanner::scanCopyData(const char *data, qint64 size)
{
    // pg_dump up to 17 ends each table's COPY data with "\\.\n\n\n"; later versions may not. A
    // data line can never be "\\." itself (COPY escapes a backslash as "\\\\"), so that line is
    // the end-of-data marker and nothing after it is a row.
    if (m_copyEnded)
        return;
    qint64 rows = 0;
    const char *p = data;
    const char *const end = data + size;
    while (p < end) {
        const auto *newline = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *lineEnd = newline ? newline : end;
        const qint64 n = lineEnd - p;
        // Keep the first two bytes of the line: enough to recognise "\\.".
        for (qint64 i = 0; i < n && m_lineLength + i < qint64(m_lineStart.size()); ++i)
            m_lineStart[size_t(m_lineLength + i)] = p[i];
        m_lineLength += n;
        if (!newline)
            break;
        if (m_lineLength == 2 && m_lineStart[0] == '\\' && m_lineStart[1] == '.') {
            m_copyEnded = true;
            break;
        }
        ++rows;
        m_lineLength = 0;
        p = newline + 1;
    }
    m_entries[m_current].rowCount += rows;
}

QList<ArchiveScanner::OffsetPatch> ArchiveScanner::dataOffsetPatches() const
{
    QList<OffsetPatch> patches;
    if (!m_finished || m_error)
        return patches;
    const int size = m_header.offsetSize;
    for (const ArchiveTocEntry &entry : m_entries) {
        if (entry.tocDataState != kOffsetPosNotSet || !entry.dataSeen)
            continue;
        // WriteOffset: the flag, then the offset least significant byte first.
        const auto offset = quint64(entry.dataOffset);
        if (size < 8 && (offset >> (8 * size)) != 0)
            continue;
        OffsetPatch patch;
        patch.position = entry.tocDataStateAt;
        patch.bytes.reserve(1 + size);
        patch.bytes.append(char(kOffsetPosSet));
        for (int i = 0; i < size; ++i)
            patch.bytes.append(i < 8 ? char((offset >> (8 * i)) & 0xFF) : char(0));
        patches.append(std::move(patch));
    }
    return patches;
}

Status ArchiveScanner::finish()
{
    if (!m_finished) {
        m_finished = true;
        if (!m_error) {
            if (m_offset == 0) {
                fail(kCodeTruncated, QStringLiteral("the archive is empty: pg_dump wrote no bytes"));
            } else if (!m_tocComplete || m_mode != Mode::Fixed || m_step != Step::BlockType ||
                       m_fixedHave != 0) {
                fail(kCodeTruncated, QStringLiteral("the archive is truncated: it ends at byte %1 %2")
                                         .arg(m_offset)
                                         .arg(describePosition()));
            } else {
                int missing = 0;
                const ArchiveTocEntry *first = nullptr;
                for (const ArchiveTocEntry &entry : std::as_const(m_entries)) {
                    if (entry.expectsData && !entry.dataSeen) {
                        if (!first)
                            first = &entry;
                        ++missing;
                    }
                }
                if (first) {
                    fail(kCodeTruncated,
                         QStringLiteral("the archive is truncated: it ends at byte %1 after %2 data blocks, "
                                        "without the data of %3%4")
                             .arg(m_offset)
                             .arg(m_dataBlocks)
                             .arg(describeEntry(*first))
                             .arg(missing > 1 ? QStringLiteral(" and %1 more entries").arg(missing - 1)
                                              : QString()));
                }
            }
        }
        if (m_error)
            qCDebug(lcPg) << "archive scan failed after" << m_offset << "bytes:" << m_error->message;
        else
            qCDebug(lcPg).nospace() << "archive " << m_header.versionString() << " of "
                                    << m_header.databaseName << ": " << m_entries.size() << " TOC entries, "
                                    << m_dataBlocks << " data blocks, " << m_tableDataBytes
                                    << " table data bytes, " << m_largeObjectCount << " large objects";
    }
    if (m_error)
        return *m_error;
    return {};
}

void ArchiveScanner::fail(const QString &code, const QString &message)
{
    if (!m_error)
        m_error = makeError(code, message);
}

void ArchiveScanner::failMalformed(const QString &what)
{
    fail(kCodeMalformed, QStringLiteral("the archive is malformed: %1").arg(what));
}

QString ArchiveScanner::describeEntry(const ArchiveTocEntry &entry) const
{
    const QString name = entry.schema.isEmpty() ? entry.tag : entry.schema + QLatin1Char('.') + entry.tag;
    return QStringLiteral("%1 %2 (dump id %3)").arg(entry.desc, name).arg(entry.dumpId);
}

QString ArchiveScanner::describePosition() const
{
    if (!m_headerComplete)
        return QStringLiteral("inside the archive header");
    if (!m_tocComplete) {
        if (m_tocCount < 0)
            return QStringLiteral("before the table of contents");
        QString where = QStringLiteral("inside the table of contents, in entry %1 of %2")
                            .arg(m_counter + 1)
                            .arg(m_tocCount);
        if (!m_entry.desc.isEmpty())
            where += QStringLiteral(" (%1)").arg(describeEntry(m_entry));
        return where;
    }
    if (m_current >= 0)
        return QStringLiteral("inside the data of %1").arg(describeEntry(m_entries.at(m_current)));
    return QStringLiteral("inside the header of the data block that starts at byte %1").arg(m_blockStart);
}

} // namespace lifeboat
