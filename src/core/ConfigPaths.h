#pragma once

#include "core/Result.h"

#include <QString>

namespace lifeboat {

// Where Lifeboat keeps its settings, catalog and locks: --config-dir, else $LIFEBOAT_CONFIG_DIR,
// else ~/.config/lifeboat. Created 0700 on first use.
class ConfigPaths
{
public:
    explicit ConfigPaths(const QString &explicitDir = QString());

    QString root() const { return m_root; }
    QString catalogPath() const;
    QString settingsPath() const;
    QString locksDir() const;
    QString logsDir() const;

    // Separates the keychain entries of independent setups (see SecretKey::storageName): empty
    // for the default folder (~/.config/lifeboat), else this folder's absolute path.
    QString secretScope() const;

    // Creates the directories (0700). Fails with one sentence when it cannot.
    Status ensureExists() const;

private:
    QString m_root;
};

} // namespace lifeboat
