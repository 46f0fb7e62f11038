#pragma once

#include "cli/Command.h"
#include "core/SecretStore.h"

namespace lifeboat::cli {

// `lifeboat-cli secret set|delete|list`: the profile's secrets in the OS keychain (values from
// stdin, never from arguments).
class SecretCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;

private:
    static int list(CliContext &context, const QStringList &args);
    static int set(CliContext &context, const QString &profileName, SecretKind kind);
    static int remove(CliContext &context, const QString &profileName, SecretKind kind);
    static int report(CliContext &context, const QString &profileName, SecretKind kind, const char *key,
                      const char *where);
};

} // namespace lifeboat::cli
