#pragma once

#include "core/Result.h"
#include "engine/pg/ArchiveHeader.h"
#include "engine/pg/ArchiveTocEntry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace lifeboat {

// Reads a PostgreSQL custom-format archive (`pg_dump --format=custom`) as it streams past, in
// chunks of any size, and records its header, its table of contents and, for every TABLE DATA
// entry, the exact number of COPY rows and data bytes; for large objects, how many and how many
// bytes. The counts come from the very bytes that are stored, so they match the dump's snapshot.
//
// Written for archives pg_dump writes to a pipe: header, TOC (offsets not yet known), then the
// data blocks in TOC order; nothing is rewritten at the end. Archive versions 1.12 to 1.16
// (pg_dump 9.0 to 17 and later) are understood. Data must be uncompressed (--compress=0).
//
// Memory stays bounded: COPY data is scanned in place; only the TOC strings the scanner keeps
// (names, owners, COPY statements, at most kMaxKeptStringBytes each) and the current integer
// are buffered. Definitions (CREATE ... statements) are skipped, not held.
class ArchiveScanner
{
public:
    static constexpr qint64 kMaxKeptStringBytes = 4 * 1024 * 1024;

    ArchiveScanner();

    // The next bytes of the archive. Once the scanner has found an error it ignores the rest.
    void feed(const char *data, qint64 size);
    void feed(QByteArrayView data) { feed(data.data(), data.size()); }
    // The stream has ended. Fails when the archive is truncated, malformed, compressed or of an
    // unknown version, saying what and where. May be called more than once.
    Status finish();

    // An error found so far (before finish(), so a pipeline can stop early).
    bool hasError() const { return m_error.has_value(); }
    std::optional<Error> error() const { return m_error; }

    qint64 bytesScanned() const { return m_offset; }
    bool isHeaderComplete() const { return m_headerComplete; }
    bool isTocComplete() const { return m_tocComplete; }
    // Byte offset of the first data block (the end of the TOC), or -1 before that.
    qint64 dataStartOffset() const { return m_dataStart; }

    const ArchiveHeader &header() const { return m_header; }
    // client_encoding from the archive's ENCODING entry, e.g. "UTF8"; empty if none seen.
    QString encoding() const { return m_encoding; }
    // The TOC entries in archive order (what `pg_restore -l -v` lists).
    const QList<ArchiveTocEntry> &entries() const { return m_entries; }
    const ArchiveTocEntry *entryByDumpId(int dumpId) const;
    // Number of TOC entries the archive announced (entries() has them once the TOC is read).
    int announcedEntryCount() const { return m_tocCount; }

    // One in-place write into the archive: `bytes` at byte `position`.
    struct OffsetPatch
    {
        qint64 position = 0;
        QByteArray bytes;
    };
    // The writes that turn the archive as scanned into what pg_dump writes to a seekable file: the
    // data-offset field of every TOC entry that leaves it unset (pg_dump wrote to a pipe) gets the
    // offset of the entry's data block, in place (the field has a fixed size). pg_restore --jobs
    // then seeks straight to each table's data; otherwise every worker reads the archive from the
    // data's start to find the block it needs. Empty unless finish() succeeded; an offset that
    // does not fit the header's offset size is left unset (pg_restore finds that block as before).
    QList<OffsetPatch> dataOffsetPatches() const;

    int dataBlockCount() const { return m_dataBlocks; }
    qint64 tableDataBytes() const { return m_tableDataBytes; }
    qint64 largeObjectCount() const { return m_largeObjectCount; }
    qint64 largeObjectBytes() const { return m_largeObjectBytes; }

private:
    enum class Mode : quint8
    {
        Fixed,      // collecting a byte, an integer or a few raw bytes
        StringBody, // the bytes of a TOC string (kept or skipped)
        ChunkData,  // payload of a data chunk, scanned in place
    };
    enum class Step : quint8
    {
        Magic,
        VersionMajor,
        VersionMinor,
        VersionRevision,
        IntSize,
        OffsetSize,
        Format,
        CompressionAlgorithm,
        CompressionLevel,
        DateField,
        DatabaseName,
        ServerVersion,
        DumpVersion,
        TocCount,
        StringLength,
        EntryDumpId,
        EntryHadDumper,
        EntryTableOid,
        EntryOid,
        EntryTag,
        EntryDesc,
        EntrySection,
        EntryDefinition,
        EntryDropStatement,
        EntryCopyStatement,
        EntryNamespace,
        EntryTablespace,
        EntryTableAccessMethod,
        EntryRelkind,
        EntryOwner,
        EntryWithOids,
        EntryDependency,
        EntryDataState,
        EntryDataOffset,
        BlockType,
        BlockDumpId,
        BlobOid,
        ChunkLength,
    };
    enum class FixedKind : quint8
    {
        Byte,
        Int,
        Raw,
    };

    int version() const;
    void expectByte(Step step);
    void expectInt(Step step);
    void expectRaw(Step step, int size);
    void expectString(Step step, bool keep);
    void onFixedComplete();
    void onByte(int value);
    void onHeaderByte(int value);
    void onInt(qint64 value);
    void onStringLength(qint64 value);
    void onHeaderInt(qint64 value);
    void onEntryInt(qint64 value);
    void onDataInt(qint64 value);
    void onRaw(const char *data, int size);
    void onString(const QByteArray &bytes, bool isNull);
    void onHeaderString(const QByteArray &bytes, bool isNull);
    void onEntryString(const QByteArray &bytes, bool isNull);
    void beginEntry();
    void afterDescription();
    void afterTableAccessMethod();
    void finishEntry();
    void beginDataBlock(int dumpId);
    void endDataBlock();
    void scanCopyData(const char *data, qint64 size);
    void fail(const QString &code, const QString &message);
    void failMalformed(const QString &what);
    QString describeEntry(const ArchiveTocEntry &entry) const;
    QString describePosition() const;

    // Parser state.
    Mode m_mode = Mode::Fixed;
    Step m_step = Step::Magic;
    FixedKind m_fixedKind = FixedKind::Raw;
    std::array<char, 40> m_fixed{};
    int m_fixedNeed = 5;
    int m_fixedHave = 0;
    qint64 m_itemStart = 0; // offset where the item being read began
    Step m_stringStep = Step::DatabaseName;
    bool m_keepString = false;
    QByteArray m_string;
    qint64 m_remaining = 0;
    int m_counter = 0;
    std::array<int, 7> m_dateFields{};

    // Data block state.
    qsizetype m_current = -1; // entry whose data block is streaming
    bool m_blockIsBlobs = false;
    bool m_inBlob = false;
    bool m_countRows = false;
    bool m_copyEnded = false; // saw the "\." end-of-data line
    qint64 m_lineLength = 0;
    std::array<char, 2> m_lineStart{};
    qint64 m_blockStart = 0;

    // Results.
    ArchiveHeader m_header;
    QString m_encoding;
    QList<ArchiveTocEntry> m_entries;
    QHash<int, qsizetype> m_indexByDumpId;
    ArchiveTocEntry m_entry; // the entry being read
    int m_tocCount = -1;
    int m_dataBlocks = 0;
    qint64 m_tableDataBytes = 0;
    qint64 m_largeObjectCount = 0;
    qint64 m_largeObjectBytes = 0;
    qint64 m_offset = 0;
    qint64 m_dataStart = -1;
    bool m_headerComplete = false;
    bool m_tocComplete = false;
    bool m_finished = false;
    std::optional<Error> m_error;
};

} // namespace lifeboat
