#pragma once

#include "core/Result.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace lifeboat {

// A small parser for "COMMAND [SUBCOMMAND] ARG... --option value --flag" command lines:
// `--name value` and `--name=value`, repeatable options, and flags. Unknown options are
// errors that name the option and the command's help.
class CliArguments
{
public:
    // `valueOptions` take a value; `flagOptions` do not.
    CliArguments(QStringList valueOptions, QStringList flagOptions);

    Status parse(const QStringList &args);

    QStringList positional() const { return m_positional; }
    bool isSet(const QString &name) const { return m_flags.contains(name) || m_values.contains(name); }
    QString value(const QString &name) const { return m_values.value(name).value(0); }
    QStringList values(const QString &name) const { return m_values.value(name); }
    // The option's value as a number within [min, max]; else a usage error ("cli.usage") saying so.
    Result<int> intValue(const QString &name, int min, int max) const;

private:
    QSet<QString> m_valueOptions;
    QSet<QString> m_flagOptions;
    QStringList m_positional;
    QSet<QString> m_flags;
    QHash<QString, QStringList> m_values;
};

} // namespace lifeboat
