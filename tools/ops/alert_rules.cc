#include "tools/ops/alert_rules.h"

#include <algorithm>

namespace lpsync::ops {
namespace {

std::string minutes_text(Duration d) {
  int64_t m = d.millis() / 60'000;
  return m < 120 ? std::to_string(m) + " min" : std::to_string(m / 60) + " h";
}

}  // namespace

void AlertRules::remember(std::map<std::string, Instant> sent) {
  sent_ = std::move(sent);
  while (sent_.size() > kMaxRemembered) {
    auto oldest = std::min_element(sent_.begin(), sent_.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
    sent_.erase(oldest);
  }
}

bool AlertRules::due(const std::string& key, Instant now) {
  auto it = sent_.find(key);
  if (it != sent_.end() && now - it->second < t_.repeat_after) return false;
  sent_[key] = now;
  if (sent_.size() > kMaxRemembered) {
    // Forget what could be sent again anyway, then (still too many) the oldest.
    std::erase_if(sent_, [&](const auto& e) { return now - e.second >= t_.repeat_after; });
    while (sent_.size() > kMaxRemembered) {
      auto oldest = std::min_element(sent_.begin(), sent_.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
      sent_.erase(oldest);
    }
  }
  return true;
}

std::vector<Alert> AlertRules::evaluate(const OpsFigures& f, Instant now) {
  std::vector<Alert> out;
  auto add = [&](std::string cause, std::string subject, std::string message) {
    Alert a{std::move(cause), std::move(subject), std::move(message), now};
    if (due(a.key(), now)) out.push_back(std::move(a));
  };
  for (const auto& [number, reason] : f.orders_needing_person) {
    add("order_needs_person", number,
        "Order " + number + " needs a person (" + reason + "): lpsync will not touch it any more. `lpsync explain " +
            number + "` tells its story and what to do.");
  }
  if (f.poll_failing_since && now - *f.poll_failing_since >= t_.poll_failing_after) {
    add("poll_failing", "",
        "The order poll has failed for " + minutes_text(now - *f.poll_failing_since) + " (since " +
            format_iso8601(*f.poll_failing_since) + "): no order is imported meanwhile. `lpsync status` and the "
            "log say why.");
  }
  for (const auto& [topic, last] : f.webhook_last_arrival) {
    if (now - last < t_.webhook_silent_after) continue;
    add("webhook_silent", topic,
        "No webhook of topic " + topic + " for " + minutes_text(now - last) + " (the last at " + format_iso8601(last) +
            "): check the webhooks in the shop and in Picqer. Polling still catches up, more slowly.");
  }
  for (const auto& [api, a] : f.apis) {
    int64_t& seen = seen_429_[api];
    if (a.rate_limited <= seen) continue;
    int64_t fresh = a.rate_limited - seen;
    seen = a.rate_limited;
    add("budget_exhausted", api,
        "The " + api + " API refused " + std::to_string(fresh) + " request(s) with 429: its rate budget ran out "
            "before its window reset. Is another program using the same API key?");
  }
  for (const auto& [api, a] : f.apis) {
    if (a.exhausted_early_window_s <= 0) continue;
    add("budget_exhausted_early", api,
        "The " + api + " API's budget of its " + minutes_text(Duration::seconds(a.exhausted_early_window_s)) +
            " window is used up with more than half of the window to go: lpsync waits for it (orders first). "
            "Is another program using the same API key, or is a bulk import running?");
  }
  return out;
}

}  // namespace lpsync::ops
