#include "tools/ops/gather.h"

#include <algorithm>

#include "tools/ops/json_fields.h"

namespace lpsync::ops {
namespace {

namespace bj = boost::json;

// Counts the entries of the array `key` of `o` by their "reason".
std::map<std::string, int64_t> by_reason(const bj::object& o, std::string_view key) {
  std::map<std::string, int64_t> out;
  const bj::value* list = o.if_contains(key);
  if (!list || !list->is_array()) return out;
  for (const bj::value& entry : list->as_array()) {
    const bj::value* reason = entry.is_object() ? entry.as_object().if_contains("reason") : nullptr;
    if (reason && reason->is_string()) ++out[std::string(reason->as_string())];
  }
  return out;
}

}  // namespace

void add_state(OpsFigures& f, const bj::object& s) {
  f.orders_imported = int_at(s, "orders_imported");
  f.held_by_reason = by_reason(s, "held");
  f.needing_person_by_reason = by_reason(s, "needs_person");
  f.orders_needing_person.clear();
  if (const bj::value* list = s.if_contains("needs_person"); list && list->is_array()) {
    for (const bj::value& entry : list->as_array()) {
      if (f.orders_needing_person.size() >= OpsFigures::kMaxOrdersNeedingPerson || !entry.is_object()) break;
      const bj::value* number = entry.as_object().if_contains("number");
      const bj::value* reason = entry.as_object().if_contains("reason");
      if (number && number->is_string() && reason && reason->is_string()) {
        f.orders_needing_person.emplace_back(number->as_string(), reason->as_string());
      }
    }
  }
  f.shipments_pushed = int_at(s, "shipments_pushed");
  if (const bj::value* b = s.if_contains("bulk_import"); b && b->is_object()) {
    const bj::object& bulk = b->as_object();
    f.bulk_running = bool_at(bulk, "running");
    f.bulk_finished = bool_at(bulk, "finished");
    f.bulk_done = int_at(bulk, "done");
    f.bulk_total = int_at(bulk, "total");
  }
}

void ProblemTimes::update(const std::map<std::string, std::string>& open, Instant now) {
  std::erase_if(since_, [&](const auto& entry) { return !open.count(entry.first); });
  for (const auto& [key, message] : open) since_.emplace(key, now);
}

std::optional<Instant> ProblemTimes::since(const std::string& key) const {
  auto it = since_.find(key);
  if (it == since_.end()) return std::nullopt;
  return it->second;
}

void add_run(OpsFigures& f, const Report& r, const RunFacts& facts) {
  f.started_at = facts.started_at;
  f.polls_expected = facts.polls_expected;
  f.stock_pushes = r.stock_pushes;
  f.apis["lightspeed"] = {r.lightspeed.requests, r.lightspeed.rate_limited, r.lightspeed.budget_remaining,
                          r.lightspeed.exhausted_early_window_s};
  f.apis["picqer"] = {r.picqer.requests, r.picqer.rate_limited, r.picqer.budget_remaining,
                      r.picqer.exhausted_early_window_s};
  f.order_polls = r.order_polls;
  f.last_successful_poll.reset();
  if (r.order_polls > 0) f.last_successful_poll = r.last_order_poll;
  f.order_poll_failures = facts.poll_failures;
  f.poll_failing_since = facts.poll_failing_since;
  f.problems_by_kind.clear();
  f.problems.clear();
  for (const auto& [key, message] : r.problems) {
    ++f.problems_by_kind[problem_kind(key)];
    std::optional<Instant> since = facts.problem_times ? facts.problem_times->since(key) : std::nullopt;
    f.problems.push_back({problem_kind(key), message, since.value_or(f.gathered_at)});
  }
  std::stable_sort(f.problems.begin(), f.problems.end(), [](const auto& a, const auto& b) { return a.since < b.since; });
  f.webhooks_refused = r.webhooks_refused;
}

}  // namespace lpsync::ops
