#pragma once

#include <QTextStream>

#include <cstdio>

namespace lifeboat {

// lifeboat-cli's standard output and error streams, one of each for every source file of the CLI
// (inline: a single instance of each static), so that what the commands print keeps its order.
inline QTextStream &cliOut()
{
    static QTextStream s(stdout);
    return s;
}

inline QTextStream &cliErr()
{
    static QTextStream s(stderr);
    return s;
}

} // namespace lifeboat
