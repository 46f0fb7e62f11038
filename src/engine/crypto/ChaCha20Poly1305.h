#pragma once

#include "core/Result.h"
#include "engine/crypto/SecretBytes.h"

#include <QtGlobal>

#include <array>

typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;

namespace lifeboat {

// ChaCha20-Poly1305 (RFC 8439) with one key, reusing one OpenSSL cipher context. No associated data
// (age never uses any). Not copyable; not thread-safe.
class ChaCha20Poly1305
{
public:
    static constexpr int KeySize = 32;
    static constexpr int NonceSize = 12;
    static constexpr int TagSize = 16;
    using Nonce = std::array<unsigned char, NonceSize>;

    explicit ChaCha20Poly1305(const SecretBytes &key);
    ~ChaCha20Poly1305();
    ChaCha20Poly1305(const ChaCha20Poly1305 &) = delete;
    ChaCha20Poly1305 &operator=(const ChaCha20Poly1305 &) = delete;

    // Encrypts `size` bytes into `out`, which must have room for size + TagSize bytes.
    Status seal(const Nonce &nonce, const char *plaintext, qsizetype size, char *out);
    // Decrypts and authenticates `size` bytes (ciphertext followed by the tag) into `out`, which must
    // have room for size - TagSize bytes. Returns false when the tag does not verify; `out` is then
    // wiped, so unauthenticated plaintext never escapes.
    bool open(const Nonce &nonce, const char *ciphertext, qsizetype size, char *out);

private:
    SecretBytes m_key;
    EVP_CIPHER_CTX *m_ctx = nullptr;
};

} // namespace lifeboat
