#pragma once

#include "cli/Command.h"
#include "core/Result.h"

namespace lifeboat::cli {

// `lifeboat-cli dest test URL | test [URL] --profile NAME`: is an S3 destination usable? See
// DestinationCheck (the app's Test button runs the same check).
class DestCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(CliContext &context, const QStringList &args) override;

private:
    // --profile NAME: its S3 secret, and its s3:// destinations when no URL was given.
    static Status profileDestinations(CliContext &context, const QString &profileName, QStringList *specs,
                                      QByteArray *secret);
    static int check(CliContext &context, const QStringList &specs, const QByteArray &secret);
};

} // namespace lifeboat::cli
