#pragma once

#include "core/ConnectionSpec.h"
#include "core/Manifest.h"
#include "core/Result.h"

#include <QList>
#include <QString>

namespace lifeboat {

class PgSession;

// The checks made on a restore's target before anything is changed there: server versions and the
// pg_restore to use, the roles owning the backup's objects, its extensions, whether the target
// database exists (and its connections), and the disk space a restore needs. RestoreJob runs them
// inside run(); the restore wizard runs the same checks first on a worker thread to show them, so
// what the wizard shows is what the job will check.
class RestorePreflight
{
public:
    struct Check
    {
        enum class Outcome
        {
            Ok,
            Warning,
            Blocking
        };
        QString topic; // "versions", "roles", "extensions", "target", "connections", "disk"
        Outcome outcome = Outcome::Ok;
        QString text; // one sentence
        Error error;  // Blocking: the job's error (code + sentence)
    };

    struct Input
    {
        Manifest manifest;
        ConnectionSpec target;
        QString database;
        bool noOwner = false;
        bool replace = false;
        QString confirm;
        int jobs = 1;
        QString toolDirectory; // the profile's pg tool folder, if any
    };

    struct Report
    {
        QList<Check> checks;
        QString pgRestorePath;
        QString pgRestoreVersion;
        int targetMajor = 0;
        bool targetExists = false;

        bool ok() const;
        // The first blocking check's error.
        Error firstError() const;
        QStringList lines() const;
    };

    // Runs every check on `admin` (a session on the target's maintenance database). Blocking: use
    // on a worker thread. Fails only when the checks themselves cannot run (a query error).
    static Result<Report> run(PgSession &admin, const Input &input);
    // Connects to the target's "postgres" database (with `password` when given) and runs the checks.
    static Result<Report> connectAndRun(const Input &input, const QByteArray &password = QByteArray());
};

} // namespace lifeboat
