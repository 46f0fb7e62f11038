#pragma once

#include "core/Result.h"
#include "engine/crypto/SecretBytes.h"

#include <QByteArray>
#include <QString>

// Thin wrappers over OpenSSL 3 EVP APIs used by the age implementation. Errors carry the code
// "crypto.openssl" (or "crypto.random"): they mean the crypto library itself failed, not the data.
namespace lifeboat::crypto {

constexpr int X25519KeySize = 32;
constexpr int Sha256Size = 32;

// The OpenSSL error queue as one line (and clears it); for error messages, never key material.
QString takeOpenSslErrors();

Status randomBytes(void *out, qsizetype size);

// HKDF-SHA256 (RFC 5869), extract and expand.
Result<SecretBytes> hkdfSha256(const SecretBytes &ikm, const QByteArray &salt, const QByteArray &info,
                               qsizetype length);

Result<QByteArray> hmacSha256(const SecretBytes &key, const QByteArray &message);

// The X25519 public key (u-coordinate) of a 32-byte secret scalar.
Result<QByteArray> x25519PublicKey(const SecretBytes &secretKey);

// X25519(secretKey, peerPublicKey). Fails with code "crypto.x25519-low-order" when the result is
// all zeroes (a low-order peer point), which age requires rejecting.
Result<SecretBytes> x25519(const SecretBytes &secretKey, const QByteArray &peerPublicKey);

bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace lifeboat::crypto
