#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace lifeboat {

// A shell-style glob over names (database names, schema names): `*` any run, `?` one
// character, `[abc]`/`[a-z]`/`[!x]` classes; everything else literal. Case-sensitive, like
// PostgreSQL identifiers.
class NamePattern
{
public:
    explicit NamePattern(const QString &glob);

    bool isValid() const { return m_regex.isValid(); }
    bool matches(const QString &name) const { return m_regex.match(name).hasMatch(); }
    QString pattern() const { return m_glob; }

    // Which of `names` pass: matching any include (or all when there are none) and no exclude.
    static QStringList filter(const QStringList &names, const QStringList &includes,
                              const QStringList &excludes);

private:
    QString m_glob;
    QRegularExpression m_regex;
};

} // namespace lifeboat
