// The console's password (issue 19): stored only as an argon2id hash in PHC form
// ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash"), with a fresh 16-byte salt from the system's
// secure source; checked in constant time by libargon2.
#pragma once

#include <string>
#include <string_view>

namespace lpsync::console {

// The cost: OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane), about 50 ms here.
inline constexpr uint32_t kArgonMemoryKiB = 19 * 1024;
inline constexpr uint32_t kArgonPasses = 2;

// Why a password is not accepted as a new one ("" = it is).
std::string weak_password(std::string_view password);
std::string hash_password(std::string_view password);
bool verify_password(const std::string& encoded, std::string_view password);

}  // namespace lpsync::console
