#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace lifeboat {

// Hands a password to PostgreSQL's programs (pg_dump, pg_dumpall, pg_restore, psql) without argv
// or a long-lived file: a libpq password file ("*:*:*:*:password") created 0600 in a private 0700
// directory of its own, named by PGPASSFILE in the child's explicit environment, and overwritten
// and removed when this object is destroyed — whether the child succeeded or failed. Directories
// are named lifeboat-pg-<pid>-XXXXXX, so those of a process that died (SIGKILL, power loss) are
// recognised and removed by the next create().
//
// The directory is under $XDG_RUNTIME_DIR when that is usable (a per-user tmpfs: the password
// never reaches a disk), else under QDir::tempPath().
class PgPassFile
{
public:
    static Result<std::unique_ptr<PgPassFile>> create(const QByteArray &password,
                                                      const QString &baseDir = QString());
    ~PgPassFile();
    PgPassFile(const PgPassFile &) = delete;
    PgPassFile &operator=(const PgPassFile &) = delete;

    QString path() const { return m_path; }
    QString directory() const { return m_dir; }

    // The child's environment: `base` ("NAME=value" entries; empty = this process's environment)
    // without PGPASSWORD (it would take precedence over the file) and with PGPASSFILE=path().
    QStringList environment(const QStringList &base = QStringList()) const;

    // $XDG_RUNTIME_DIR when it is an existing directory only we can use, else QDir::tempPath().
    static QString defaultBaseDir();
    // The password field of a passfile line: '\' and ':' escaped with '\'.
    static QByteArray escape(const QByteArray &password);
    // Removes lifeboat-pg-<pid>-* directories in `baseDir` owned by this user whose process is
    // gone. Returns how many were removed.
    static int removeStale(const QString &baseDir);

private:
    PgPassFile(QString dir, QString path);
    void destroy();

    QString m_dir;
    QString m_path;
};

} // namespace lifeboat
