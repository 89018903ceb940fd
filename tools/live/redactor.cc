#include "tools/live/redactor.h"

#include <algorithm>
#include <cctype>

#include "engine/env/json.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

constexpr std::string_view kRedacted = "[redacted]";
constexpr std::string_view kPersonal = "[personal]";
constexpr size_t kMinSecretLength = 4;  // shorter values would redact ordinary text

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// Maximal runs of exactly 32 hex digits, not part of a longer word.
std::string redact_hex_keys(std::string text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (!is_hex(text[i]) || (i > 0 && is_alnum(text[i - 1]))) {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && is_hex(text[end])) ++end;
    bool word_ends = end == text.size() || !is_alnum(text[end]);
    if (end - i == 32 && word_ends) {
      out += "[redacted:hex]";
    } else {
      out.append(text, i, end - i);
    }
    i = end;
  }
  return out;
}

// Every string and number under a personal member.
void redact_all(bj::value& v) {
  if (v.is_object()) {
    for (auto& kv : v.as_object()) redact_all(kv.value());
  } else if (v.is_array()) {
    for (auto& x : v.as_array()) redact_all(x);
  } else if (v.is_string() || v.is_number()) {
    v = kPersonal;
  }
}

// Returns true when something changed.
bool redact_members(bj::value& v, bool personal) {
  bool changed = false;
  if (v.is_array()) {
    for (auto& x : v.as_array()) changed |= redact_members(x, personal);
    return changed;
  }
  if (!v.is_object()) return false;
  for (auto& kv : v.as_object()) {
    std::string_view key(kv.key().data(), kv.key().size());
    bj::value& value = kv.value();
    bool scalar = value.is_string() || value.is_number();
    if (Redactor::is_credential_name(key) && scalar) {
      if (!(value.is_string() && value.as_string().starts_with("[redacted"))) {
        value = kRedacted;
        changed = true;
      }
    } else if (personal && Redactor::is_personal_name(key) && !value.is_bool() && !value.is_null()) {
      bj::value before = value;
      redact_all(value);
      changed |= before != value;
    } else {
      changed |= redact_members(value, personal);
    }
  }
  return changed;
}

}  // namespace

void Redactor::add_secret(const std::string& name, const std::string& value) {
  if (value.size() < kMinSecretLength) return;
  std::lock_guard lock(mu_);
  for (const auto& [n, v] : secrets_) {
    if (v == value) return;
  }
  secrets_.emplace_back(name, value);
  // Longest first, so a secret containing another is replaced whole.
  std::stable_sort(secrets_.begin(), secrets_.end(),
                   [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
}

std::vector<std::pair<std::string, std::string>> Redactor::secrets() const {
  std::lock_guard lock(mu_);
  return secrets_;
}

bool Redactor::is_credential_name(std::string_view name) {
  std::string n = lower(name);
  static const char* const kExact[] = {"key", "apikey", "api_key", "signature", "authorization", "auth", "pass"};
  for (const char* e : kExact) {
    if (n == e) return true;
  }
  return contains(n, "secret") || contains(n, "password") || contains(n, "passwd") || contains(n, "token");
}

bool Redactor::is_credential_header(std::string_view name) {
  std::string n = lower(name);
  return contains(n, "authorization") || contains(n, "cookie") || contains(n, "token") || contains(n, "secret") ||
         contains(n, "api-key") || contains(n, "signature");
}

bool Redactor::is_personal_name(std::string_view name) {
  std::string n = lower(name);
  if (contains(n, "country")) return false;
  static const char* const kParts[] = {"email",    "phone",     "mobile",      "firstname", "lastname",
                                       "middlename", "fullname", "birth",      "remoteip",  "company",
                                       "street",   "zipcode",   "city",        "region",    "housenumber",
                                       "contactname", "vatnumber", "cocnumber", "gender"};
  for (const char* p : kParts) {
    if (contains(n, p)) return true;
  }
  if (n == "customer") return true;
  if (contains(n, "address") && n != "address") return true;  // "address" alone: a webhook URL
  for (const char* prefix : {"delivery", "invoice"}) {
    if (n.rfind(prefix, 0) == 0 && (contains(n, "name") || contains(n, "address") || contains(n, "zip"))) return true;
  }
  return false;
}

std::string Redactor::text(std::string_view input) const {
  std::string out(input);
  for (const auto& [name, value] : secrets()) replace_all(out, value, "[redacted:" + name + "]");
  return redact_hex_keys(std::move(out));
}

std::string Redactor::url(std::string_view input) const {
  std::string u(input);
  size_t q = u.find('?');
  if (q != std::string::npos) {
    std::string rebuilt = u.substr(0, q + 1);
    std::string_view query(u);
    query.remove_prefix(q + 1);
    bool first = true;
    while (true) {
      size_t amp = query.find('&');
      std::string_view part = query.substr(0, amp);
      size_t eq = part.find('=');
      std::string name = percent_decode(part.substr(0, eq));
      if (!first) rebuilt += '&';
      first = false;
      if (eq != std::string_view::npos && is_credential_name(name)) {
        rebuilt += std::string(part.substr(0, eq + 1)) + std::string(kRedacted);
      } else {
        rebuilt += part;
      }
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
    u = rebuilt;
  }
  return text(u);
}

Headers Redactor::headers(const Headers& in) const {
  Headers out;
  for (const auto& [k, v] : in.fields()) out.add(k, is_credential_header(k) ? std::string(kRedacted) : text(v));
  return out;
}

std::string Redactor::body(std::string_view input) const {
  size_t start = input.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && (input[start] == '{' || input[start] == '[')) {
    try {
      bj::value doc = json::parse(input);
      if (redact_members(doc, personal_)) return text(json::serialize(doc));
    } catch (const json::Error&) {
      // Not JSON after all: redact it as text.
    }
  }
  return text(input);
}

Request Redactor::request(const Request& r) const {
  return Request{r.method, url(r.url), headers(r.headers), body(r.body)};
}

Response Redactor::response(const Response& r) const { return Response{r.status, headers(r.headers), body(r.body)}; }

}  // namespace lpsync::live
