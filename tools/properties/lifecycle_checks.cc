// The properties of issue 17 about imported orders (sync-rules v2, section 2 step 6 and
// "After import"), judged against the reference model, not the engine's rules.
#include <map>
#include <set>

#include "fakes/common/journal.h"
#include "tools/properties/checks.h"

namespace lpsync::properties {
namespace {

// The Lightspeed order id of each order number the history placed.
std::map<std::string, int64_t> ids_by_number(const Model& m) {
  std::map<std::string, int64_t> out;
  for (int64_t id : m.order_ids()) {
    ModelOrder o = m.order_at(id, m.end());
    if (o.exists) out[o.order.number] = id;
  }
  return out;
}

int64_t idorder_of(const std::string& path) {  // "/orders/12/process" -> 12
  size_t b = std::string("/orders/").size();
  return std::stoll(path.substr(b, path.find('/', b) - b));
}

// Why the model says an imported order needs a person at t (nothing when it does not).
std::optional<std::string> model_needs_person(const ModelOrder& o, const PicqerOrderFact& f, Instant t) {
  if (!o.exists) return std::nullopt;
  if (model_gate(o.order) == std::optional<std::string>("cancelled")) {
    if (f.picked_at && *f.picked_at <= t) return "cancelled_after_pick";
    return std::nullopt;  // cancelled in Picqer instead
  }
  if (o.order.status == "on_hold") return "on_hold_after_import";
  return std::nullopt;
}

}  // namespace

Violations check_nothing_unpaid_processed(const Model& m, const Outcome& o) {
  Violations v;
  std::map<int64_t, std::string> reference;
  for (const auto& f : o.picqer_orders) reference[f.idorder] = f.reference;
  auto ids = ids_by_number(m);
  for (const auto& e : o.picqer_journal) {
    if (!e.applied || e.status >= 300 || !fakes::matches_pattern("POST /orders/*/process", e.method, e.path)) continue;
    auto ref = reference.find(idorder_of(e.path));
    if (ref == reference.end()) continue;  // not an order the engine created
    auto id = ids.find(ref->second);
    if (id == ids.end()) continue;
    // The engine decides on what its last listing showed: look back over a poll interval.
    Duration lookback = m.settings_at(e.at).poll_interval + Duration::minutes(5);
    bool shippable = false;
    for (Duration back; back <= lookback && !shippable; back = back + Duration::seconds(30)) {
      ModelOrder mo = m.order_at(id->second, e.at - back);
      shippable = mo.exists && model_shippable(mo.order, m.settings_at(e.at - back).order_filter);
    }
    if (!shippable) {
      v.push_back("order " + ref->second + " was processed in Picqer at " + format_iso8601(e.at) +
                  " although the shop had not had it paid (or eligible to ship) in the poll interval before");
    }
  }
  return v;
}

Violations check_cancelled_before_pick(const Model& m, const Outcome& o) {
  Violations v;
  auto ids = ids_by_number(m);
  for (const auto& f : o.picqer_orders) {
    auto id = ids.find(f.reference);
    if (id == ids.end() || f.picked_at || f.status == "cancelled") continue;
    auto cancelled = [&](Instant t) {
      ModelOrder mo = m.order_at(id->second, t);
      return mo.exists && m.in_window(id->second, t) && model_gate(mo.order) == std::optional<std::string>("cancelled");
    };
    if (m.settled(cancelled, f.created)) {
      v.push_back("order " + f.reference + " was cancelled in the shop before anything was picked, but its Picqer "
                  "order ended " + f.status + " instead of cancelled");
    }
  }
  return v;
}

Violations check_needs_person(const Model& m, const Outcome& o) {
  Violations v;
  if (!o.engine_up) return v;
  std::map<std::string, std::set<std::string>> listed;
  for (const auto& n : o.needs_person) listed[n.number].insert(n.reason);
  auto ids = ids_by_number(m);
  for (const auto& f : o.picqer_orders) {
    auto id = ids.find(f.reference);
    if (id == ids.end() || f.status == "cancelled") continue;
    auto reason_at = [&](Instant t) { return model_needs_person(m.order_at(id->second, t), f, t); };
    std::optional<std::string> now = reason_at(m.end());
    auto steady = [&](Instant t) { return m.in_window(id->second, t) && reason_at(t) == now; };
    Instant from = f.created;
    if (f.picked_at && *f.picked_at > from) from = *f.picked_at;
    if (!m.settled(steady, from)) continue;  // still changing, or out of the engine's view: not judged
    std::set<std::string> want;
    if (now) want.insert(*now);
    std::set<std::string> have = listed[f.reference];
    if (have != want) {
      std::string got;
      for (const auto& r : have) got += (got.empty() ? "" : ", ") + r;
      v.push_back("order " + f.reference + " should be listed as needing a person " +
                  (now ? "(" + *now + ")" : "for nothing") + " but the report lists " +
                  (got.empty() ? "nothing" : got));
    }
  }
  return v;
}

Violations check_shipment_delay(const Model& m, const Outcome& o) {
  Violations v;
  for (const auto& e : o.lightspeed_journal) {
    if (!e.applied || e.status >= 300 || !fakes::matches_pattern("PUT /shipments/*", e.method, e.path)) continue;
    int64_t id = std::stoll(e.path.substr(e.path.rfind('/') + 1));
    auto number = o.shop_shipment_order.find(id);
    if (number == o.shop_shipment_order.end()) continue;
    Duration delay = m.settings_at(e.at).shipment_delay;
    bool due = false;
    for (const auto& sh : o.picqer_shipments) {
      bool live = !sh.cancelled_at || *sh.cancelled_at > e.at;
      due = due || (sh.reference == number->second && live && sh.created + delay <= e.at);
    }
    if (!due) {
      v.push_back("the shop was told about a shipment of order " + number->second + " at " + format_iso8601(e.at) +
                  " though no Picqer shipment of it was " + format_duration(delay) + " old and not cancelled then");
    }
  }
  return v;
}

}  // namespace lpsync::properties
