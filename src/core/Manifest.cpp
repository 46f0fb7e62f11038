#include "core/Manifest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lifeboat {

qint64 Manifest::totalRows() const
{
    qint64 sum = 0;
    for (const Table &t : tables)
        sum += qMax<qint64>(0, t.rows);
    return sum;
}

QJsonObject Manifest::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("format"), QStringLiteral("lifeboat-manifest"));
    o.insert(QLatin1String("formatVersion"), formatVersion);
    o.insert(QLatin1String("lifeboatVersion"), lifeboatVersion);
    o.insert(QLatin1String("profile"), profile);
    o.insert(QLatin1String("host"), host);
    o.insert(QLatin1String("port"), port);
    o.insert(QLatin1String("database"), database);
    o.insert(QLatin1String("serverVersion"), serverVersion);
    o.insert(QLatin1String("serverVersionNum"), serverVersionNum);
    o.insert(QLatin1String("pgDumpVersion"), pgDumpVersion);
    o.insert(QLatin1String("archiveVersion"), archiveVersion);
    o.insert(QLatin1String("startedUtc"), startedUtc.toString(Qt::ISODateWithMs));
    o.insert(QLatin1String("finishedUtc"), finishedUtc.toString(Qt::ISODateWithMs));
    o.insert(QLatin1String("dumpBytes"), dumpBytes);
    o.insert(QLatin1String("storedBytes"), storedBytes);
    o.insert(QLatin1String("sha256"), sha256);
    o.insert(QLatin1String("object"), objectName);
    QJsonObject compression;
    compression.insert(QLatin1String("algorithm"), QStringLiteral("zstd"));
    compression.insert(QLatin1String("level"), zstdLevel);
    if (zstdFrameBytes > 0)
        compression.insert(QLatin1String("frameBytes"), zstdFrameBytes);
    o.insert(QLatin1String("compression"), compression);
    QJsonObject enc;
    enc.insert(QLatin1String("mode"), encryption);
    enc.insert(QLatin1String("recipients"), QJsonArray::fromStringList(recipients));
    o.insert(QLatin1String("encryption"), enc);
    QJsonArray tocArray;
    for (const TocEntry &e : toc) {
        QJsonObject j;
        j.insert(QLatin1String("id"), e.dumpId);
        j.insert(QLatin1String("desc"), e.desc);
        j.insert(QLatin1String("schema"), e.schema);
        j.insert(QLatin1String("name"), e.name);
        j.insert(QLatin1String("owner"), e.owner);
        tocArray.append(j);
    }
    o.insert(QLatin1String("toc"), tocArray);
    QJsonArray tablesArray;
    for (const Table &t : tables) {
        QJsonObject j;
        j.insert(QLatin1String("schema"), t.schema);
        j.insert(QLatin1String("name"), t.name);
        j.insert(QLatin1String("rows"), t.rows);
        j.insert(QLatin1String("dataBytes"), t.dataBytes);
        tablesArray.append(j);
    }
    o.insert(QLatin1String("tables"), tablesArray);
    QJsonArray extArray;
    for (const Extension &e : extensions) {
        QJsonObject j;
        j.insert(QLatin1String("name"), e.name);
        j.insert(QLatin1String("version"), e.version);
        j.insert(QLatin1String("schema"), e.schema);
        extArray.append(j);
    }
    o.insert(QLatin1String("extensions"), extArray);
    o.insert(QLatin1String("largeObjects"), largeObjects);
    if (!globalsObject.isEmpty()) {
        QJsonObject g;
        g.insert(QLatin1String("object"), globalsObject);
        g.insert(QLatin1String("sha256"), globalsSha256);
        o.insert(QLatin1String("globals"), g);
    }
    if (!verification.isEmpty())
        o.insert(QLatin1String("verification"), verification);
    return o;
}

QByteArray Manifest::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

Result<Manifest> Manifest::fromJson(const QJsonObject &o)
{
    if (o.value(QLatin1String("format")).toString() != QLatin1String("lifeboat-manifest"))
        return makeError(QStringLiteral("manifest.format"),
                         QStringLiteral("this is not a Lifeboat manifest"));
    Manifest m;
    m.formatVersion = o.value(QLatin1String("formatVersion")).toInt();
    if (m.formatVersion < 1 || m.formatVersion > kFormatVersion)
        return makeError(
            QStringLiteral("manifest.version"),
            QStringLiteral("the manifest has format version %1, which this Lifeboat does not know: "
                           "update Lifeboat")
                .arg(m.formatVersion));
    m.lifeboatVersion = o.value(QLatin1String("lifeboatVersion")).toString();
    m.profile = o.value(QLatin1String("profile")).toString();
    m.host = o.value(QLatin1String("host")).toString();
    m.port = o.value(QLatin1String("port")).toString();
    m.database = o.value(QLatin1String("database")).toString();
    m.serverVersion = o.value(QLatin1String("serverVersion")).toString();
    m.serverVersionNum = o.value(QLatin1String("serverVersionNum")).toInt();
    m.pgDumpVersion = o.value(QLatin1String("pgDumpVersion")).toString();
    m.archiveVersion = o.value(QLatin1String("archiveVersion")).toString();
    m.startedUtc = QDateTime::fromString(o.value(QLatin1String("startedUtc")).toString(), Qt::ISODateWithMs);
    m.finishedUtc =
        QDateTime::fromString(o.value(QLatin1String("finishedUtc")).toString(), Qt::ISODateWithMs);
    m.dumpBytes = o.value(QLatin1String("dumpBytes")).toInteger();
    m.storedBytes = o.value(QLatin1String("storedBytes")).toInteger();
    m.sha256 = o.value(QLatin1String("sha256")).toString();
    m.objectName = o.value(QLatin1String("object")).toString();
    const QJsonObject compression = o.value(QLatin1String("compression")).toObject();
    m.zstdLevel = compression.value(QLatin1String("level")).toInt(3);
    m.zstdFrameBytes = compression.value(QLatin1String("frameBytes")).toInteger();
    const QJsonObject enc = o.value(QLatin1String("encryption")).toObject();
    m.encryption = enc.value(QLatin1String("mode")).toString(QStringLiteral("none"));
    for (const QJsonValue v : enc.value(QLatin1String("recipients")).toArray())
        m.recipients << v.toString();
    for (const QJsonValue v : o.value(QLatin1String("toc")).toArray()) {
        const QJsonObject j = v.toObject();
        m.toc.append(TocEntry{j.value(QLatin1String("id")).toInt(), j.value(QLatin1String("desc")).toString(),
                              j.value(QLatin1String("schema")).toString(),
                              j.value(QLatin1String("name")).toString(),
                              j.value(QLatin1String("owner")).toString()});
    }
    for (const QJsonValue v : o.value(QLatin1String("tables")).toArray()) {
        const QJsonObject j = v.toObject();
        m.tables.append(Table{
            j.value(QLatin1String("schema")).toString(), j.value(QLatin1String("name")).toString(),
            j.value(QLatin1String("rows")).toInteger(-1), j.value(QLatin1String("dataBytes")).toInteger()});
    }
    for (const QJsonValue v : o.value(QLatin1String("extensions")).toArray()) {
        const QJsonObject j = v.toObject();
        m.extensions.append(Extension{j.value(QLatin1String("name")).toString(),
                                      j.value(QLatin1String("version")).toString(),
                                      j.value(QLatin1String("schema")).toString()});
    }
    m.largeObjects = o.value(QLatin1String("largeObjects")).toInteger();
    const QJsonObject g = o.value(QLatin1String("globals")).toObject();
    m.globalsObject = g.value(QLatin1String("object")).toString();
    m.globalsSha256 = g.value(QLatin1String("sha256")).toString();
    m.verification = o.value(QLatin1String("verification")).toObject();
    return m;
}

Result<Manifest> Manifest::fromJsonBytes(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (!doc.isObject())
        return makeError(QStringLiteral("manifest.json"),
                         QStringLiteral("the manifest is not valid JSON (%1 at offset %2)")
                             .arg(error.errorString())
                             .arg(error.offset));
    return fromJson(doc.object());
}

} // namespace lifeboat
