#pragma once

#include "core/Profile.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace lifeboat {

// A recovery kit: everything needed to read a profile's backups without Lifeboat and without this
// machine — the profile's age identity, its recipients, and the exact commands to check, decrypt
// and restore with age, zstd and pg_restore. Every line but the key is a '#' comment, so the kit
// is itself an age identity file: `age -d -i KIT backup.dump.zst.age` works as is.
class RecoveryKit
{
public:
    struct Input
    {
        Profile profile;
        QString identity;  // AGE-SECRET-KEY-1…
        QString recipient; // the identity's public key, age1…
        QString kitPath;   // where the kit is written (absolute), used in the commands
        QDateTime createdUtc;
        QString hostName;
    };

    static QByteArray render(const Input &input);

    // Writes `contents` to `path` created 0600 (through a temporary file in the same folder, so a
    // partial kit never exists). Refuses (code "kit.exists") when the path exists and `overwrite`
    // is false; never follows a symlink at the temporary name.
    static Status write(const QString &path, const QByteArray &contents, bool overwrite);

    // Single-quotes `s` for a POSIX shell when it needs quoting.
    static QString shellQuote(const QString &s);
};

} // namespace lifeboat
