// Looks for secrets in text that must hold none (cassettes, logs, reports): the known values
// given, and the shapes of credentials: an Authorization header or a "secret", "password"
// or "token" member with a value that is not "[redacted...]", "Basic " with base64 after it,
// token= / key= / secret= in a URL with a value, and any word of exactly 32 hex digits.
#pragma once

#include <string>
#include <vector>

namespace lpsync::testing {

// One line per leak found: "line 12: a 32-hex key: ...context...".
std::vector<std::string> find_secrets(const std::string& text, const std::vector<std::string>& known);

}  // namespace lpsync::testing
