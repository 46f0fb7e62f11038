#pragma once

#include "core/Result.h"
#include "engine/storage/SigV4Signer.h"

#include <QString>
#include <QUrl>

namespace lifeboat {

// An S3-compatible destination as written in a profile:
//
//   s3://BUCKET[/PREFIX][?endpoint=URL|aws|r2:ACCOUNTID|b2:REGION][&region=R][&style=path|virtual]
//        [&access_key=AKIA…][&profile=NAME][&ca=/path/ca.pem]
//        [&storage-class=STANDARD_IA][&object-lock=governance|compliance&object-lock-days=N]
//
// No endpoint means AWS. The access key id may be in the URL (it is not secret); the secret never is:
// it comes from the keychain (the profile's "s3-secret"), else AWS_SECRET_ACCESS_KEY, else
// ~/.aws/credentials (profile from `profile=` or AWS_PROFILE), with AWS_SESSION_TOKEN /
// aws_session_token for temporary credentials. `storage-class` and `object-lock` apply to the backups
// written there (x-amz-storage-class, x-amz-object-lock-mode/-retain-until-date), not to probes.
struct S3Location
{
    QString spec; // as configured
    QString bucket;
    QString prefix; // no leading or trailing '/'; may be empty
    QUrl endpoint;  // scheme://host[:port]
    QString region; // "us-east-1", "auto", …
    bool pathStyle = true;
    QString accessKeyId;
    QString credentialsProfile;
    QString caFile;
    QString storageClass;   // "STANDARD_IA", …; empty = the bucket's default
    QString objectLockMode; // "GOVERNANCE" or "COMPLIANCE"; empty = no retention set by Lifeboat
    int objectLockDays = 0; // retention from the upload, with objectLockMode

    // The key for a path relative to the destination root.
    QString keyFor(const QString &relativePath) const;
    // scheme://host[:port] that requests go to (virtual-hosted style puts the bucket in the host).
    QUrl baseUrl() const;
    // The decoded request path for a key ("/bucket/key" or "/key").
    QByteArray requestPath(const QString &key) const;
    QString describe() const;
};

namespace S3Url {
// Parses and checks the URL; does not look at credentials.
Result<S3Location> parse(const QString &spec);

// The credentials for a location: the keychain's secret when one was read (`storedSecret`, paired
// with the URL's access key id, else AWS_ACCESS_KEY_ID), else the environment, else the shared
// credentials file. `environment` and `credentialsFile` are seams for tests.
struct CredentialSources
{
    QByteArray storedSecret; // the profile's "s3-secret" from the keychain; empty = none stored
    QHash<QString, QString> environment;
    bool useProcessEnvironment = true;
    QString credentialsFile; // empty = $AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials
};
Result<SigV4Signer::Credentials> credentials(const S3Location &location,
                                             const CredentialSources &sources = {});
} // namespace S3Url

} // namespace lifeboat
