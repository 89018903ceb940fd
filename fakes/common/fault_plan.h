// Seeded, reproducible fault injection shared by both fakes. A rule names a fault kind,
// which requests it hits (a pattern such as "PUT /variants/*"), and for how long: the next N
// matching requests, or every matching request in a time span, optionally with a
// probability drawn from the run's seed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/env/random.h"
#include "engine/env/time.h"

namespace lpsync::fakes {

enum class FaultKind {
  http_429,           // the API's rate-limit answer, with its headers
  http_500,
  http_503,
  timeout,            // not applied, no answer
  reset,              // not applied, connection reset
  indeterminate,      // applied, then the connection drops before the answer
  webhook_drop,       // webhooks of that system are lost
  webhook_duplicate,  // webhooks of that system are delivered twice
};
std::string_view to_string(FaultKind kind);
std::optional<FaultKind> parse_fault_kind(std::string_view text);
inline bool is_webhook_fault(FaultKind k) { return k == FaultKind::webhook_drop || k == FaultKind::webhook_duplicate; }

// "PUT /variants/*": an optional method, then a path in which '*' stands for any run of
// characters other than '/'. "*" alone matches everything; a pattern without a method
// matches every method. Paths are the API-neutral resource paths of the fakes
// ("/variants/11", "/orders/5/process"): no language prefix, no ".json", no "/api/v1".
bool matches_pattern(std::string_view pattern, std::string_view method, std::string_view path);
// Checks a pattern's syntax; returns an error message or "".
std::string check_pattern(std::string_view pattern);

struct FaultRule {
  FaultKind kind;
  std::string match;               // "" matches every request (or every webhook)
  std::optional<int> count;        // the next `count` matching requests...
  std::optional<Instant> until;    // ...or every matching request before `until`
  Instant from;                    // the rule is active from this instant
  double probability = 1.0;        // each matching request is hit with this probability
};

class FaultPlan {
 public:
  explicit FaultPlan(Random random) : random_(random) {}

  void add(FaultRule rule) { rules_.push_back(std::move(rule)); }
  void clear() { rules_.clear(); }

  // The fault to inject into this request, if any. Webhook kinds never apply here. A rule
  // with a count uses one up when it fires.
  std::optional<FaultKind> for_request(std::string_view method, std::string_view path, Instant now);
  // webhook_drop or webhook_duplicate for a delivery of `event`, if a rule says so.
  std::optional<FaultKind> for_webhook(std::string_view event, Instant now);

  // How often each kind was injected (for anti-vacuity checks and reports).
  const std::map<FaultKind, int>& injected() const { return injected_; }
  bool active(Instant now) const;

 private:
  std::optional<FaultKind> draw(bool webhook, std::string_view method, std::string_view path, Instant now);

  Random random_;
  std::vector<FaultRule> rules_;
  std::map<FaultKind, int> injected_;
};

}  // namespace lpsync::fakes
