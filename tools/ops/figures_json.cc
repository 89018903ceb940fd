#include "tools/ops/figures_json.h"

#include "tools/ops/json_fields.h"

namespace lpsync::ops {
namespace {

namespace bj = boost::json;

bj::value time_json(const std::optional<Instant>& t) {
  if (!t) return nullptr;
  return bj::value(format_iso8601(*t));
}

std::optional<Instant> time_at(const bj::object& o, std::string_view key) {
  const bj::value* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return parse_iso8601(v->as_string());
}

const bj::object* object_at(const bj::object& o, std::string_view key) {
  const bj::value* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}

bj::object counts_json(const std::map<std::string, int64_t>& m) {
  bj::object out;
  for (const auto& [k, v] : m) out[k] = v;
  return out;
}

std::map<std::string, int64_t> counts_at(const bj::object& o, std::string_view key) {
  std::map<std::string, int64_t> out;
  if (const bj::object* m = object_at(o, key)) {
    for (const auto& [k, v] : *m) {
      if (v.is_int64()) out[std::string(k)] = v.as_int64();
    }
  }
  return out;
}

}  // namespace

bj::object figures_json(const OpsFigures& f) {
  bj::object apis;
  for (const auto& [name, a] : f.apis) {
    apis[name] = bj::object{{"requests", a.requests},
                            {"rate_limited", a.rate_limited},
                            {"budget_remaining", a.budget_remaining},
                            {"exhausted_early_window_s", a.exhausted_early_window_s}};
  }
  bj::array open_problems;
  for (const auto& p : f.problems) {
    open_problems.push_back(bj::object{{"kind", p.kind}, {"message", p.message}, {"since", format_iso8601(p.since)}});
  }
  bj::object webhooks;
  for (const auto& [topic, n] : f.webhook_arrivals) {
    auto last = f.webhook_last_arrival.find(topic);
    webhooks[topic] = bj::object{
        {"arrivals", n},
        {"last", time_json(last == f.webhook_last_arrival.end() ? std::nullopt : std::optional(last->second))}};
  }
  return bj::object{
      {"gathered_at", format_iso8601(f.gathered_at)},
      {"started_at", time_json(f.started_at)},
      {"polls_expected", f.polls_expected},
      {"orders_imported", f.orders_imported},
      {"orders_held", counts_json(f.held_by_reason)},
      {"orders_needing_person", counts_json(f.needing_person_by_reason)},
      {"stock_pushes", f.stock_pushes},
      {"shipments_pushed", f.shipments_pushed},
      {"apis", apis},
      {"order_polls", f.order_polls},
      {"order_poll_failures", f.order_poll_failures},
      {"last_successful_poll", time_json(f.last_successful_poll)},
      {"poll_failing_since", time_json(f.poll_failing_since)},
      {"bulk_import", bj::object{{"running", f.bulk_running}, {"finished", f.bulk_finished},
                                 {"done", f.bulk_done}, {"total", f.bulk_total}}},
      {"webhooks", webhooks},
      {"webhooks_refused", f.webhooks_refused},
      {"problems", counts_json(f.problems_by_kind)},
      {"open_problems", open_problems},
  };
}

OpsFigures figures_from_json(const bj::object& o) {
  OpsFigures f;
  f.gathered_at = time_at(o, "gathered_at").value_or(Instant());
  f.started_at = time_at(o, "started_at");
  f.polls_expected = bool_at(o, "polls_expected");
  f.orders_imported = int_at(o, "orders_imported");
  f.held_by_reason = counts_at(o, "orders_held");
  f.needing_person_by_reason = counts_at(o, "orders_needing_person");
  f.stock_pushes = int_at(o, "stock_pushes");
  f.shipments_pushed = int_at(o, "shipments_pushed");
  if (const bj::object* apis = object_at(o, "apis")) {
    for (const auto& [name, v] : *apis) {
      if (!v.is_object()) continue;
      const bj::object& a = v.as_object();
      f.apis[std::string(name)] = {int_at(a, "requests"), int_at(a, "rate_limited"), int_at(a, "budget_remaining"),
                                   int_at(a, "exhausted_early_window_s")};
    }
  }
  f.order_polls = int_at(o, "order_polls");
  f.order_poll_failures = int_at(o, "order_poll_failures");
  f.last_successful_poll = time_at(o, "last_successful_poll");
  f.poll_failing_since = time_at(o, "poll_failing_since");
  if (const bj::object* b = object_at(o, "bulk_import")) {
    f.bulk_running = bool_at(*b, "running");
    f.bulk_finished = bool_at(*b, "finished");
    f.bulk_done = int_at(*b, "done");
    f.bulk_total = int_at(*b, "total");
  }
  if (const bj::object* hooks = object_at(o, "webhooks")) {
    for (const auto& [topic, v] : *hooks) {
      if (!v.is_object()) continue;
      f.webhook_arrivals[std::string(topic)] = int_at(v.as_object(), "arrivals");
      if (auto last = time_at(v.as_object(), "last")) f.webhook_last_arrival[std::string(topic)] = *last;
    }
  }
  f.webhooks_refused = int_at(o, "webhooks_refused");
  f.problems_by_kind = counts_at(o, "problems");
  if (const bj::value* list = o.if_contains("open_problems"); list && list->is_array()) {
    for (const auto& v : list->as_array()) {
      if (!v.is_object()) continue;
      const bj::object& p = v.as_object();
      const bj::value* kind = p.if_contains("kind");
      const bj::value* message = p.if_contains("message");
      auto since = time_at(p, "since");
      if (!kind || !kind->is_string() || !message || !message->is_string() || !since) continue;
      f.problems.push_back({std::string(kind->as_string()), std::string(message->as_string()), *since});
    }
  }
  return f;
}

void sample_history(bj::array& history, const bj::object& ops, Instant now) {
  if (!history.empty() && history.back().is_object()) {
    auto last = time_at(history.back().as_object(), "at");
    if (last && now - *last < kHistoryEvery) return;
  }
  const bj::value* apis = ops.if_contains("apis");
  history.push_back(bj::object{{"at", format_iso8601(now)}, {"apis", apis ? *apis : bj::object{}}});
  while (history.size() > kHistoryKept) history.erase(history.begin());
}

}  // namespace lpsync::ops
