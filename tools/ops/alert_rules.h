// What to alert a person about, and when (sync-rules section 12): an order needs a person;
// the order poll has failed for longer than a threshold; a webhook topic that arrived before
// has been silent too long; an API refused with 429 (its budget ran out before its window
// reset: the engine plans within the known budget, so a 429 means the budget was spent
// early, by lpsync or by something else on the same key). Each cause, per subject, at most
// once per `repeat_after`. Pure: the figures and the time in, the alerts out.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/env/time.h"
#include "tools/ops/ops_figures.h"

namespace lpsync::ops {

struct AlertThresholds {
  Duration poll_failing_after = Duration::minutes(30);
  Duration webhook_silent_after = Duration::hours(6);
  Duration repeat_after = Duration::hours(24);
};

struct Alert {
  std::string cause;    // order_needs_person, poll_failing, webhook_silent, budget_exhausted
  std::string subject;  // the order number, the topic, the API; "" for the poll
  std::string message;  // what happened and what to do, in words; no secret
  Instant at;
  std::string key() const { return subject.empty() ? cause : cause + ":" + subject; }
};

class AlertRules {
 public:
  // How many causes the rules remember (the oldest is forgotten first past it).
  static constexpr size_t kMaxRemembered = 1000;

  explicit AlertRules(AlertThresholds t) : t_(t) {}
  // The alerts due now; each is remembered as sent (the sender retries it, not the rules).
  std::vector<Alert> evaluate(const OpsFigures& f, Instant now);
  // When each cause was last alerted: kept in the state between runs (alert_memory.h), so a
  // run started every few minutes (`lpsync run --once` from cron) alerts once per period too.
  const std::map<std::string, Instant>& remembered() const { return sent_; }
  void remember(std::map<std::string, Instant> sent);
  // A cause whose alert was not sent after all (lpsync stopped first): due again.
  void forget(const std::string& key) { sent_.erase(key); }

 private:
  bool due(const std::string& key, Instant now);

  AlertThresholds t_;
  std::map<std::string, Instant> sent_;    // key -> when last alerted
  std::map<std::string, int64_t> seen_429_;  // api -> 429s already alerted about
};

}  // namespace lpsync::ops
