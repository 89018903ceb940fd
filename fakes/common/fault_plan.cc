#include "fakes/common/fault_plan.h"

namespace lpsync::fakes {
namespace {

constexpr std::pair<FaultKind, std::string_view> kNames[] = {
    {FaultKind::http_429, "http_429"},
    {FaultKind::http_500, "http_500"},
    {FaultKind::http_503, "http_503"},
    {FaultKind::timeout, "timeout"},
    {FaultKind::reset, "reset"},
    {FaultKind::indeterminate, "indeterminate"},
    {FaultKind::webhook_drop, "webhook_drop"},
    {FaultKind::webhook_duplicate, "webhook_duplicate"},
};

bool glob_path(std::string_view pattern, std::string_view path) {
  // '*' matches any run (possibly empty) of characters other than '/'.
  size_t p = 0, s = 0;
  size_t star = std::string_view::npos, resume = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p, ++s;
    } else if (star != std::string_view::npos && path[resume] != '/') {
      p = star + 1;
      s = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool is_method(std::string_view word) {
  return word == "GET" || word == "POST" || word == "PUT" || word == "DELETE" || word == "PATCH";
}

}  // namespace

std::string_view to_string(FaultKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<FaultKind> parse_fault_kind(std::string_view text) {
  for (const auto& [k, name] : kNames) {
    if (name == text) return k;
  }
  return std::nullopt;
}

bool matches_pattern(std::string_view pattern, std::string_view method, std::string_view path) {
  if (pattern.empty() || pattern == "*") return true;
  auto space = pattern.find(' ');
  if (space != std::string_view::npos) {
    if (pattern.substr(0, space) != method) return false;
    pattern.remove_prefix(space + 1);
  }
  return glob_path(pattern, path);
}

std::string check_pattern(std::string_view pattern) {
  if (pattern.empty() || pattern == "*") return "";
  std::string_view path = pattern;
  auto space = pattern.find(' ');
  if (space != std::string_view::npos) {
    std::string_view method = pattern.substr(0, space);
    if (!is_method(method)) {
      return "the pattern \"" + std::string(pattern) + "\" starts with \"" + std::string(method) +
             "\", which is not GET, POST, PUT, DELETE or PATCH";
    }
    path = pattern.substr(space + 1);
  }
  if (path.empty() || path[0] != '/') {
    return "the pattern \"" + std::string(pattern) + "\" needs a path starting with '/', e.g. \"PUT /variants/*\"";
  }
  return "";
}

bool FaultPlan::active(Instant now) const {
  for (const auto& r : rules_) {
    if (now < r.from) continue;
    if (r.count && *r.count <= 0) continue;
    if (r.until && now >= *r.until) continue;
    return true;
  }
  return false;
}

std::optional<FaultKind> FaultPlan::draw(bool webhook, std::string_view method, std::string_view path,
                                         Instant now) {
  for (auto& r : rules_) {
    if (is_webhook_fault(r.kind) != webhook || now < r.from) continue;
    if (r.count && *r.count <= 0) continue;
    if (r.until && now >= *r.until) continue;
    if (!matches_pattern(r.match, method, path)) continue;
    if (r.probability < 1.0 && !random_.chance(r.probability)) continue;
    if (r.count) --*r.count;
    ++injected_[r.kind];
    return r.kind;
  }
  return std::nullopt;
}

std::optional<FaultKind> FaultPlan::for_request(std::string_view method, std::string_view path, Instant now) {
  return draw(false, method, path, now);
}

std::optional<FaultKind> FaultPlan::for_webhook(std::string_view event, Instant now) {
  // Webhook rules match the event name ("orders/updated", "products.free_stock_changed")
  // with the same glob; a rule without a pattern matches every event.
  return draw(true, "", event, now);
}

}  // namespace lpsync::fakes
