#include "core/NamePattern.h"

namespace lifeboat {

NamePattern::NamePattern(const QString &glob)
    : m_glob(glob)
{
    QString re = QStringLiteral("\\A");
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*')) {
            re += QStringLiteral(".*");
        } else if (c == QLatin1Char('?')) {
            re += QLatin1Char('.');
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = glob.indexOf(QLatin1Char(']'), i + 2);
            if (close < 0) {
                re += QStringLiteral("\\[");
                continue;
            }
            QString cls = glob.mid(i + 1, close - i - 1);
            if (cls.startsWith(QLatin1Char('!')))
                cls[0] = QLatin1Char('^');
            cls.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            re += QLatin1Char('[') + cls + QLatin1Char(']');
            i = close;
        } else {
            re += QRegularExpression::escape(QString(c));
        }
    }
    re += QStringLiteral("\\z");
    m_regex = QRegularExpression(re, QRegularExpression::DotMatchesEverythingOption);
}

QStringList NamePattern::filter(const QStringList &names, const QStringList &includes,
                                const QStringList &excludes)
{
    QList<NamePattern> inc, exc;
    for (const QString &p : includes)
        inc.append(NamePattern(p));
    for (const QString &p : excludes)
        exc.append(NamePattern(p));
    QStringList out;
    for (const QString &name : names) {
        bool included = inc.isEmpty();
        for (const NamePattern &p : inc)
            included = included || p.matches(name);
        bool excluded = false;
        for (const NamePattern &p : exc)
            excluded = excluded || p.matches(name);
        if (included && !excluded)
            out << name;
    }
    return out;
}

} // namespace lifeboat
