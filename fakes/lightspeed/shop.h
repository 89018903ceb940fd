// The state of the fake shop and every change to it. Shop actions (the simulator's
// customer and merchant) and API writes go through the same mutations, so both move
// updatedAt, record stock movements and raise the same events. Mutations return an
// ApiError value instead of changing anything when their input is invalid.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/clock.h"
#include "fakes/lightspeed/api_call.h"
#include "fakes/lightspeed/config.h"
#include "fakes/lightspeed/model.h"
#include "fakes/lightspeed/specs.h"

namespace lpsync::fakes::lightspeed {

// Who made a change: the shop itself (customer, merchant, platform) or an API client.
enum class Actor { shop, api };

// Something webhooks can be registered for: "orders" / "created" / order id.
struct ShopEvent {
  std::string group, action;
  int64_t id = 0;
  Actor actor = Actor::shop;
};

class Shop {
 public:
  Shop(const LightspeedConfig& config, Clock& clock) : config_(config), clock_(clock) {}
  // Receives every event right after the change that raised it.
  void set_event_sink(std::function<void(const ShopEvent&)> sink) { sink_ = std::move(sink); }

  // The clock's time, in whole seconds.
  Instant now() const;

  // Catalog (shop_catalog.cc).
  Result<int64_t> add_product(const ProductSpec& spec);
  Result<int64_t> add_variant(int64_t product_id, const VariantSpec& spec);
  std::optional<ApiError> update_variant(int64_t id, const VariantPatch& patch, Actor actor);

  // Orders and shipments (shop_orders.cc). place_order lowers the stock of tracked
  // variants (unless spec.lower_stock is false) and gives the order one shipment.
  Result<int64_t> place_order(const OrderSpec& spec);
  std::optional<ApiError> update_order(int64_t id, const OrderPatch& patch, Actor actor);
  std::optional<ApiError> update_shipment(int64_t id, const ShipmentPatch& patch, Actor actor);

  // Webhooks (shop_webhooks.cc); the caller has validated the fields.
  int64_t add_webhook(Webhook webhook);
  bool replace_webhook(const Webhook& webhook);
  bool delete_webhook(int64_t id);
  void delete_all_webhooks() { webhooks_.clear(); }

  const std::map<int64_t, Product>& products() const { return products_; }
  const std::map<int64_t, Image>& images() const { return images_; }
  const std::map<int64_t, Variant>& variants() const { return variants_; }
  const std::map<int64_t, Movement>& movements() const { return movements_; }
  const std::map<int64_t, Order>& orders() const { return orders_; }
  const std::map<int64_t, Shipment>& shipments() const { return shipments_; }
  const std::map<int64_t, Webhook>& webhooks() const { return webhooks_; }
  // E-mails sent to customers by shipment writes, in order (at most kMaxNotices are kept).
  const std::vector<CustomerNotice>& notices() const { return notices_; }
  static constexpr size_t kMaxNotices = 100000;

  template <class T>
  static const T* find(const std::map<int64_t, T>& m, int64_t id) {
    auto it = m.find(id);
    return it == m.end() ? nullptr : &it->second;
  }

 // Ids of the variants (orders) changed at or after `since`, in id order: what
  // updated_at_min selects, without reading every one.
  std::vector<int64_t> variants_changed_since(Instant since) const { return changed_since(variant_updates_, since); }
  std::vector<int64_t> orders_changed_since(Instant since) const { return changed_since(order_updates_, since); }

 private:
  using UpdateIndex = std::set<std::pair<Instant, int64_t>>;
  static std::vector<int64_t> changed_since(const UpdateIndex& index, Instant since);
  // Sets `field` (an updated_at) to `at` and keeps `index` in step.
  static void touch(UpdateIndex& index, Instant& field, Instant at, int64_t id);
  void emit(std::string group, std::string action, int64_t id, Actor actor);
  void record_movement(const Variant& v, int64_t change, std::string channel, Instant at);
  void mark_order_shipped(Order& order, Instant at);
  // A line of a new order placed at `at`; lowers the variant's stock when `lower_stock` and
  // it is tracked (adding its id to `lowered`).
  OrderLine new_order_line(const OrderLineSpec& l, bool lower_stock, Instant at, std::vector<int64_t>& lowered);
  void mark_ready_for_pickup(Order& order, const Shipment& shipment, Instant at, Actor actor);
  void notify(const Order& order, const Shipment& shipment, std::string kind, Instant at);
  static Instant whole_seconds(Instant t) { return Instant::from_unix_seconds(t.unix_seconds()); }
  // The id to use: `wanted` when not 0, else the next free one; nullopt when taken.
  template <class T>
  static std::optional<int64_t> take_id(const std::map<int64_t, T>& m, int64_t& next, int64_t wanted);

  const LightspeedConfig& config_;
  Clock& clock_;
  std::function<void(const ShopEvent&)> sink_;
  std::map<int64_t, Product> products_;
  std::map<int64_t, Image> images_;
  std::map<int64_t, Variant> variants_;
  std::map<int64_t, Movement> movements_;
  std::map<int64_t, Order> orders_;
  std::map<int64_t, Shipment> shipments_;
  std::map<int64_t, Webhook> webhooks_;
  std::vector<CustomerNotice> notices_;
  UpdateIndex variant_updates_, order_updates_;
  int64_t next_product_ = 1, next_image_ = 1, next_variant_ = 1, next_movement_ = 1;
  int64_t next_order_ = 1, next_line_ = 1, next_shipment_ = 1, next_webhook_ = 1;
};

template <class T>
std::optional<int64_t> Shop::take_id(const std::map<int64_t, T>& m, int64_t& next, int64_t wanted) {
  if (wanted < 0) return std::nullopt;
  int64_t id = wanted == 0 ? next : wanted;
  if (m.count(id)) return std::nullopt;
  if (id >= next) next = id + 1;
  return id;
}

}  // namespace lpsync::fakes::lightspeed
