// A stateful fake of the Picqer REST API (https://{subdomain}.picqer.com/api/v1/), on the
// injected clock. handle() answers one request: route it with DirectTransport under an origin
// such as config.origin, or mount it unchanged on HttpServer. Webhooks go out through
// `webhook_transport`, timed on the clock (see deliveries.h).
//
// Every request passes, in this order: the fault plan (patterns on "/products/*" etc., i.e.
// without "/api/v1"), the /api/v1 prefix (404, code 8), User-Agent (400, code 5), basic auth
// with the API key as user name (401, code 1), the rate limit (429, code 28), JSON (400, code
// 22), then the resource. Every request is journaled. README.md lists every choice made where
// the reference is UNCONFIRMED.
//
// Thread-safe: every public method takes an internal lock, which is never held while a webhook
// is sent, so a receiver may call back into the fake. faults() and journal() hand out the
// objects themselves: use them while no request is in flight.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "engine/env/random.h"
#include "fakes/common/fault_plan.h"
#include "fakes/common/journal.h"
#include "fakes/common/rate_window.h"
#include "fakes/picqer/account.h"
#include "fakes/picqer/config.h"
#include "fakes/picqer/deliveries.h"

namespace lpsync::fakes::picqer {

// Initial state and warehouse actions of the simulator (scenario-format.md). Id 0 = the next
// free id.
struct WarehouseSpec {
  int64_t idwarehouse = 0;
  std::string name = "Main";
  bool active = true;
  bool counts_for_general_stock = true;
  bool accept_orders = true;
  int64_t priority = 1;
};

struct ProductSpec {
  int64_t idproduct = 0;
  std::string productcode;
  std::string name;  // "" = the productcode
  double price = 0;
  bool active = true;
  std::string barcode;
  int64_t idvatgroup = 0;              // 0 = the first vat group
  std::string type = "normal";         // or "unlimited_stock" (rendered unlimitedstock: true)
  std::map<int64_t, int64_t> stock;    // idwarehouse -> amount
};

struct OrderSpecLine {
  std::string productcode;
  int64_t amount = 1;
};

struct OrderSpec {
  int64_t idorder = 0;
  std::string reference;
  std::string status = "concept";  // "processing" reserves stock and makes picklists
  std::vector<OrderSpecLine> products;
  std::string deliveryname = "Scenario Customer";
  std::string deliverycountry = "NL";
};

class PicqerFake {
 public:
  PicqerFake(Clock& clock, Transport& webhook_transport, Random random, PicqerConfig config = {});

  TransportResult handle(const Request& request);
  Handler handler() {
    return [this](const Request& r) { return handle(r); };
  }

  // Simulator. Each fires the webhooks its change implies; an error says what was refused.
  // Until a warehouse is added, anything else first adds warehouse 1 "Main".
  Result<int64_t> add_warehouse(const WarehouseSpec& spec);
  Result<int64_t> add_product(const ProductSpec& spec);
  Result<int64_t> add_order(const OrderSpec& spec);
  // A count or a delivery: the new physical stock (refused below picklist reservations).
  Status set_stock(const std::string& productcode, int64_t idwarehouse, int64_t amount);
  // Packs and ships the order with this reference (the first one with an open picklist): every
  // open picklist is closed with a shipment carrying `trackingcode`. Returns the idshipments.
  Result<std::vector<int64_t>> ship_order(const std::string& reference, const std::string& trackingcode,
                                          const std::string& carrier = "");
  // The warehouse picks the order with this reference (the first one with an open picklist):
  // its picklists close without a shipment; ship_order ships them later.
  Status pick_order(const std::string& reference);
  // The warehouse cancels the latest live shipment of the orders with this reference.
  Result<int64_t> cancel_shipment(const std::string& reference);

  // Read access: copies, taken under the lock.
  std::optional<Product> product(int64_t idproduct) const;
  std::optional<Product> product_by_code(const std::string& productcode) const;
  std::vector<Product> products() const;
  StockLevel stock(const std::string& productcode, int64_t idwarehouse) const;
  std::optional<Order> order(int64_t idorder) const;
  std::vector<Order> orders_by_reference(const std::string& reference) const;
  std::vector<Order> orders() const;
  std::vector<Warehouse> warehouses() const;
  std::vector<Picklist> picklists() const;
  std::vector<Shipment> shipments() const;
  std::vector<Hook> hooks() const;
  std::vector<DeliveryAttempt> deliveries() const;
  size_t pending_deliveries() const;
  // Lowers the cap on waiting deliveries (Deliveries::kMaxPending), for tests.
  void set_max_pending_deliveries(size_t n);

  void add_fault(FaultRule rule);
  FaultPlan& faults() { return faults_; }
  const Journal& journal() const { return journal_; }
  const PicqerConfig& config() const { return config_; }

 private:
  Response serve(const Request& request, const std::string& path, const std::string& query);
  Response route(const Request& request, const std::string& path, const std::string& query);
  Response fault_response(FaultKind kind);
  void add_rate_headers(Response& r);
  void publish();  // hands the account's events to the deliveries; under the lock
  // The orders with this reference, or 404 naming it (the warehouse actions); under the lock.
  Result<std::vector<const Order*>> orders_with_reference(const std::string& reference) const;

  mutable std::mutex mu_;
  Clock& clock_;
  PicqerConfig config_;
  Account account_;
  FaultPlan faults_;
  Journal journal_;
  RateWindow rate_;
  Deliveries deliveries_;  // last: destroyed first, cancelling its timers
};

}  // namespace lpsync::fakes::picqer
