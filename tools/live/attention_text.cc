#include "tools/live/attention_text.h"

#include <sstream>

namespace lpsync::live {
namespace {

// Reasons a person can fix in the shop or the settings; the others need no import.
bool fixable(HeldReason r) { return r != HeldReason::cancelled && r != HeldReason::shipped; }

std::string reason_part(HeldReason r) { return std::string(to_string(r)) + " - " + explain(r); }

}  // namespace

std::string explain(HeldReason reason) {
  switch (reason) {
    case HeldReason::cancelled: return "cancelled in the shop";
    case HeldReason::shipped: return "already shipped or completed in the shop";
    case HeldReason::on_hold: return "on hold in the shop";
    case HeldReason::unknown_status: return "a status lpsync does not import (not processing)";
    case HeldReason::not_paid: return "not paid yet (order_filter: paid)";
    case HeldReason::not_eligible_to_ship: return "not paid, not cash on delivery, not pay-after-delivery";
    case HeldReason::missing_variant: return "a line has no variant in the shop";
    case HeldReason::missing_sku: return "a line's variant has no SKU";
    case HeldReason::duplicate_sku: return "a line's variant shares its SKU with another variant";
    case HeldReason::product_not_in_picqer: return "a product is not in Picqer and import_products is off";
  }
  return std::string(to_string(reason));
}

std::string fix_for(HeldReason reason) {
  switch (reason) {
    case HeldReason::cancelled: return "nothing to import: the order is cancelled";
    case HeldReason::shipped: return "nothing to import: the shop already shipped or completed it";
    case HeldReason::on_hold: return "take the order off hold in the shop";
    case HeldReason::unknown_status: return "give the order a processing status in the shop";
    case HeldReason::not_paid: return "wait for the payment, or set order_filter to all to import unpaid orders";
    case HeldReason::not_eligible_to_ship: return "wait for the payment (order_filter: eligible_to_ship)";
    case HeldReason::missing_variant:
      return "the line's product was deleted from the shop: enter this order in Picqer by hand";
    case HeldReason::missing_sku: return "give the line's variant a SKU in the shop";
    case HeldReason::duplicate_sku: return "give each variant its own SKU in the shop";
    case HeldReason::product_not_in_picqer:
      return "add the product to Picqer with the SKU as its productcode, or switch import_products on";
  }
  return "see docs/live.md";
}

std::string age_text(Duration d) {
  int64_t s = d.millis() > 0 ? d.millis() / 1000 : 0;
  int64_t days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60;
  if (days > 0) return std::to_string(days) + " d " + std::to_string(hours) + " h";
  if (hours > 0) return std::to_string(hours) + " h " + std::to_string(minutes) + " min";
  if (minutes > 0) return std::to_string(minutes) + " min";
  return std::to_string(s) + " s";
}

std::string held_line(const HeldOrder& held, Instant now) {
  std::string line = held.number + ": held " + age_text(now - held.decided_at) + ": " + reason_part(held.reason) +
                     "; fix: " + fix_for(held.reason);
  if (fixable(held.reason)) line += ", then lpsync import-order " + held.number;
  return line;
}

std::string needs_person_line(const OrderNeedingPerson& order, Instant now) {
  return order.number + ": needs a person for " + age_text(now - order.at) + ": " + order.reason + " - " +
         order.message;
}

namespace {

template <class Entry, class Line>
std::string list_text(const std::string& heading, const std::vector<Entry>& entries, size_t listed, Line line) {
  std::ostringstream out;
  out << heading << ": " << entries.size() << "\n";
  for (size_t i = 0; i < entries.size() && i < listed; ++i) out << "  " << line(entries[i]) << "\n";
  if (entries.size() > listed) out << "  ... and " << entries.size() - listed << " more\n";
  return out.str();
}

}  // namespace

std::string held_text(const std::vector<HeldOrder>& held, Instant now, size_t listed) {
  return list_text("Orders held (not imported)", held, listed, [&](const HeldOrder& h) { return held_line(h, now); });
}

std::string needs_person_text(const std::vector<OrderNeedingPerson>& orders, Instant now, size_t listed) {
  return list_text("Orders needing a person", orders, listed,
                   [&](const OrderNeedingPerson& o) { return needs_person_line(o, now); });
}

std::string by_hand_text(const ByHandAnswer& a, const Settings& settings) {
  const std::string order = "Order " + a.number;
  switch (a.result) {
    case ByHandResult::imported:
      return order + " imported into Picqer: Picqer order " + std::to_string(a.idorder) + ".\n";
    case ByHandResult::already_imported:
      return order + " is already in Picqer (Picqer order " + std::to_string(a.idorder) +
             "): nothing was created again.\n";
    case ByHandResult::held: {
      HeldReason r = a.reason.value_or(HeldReason::unknown_status);
      std::string text = order + " was not imported: " + reason_part(r);
      if (!a.sharing.empty()) {
        text += " (SKU " + a.shared_sku + " is shared by variants";
        for (size_t i = 0; i < a.sharing.size(); ++i) text += (i ? ", " : " ") + std::to_string(a.sharing[i]);
        text += ")";
      }
      text += ".\nFix: " + fix_for(r);
      if (fixable(r)) text += "; then run lpsync import-order " + a.number + " again";
      return text + ".\n";
    }
    case ByHandResult::not_found:
      return "The shop has no order with number " + a.number +
             ": check the number as the shop shows it (e.g. ORD00042), then ask again.\n";
    case ByHandResult::not_active:
      return order + " was not imported: the connection is not active (settings.active is false), so nothing was "
                     "written. It passes the status gate and the order_filter (" +
             std::string(to_string(settings.order_filter)) +
             "); set \"active\": true in the config and ask again (lpsync plan shows what activating would do).\n";
    case ByHandResult::failed:
      return order + " was not imported: " + a.message + ".\nFix that (the log says more), then ask again.\n";
  }
  return order + ": " + std::string(to_string(a.result)) + "\n";
}

}  // namespace lpsync::live
