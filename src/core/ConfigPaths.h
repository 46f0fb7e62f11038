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

    // Creates the directories (0700). Fails with one sentence when it cannot.
    Status ensureExists() const;

private:
    QString m_root;
};

} // namespace lifeboat
