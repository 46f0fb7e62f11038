#pragma once

#include "core/Result.h"
#include "engine/crypto/ChaCha20Poly1305.h"
#include "engine/crypto/SecretBytes.h"

#include <QByteArray>

#include <optional>

// Constants and small derivations of the age v1 format (age-encryption.org/v1, C2SP age spec),
// shared by the encryptor, the decryptor and the recipient types.
namespace lifeboat::age {

inline constexpr char VersionLine[] = "age-encryption.org/v1";
inline constexpr char X25519Type[] = "X25519";
inline constexpr char X25519Label[] = "age-encryption.org/v1/X25519";
inline constexpr char ScryptType[] = "scrypt";
inline constexpr char ScryptLabel[] = "age-encryption.org/v1/scrypt";
inline constexpr char RecipientHrp[] = "age";
inline constexpr char IdentityHrp[] = "AGE-SECRET-KEY-";

inline constexpr int FileKeySize = 16;
inline constexpr int WrappedFileKeySize = FileKeySize + ChaCha20Poly1305::TagSize;
inline constexpr int StreamNonceSize = 16;
inline constexpr qint64 ChunkSize = 64 * 1024;
inline constexpr qint64 EncryptedChunkSize = ChunkSize + ChaCha20Poly1305::TagSize;
// Headers are a few hundred bytes; this only bounds memory against hostile or non-age input.
inline constexpr qint64 MaxHeaderSize = 1024 * 1024;

// The MAC of the header: HMAC-SHA256 keyed with HKDF-SHA256(fileKey, salt "", info "header").
Result<QByteArray> headerMac(const SecretBytes &fileKey, const QByteArray &macInput);

// The payload key: HKDF-SHA256(fileKey, salt nonce, info "payload").
Result<SecretBytes> payloadKey(const SecretBytes &fileKey, const QByteArray &nonce);

// STREAM nonce of a payload chunk: 11-byte big-endian counter, then 0x01 for the last chunk else 0x00.
ChaCha20Poly1305::Nonce chunkNonce(quint64 counter, bool last);

// Encrypts a file key for a recipient stanza body (ChaCha20-Poly1305 with an all-zero nonce).
Result<QByteArray> sealFileKey(const SecretBytes &wrappingKey, const SecretBytes &fileKey);
// Decrypts a stanza body of WrappedFileKeySize bytes; nullopt when it does not authenticate.
std::optional<SecretBytes> openFileKey(const SecretBytes &wrappingKey, const QByteArray &body);

// A stanza argument: one or more printable ASCII characters (VCHAR, 0x21-0x7e).
bool isValidArgument(QByteArrayView argument);

} // namespace lifeboat::age
