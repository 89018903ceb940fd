#include "tools/console/password.h"

#include <argon2.h>

#include <stdexcept>

#include "engine/env/crypto.h"

namespace lpsync::console {

std::string weak_password(std::string_view password) {
  if (password.size() < 12) return "use at least 12 characters";
  if (password.size() > 256) return "use at most 256 characters";
  return "";
}

std::string hash_password(std::string_view password) {
  std::string salt = system_random_hex(16);  // 128 bits, as 32 hex characters
  size_t length = argon2_encodedlen(kArgonPasses, kArgonMemoryKiB, 1, static_cast<uint32_t>(salt.size()), 32, Argon2_id);
  std::string encoded(length, '\0');
  int rc = argon2id_hash_encoded(kArgonPasses, kArgonMemoryKiB, 1, password.data(), password.size(), salt.data(),
                                 salt.size(), 32, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2id failed: ") + argon2_error_message(rc));
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool verify_password(const std::string& encoded, std::string_view password) {
  if (!encoded.starts_with("$argon2id$")) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace lpsync::console
