#pragma once

#include <QList>
#include <QString>

namespace lifeboat {

// teSection in pg_backup.h.
enum class ArchiveSection
{
    None = 1,
    PreData = 2,
    Data = 3,
    PostData = 4,
};

// One entry of a custom-format archive's table of contents (what `pg_restore -l` lists), plus
// what the scanner learnt from the entry's data block as it streamed past.
struct ArchiveTocEntry
{
    int dumpId = 0;
    bool hadDumper = false;
    quint32 tableOid = 0; // catalog of the object (pg_class, pg_namespace, ...), 0 if none
    quint32 oid = 0;
    QString tag;    // object name, e.g. "orders" or "EXTENSION citext" for a COMMENT
    QString desc;   // "TABLE", "TABLE DATA", "SCHEMA", "BLOBS", "SEQUENCE SET", ...
    QString schema; // null when the object is in no schema (pg_restore -l prints "-")
    QString tablespace;
    QString tableAccessMethod;
    QString owner;
    QString copyStatement; // "COPY s.t (a, b) FROM stdin;\n" for TABLE DATA, else empty
    char relkind = 0;      // pg_class.relkind, recorded from archive version 1.16 (PostgreSQL 17) on
    ArchiveSection section = ArchiveSection::None;
    QList<int> dependencies;

    // The table of contents says a data block belongs to this entry (TABLE DATA, BLOBS).
    bool expectsData = false;
    // The entry's data-offset field in the table of contents (the custom format's ReadOffset): the
    // flag as stored (1 = not set: pg_dump wrote to a pipe; 2 = set; 3 = no data), the offset it
    // gives when set (else -1), and the archive byte where the flag sits.
    int tocDataState = 0;
    qint64 tocDataOffset = -1;
    qint64 tocDataStateAt = -1;
    // Filled in while the data streams past.
    bool dataSeen = false;
    qint64 dataOffset = -1;      // byte offset of the entry's data block in the archive
    qint64 dataBytes = 0;        // payload bytes (COPY text, large object contents), without framing
    qint64 rowCount = -1;        // rows of COPY data; -1 when not COPY data (or not seen yet)
    qint64 largeObjectCount = 0; // BLOBS entries: large objects in the block

    bool isTableData() const { return desc == QLatin1String("TABLE DATA"); }
    bool isLargeObjectData() const { return desc == QLatin1String("BLOBS"); }
};

} // namespace lifeboat
