#include "engine/pg/PgToolFinder.h"

#include "engine/io/ChildProcess.h"
#include "engine/io/EngineLog.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>

namespace lifeboat {

PgToolFinder::PgToolFinder(QString configuredDirectory)
    : m_configured(std::move(configuredDirectory))
{}

QStringList PgToolFinder::searchDirectories() const
{
    QStringList dirs;
    if (!m_configured.isEmpty())
        dirs << m_configured;
    for (const QString &root :
         {QStringLiteral("/usr/lib/postgresql"), QStringLiteral("/usr/local/lib/postgresql")}) {
        const QDir d(root);
        for (const QString &entry : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            dirs << d.filePath(entry + QStringLiteral("/bin"));
    }
    const QDir opt(QStringLiteral("/usr"));
    for (const QString &entry : opt.entryList({QStringLiteral("pgsql-*")}, QDir::Dirs))
        dirs << opt.filePath(entry + QStringLiteral("/bin"));
    for (const QString &p : qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts))
        dirs << p;
    dirs.removeDuplicates();
    return dirs;
}

std::optional<PgTool> PgToolFinder::probe(const QString &path)
{
    static QMutex mutex;
    static QHash<QString, std::optional<PgTool>> cache;
    const QFileInfo fi(path);
    const QString key =
        fi.canonicalFilePath() + QLatin1Char('@') + QString::number(fi.lastModified().toMSecsSinceEpoch());
    {
        QMutexLocker lock(&mutex);
        if (auto it = cache.constFind(key); it != cache.constEnd())
            return *it;
    }
    std::optional<PgTool> tool;
    if (fi.isExecutable() && fi.isFile()) {
        auto out = ChildProcess::run(path, {QStringLiteral("--version")});
        if (out) {
            // "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" / "pg_dump (PostgreSQL) 17beta1"
            static const QRegularExpression re(QStringLiteral("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?"));
            const QRegularExpressionMatch m = re.match(QString::fromUtf8(*out));
            if (m.hasMatch()) {
                PgTool t;
                t.name = fi.fileName();
                t.path = fi.absoluteFilePath();
                t.major = m.captured(1).toInt();
                t.version = m.captured(2).isEmpty() ? m.captured(1)
                                                    : m.captured(1) + QLatin1Char('.') + m.captured(2);
                tool = t;
            }
        }
    }
    QMutexLocker lock(&mutex);
    cache.insert(key, tool);
    return tool;
}

bool PgToolFinder::isDebianWrapper(const QString &canonicalPath)
{
    return canonicalPath.endsWith(QLatin1String("/postgresql-common/pg_wrapper"));
}

QList<PgTool> PgToolFinder::candidates(const QString &name) const
{
    QList<PgTool> out;
    QStringList seen;
    for (const QString &dir : searchDirectories()) {
        const QString path = QDir(dir).filePath(name);
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (canonical.isEmpty() || seen.contains(canonical))
            continue;
        seen << canonical;
        // Debian's and Ubuntu's /usr/bin/pg_* lead to postgresql-common's pg_wrapper, a Perl script
        // that runs /usr/lib/postgresql/<major>/bin/<tool>, which is a candidate of its own (and wins a
        // tie, being searched first). Probing the wrapper would only start Perl, some 35 ms per tool
        // and run, for a copy that is never chosen; a tool directory set to it is still honoured.
        if (isDebianWrapper(canonical) && dir != m_configured)
            continue;
        if (auto tool = probe(path))
            out.append(*tool);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const PgTool &a, const PgTool &b) { return a.major > b.major; });
    return out;
}

Result<PgTool> PgToolFinder::find(const QString &name, int serverMajor) const
{
    const QList<PgTool> all = candidates(name);
    const PgTool *best = nullptr;
    for (const PgTool &t : all) {
        if (t.major >= serverMajor && (!best || t.major < best->major))
            best = &t;
    }
    if (best) {
        qCDebug(lcTools) << "using" << best->path << best->version << "for a PostgreSQL" << serverMajor
                         << "server";
        return *best;
    }
    QStringList found;
    for (const PgTool &t : all)
        found << QStringLiteral("%1 at %2").arg(t.version, t.path);
    const QString foundText = found.isEmpty()
                                  ? QStringLiteral("none was found")
                                  : QStringLiteral("found only ") + found.join(QStringLiteral(", "));
    return makeError(QStringLiteral("tools.missing"),
                     QStringLiteral("the server runs PostgreSQL %1 and needs %2 version %1 or newer, but %3: "
                                    "install postgresql-client-%1 (or set the profile's tool directory)")
                         .arg(serverMajor)
                         .arg(name, foundText));
}

} // namespace lifeboat
