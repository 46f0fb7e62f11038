#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace lifeboat::test {

// A throwaway PostgreSQL cluster for one test: initdb in a temp dir, a free port on
// 127.0.0.1, scram-sha-256 for TCP, stopped and deleted when the object dies. When the test
// runs as root the server runs as the unprivileged user `lifeboat-test` (PostgreSQL refuses
// root); scripts/test creates that user.
class PgTestCluster
{
public:
    PgTestCluster();
    ~PgTestCluster();
    PgTestCluster(const PgTestCluster &) = delete;
    PgTestCluster &operator=(const PgTestCluster &) = delete;

    // Starts the cluster; on failure returns false and `errorString()` says why.
    bool start();
    void stop();
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString superuser() const { return QStringLiteral("postgres"); }
    QString password() const { return m_password; }
    QString binDir() const { return m_binDir; }
    int majorVersion() const { return m_major; }
    // postgresql://postgres@127.0.0.1:PORT/DB (no password: tests hand it over via PGPASSWORD).
    QString uri(const QString &database = QStringLiteral("postgres")) const;
    // Environment with PGPASSWORD/PGHOST/PGPORT/PGUSER set for child processes of the test.
    QProcessEnvironment clientEnvironment() const;
    // Sets PGPASSWORD etc. in this process's environment, so libpq and children find them.
    void exportClientEnvironment() const;

    // Runs SQL through psql (-X, ON_ERROR_STOP); returns stdout (tuples only, unaligned).
    // On failure returns a null QString and stores the message in lastPsqlError().
    QString psql(const QString &sql, const QString &database = QStringLiteral("postgres")) const;
    // Runs a psql script file.
    bool psqlFile(const QString &path, const QString &database) const;
    QString lastPsqlError() const { return m_psqlError; }

    static int freePort();
    // The highest-major PostgreSQL bin dir on this machine (/usr/lib/postgresql/N/bin).
    static QString findBinDir();

private:
    bool runServerTool(const QStringList &argv, QString *output = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QString m_password;
    QString m_error;
    mutable QString m_psqlError;
    int m_port = 0;
    int m_major = 0;
    bool m_running = false;
};

} // namespace lifeboat::test
