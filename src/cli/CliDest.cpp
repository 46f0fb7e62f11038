// lifeboat-cli dest test URL: is an S3 destination usable? The bucket is reachable, the credentials
// are right, a probe object can be written, read back byte-identical and deleted, and the clocks agree.

#include "cli/Cli.h"

#include "engine/storage/S3Destination.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>

namespace lifeboat {

namespace {
QTextStream &dout()
{
    static QTextStream s(stdout);
    return s;
}

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
} // namespace

int Cli::cmdDest(const QStringList &args)
{
    if (args.size() != 2 || args.first() != QLatin1String("test"))
        return usage(QStringLiteral("dest needs: test URL"));
    const QString spec = args.at(1);
    if (!spec.startsWith(QLatin1String("s3://")))
        return usage(QStringLiteral("dest test checks S3 destinations: give an s3:// URL"));
    auto dest = S3Destination::create(spec);
    if (!dest)
        return fail(dest.error());
    S3Destination &d = **dest;

    // Reachable, credentials and bucket right: list the prefix.
    auto listed = d.list();
    if (!listed)
        return fail(listed.error());
    const qint64 skew = d.client()->lastClockSkewSeconds();
    if (std::abs(skew) > 300)
        return fail(
            makeError(QStringLiteral("s3.clock"),
                      QStringLiteral("this computer's clock is %1 seconds %2 the S3 server's: correct the "
                                     "clock (enable NTP time synchronisation) before backing up")
                          .arg(std::abs(skew))
                          .arg(skew > 0 ? QStringLiteral("behind") : QStringLiteral("ahead of"))));

    // Write, read back and delete a probe object.
    const QString probe = QStringLiteral(".lifeboat-dest-test-%1")
                              .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    QByteArray payload(4096, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);
    auto writer = d.openWriter(probe);
    if (!writer)
        return fail(writer.error());
    if (Status s = (*writer)->write(payload.constData(), payload.size()); !s)
        return fail(s.error());
    if (Status s = (*writer)->finish(); !s)
        return fail(s.error());
    CollectSink sink;
    const Status read = d.readInto(probe, &sink);
    const Status removed = d.remove(probe);
    if (!read)
        return fail(read.error());
    if (sink.bytes != payload)
        return fail(
            makeError(QStringLiteral("s3.corrupt"),
                      QStringLiteral("%1 returned different bytes than were written: do not use it for "
                                     "backups")
                          .arg(d.describe())));
    if (!removed)
        return fail(removed.error());

    if (m_json) {
        QJsonObject o;
        o.insert(QLatin1String("destination"), d.describe());
        o.insert(QLatin1String("objects"), qint64(listed->size()));
        o.insert(QLatin1String("clockSkewSeconds"), skew);
        o.insert(QLatin1String("ok"), true);
        printJson(o);
        return 0;
    }
    dout() << d.describe() << ": reachable, credentials accepted, " << listed->size()
           << " object(s) under the prefix; write, read and delete of a probe object succeeded; clock "
           << (skew == 0 ? QStringLiteral("in step") : QStringLiteral("%1 s off").arg(skew)) << Qt::endl;
    return 0;
}

} // namespace lifeboat
