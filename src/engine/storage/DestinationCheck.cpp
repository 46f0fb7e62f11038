#include "engine/storage/DestinationCheck.h"

#include "core/ByteSize.h"
#include "engine/storage/S3Destination.h"

#include <QRandomGenerator>

#include <cstdlib>

namespace lifeboat {

namespace {

class CollectSink final : public ByteSink
{
public:
    Status write(const char *data, qint64 size) override
    {
        bytes.append(data, size);
        return {};
    }
    Status finish() override { return {}; }
    QByteArray bytes;
};

Result<DestinationCheck::Report> checkS3(const QString &spec, const QByteArray &s3Secret)
{
    auto dest = S3Destination::create(spec, s3Secret);
    if (!dest)
        return dest.error();
    S3Destination &d = **dest;
    DestinationCheck::Report report;
    report.destination = d.describe();

    // Reachable, credentials and bucket right: list the prefix.
    auto listed = d.list();
    if (!listed)
        return listed.error();
    report.objects = listed->size();
    const qint64 skew = d.client()->lastClockSkewSeconds();
    report.clockSkewSeconds = skew;
    if (std::abs(skew) > 300)
        return makeError(QStringLiteral("s3.clock"),
                         QStringLiteral("this computer's clock is %1 seconds %2 the S3 server's: correct the "
                                        "clock (enable NTP time synchronisation) before backing up")
                             .arg(std::abs(skew))
                             .arg(skew > 0 ? QStringLiteral("behind") : QStringLiteral("ahead of")));

    // Write, read back and delete a probe object.
    const QString probe = QStringLiteral(".lifeboat-dest-test-%1")
                              .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    QByteArray payload(4096, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);
    auto writer = d.openWriter(probe);
    if (!writer)
        return writer.error();
    if (Status s = (*writer)->write(payload.constData(), payload.size()); !s)
        return s.error();
    if (Status s = (*writer)->finish(); !s)
        return s.error();
    CollectSink sink;
    const Status read = d.readInto(probe, &sink);
    const Status removed = d.remove(probe);
    if (!read)
        return read.error();
    if (sink.bytes != payload)
        return makeError(QStringLiteral("s3.corrupt"),
                         QStringLiteral("%1 returned different bytes than were written: do not use it for "
                                        "backups")
                             .arg(d.describe()));
    if (!removed)
        return removed.error();
    report.summary = QStringLiteral("%1: reachable, credentials accepted, %2 object(s) under the prefix; "
                                    "write, read and delete of a probe object succeeded; clock %3")
                         .arg(d.describe())
                         .arg(listed->size())
                         .arg(skew == 0 ? QStringLiteral("in step") : QStringLiteral("%1 s off").arg(skew));
    return report;
}

} // namespace

Result<DestinationCheck::Report> DestinationCheck::run(const QString &spec, const QByteArray &s3Secret)
{
    if (spec.startsWith(QLatin1String("s3://")))
        return checkS3(spec, s3Secret);
    auto dest = Destination::create(spec);
    if (!dest)
        return dest.error();
    if (Status s = (*dest)->checkWritable(0); !s)
        return s.error();
    Report report;
    report.destination = (*dest)->describe();
    report.freeBytes = (*dest)->freeBytes();
    report.summary =
        report.freeBytes >= 0
            ? QStringLiteral("%1 is writable, %2 free").arg(report.destination, formatMiB(report.freeBytes))
            : QStringLiteral("%1 is writable").arg(report.destination);
    return report;
}

} // namespace lifeboat
