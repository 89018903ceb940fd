#include "engine/env/http.h"

#include <algorithm>
#include <cctype>

#include "engine/env/crypto.h"

namespace lpsync {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> Headers::get(std::string_view name) const {
  for (const auto& [k, v] : fields_) {
    if (iequals(k, name)) return v;
  }
  return std::nullopt;
}

void Headers::set(std::string name, std::string value) {
  remove(name);
  fields_.emplace_back(std::move(name), std::move(value));
}

void Headers::remove(std::string_view name) {
  std::erase_if(fields_, [&](const auto& f) { return iequals(f.first, name); });
}

std::string_view to_string(TransportErrorKind kind) {
  switch (kind) {
    case TransportErrorKind::timeout: return "timeout";
    case TransportErrorKind::reset: return "reset";
    case TransportErrorKind::refused: return "refused";
  }
  return "unknown";
}

std::optional<Url> parse_url(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  Url out;
  out.scheme = std::string(url.substr(0, scheme_end));
  if (out.scheme != "http" && out.scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(scheme_end + 3);
  size_t path_start = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_start);
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;
  out.origin = out.scheme + "://" + std::string(authority);
  size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
    out.host = std::string(authority.substr(0, colon));
    std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), ::isdigit)) return std::nullopt;
    out.port = std::stoi(std::string(port));
    if (out.port <= 0 || out.port > 65535) return std::nullopt;
  } else {
    out.host = std::string(authority);
    out.port = out.scheme == "https" ? 443 : 80;
  }
  if (out.host.empty()) return std::nullopt;
  std::string_view target = path_start == std::string_view::npos ? "/" : rest.substr(path_start);
  size_t q = target.find('?');
  out.path = std::string(target.substr(0, q));
  if (out.path.empty()) out.path = "/";
  if (q != std::string_view::npos) out.query = std::string(target.substr(q + 1));
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

QueryParams parse_query(std::string_view query) {
  QueryParams out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      if (eq == std::string_view::npos) {
        out.emplace_back(percent_decode(pair), "");
      } else {
        out.emplace_back(percent_decode(pair.substr(0, eq)), percent_decode(pair.substr(eq + 1)));
      }
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

std::string encode_query(const QueryParams& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out += '&';
    out += percent_encode(k);
    out += '=';
    out += percent_encode(v);
  }
  return out;
}

std::optional<std::string> query_value(const QueryParams& params, std::string_view key) {
  for (const auto& [k, v] : params) {
    if (k == key) return v;
  }
  return std::nullopt;
}

std::string basic_auth_header(std::string_view user, std::string_view password) {
  std::string plain(user);
  plain += ':';
  plain += password;
  return "Basic " + base64_encode(plain);
}

std::optional<std::pair<std::string, std::string>> parse_basic_auth(std::string_view header) {
  constexpr std::string_view kPrefix = "Basic ";
  if (header.size() <= kPrefix.size() || !iequals(header.substr(0, kPrefix.size()), kPrefix)) return std::nullopt;
  auto plain = base64_decode(header.substr(kPrefix.size()));
  if (!plain) return std::nullopt;
  size_t colon = plain->find(':');
  if (colon == std::string::npos) return std::nullopt;
  return std::make_pair(plain->substr(0, colon), plain->substr(colon + 1));
}

std::optional<HostPort> parse_host_port(std::string_view text) {
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string host(text.substr(0, colon));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  std::string_view digits = text.substr(colon + 1);
  bool numeric = !digits.empty() && digits.size() <= 5 &&
                 std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (host.empty() || !numeric) return std::nullopt;
  int port = std::stoi(std::string(digits));
  if (port > 65535) return std::nullopt;
  return HostPort{host, port};
}

}  // namespace lpsync
