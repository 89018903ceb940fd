// Takes secrets (and, on request, customers' personal data) out of HTTP exchanges and text
// before they are written anywhere: cassettes, logs, plan output.
//   - every known secret value (API keys, secrets, passwords, webhook tokens and signing
//     secrets) anywhere in a URL, header or body becomes "[redacted:NAME]";
//   - Authorization, Cookie and other credential headers become "[redacted]";
//   - query parameters and JSON members named like credentials (token, secret, password,
//     key, signature...) become "[redacted]";
//   - any run of exactly 32 hex digits (the shape of Lightspeed keys and md5 passwords)
//     becomes "[redacted:hex]";
//   - with `personal`: customer names, e-mail addresses, phone numbers and addresses in JSON
//     bodies become "[personal]".
// Redacting is idempotent and the same on both sides of a replay, so a recorded request and
// the replayed one compare equal after redaction.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/env/http.h"

namespace lpsync::live {

class Redactor {
 public:
  explicit Redactor(bool personal = false) : personal_(personal) {}

  // A secret known by value, e.g. ("lightspeed-secret", "..."). Thread-safe.
  void add_secret(const std::string& name, const std::string& value);
  bool personal() const { return personal_; }

  std::string text(std::string_view text) const;  // known secrets and 32-hex runs
  std::string url(std::string_view url) const;    // + credential query parameters
  Headers headers(const Headers& headers) const;
  // JSON bodies member by member (credential members, personal data); other text as text().
  std::string body(std::string_view body) const;
  Request request(const Request& r) const;
  Response response(const Response& r) const;

  static bool is_credential_name(std::string_view name);
  static bool is_credential_header(std::string_view name);
  static bool is_personal_name(std::string_view name);

 private:
  std::vector<std::pair<std::string, std::string>> secrets() const;

  bool personal_;
  mutable std::mutex mu_;
  std::vector<std::pair<std::string, std::string>> secrets_;  // name, value
};

}  // namespace lpsync::live
