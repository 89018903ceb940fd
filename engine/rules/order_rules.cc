#include "engine/rules/order_rules.h"

namespace lpsync {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

std::optional<HeldReason> status_gate(const ls::Order& o) {
  if (o.status == "cancelled" || o.payment_status == "cancelled") return HeldReason::cancelled;
  if (o.shipment_status != "not_shipped" || starts_with(o.status, "completed")) return HeldReason::shipped;
  if (o.status == "on_hold") return HeldReason::on_hold;
  if (!starts_with(o.status, "processing_")) return HeldReason::unknown_status;
  return std::nullopt;
}

std::optional<HeldReason> order_filter(const ls::Order& o, OrderFilter filter) {
  switch (filter) {
    case OrderFilter::paid:
      if (o.payment_status != "paid") return HeldReason::not_paid;
      return std::nullopt;
    case OrderFilter::all:
      // Cancelled payments are stopped by the gate already.
      return std::nullopt;
    case OrderFilter::eligible_to_ship:
      if (o.payment_status == "paid" || o.shipment_is_cash_on_delivery || o.payment_is_post) return std::nullopt;
      return HeldReason::not_eligible_to_ship;
  }
  return std::nullopt;
}

std::optional<HeldReason> order_decision(const ls::Order& o, OrderFilter filter) {
  if (auto r = status_gate(o)) return r;
  return order_filter(o, filter);
}

bool order_holds_unreserved_stock(const ls::Order& o) {
  auto gate = status_gate(o);
  return gate != HeldReason::cancelled && gate != HeldReason::shipped;
}

}  // namespace lpsync
