#include "engine/rules/order_lifecycle.h"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <utility>

#include "engine/rules/order_rules.h"

namespace lpsync {
namespace {

constexpr std::pair<NeedsPersonReason, std::string_view> kNeedsPerson[] = {
    {NeedsPersonReason::cancelled_after_pick, "cancelled_after_pick"},
    {NeedsPersonReason::on_hold_after_import, "on_hold_after_import"},
    {NeedsPersonReason::lines_changed_after_import, "lines_changed_after_import"},
};

bool cancelled_in_shop(const ls::Order& o) { return status_gate(o) == HeldReason::cancelled; }

FollowUp person(NeedsPersonReason r) { return {FollowUp::Action::needs_person, r}; }

}  // namespace

std::string_view to_string(NeedsPersonReason r) {
  for (const auto& [k, name] : kNeedsPerson) {
    if (k == r) return name;
  }
  return "unknown";
}

std::optional<NeedsPersonReason> parse_needs_person_reason(std::string_view text) {
  for (const auto& [k, name] : kNeedsPerson) {
    if (name == text) return k;
  }
  return std::nullopt;
}

std::string_view explain(NeedsPersonReason r) {
  switch (r) {
    case NeedsPersonReason::cancelled_after_pick:
      return "cancelled in the shop after the warehouse picked or shipped it: stop the parcel or arrange a return "
             "in Picqer";
    case NeedsPersonReason::on_hold_after_import:
      return "put on hold in the shop after it was imported: pause or cancel it in Picqer if it must not ship";
    case NeedsPersonReason::lines_changed_after_import:
      return "its lines changed in the shop after it was imported: change the Picqer order to match";
  }
  return "needs a person";
}

bool order_shippable(const ls::Order& o, OrderFilter filter) {
  if (o.payment_status == "paid") return true;
  return filter == OrderFilter::eligible_to_ship && (o.shipment_is_cash_on_delivery || o.payment_is_post);
}

std::string_view to_string(AfterCreate a) {
  switch (a) {
    case AfterCreate::process: return "process";
    case AfterCreate::allocate: return "allocate";
    case AfterCreate::leave_concept: return "leave_concept";
  }
  return "unknown";
}

AfterCreate after_create(const ls::Order& o, OrderFilter filter, bool process_orders) {
  if (!order_shippable(o, filter)) return AfterCreate::allocate;
  return process_orders ? AfterCreate::process : AfterCreate::leave_concept;
}

std::string_view to_string(FollowUp::Action a) {
  switch (a) {
    case FollowUp::Action::nothing: return "nothing";
    case FollowUp::Action::process: return "process";
    case FollowUp::Action::allocate: return "allocate";
    case FollowUp::Action::cancel: return "cancel";
    case FollowUp::Action::cancel_force: return "cancel_force";
    case FollowUp::Action::needs_person: return "needs_person";
  }
  return "unknown";
}

PicqerStage picqer_stage(const pq::Order& order, const std::vector<pq::Picklist>& picklists) {
  if (order.status == "cancelled") return PicqerStage::cancelled;
  if (order.status == "completed") return PicqerStage::completed;
  for (const auto& p : picklists) {
    if (p.status == "closed") return PicqerStage::picked;
  }
  if (order.status == "concept" || order.status == "expected") return PicqerStage::unprocessed;
  return PicqerStage::processing;
}

std::string order_lines_digest(const std::vector<ls::OrderLine>& lines) {
  std::vector<std::tuple<int64_t, std::string, int64_t>> keys;
  for (const auto& l : lines) keys.emplace_back(l.variant_id.value_or(0), l.sku, l.quantity);
  std::sort(keys.begin(), keys.end());
  uint64_t h = 14695981039346656037ull;  // FNV-1a, 64 bits
  auto mix = [&](std::string_view bytes) {
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  };
  for (const auto& [variant, sku, quantity] : keys) {
    mix(std::to_string(variant) + '|' + sku + '|' + std::to_string(quantity) + ';');
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return std::string(out) + "/" + std::to_string(lines.size());
}

FollowUp follow_up(const ls::Order& o, const OrderAsImported& imported, OrderFilter filter, bool process_orders) {
  if (imported.stage == PicqerStage::cancelled) return {};
  if (cancelled_in_shop(o)) {
    switch (imported.stage) {
      case PicqerStage::unprocessed: return {FollowUp::Action::cancel, std::nullopt};
      case PicqerStage::processing: return {FollowUp::Action::cancel_force, std::nullopt};
      default: return person(NeedsPersonReason::cancelled_after_pick);
    }
  }
  if (o.status == "on_hold") return person(NeedsPersonReason::on_hold_after_import);
  if (imported.lines_changed) return person(NeedsPersonReason::lines_changed_after_import);
  // Process only what the shop still expects to ship: not shipped from the shop itself, not in
  // a status the gate does not know.
  bool shop_expects_shipping = !status_gate(o).has_value();
  if (imported.stage != PicqerStage::unprocessed || !shop_expects_shipping) return {};
  switch (after_create(o, filter, process_orders)) {
    case AfterCreate::process: return {FollowUp::Action::process, std::nullopt};
    case AfterCreate::allocate:
      if (!imported.allocated) return {FollowUp::Action::allocate, std::nullopt};
      return {};
    case AfterCreate::leave_concept: return {};
  }
  return {};
}

}  // namespace lpsync
