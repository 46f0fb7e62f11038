#pragma once

#include "core/ConfigPaths.h"
#include "core/Profile.h"
#include "engine/pg/LocalServerFinder.h"

#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QListWidget;
class QPushButton;

namespace lifeboat {

class ProfileEditor;
class SecretStore;

// The first run (no profiles in the catalog): finds the servers this user can reach
// (LocalServerFinder on a worker thread: PG* variables, ~/.pgpass, pg_service.conf, the local
// socket, 127.0.0.1:5432), and opens the profile wizard prefilled for the chosen one — a name, the
// connection, a backup folder in the home directory, a key generated in the keychain. Once the
// profile is saved, profileCreated() tells the window, which shows its card with Back up now.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    using SecretStoreProvider = std::function<std::shared_ptr<SecretStore>()>;

    WelcomePage(ConfigPaths paths, SecretStoreProvider secrets, QWidget *parent = nullptr);

    // Looks for servers again (runs on the thread pool; found() when done).
    void findServers(const LocalServerFinder::Options &options = LocalServerFinder::Options());
    QList<LocalServerFinder::Candidate> candidates() const { return m_candidates; }
    // The profile the wizard starts with for a found server.
    Profile suggestedProfile(const LocalServerFinder::Candidate &candidate) const;
    // Opens the wizard (for the selected server, or empty when none is selected).
    ProfileEditor *startWizard();

Q_SIGNALS:
    void found(int count);
    void profileCreated(const QString &profileName);

private:
    ConfigPaths m_paths;
    SecretStoreProvider m_secrets;
    QList<LocalServerFinder::Candidate> m_candidates;
    QListWidget *m_servers = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_setUp = nullptr;
};

} // namespace lifeboat
