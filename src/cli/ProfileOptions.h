#pragma once

#include "core/Result.h"

#include <QStringList>

namespace lifeboat {
class CliArguments;
struct Profile;
} // namespace lifeboat

namespace lifeboat::cli {

// The options of `profile add` and `profile edit` (--db, --dest, --recipient, --schedule, --keep-*,
// --webhook-format …), parsed in one place: a table of option descriptors, each naming its option,
// whether it takes a value, and what it does to the profile. Options that cancel each other
// (--globals / --no-globals …) are refused together.
class ProfileOptions
{
public:
    static QStringList valueOptions();
    static QStringList flagOptions();

    // Applies the options `parser` holds to `profile` (editing: only those given; --dest,
    // --recipient, --database… replace their lists). A usage mistake has the code "cli.usage"
    // (exit 2); other errors (a bad URI or recipient) are the parser's.
    static Status apply(const CliArguments &parser, Profile &profile, bool editing);
};

} // namespace lifeboat::cli
