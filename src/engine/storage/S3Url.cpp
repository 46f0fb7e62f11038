#include "engine/storage/S3Url.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QUrlQuery>

namespace lifeboat {

QString S3Location::keyFor(const QString &relativePath) const
{
    return prefix.isEmpty() ? relativePath : prefix + QLatin1Char('/') + relativePath;
}

QUrl S3Location::baseUrl() const
{
    QUrl u = endpoint;
    if (!pathStyle)
        u.setHost(bucket + QLatin1Char('.') + endpoint.host());
    return u;
}

QByteArray S3Location::requestPath(const QString &key) const
{
    if (pathStyle)
        return QByteArray("/") + bucket.toUtf8() + (key.isEmpty() ? QByteArray() : "/" + key.toUtf8());
    return "/" + key.toUtf8();
}

QString S3Location::describe() const
{
    return QStringLiteral("S3 bucket %1 at %2").arg(bucket, endpoint.toString());
}

namespace {

Error invalid(const QString &message)
{
    return makeError(QStringLiteral("dest.invalid"), message);
}

QString env(const S3Url::CredentialSources &s, const char *name)
{
    const QString key = QString::fromLatin1(name);
    if (s.environment.contains(key))
        return s.environment.value(key);
    if (s.useProcessEnvironment)
        return qEnvironmentVariable(name);
    return {};
}

// The [profile] section of an AWS shared credentials file.
QHash<QString, QString> readIniSection(const QString &path, const QString &profile)
{
    QHash<QString, QString> values;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return values;
    bool inSection = false;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            QString name = line.mid(1, line.size() - 2).trimmed();
            if (name.startsWith(QLatin1String("profile ")))
                name = name.mid(8).trimmed();
            inSection = name == profile;
            continue;
        }
        if (!inSection)
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            values.insert(line.left(eq).trimmed().toLower(), line.mid(eq + 1).trimmed());
    }
    return values;
}

// No secrets in the query, and only the options Lifeboat knows.
Status checkQueryItems(const QUrlQuery &query)
{
    static const QStringList secretNames = {QStringLiteral("secret"),
                                            QStringLiteral("secret_key"),
                                            QStringLiteral("secret_access_key"),
                                            QStringLiteral("aws_secret_access_key"),
                                            QStringLiteral("password"),
                                            QStringLiteral("session_token")};
    static const QStringList known = {
        QStringLiteral("endpoint"),      QStringLiteral("region"),      QStringLiteral("style"),
        QStringLiteral("access_key"),    QStringLiteral("profile"),     QStringLiteral("ca"),
        QStringLiteral("storage-class"), QStringLiteral("object-lock"), QStringLiteral("object-lock-days")};
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        Q_UNUSED(value)
        if (secretNames.contains(name.toLower()))
            return invalid(QStringLiteral("an S3 URL must not contain a secret: put the secret key in "
                                          "AWS_SECRET_ACCESS_KEY or ~/.aws/credentials instead"));
        if (!known.contains(name))
            return invalid(
                QStringLiteral("unknown S3 URL option '%1': use endpoint, region, style, access_key, "
                               "profile, ca, storage-class, object-lock or object-lock-days")
                    .arg(name));
    }
    return {};
}

// The endpoint (aws, r2:ACCOUNTID, b2:REGION or a URL), the region, and the addressing style.
Status parseEndpoint(const QUrlQuery &query, S3Location &loc)
{
    const QString endpoint = query.queryItemValue(QStringLiteral("endpoint"), QUrl::FullyDecoded);
    QString region = query.queryItemValue(QStringLiteral("region"), QUrl::FullyDecoded);
    bool virtualDefault = false;
    if (endpoint.isEmpty() || endpoint == QLatin1String("aws")) {
        if (region.isEmpty())
            region = QStringLiteral("us-east-1");
        loc.endpoint = QUrl(QStringLiteral("https://s3.%1.amazonaws.com").arg(region));
        virtualDefault = true;
    } else if (endpoint.startsWith(QLatin1String("r2:"))) {
        const QString account = endpoint.mid(3);
        static const QRegularExpression accountRe(QStringLiteral("^[0-9a-f]{32}$"));
        if (!accountRe.match(account).hasMatch())
            return invalid(
                QStringLiteral("'%1' is not a Cloudflare account id: write endpoint=r2:ACCOUNTID with the "
                               "32-character id from the R2 dashboard")
                    .arg(account));
        loc.endpoint = QUrl(QStringLiteral("https://%1.r2.cloudflarestorage.com").arg(account));
        if (region.isEmpty())
            region = QStringLiteral("auto");
    } else if (endpoint.startsWith(QLatin1String("b2:"))) {
        const QString b2region = endpoint.mid(3);
        static const QRegularExpression regionRe(QStringLiteral("^[a-z]{2}-[a-z]+-[0-9]{3}$"));
        if (!regionRe.match(b2region).hasMatch())
            return invalid(
                QStringLiteral("'%1' is not a Backblaze B2 region: write endpoint=b2:us-west-004 (the "
                               "region of the bucket's S3 endpoint)")
                    .arg(b2region));
        loc.endpoint = QUrl(QStringLiteral("https://s3.%1.backblazeb2.com").arg(b2region));
        if (region.isEmpty())
            region = b2region;
        virtualDefault = true;
    } else {
        const QUrl e(endpoint, QUrl::StrictMode);
        if (!e.isValid() || (e.scheme() != QLatin1String("http") && e.scheme() != QLatin1String("https")) ||
            e.host().isEmpty() || (!e.path().isEmpty() && e.path() != QLatin1String("/")) || e.hasQuery())
            return invalid(
                QStringLiteral("'%1' is not an S3 endpoint: write endpoint=https://HOST[:PORT] or one of "
                               "aws, r2:ACCOUNTID, b2:REGION")
                    .arg(endpoint));
        loc.endpoint = QUrl(e.scheme() + QStringLiteral("://") + e.authority());
        if (region.isEmpty())
            region = QStringLiteral("us-east-1");
    }
    loc.region = region;
    static const QRegularExpression regionRe(QStringLiteral("^[A-Za-z0-9-]{1,40}$"));
    if (!regionRe.match(region).hasMatch())
        return invalid(QStringLiteral("'%1' is not an S3 region name").arg(region));

    const QString style = query.queryItemValue(QStringLiteral("style"));
    if (style.isEmpty())
        loc.pathStyle = !virtualDefault || loc.bucket.contains(QLatin1Char('.'));
    else if (style == QLatin1String("path"))
        loc.pathStyle = true;
    else if (style == QLatin1String("virtual"))
        loc.pathStyle = false;
    else
        return invalid(QStringLiteral("style=%1 is not an addressing style: use style=path or style=virtual")
                           .arg(style));

    return {};
}

// storage-class=CLASS: only classes whose objects can be read back at once.
Status parseStorageClass(const QUrlQuery &query, S3Location &loc)
{
    if (query.hasQueryItem(QStringLiteral("storage-class"))) {
        const QString storageClass =
            query.queryItemValue(QStringLiteral("storage-class"), QUrl::FullyDecoded);
        // Classes whose objects can be read back at once: Lifeboat reads every backup to verify and
        // restore it, which GLACIER and DEEP_ARCHIVE allow only after a separate restore request.
        static const QStringList readable = {
            QStringLiteral("STANDARD"),   QStringLiteral("STANDARD_IA"),
            QStringLiteral("ONEZONE_IA"), QStringLiteral("INTELLIGENT_TIERING"),
            QStringLiteral("GLACIER_IR"), QStringLiteral("REDUCED_REDUNDANCY")};
        if (storageClass == QLatin1String("GLACIER") || storageClass == QLatin1String("DEEP_ARCHIVE"))
            return invalid(
                QStringLiteral("storage-class=%1 keeps backups where they cannot be read back without a "
                               "separate restore request: use GLACIER_IR (instant retrieval) or a lifecycle "
                               "rule on the bucket")
                    .arg(storageClass));
        if (!readable.contains(storageClass))
            return invalid(QStringLiteral("storage-class=%1 is not an S3 storage class: use STANDARD, "
                                          "STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR or "
                                          "REDUCED_REDUNDANCY")
                               .arg(storageClass));
        loc.storageClass = storageClass;
    }
    return {};
}

// object-lock=MODE with object-lock-days=N.
Status parseObjectLock(const QUrlQuery &query, S3Location &loc)
{
    const bool hasLock = query.hasQueryItem(QStringLiteral("object-lock"));
    const bool hasDays = query.hasQueryItem(QStringLiteral("object-lock-days"));
    if (hasLock) {
        const QString mode = query.queryItemValue(QStringLiteral("object-lock"), QUrl::FullyDecoded);
        if (mode != QLatin1String("governance") && mode != QLatin1String("compliance"))
            return invalid(QStringLiteral("object-lock=%1 is not an S3 Object Lock mode: use "
                                          "object-lock=governance or object-lock=compliance")
                               .arg(mode));
        if (!hasDays)
            return invalid(QStringLiteral("object-lock=%1 needs the retention period: add "
                                          "&object-lock-days=N (1 to 36500)")
                               .arg(mode));
        bool ok = false;
        const QString daysText = query.queryItemValue(QStringLiteral("object-lock-days"), QUrl::FullyDecoded);
        const int days = daysText.toInt(&ok);
        if (!ok || days < 1 || days > 36500)
            return invalid(
                QStringLiteral("object-lock-days=%1 is not a retention period: give a whole number "
                               "of days from 1 to 36500")
                    .arg(daysText));
        loc.objectLockMode = mode.toUpper();
        loc.objectLockDays = days;
    } else if (hasDays) {
        return invalid(
            QStringLiteral("object-lock-days needs object-lock=governance or object-lock=compliance "
                           "in the same URL"));
    }
    return {};
}

} // namespace

Result<S3Location> S3Url::parse(const QString &spec)
{
    if (!spec.startsWith(QLatin1String("s3://")))
        return invalid(QStringLiteral("'%1' is not an S3 URL: write s3://BUCKET/PREFIX").arg(spec));
    const QUrl url(spec, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(QStringLiteral("'%1' is not a valid S3 URL: %2").arg(spec, url.errorString()));
    if (!url.password().isEmpty())
        return invalid(QStringLiteral("an S3 URL must not contain a secret: put the secret key in "
                                      "AWS_SECRET_ACCESS_KEY or ~/.aws/credentials instead"));
    const QUrlQuery query(url);
    if (Status s = checkQueryItems(query); !s)
        return s.error();
    S3Location loc;
    loc.spec = spec;
    loc.bucket = url.host(QUrl::FullyDecoded);
    if (!url.userName().isEmpty())
        return invalid(
            QStringLiteral("put the access key id in the S3 URL as ?access_key=…, not before the bucket"));
    // Bucket names: 3–63 lower-case letters, digits, '.', '-' (S3's rules; MinIO and R2 follow them).
    static const QRegularExpression bucketRe(QStringLiteral("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"));
    if (!bucketRe.match(loc.bucket).hasMatch())
        return invalid(
            QStringLiteral("'%1' is not a valid bucket name: use 3–63 lower-case letters, digits, '.' "
                           "and '-'")
                .arg(loc.bucket));
    QString prefix = url.path(QUrl::FullyDecoded);
    while (prefix.startsWith(QLatin1Char('/')))
        prefix.remove(0, 1);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    loc.prefix = prefix;

    if (Status s = parseEndpoint(query, loc); !s)
        return s.error();
    loc.accessKeyId = query.queryItemValue(QStringLiteral("access_key"), QUrl::FullyDecoded);
    loc.credentialsProfile = query.queryItemValue(QStringLiteral("profile"), QUrl::FullyDecoded);
    loc.caFile = query.queryItemValue(QStringLiteral("ca"), QUrl::FullyDecoded);
    if (!loc.caFile.isEmpty() && !QDir::isAbsolutePath(loc.caFile))
        return invalid(QStringLiteral("ca=%1 is not an absolute path to a PEM file").arg(loc.caFile));

    if (Status s = parseStorageClass(query, loc); !s)
        return s.error();
    if (Status s = parseObjectLock(query, loc); !s)
        return s.error();
    return loc;
}

Result<SigV4Signer::Credentials> S3Url::credentials(const S3Location &location,
                                                    const CredentialSources &sources)
{
    SigV4Signer::Credentials c;
    c.accessKeyId = location.accessKeyId;
    const QString envKeyId = env(sources, "AWS_ACCESS_KEY_ID");
    const QString envSecret = env(sources, "AWS_SECRET_ACCESS_KEY");
    if (c.accessKeyId.isEmpty())
        c.accessKeyId = envKeyId;
    if (!sources.storedSecret.isEmpty()) {
        // The keychain's secret belongs to the profile's key id: the URL's, else the environment's.
        if (c.accessKeyId.isEmpty())
            return makeError(QStringLiteral("s3.credentials"),
                             QStringLiteral("the keychain holds the secret key for %1 but no access key id "
                                            "goes with it: add ?access_key=… to the destination URL")
                                 .arg(location.describe()));
        c.secretAccessKey = sources.storedSecret;
        c.secretSource = QStringLiteral("keychain");
        return c;
    }
    // The environment's secret belongs to the environment's key id (or to the URL's when that is the only
    // one).
    if (!envSecret.isEmpty() && (envKeyId.isEmpty() || envKeyId == c.accessKeyId)) {
        c.secretAccessKey = envSecret.toUtf8();
        c.sessionToken = env(sources, "AWS_SESSION_TOKEN").toUtf8();
        c.secretSource = QStringLiteral("environment");
    } else {
        QString profile = location.credentialsProfile;
        if (profile.isEmpty())
            profile = env(sources, "AWS_PROFILE");
        if (profile.isEmpty())
            profile = QStringLiteral("default");
        QString file = sources.credentialsFile;
        if (file.isEmpty())
            file = env(sources, "AWS_SHARED_CREDENTIALS_FILE");
        if (file.isEmpty())
            file = QDir::homePath() + QStringLiteral("/.aws/credentials");
        const QHash<QString, QString> section = readIniSection(file, profile);
        const QString fileKeyId = section.value(QStringLiteral("aws_access_key_id"));
        if (c.accessKeyId.isEmpty())
            c.accessKeyId = fileKeyId;
        if (!section.value(QStringLiteral("aws_secret_access_key")).isEmpty() &&
            (fileKeyId.isEmpty() || fileKeyId == c.accessKeyId)) {
            c.secretAccessKey = section.value(QStringLiteral("aws_secret_access_key")).toUtf8();
            c.sessionToken = section.value(QStringLiteral("aws_session_token")).toUtf8();
            c.secretSource =
                QStringLiteral("file:") + file + QStringLiteral(" [") + profile + QLatin1Char(']');
        }
    }
    if (c.accessKeyId.isEmpty())
        return makeError(QStringLiteral("s3.credentials"),
                         QStringLiteral("no access key id for %1: add ?access_key=… to the URL, set "
                                        "AWS_ACCESS_KEY_ID, or add it to ~/.aws/credentials")
                             .arg(location.describe()));
    if (c.secretAccessKey.isEmpty())
        return makeError(QStringLiteral("s3.credentials"),
                         QStringLiteral("no secret key for access key %1: store it with `lifeboat-cli "
                                        "secret set PROFILE s3-secret`, set AWS_SECRET_ACCESS_KEY, or add "
                                        "aws_secret_access_key to ~/.aws/credentials")
                             .arg(c.accessKeyId));
    return c;
}

} // namespace lifeboat
