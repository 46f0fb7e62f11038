#include "cli/CliArguments.h"

namespace lifeboat {

CliArguments::CliArguments(QStringList valueOptions, QStringList flagOptions)
    : m_valueOptions(valueOptions.cbegin(), valueOptions.cend())
    , m_flagOptions(flagOptions.cbegin(), flagOptions.cend())
{}

Status CliArguments::parse(const QStringList &args)
{
    bool onlyPositional = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (onlyPositional || !arg.startsWith(QLatin1String("--")) || arg == QLatin1String("-")) {
            m_positional << arg;
            continue;
        }
        if (arg == QLatin1String("--")) {
            onlyPositional = true;
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        bool hasInlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasInlineValue = true;
        }
        if (m_flagOptions.contains(name)) {
            if (hasInlineValue)
                return makeError(QStringLiteral("cli.usage"),
                                 QStringLiteral("--%1 takes no value").arg(name));
            m_flags.insert(name);
        } else if (m_valueOptions.contains(name)) {
            if (!hasInlineValue) {
                if (i + 1 >= args.size())
                    return makeError(QStringLiteral("cli.usage"),
                                     QStringLiteral("--%1 needs a value").arg(name));
                value = args.at(++i);
            }
            m_values[name].append(value);
        } else {
            return makeError(QStringLiteral("cli.usage"),
                             QStringLiteral("unknown option --%1 (see lifeboat-cli help)").arg(name));
        }
    }
    return {};
}

Result<int> CliArguments::intValue(const QString &name, int min, int max) const
{
    bool ok = false;
    const int v = value(name).toInt(&ok);
    if (!ok || v < min || v > max)
        return makeError(QStringLiteral("cli.usage"),
                         QStringLiteral("--%1 takes a number from %2 to %3").arg(name).arg(min).arg(max));
    return v;
}

} // namespace lifeboat
