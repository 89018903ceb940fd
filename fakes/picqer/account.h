// The state of one Picqer account and the rules that change it: products and their stock per
// warehouse, orders with their reservations, picklists, shipments and hooks. No HTTP here: the
// API layer (api_*.cc) and the simulator's warehouse actions both call these operations, which
// check their input and return an ApiError when Picqer would refuse.
//
// Stock rules (per product, per warehouse): freestock = stock - reserved, reserved =
// reservedpicklists + reservedbackorders. Processing an order reserves every line in one
// warehouse (the active, order-accepting warehouse with the lowest priority, then lowest id):
// what free stock covers goes on a picklist, the rest is a backorder, so freestock may go
// negative. Stock can never go below zero or below what picklists reserve.
//
// Every change is recorded as an Event (name + data as a webhook would carry it); free-stock
// and stock changes are detected by comparing with what was last announced, so each operation
// yields at most one products.free_stock_changed per product.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/env/clock.h"
#include "fakes/picqer/config.h"
#include "fakes/picqer/errors.h"
#include "fakes/picqer/model.h"

namespace lpsync::fakes::picqer {

struct Event {
  std::string name;  // "products.free_stock_changed"
  boost::json::object data;
  Instant at;
};

// Fields of POST /products (all required there except the optional ones) or PUT (all
// optional: absent = unchanged).
struct ProductInput {
  std::optional<int64_t> idvatgroup;
  std::optional<std::string> name, productcode, productcode_supplier, description, barcode, type;
  std::optional<double> price, fixedstockprice;
  std::optional<int64_t> weight;
  std::optional<bool> active;
  bool via_api = false;  // recorded on the product; not a Picqer field
};

// POST /products/{id}/stock/{idwarehouse}: exactly one of amount (set) and change (add).
struct StockChange {
  std::optional<int64_t> amount;
  std::optional<int64_t> change;
  std::string reason = "No reason given";
};

struct OrderLineInput {
  std::optional<int64_t> idproduct;
  std::optional<std::string> productcode;
  std::optional<int64_t> amount;
  std::optional<double> price;  // absent: the product's price
  std::string remarks;
};

struct OrderInput {
  std::optional<int64_t> idcustomer;
  std::string reference;
  std::map<std::string, std::string> text;  // kOrderTextFields
  std::optional<int64_t> idshippingprovider_profile;
  std::vector<OrderLineInput> lines;
  bool via_api = false;  // recorded on the order; not a Picqer field
};

struct ProductFilter {
  std::optional<std::string> productcode;     // exact match
  bool inactive = false;                      // the `inactive` filter is present
  std::optional<std::set<int64_t>> idproducts;
};

struct OrderFilter {
  std::optional<std::string> reference, status, orderid;
  std::optional<int64_t> sinceid, beforeid;
};

class Account {
 public:
  Account(Clock& clock, const PicqerConfig& config) : clock_(clock), config_(config) {}

  const PicqerConfig& config() const { return config_; }
  Instant now() const { return clock_.now(); }

  // Warehouses. `id` 0 takes the next free id; a taken id is refused (code 7).
  Result<int64_t> add_warehouse(Warehouse w);
  // Adds warehouse 1 "Main" (active, counts for general stock, accepts orders) if none exists.
  void ensure_default_warehouse();
  const std::map<int64_t, Warehouse>& warehouses() const { return warehouses_; }

  // Products and images.
  Result<int64_t> create_product(const ProductInput& in, int64_t idproduct = 0);
  Status update_product(int64_t idproduct, const ProductInput& in);
  Status set_active(int64_t idproduct, bool active);
  Result<int64_t> add_image(int64_t idproduct, std::string_view base64);
  Status delete_image(int64_t idproduct, int64_t idproduct_image);
  std::vector<const Product*> find_products(const ProductFilter& filter) const;
  const Product* product(int64_t idproduct) const;
  const Product* product_by_code(std::string_view productcode) const;
  const std::map<int64_t, Product>& products() const { return products_; }

  // Stock: a count or delivery (amount) or a mutation (change). Refused below zero or below
  // the picklist reservations (code 1). Returns the new level.
  Result<StockLevel> change_stock(int64_t idproduct, int64_t idwarehouse, const StockChange& change);

  // Orders.
  Result<int64_t> create_order(const OrderInput& in, int64_t idorder = 0);
  // Processing first releases what allocate_order held, then reserves as described above.
  Status process_order(int64_t idorder);
  // Holds every line's amount in the order warehouse (reservedallocations; free stock may go
  // negative) without a picklist; the status stays. concept/expected only; allocating an
  // allocated order changes nothing (see allocation.cc).
  Status allocate_order(int64_t idorder);
  // concept/expected only, unless `force` (then any status but cancelled; picklists are
  // cancelled and reservations released).
  Status cancel_order(int64_t idorder, bool force);
  // Simulator setup: set a status without side effects (completed, cancelled, paused...).
  Status put_order_status(int64_t idorder, const std::string& status);
  std::vector<const Order*> find_orders(const OrderFilter& filter) const;
  const Order* order(int64_t idorder) const;
  const std::map<int64_t, Order>& orders() const { return orders_; }

  // Fulfilment: picks and closes every open picklist of the order, one shipment each, with
  // this tracking code; stock goes down with the reservations; the order is completed when no
  // backorder remains. Returns the new idshipments.
  Result<std::vector<int64_t>> ship_order(int64_t idorder, const std::string& trackingcode, const std::string& carrier);
  // The warehouse picks: every open picklist of the order is closed without a shipment (stock
  // goes down, the order completes as when shipped). ship_order later ships them.
  Status pick_order(int64_t idorder);
  // The warehouse cancels the order's latest shipment that is not cancelled yet.
  Result<int64_t> cancel_shipment(int64_t idorder);
  const std::map<int64_t, Picklist>& picklists() const { return picklists_; }
  const std::map<int64_t, Shipment>& shipments() const { return shipments_; }

  // Hooks.
  Result<int64_t> create_hook(Hook hook);
  Status delete_hook(int64_t idhook);
  Status reactivate_hook(int64_t idhook);
  const std::map<int64_t, Hook>& hooks() const { return hooks_; }
  Hook* mutable_hook(int64_t idhook);

  // Events since the last call, with free-stock / stock changes of touched products last.
  std::vector<Event> take_events();

 private:
  Status check_product_input(const ProductInput& in, const Product* existing) const;
  void apply_product_input(Product& p, const ProductInput& in);
  void set_order_status(Order& o, const std::string& status);
  void emit(std::string name, boost::json::object data);
  void emit_order_event(const std::string& name, const Order& o);
  void emit_stock_events(const Product& p);
  void touch(int64_t idproduct) { touched_.insert(idproduct); }
  StockLevel& level(int64_t idproduct, int64_t idwarehouse);
  int64_t create_picklist(Order& o, int64_t idwarehouse, std::vector<PicklistLine> lines);
  void process_backorders();
  void release_allocations(Order& o);
  void close_picklist(Picklist& pl, const Order& o);
  int64_t create_shipment(const Picklist& pl, const std::string& trackingcode, const std::string& carrier);
  bool has_live_shipment(int64_t idpicklist) const;
  const Warehouse* order_warehouse() const;

  Clock& clock_;
  PicqerConfig config_;
  std::map<int64_t, Warehouse> warehouses_;
  std::map<int64_t, Product> products_;
  std::map<int64_t, Order> orders_;
  std::map<int64_t, Picklist> picklists_;
  std::map<int64_t, Shipment> shipments_;
  std::map<int64_t, Hook> hooks_;
  // Indexes: productcode -> idproduct, reference -> idorders, orders with open backorders.
  std::map<std::string, int64_t, std::less<>> by_code_;
  std::map<std::string, std::vector<int64_t>, std::less<>> by_reference_;
  std::set<int64_t> backordered_;
  int64_t next_image_ = 1, next_order_line_ = 1, next_picklist_line_ = 1, next_hook_ = 1;

  std::vector<Event> events_;
  std::set<int64_t> touched_;  // products whose stock may have changed
  // What the last stock events said: idproduct -> idwarehouse -> value.
  std::map<int64_t, std::map<int64_t, int64_t>> announced_free_, announced_stock_;
};

// The first of `found` (not empty) with an open picklist, else the first one.
int64_t first_with_open_picklist(const Account& account, const std::vector<const Order*>& found);

// concept, expected, processing, paused, completed, cancelled.
bool known_order_status(std::string_view status);

// The next free id of a map keyed by id: one more than the largest.
template <typename M>
int64_t next_id(const M& m) {
  return m.empty() ? 1 : m.rbegin()->first + 1;
}

}  // namespace lpsync::fakes::picqer
