#include "tools/live/request_diff.h"

#include <algorithm>

#include "engine/env/edit_distance.h"
#include <optional>
#include <sstream>
#include <vector>

#include "engine/env/json.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

constexpr size_t kMaxDiffLines = 400;  // beyond this, a diff shows the first difference only

void pretty(const bj::value& v, std::string& out, int indent) {
  std::string pad(static_cast<size_t>(indent) * 2, ' ');
  if (v.is_object() && !v.as_object().empty()) {
    out += "{\n";
    size_t i = 0;
    for (const auto& kv : v.as_object()) {
      out += pad + "  " + json::serialize(bj::string(kv.key())) + ": ";
      pretty(kv.value(), out, indent + 1);
      out += ++i < v.as_object().size() ? ",\n" : "\n";
    }
    out += pad + "}";
  } else if (v.is_array() && !v.as_array().empty()) {
    out += "[\n";
    size_t i = 0;
    for (const auto& x : v.as_array()) {
      out += pad + "  ";
      pretty(x, out, indent + 1);
      out += ++i < v.as_array().size() ? ",\n" : "\n";
    }
    out += pad + "]";
  } else {
    out += json::serialize(v);
  }
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::optional<bj::value> as_json(const std::string& body) {
  size_t start = body.find_first_not_of(" \t\r\n");
  if (start == std::string::npos || (body[start] != '{' && body[start] != '[')) return std::nullopt;
  try {
    return json::parse(body);
  } catch (const json::Error&) {
    return std::nullopt;
  }
}

bool same_body(const std::string& a, const std::string& b) {
  if (a == b) return true;
  auto ja = as_json(a), jb = as_json(b);
  return ja && jb && *ja == *jb;
}

// Lines only in `a` as "- ", only in `b` as "+ ", common ones left out (LCS).
std::string line_diff(const std::vector<std::string>& a, const std::vector<std::string>& b, const std::string& pad) {
  std::string out;
  if (a.size() > kMaxDiffLines || b.size() > kMaxDiffLines) {
    size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    out += pad + "(long; first difference at line " + std::to_string(i + 1) + ")\n";
    if (i < a.size()) out += pad + "- " + a[i] + "\n";
    if (i < b.size()) out += pad + "+ " + b[i] + "\n";
    return out;
  }
  std::vector<std::vector<size_t>> lcs(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i, ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out += pad + "- " + a[i++] + "\n";
    } else {
      out += pad + "+ " + b[j++] + "\n";
    }
  }
  return out;
}

}  // namespace

std::string pretty_body(const std::string& body) {
  auto doc = as_json(body);
  if (!doc) return body;
  std::string out;
  pretty(*doc, out, 0);
  return out;
}

bool same_request(const Request& a, const Request& b) {
  return a.method == b.method && a.url == b.url && same_body(a.body, b.body);
}

size_t request_distance(const Request& a, const Request& b) {
  if (same_request(a, b)) return 0;
  size_t d = a.method == b.method ? 0 : 100'000;
  d += edit_distance(a.url, b.url) * 4;
  if (!same_body(a.body, b.body)) d += 1 + edit_distance(pretty_body(a.body), pretty_body(b.body));
  return d;
}

std::string describe_difference(const Request& recorded, const Request& sent) {
  std::string out;
  if (recorded.method != sent.method) out += "  method: recorded " + recorded.method + ", sent " + sent.method + "\n";
  if (recorded.url != sent.url) out += "  url:\n    - " + recorded.url + "\n    + " + sent.url + "\n";
  if (!same_body(recorded.body, sent.body)) {
    out += "  body:\n" + line_diff(lines_of(pretty_body(recorded.body)), lines_of(pretty_body(sent.body)), "    ");
  }
  return out.empty() ? "  (the same request)\n" : out;
}

}  // namespace lpsync::live
