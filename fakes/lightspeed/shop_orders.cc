// Orders, their lines and shipments. Status rules (the reference leaves the derivation
// UNCONFIRMED; see README.md):
// - a shipment becoming `shipped` makes the order `shipped` (`partially_shipped` while
//   another shipment is not), its status `completed_shipped`, and its lines shipped;
// - an order's shipmentStatus becoming `shipped` marks its open shipments shipped too;
// - paymentStatus becoming `paid` moves `processing_awaiting_payment` on to
//   `processing_awaiting_shipment` (a pickup order: `processing_awaiting_pickup`), unless the
//   same change sets a status;
// - a pickup order is placed `processing_awaiting_pickup` where another would be
//   `processing_awaiting_shipment`; `doNotifyReadyForPickup` written true on its shipment makes
//   it `processing_ready_for_pickup` and e-mails the customer, the shipment stays not shipped.
#include <cmath>
#include <cstdio>

#include "fakes/lightspeed/enums.h"
#include "fakes/lightspeed/shop.h"

namespace lpsync::fakes::lightspeed {
namespace {

std::string numbered(const char* prefix, int64_t id) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%05lld", prefix, static_cast<long long>(id));
  return buf;
}

double round4(double x) { return std::round(x * 10000.0) / 10000.0; }

std::string shipment_title_of(const OrderSpec& spec) {
  if (!spec.shipment_title.empty()) return spec.shipment_title;
  if (spec.shipment_is_pickup) return "Pick up in store";
  return spec.shipment_is_cash_on_delivery ? "Cash on delivery" : "Standard shipping";
}

bool is_pickup(const Order& o) {
  return o.shipment_is_pickup || o.status == "processing_awaiting_pickup" || o.status == "processing_ready_for_pickup";
}

std::optional<ApiError> check_enum(const std::optional<std::string>& value, Enum allowed, const char* field) {
  if (value && !is_one_of(allowed, *value)) return ApiError{422, std::string(field) + " must be " + describe(allowed)};
  return std::nullopt;
}

}  // namespace

Result<int64_t> Shop::place_order(const OrderSpec& spec) {
  for (auto e : {check_enum(spec.status, kOrderStatusesWithLegacy, "status"),
                 check_enum(spec.payment_status, kPaymentStatuses, "paymentStatus"),
                 check_enum(spec.shipment_status, kOrderShipmentStatuses, "shipmentStatus")}) {
    if (e) return *e;
  }
  for (const auto& l : spec.lines) {
    if (l.variant && !variants_.count(*l.variant)) return ApiError{422, "unknown variant " + std::to_string(*l.variant)};
    if (l.quantity <= 0) return ApiError{422, "quantity must be positive"};
  }
  if (spec.shipment_method_id <= 0 || spec.shipment_value_id <= 0) {
    return ApiError{422, "shipment method and value ids must be positive"};
  }
  auto id = take_id(orders_, next_order_, spec.id);
  if (!id) return ApiError{409, "order id " + std::to_string(spec.id) + " is taken"};
  Order o;
  o.id = *id;
  o.number = spec.number.empty() ? numbered("ORD", o.id) : spec.number;
  o.created_at = whole_seconds(spec.created_at.value_or(now()));
  o.updated_at = whole_seconds(spec.updated_at.value_or(o.created_at));
  o.status = spec.status;
  if (spec.shipment_is_pickup && o.status == "processing_awaiting_shipment") o.status = "processing_awaiting_pickup";
  o.payment_status = spec.payment_status;
  o.shipment_status = spec.shipment_status;
  o.shipment_is_cash_on_delivery = spec.shipment_is_cash_on_delivery;
  o.payment_is_post = spec.payment_is_post;
  o.shipment_is_pickup = spec.shipment_is_pickup;
  o.shipment_method_id = spec.shipment_method_id;
  o.shipment_value_id = spec.shipment_value_id;
  o.shipment_title = shipment_title_of(spec);
  o.comment = spec.comment;
  o.email = spec.email;
  o.firstname = spec.firstname;
  o.lastname = spec.lastname;
  o.phone = spec.phone;
  o.address = spec.address;
  o.language = spec.language.empty() ? config_.languages.front() : spec.language;
  std::vector<int64_t> lowered;
  for (const auto& l : spec.lines) o.lines.push_back(new_order_line(l, spec.lower_stock, o.created_at, lowered));
  Shipment s;
  s.id = *take_id(shipments_, next_shipment_, 0);
  s.order_id = o.id;
  s.number = numbered("SHIP", s.id);
  s.status = o.shipment_status == "shipped" ? "shipped" : "not_shipped";
  s.created_at = s.updated_at = o.created_at;
  shipments_.emplace(s.id, s);
  order_updates_.emplace(o.updated_at, o.id);
  orders_.emplace(o.id, o);
  emit("orders", "created", o.id, Actor::shop);
  if (o.payment_status == "paid") emit("orders", "paid", o.id, Actor::shop);
  for (int64_t v : lowered) emit("variants", "updated", v, Actor::shop);
  return o.id;
}

OrderLine Shop::new_order_line(const OrderLineSpec& l, bool lower_stock, Instant at, std::vector<int64_t>& lowered) {
  OrderLine line;
  line.id = next_line_++;
  line.quantity = l.quantity;
  line.product_title = l.title;
  double unit = l.price_incl.value_or(0);
  if (l.variant) {
    Variant& v = variants_.at(*l.variant);
    line.variant_id = v.id;
    line.product_id = v.product_id;
    line.product_title = products_.at(v.product_id).title;
    line.variant_title = v.title;
    line.sku = v.sku;
    line.ean = v.ean;
    line.article_code = v.article_code;
    line.weight = v.weight;
    unit = l.price_incl.value_or(v.price_incl);
    bool tracked = v.stock_tracking != "disabled" || config_.decrement_untracked_stock;
    if (lower_stock && tracked) {
      v.stock_level -= l.quantity;
      v.stock_sold += l.quantity;
      touch(variant_updates_, v.updated_at, at, v.id);
      record_movement(v, -l.quantity, "auto", at);
      lowered.push_back(v.id);
    }
  }
  line.base_price_incl = round4(unit);
  line.base_price_excl = round4(unit / (1.0 + config_.tax_rate));
  return line;
}

std::optional<ApiError> Shop::update_order(int64_t id, const OrderPatch& patch, Actor actor) {
  auto it = orders_.find(id);
  if (it == orders_.end()) return ApiError{404, "unknown order " + std::to_string(id)};
  Enum statuses = actor == Actor::shop ? Enum(kOrderStatusesWithLegacy) : Enum(kOrderStatuses);
  for (auto e : {check_enum(patch.status, statuses, "status"),
                 check_enum(patch.payment_status, kPaymentStatuses, "paymentStatus"),
                 check_enum(patch.shipment_status, kOrderShipmentStatuses, "shipmentStatus")}) {
    if (e) return *e;
  }
  if (patch.lines && actor != Actor::shop) return ApiError{400, "order lines cannot be changed through the API"};
  Order& o = it->second;
  Instant at = whole_seconds(patch.at.value_or(now()));
  if (patch.lines) {
    std::vector<int64_t> lowered;  // not lowered: see OrderPatch::lines
    o.lines.clear();
    for (const auto& l : *patch.lines) o.lines.push_back(new_order_line(l, false, at, lowered));
  }
  bool was_paid = o.payment_status == "paid";
  bool was_shipped = o.shipment_status == "shipped";
  auto set = [](auto& field, const auto& value) {
    if (value) field = *value;
  };
  set(o.payment_status, patch.payment_status);
  set(o.memo, patch.memo);
  set(o.email, patch.email);
  set(o.firstname, patch.firstname);
  set(o.lastname, patch.lastname);
  set(o.phone, patch.phone);
  set(o.shipment_is_cash_on_delivery, patch.shipment_is_cash_on_delivery);
  set(o.payment_is_post, patch.payment_is_post);
  set(o.shipment_is_pickup, patch.shipment_is_pickup);
  set(o.shipment_method_id, patch.shipment_method_id);
  set(o.comment, patch.comment);
  set(o.address, patch.address);
  bool paid_now = !was_paid && o.payment_status == "paid";
  if (paid_now && o.status == "processing_awaiting_payment") {
    o.status = o.shipment_is_pickup ? "processing_awaiting_pickup" : "processing_awaiting_shipment";
  }
  if (patch.shipment_status == "shipped" && !was_shipped) {
    mark_order_shipped(o, at);
  } else {
    set(o.shipment_status, patch.shipment_status);
  }
  set(o.status, patch.status);
  touch(order_updates_, o.updated_at, at, o.id);
  emit("orders", "updated", id, actor);
  if (paid_now) emit("orders", "paid", id, actor);
  if (!was_shipped && o.shipment_status == "shipped") emit("orders", "shipped", id, actor);
  return std::nullopt;
}

void Shop::mark_order_shipped(Order& order, Instant at) {
  for (auto& [sid, s] : shipments_) {
    if (s.order_id != order.id || s.status != "not_shipped") continue;
    s.status = "shipped";
    s.updated_at = at;
  }
  order.shipment_status = "shipped";
  order.status = "completed_shipped";
  for (auto& line : order.lines) line.quantity_shipped = line.quantity;
}

void Shop::notify(const Order& order, const Shipment& shipment, std::string kind, Instant at) {
  if (notices_.size() >= kMaxNotices) return;
  std::string code = kind == "shipped" && shipment.do_notify_tracking_code ? shipment.tracking_code : "";
  notices_.push_back({order.id, shipment.id, std::move(kind), std::move(code), at});
}

void Shop::mark_ready_for_pickup(Order& order, const Shipment& shipment, Instant at, Actor actor) {
  order.status = "processing_ready_for_pickup";
  notify(order, shipment, "ready_for_pickup", at);
  touch(order_updates_, order.updated_at, at, order.id);
  emit("orders", "updated", order.id, actor);
}

std::optional<ApiError> Shop::update_shipment(int64_t id, const ShipmentPatch& patch, Actor actor) {
  auto it = shipments_.find(id);
  if (it == shipments_.end()) return ApiError{404, "unknown shipment " + std::to_string(id)};
  if (auto e = check_enum(patch.status, kShipmentStatuses, "status")) return *e;
  Shipment& s = it->second;
  Order& o = orders_.at(s.order_id);
  Instant at = now();
  bool becomes_shipped = patch.status == "shipped" && s.status != "shipped";
  bool becomes_ready = patch.do_notify_ready_for_pickup == true && !s.do_notify_ready_for_pickup &&
                       s.status == "not_shipped" && !becomes_shipped && is_pickup(o);
  auto set = [](auto& field, const auto& value) {
    if (value) field = *value;
  };
  set(s.status, patch.status);
  set(s.tracking_code, patch.tracking_code);
  set(s.do_notify_shipped, patch.do_notify_shipped);
  set(s.do_notify_tracking_code, patch.do_notify_tracking_code);
  set(s.do_notify_ready_for_pickup, patch.do_notify_ready_for_pickup);
  s.updated_at = at;
  emit("shipments", "updated", id, actor);
  if (becomes_ready) {
    mark_ready_for_pickup(o, s, at, actor);
    return std::nullopt;
  }
  if (!becomes_shipped) return std::nullopt;
  if (s.do_notify_shipped) notify(o, s, "shipped", at);
  bool all_shipped = true;
  for (const auto& [sid, other] : shipments_) {
    if (other.order_id == o.id && other.status == "not_shipped") all_shipped = false;
  }
  bool was_shipped = o.shipment_status == "shipped";
  if (all_shipped) {
    mark_order_shipped(o, at);
  } else {
    o.shipment_status = "partially_shipped";
  }
  touch(order_updates_, o.updated_at, at, o.id);
  emit("orders", "updated", o.id, actor);
  if (all_shipped && !was_shipped) emit("orders", "shipped", o.id, actor);
  return std::nullopt;
}

}  // namespace lpsync::fakes::lightspeed
