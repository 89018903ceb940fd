// Hashes, signatures and encodings the two APIs use (OpenSSL underneath).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lpsync {

std::string base64_encode(std::string_view bytes);
// Strict: nullopt on characters outside the alphabet or a wrong length/padding.
std::optional<std::string> base64_decode(std::string_view text);

// Lower-case hex MD5 (Lightspeed's install signature and app password).
std::string md5_hex(std::string_view bytes);
// Raw 32-byte HMAC-SHA256.
std::string hmac_sha256(std::string_view key, std::string_view message);
// Picqer's webhook signature: base64(HMAC-SHA256(body, secret)).
std::string picqer_signature(std::string_view body, std::string_view secret);
// Lightspeed's webhook signature (X-Signature, reference §6.2): md5_hex(raw body + app secret).
std::string lightspeed_signature(std::string_view body, std::string_view secret);

// Compares in time that depends only on the lengths, not on where the texts differ.
bool constant_time_equals(std::string_view a, std::string_view b);

// `n` bytes from the operating system's secure random source, as lower-case hex. For
// secrets (webhook tokens) in live mode only; simulation draws from lpsync::Random.
std::string system_random_hex(size_t n);

}  // namespace lpsync
