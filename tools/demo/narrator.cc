#include "tools/demo/narrator.h"

#include "engine/rules/order_lifecycle.h"

namespace lpsync::demo {
namespace {

std::string text(const boost::json::object& l, const char* key) {
  auto it = l.find(key);
  if (it == l.end()) return "";
  if (it->value().is_string()) return std::string(it->value().as_string());
  return boost::json::serialize(it->value());
}

int64_t number(const boost::json::object& l, const char* key) {
  auto it = l.find(key);
  return it != l.end() && it->value().is_int64() ? it->value().as_int64() : 0;
}

bool flag(const boost::json::object& l, const char* key) {
  auto it = l.find(key);
  return it != l.end() && it->value().is_bool() && it->value().as_bool();
}

// "2026-11-02T08:25:00Z" -> "day 1 08:25"
std::string clock_time(const std::string& iso, const std::string& first_day) {
  std::string day = iso.substr(0, 10) == first_day ? "day 1" : "day 2";
  return day + " " + iso.substr(11, 5);
}

}  // namespace

std::string explain(const std::string& reason) {
  if (reason == "not_paid") return "waiting for payment";
  if (reason == "not_eligible_to_ship") return "not paid, not cash on delivery";
  if (reason == "cancelled") return "cancelled in the shop";
  if (reason == "shipped") return "already shipped or completed in the shop";
  if (reason == "on_hold") return "on hold in the shop";
  if (reason == "unknown_status") return "its status is not one Picqer imports";
  if (reason == "missing_variant") return "a line has no product variant";
  if (reason == "missing_sku") return "a product has no SKU: add one in Lightspeed";
  if (reason == "duplicate_sku") return "a product's SKU is used by another product too: make it unique in Lightspeed";
  if (reason == "product_not_in_picqer") return "a product is not in Picqer and importing products is off";
  return reason;
}

std::string Narrator::sku(int64_t variant) const {
  auto it = catalogue_.sku_of_variant.find(variant);
  return it == catalogue_.sku_of_variant.end() ? "variant " + std::to_string(variant) : it->second;
}

void Narrator::say(const std::string& when, const std::string& what) {
  if (first_day_.empty()) first_day_ = when.substr(0, 10);
  out_ << "  " << clock_time(when, first_day_) << "  " << what << "\n";
}

void Narrator::flush_stock() {
  if (stock_batch_.empty()) return;
  std::string list;
  for (size_t i = 0; i < stock_batch_.size() && i < 4; ++i) list += (i ? ", " : "") + stock_batch_[i];
  if (stock_batch_.size() > 4) list += " and " + std::to_string(stock_batch_.size() - 4) + " more";
  say(stock_when_, "Stock updated in the shop: " + list);
  stock_batch_.clear();
}

void Narrator::tell_settings(const boost::json::object& l, const std::string& when) {
  std::map<std::string, bool> now = {{"active", flag(l, "active")},
                                     {"send stock", flag(l, "send_stock")},
                                     {"send shipments", flag(l, "send_shipments")}};
  std::string changes;
  for (const auto& [k, v] : now) {
    if (last_settings_.count(k) && last_settings_[k] != v) changes += (changes.empty() ? "" : ", ") + k + (v ? " on" : " off");
  }
  if (!last_settings_.count("active") && now["active"]) changes = "connection activated";
  last_settings_ = now;
  if (!changes.empty()) say(when, "Settings: " + changes);
}

void Narrator::tell_stock(const boost::json::object& l, const std::string& what, const std::string& when) {
  if (what == "stock_pushed") {
    if (when.substr(0, 16) != stock_when_.substr(0, 16)) flush_stock();
    if (stock_batch_.empty()) stock_when_ = when;
    stock_batch_.push_back(sku(number(l, "variant")) + " " + text(l, "stockLevel"));
    ++stock_updates_;
  } else if (reconciliations_++ == 0) {
    flush_stock();
    say(when, "First full stock check done: all " + text(l, "linked") +
                  " linked products compared with Picqer (then every hour)");
  }
}

std::string explain_after_import(const std::string& reason) {
  auto r = parse_needs_person_reason(reason);
  return r ? std::string(lpsync::explain(*r)) : reason;
}

void Narrator::flush_import() {
  if (!import_) return;
  say(import_->when, "Order " + import_->order + " imported into Picqer, left for the warehouse to process" +
                         (import_->adopted ? " - it was already there, so it was linked, not created again" : ""));
  import_.reset();
}

void Narrator::tell_processed(const std::string& order, const std::string& when, bool allocated) {
  std::string what = allocated ? "its stock is held until it is paid (no picklist yet)" : "processed (picklist made)";
  if (import_ && import_->order == order) {
    say(when, "Order " + order + " imported into Picqer, " + what +
                  (import_->adopted ? " - it was already there, so it was linked, not created again" : ""));
    import_.reset();
  } else {
    flush_import();
    say(when, "Order " + order + (allocated ? ": " + what : " paid: processed in Picqer (picklist made)"));
  }
}

void Narrator::line(const boost::json::object& l) {
  std::string what = text(l, "decision");
  if (what.empty()) return;  // HTTP exchanges are not told
  std::string when = text(l, "t");
  if (what != "order_processed" && what != "order_allocated") flush_import();
  // Stock updates are told per minute.
  if (what != "stock_pushed" && when.substr(0, 16) != stock_when_.substr(0, 16)) flush_stock();
  std::string order = text(l, "order");
  if (what == "settings_changed") {
    tell_settings(l, when);
  } else if (what == "engine_started") {
    last_settings_ = {{"active", flag(l, "active")}, {"send stock", false}, {"send shipments", false}};
  } else if (what == "catalogue_scanned") {
    if (scans_++ == 0) say(when, "Read the shop's catalogue: " + text(l, "variants") + " variants");
  } else if (what == "order_imported" || what == "order_adopted") {
    held_.erase(order);
    import_ = {order, when, what == "order_adopted"};
  } else if (what == "order_processed" || what == "order_allocated") {
    tell_processed(order, when, what == "order_allocated");
  } else if (what == "order_cancelled_in_picqer") {
    say(when, "Order " + order + " was cancelled in the shop: cancelled in Picqer too, its stock is free again");
  } else if (what == "order_needs_person") {
    say(when, "Order " + order + " needs a person: it was " + explain_after_import(text(l, "reason")));
    needs_person_[order] = text(l, "reason");
  } else if (what == "order_no_longer_needs_person") {
    needs_person_.erase(order);
  } else if (what == "order_held") {
    std::string reason = text(l, "reason");
    if (held_[order] != reason) say(when, "Order " + order + " not imported: " + explain(reason));
    held_[order] = reason;
  } else if (what == "bulk_import_started") {
    bulk_running_ = true;
    say(when, "Import products started (in the background, after orders)");
  } else if (what == "bulk_import_finished") {
    bulk_running_ = false;
    say(when, "Import products finished: " + text(l, "created") + " created, " + text(l, "linked") + " linked, " +
                  text(l, "skipped") + " skipped");
  } else if (what == "product_created" && !bulk_running_) {
    std::string code = text(l, "productcode");
    say(when, "Product " + code + " created in Picqer for an order, with its images and stock");
  } else if (what == "product_linked" && !bulk_running_) {
    say(when, "Product " + text(l, "productcode") + " linked to the one already in Picqer (its stock left alone)");
  } else if (what == "stock_pushed" || what == "stock_reconciled") {
    tell_stock(l, what, when);
  } else if (what == "shipment_pushed" || what == "shipment_confirmed") {
    say(when, "Order " + order + " marked shipped in the shop with track & trace " + text(l, "trackingcode") +
                  "; the customer is e-mailed");
  } else if (what == "shipment_reported") {
    say(when, "Order " + order + " got a second shipment; the shop keeps the first tracking code");
  } else if (what == "picqer_hook_created") {
    say(when, "Picqer webhook registered: " + text(l, "event"));
  } else if (what == "lightspeed_webhook_created") {
    say(when, "Lightspeed webhook registered: " + text(l, "event"));
  }
}

void Narrator::flush() {
  flush_import();
  flush_stock();
}

}  // namespace lpsync::demo
