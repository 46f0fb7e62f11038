#include "engine/crypto/AgeScrypt.h"

#include "engine/crypto/AgeBase64.h"
#include "engine/crypto/AgeFormat.h"
#include "engine/crypto/CryptoLog.h"
#include "engine/crypto/CryptoPrimitives.h"

#include <QElapsedTimer>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <cmath>
#include <limits>

namespace lifeboat {

namespace {

constexpr quint32 BlockSizeR = 8;
constexpr quint32 Parallelism = 1;

Error stanzaError(const QString &what)
{
    return makeError(QStringLiteral("age.header"),
                     QStringLiteral("The age header is malformed: %1.").arg(what));
}

} // namespace

Result<SecretBytes> AgeScrypt::deriveKey(const SecretBytes &passphrase, const QByteArray &salt, int logN)
{
    if (logN < 1 || logN > 30)
        return makeError(QStringLiteral("crypto.scrypt"),
                         QStringLiteral("Invalid scrypt work factor %1.").arg(logN));
    const QByteArray fullSalt = QByteArray(age::ScryptLabel) + salt;
    const quint64 n = quint64(1) << logN;
    // What OpenSSL allocates (128 * r * (N + 2) + 128 * r * p), with slack.
    const quint64 maxMemory =
        128 * quint64(BlockSizeR) * (n + 2) + 128 * quint64(BlockSizeR) * Parallelism + 65536;

    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_SCRYPT, nullptr);
    EVP_KDF_CTX *ctx = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    EVP_KDF_free(kdf);
    if (!ctx)
        return makeError(QStringLiteral("crypto.openssl"),
                         QStringLiteral("Loading scrypt failed in OpenSSL: ") + crypto::takeOpenSslErrors());

    uint64_t nParam = n;
    uint32_t rParam = BlockSizeR;
    uint32_t pParam = Parallelism;
    uint64_t maxMemoryParam = maxMemory;
    // An empty passphrase is refused by the callers; OpenSSL still wants a valid pointer.
    static unsigned char empty = 0;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_PASSWORD,
            passphrase.isEmpty() ? &empty : const_cast<unsigned char *>(passphrase.data()),
            size_t(passphrase.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char *>(fullSalt.constData()),
                                          size_t(fullSalt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &nParam),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &rParam),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &pParam),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMemoryParam),
        OSSL_PARAM_construct_end(),
    };
    SecretBytes key(ChaCha20Poly1305::KeySize);
    const int ok = EVP_KDF_derive(ctx, key.data(), size_t(key.size()), params);
    EVP_KDF_CTX_free(ctx);
    if (ok != 1)
        return makeError(QStringLiteral("crypto.scrypt"),
                         QStringLiteral("scrypt with work factor 2^%1 failed (it needs %2 MiB of memory): %3")
                             .arg(logN)
                             .arg(maxMemory / (1024 * 1024))
                             .arg(crypto::takeOpenSslErrors()));
    return key;
}

int AgeScrypt::calibrateLogN(int targetMilliseconds)
{
    // Time the smallest allowed work factor; each step up doubles the time.
    const SecretBytes passphrase("calibration", 11);
    const QByteArray salt(SaltSize, '\0');
    qint64 bestNanoseconds = -1;
    for (int attempt = 0; attempt < 2; ++attempt) {
        QElapsedTimer timer;
        timer.start();
        const Result<SecretBytes> key = deriveKey(passphrase, salt, MinCalibratedLogN);
        const qint64 elapsed = timer.nsecsElapsed();
        if (!key) {
            qCWarning(lcCrypto) << "scrypt calibration failed:" << key.error().message;
            return MinCalibratedLogN;
        }
        if (bestNanoseconds < 0 || elapsed < bestNanoseconds)
            bestNanoseconds = elapsed;
    }
    const double ratio = double(targetMilliseconds) * 1e6 / double(qMax<qint64>(bestNanoseconds, 1));
    const int steps = ratio > 1.0 ? int(std::floor(std::log2(ratio))) : 0;
    const int logN = qBound(MinCalibratedLogN, MinCalibratedLogN + steps, MaxLogN);
    qCInfo(lcCrypto) << "scrypt calibration: 2^" << MinCalibratedLogN << "takes"
                     << bestNanoseconds / 1000000.0 << "ms; chose work factor 2^" << logN << "for a target of"
                     << targetMilliseconds << "ms";
    return logN;
}

Result<AgeStanza> AgeScrypt::wrap(const SecretBytes &fileKey, const SecretBytes &passphrase, int logN)
{
    QByteArray salt(SaltSize, Qt::Uninitialized);
    if (const Status random = crypto::randomBytes(salt.data(), salt.size()); !random)
        return random.error();
    const Result<SecretBytes> key = deriveKey(passphrase, salt, logN);
    if (!key)
        return key.error();
    Result<QByteArray> body = age::sealFileKey(*key, fileKey);
    if (!body)
        return body.error();
    return AgeStanza{QByteArray(age::ScryptType),
                     {AgeBase64::encode(salt), QByteArray::number(logN)},
                     std::move(body).value()};
}

Result<std::optional<SecretBytes>> AgeScrypt::unwrap(const AgeStanza &stanza, const SecretBytes &passphrase,
                                                     int maxLogN)
{
    if (stanza.type != age::ScryptType)
        return std::optional<SecretBytes>();
    if (stanza.args.size() != 2)
        return stanzaError(QStringLiteral("an scrypt stanza must have exactly two arguments, it has %1")
                               .arg(stanza.args.size()));
    const std::optional<QByteArray> salt = AgeBase64::decode(stanza.args.at(0));
    if (!salt || salt->size() != SaltSize)
        return stanzaError(
            QStringLiteral("the salt of the scrypt stanza is not 16 bytes of canonical base64"));
    // The work factor is a decimal number without sign or leading zeros.
    const QByteArray &workFactor = stanza.args.at(1);
    bool digitsOnly = !workFactor.isEmpty() && workFactor.at(0) != '0';
    for (const char c : workFactor)
        digitsOnly = digitsOnly && c >= '0' && c <= '9';
    if (!digitsOnly)
        return stanzaError(QStringLiteral("the scrypt work factor is not a positive decimal number"));
    const int logN = workFactor.size() > 2 ? std::numeric_limits<int>::max() : workFactor.toInt();
    if (logN > maxLogN)
        return makeError(
            QStringLiteral("age.header"),
            QStringLiteral("The file asks for scrypt work factor 2^%1, more than the allowed maximum "
                           "2^%2 (decrypting it would need too much time and memory).")
                .arg(QString::fromLatin1(workFactor))
                .arg(maxLogN));
    if (stanza.body.size() != age::WrappedFileKeySize)
        return stanzaError(QStringLiteral("the body of the scrypt stanza is %1 bytes instead of %2")
                               .arg(stanza.body.size())
                               .arg(age::WrappedFileKeySize));
    qCDebug(lcCrypto) << "deriving the scrypt key with work factor 2^" << logN;
    const Result<SecretBytes> key = deriveKey(passphrase, *salt, logN);
    if (!key)
        return key.error();
    return age::openFileKey(*key, stanza.body);
}

} // namespace lifeboat
