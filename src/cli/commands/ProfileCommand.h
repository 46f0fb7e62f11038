#pragma once

#include "cli/Command.h"
#include "core/Result.h"

namespace lifeboat::cli {

// `lifeboat-cli profile add|edit|list|show|remove|export|import`: the profiles in the catalog. The
// options of add and edit are ProfileOptions'.
class ProfileCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;

private:
    static int add(CliContext &context, const QStringList &args);
    static int edit(CliContext &context, const QStringList &args);
    static int list(CliContext &context);
    static int show(CliContext &context, const QStringList &args);
    static int remove(CliContext &context, const QStringList &args);
    static int exportProfile(CliContext &context, const QStringList &args);
    static int importProfile(CliContext &context, const QStringList &args);
    // Deletes the profile's secrets from the keychain, unless it holds the only copy of its age
    // identity (never exported) and `force` is not given.
    static Status removeSecrets(CliContext &context, const QString &profileName, bool force);
};

} // namespace lifeboat::cli
