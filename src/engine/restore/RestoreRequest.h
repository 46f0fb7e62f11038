#pragma once

#include "core/ConnectionSpec.h"
#include "engine/secrets/JobSecrets.h"

#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace lifeboat {

// What to restore, where, and how (lifeboat-cli restore / verify --restore / the restore wizard).
struct RestoreRequest
{
    enum class Purpose
    {
        Restore,
        Verify
    };

    qint64 artifactId = 0;
    Purpose purpose = Purpose::Restore;
    // Verify only: restore into a throwaway cluster (true) or a scratch database on `target`.
    bool sandbox = false;
    std::optional<ConnectionSpec> target; // default: the profile's server
    QString toDatabase;                   // default: <db>_restore_<yyyyMMdd_HHmm>
    bool replace = false;                 // replace an existing database ...
    QString confirm;                      // ... only when this repeats its name
    QStringList schemas;
    QStringList tables;
    int jobs = 1;
    bool noOwner = false;
    bool dataOnly = false;
    bool schemaOnly = false;
    // What opens the backup (keys, else identity files, else the profile's own key from the store),
    // the S3 secret key to read it, the target's database password when the target is the profile's
    // server, and the safety backup's secrets — read on the job's thread, so the GUI never reads the
    // keychain itself.
    JobSecrets secrets;
    // Fault seam for tests: the free bytes in `folder`, where --jobs N puts its temporary copy
    // (unset: statvfs). Lets a test run out of temporary space without filling a file system.
    std::function<qint64(const QString &folder)> tempFreeBytesProbe;
    // Fault seam for tests: reserves `bytes` for the --jobs temporary copy open on `fd` and returns
    // 0 or an errno value (unset: fallocate). Lets a test report ENOSPC or EOPNOTSUPP, or reserve
    // more than the integrity pass then writes.
    std::function<int(int fd, qint64 bytes)> tempReserve;
};

} // namespace lifeboat
