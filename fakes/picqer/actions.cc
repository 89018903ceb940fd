// The simulator's side of PicqerFake: initial state, warehouse actions, read access.
#include "fakes/picqer/picqer_fake.h"

namespace lpsync::fakes::picqer {

Result<int64_t> PicqerFake::add_warehouse(const WarehouseSpec& spec) {
  std::lock_guard lock(mu_);
  return account_.add_warehouse(Warehouse{spec.idwarehouse, spec.name, spec.active, spec.counts_for_general_stock,
                                          spec.accept_orders, spec.priority});
}

Result<int64_t> PicqerFake::add_product(const ProductSpec& spec) {
  std::lock_guard lock(mu_);
  account_.ensure_default_warehouse();
  ProductInput in;
  in.productcode = spec.productcode;
  in.name = spec.name.empty() ? spec.productcode : spec.name;
  in.price = spec.price;
  in.active = spec.active;
  if (!spec.barcode.empty()) in.barcode = spec.barcode;
  in.type = spec.type;
  in.idvatgroup = spec.idvatgroup != 0 || config_.vatgroups.empty() ? spec.idvatgroup : config_.vatgroups[0].idvatgroup;
  for (const auto& [idwarehouse, amount] : spec.stock) {
    if (!account_.warehouses().count(idwarehouse)) return not_found("Warehouse " + std::to_string(idwarehouse));
    if (amount < 0) return bad_request(kUnknownError, "Stock cannot be negative");
  }
  auto id = account_.create_product(in, spec.idproduct);
  if (!id.ok()) return id;
  for (const auto& [idwarehouse, amount] : spec.stock) {
    StockChange change;
    change.amount = amount;
    auto level = account_.change_stock(id.value(), idwarehouse, change);
    if (!level.ok()) return level.error();
  }
  publish();
  return id;
}

Result<int64_t> PicqerFake::add_order(const OrderSpec& spec) {
  std::lock_guard lock(mu_);
  account_.ensure_default_warehouse();
  if (!known_order_status(spec.status)) {
    return bad_request(kMissingParameters, "Unknown order status \"" + spec.status + "\"");
  }
  OrderInput in;
  in.reference = spec.reference;
  in.text = {{"deliveryname", spec.deliveryname}, {"deliverycountry", spec.deliverycountry},
             {"invoicename", spec.deliveryname}};
  for (const auto& line : spec.products) {
    OrderLineInput l;
    l.productcode = line.productcode;
    l.amount = line.amount;
    in.lines.push_back(std::move(l));
  }
  auto id = account_.create_order(in, spec.idorder);
  if (id.ok() && spec.status != "concept") {
    // A known status: processing can only fail for want of an order-accepting warehouse.
    auto done = account_.put_order_status(id.value(), spec.status);
    if (!done.ok()) id = done.error();
  }
  publish();
  return id;
}

Status PicqerFake::set_stock(const std::string& productcode, int64_t idwarehouse, int64_t amount) {
  std::lock_guard lock(mu_);
  account_.ensure_default_warehouse();
  const Product* p = account_.product_by_code(productcode);
  if (!p) return not_found("Product with productcode \"" + productcode + "\"");
  StockChange change;
  change.amount = amount;
  change.reason = "Counted or delivered";
  auto level = account_.change_stock(p->idproduct, idwarehouse, change);
  publish();
  if (!level.ok()) return level.error();
  return ok_status();
}

Result<std::vector<int64_t>> PicqerFake::ship_order(const std::string& reference, const std::string& trackingcode,
                                                    const std::string& carrier) {
  std::lock_guard lock(mu_);
  auto found = orders_with_reference(reference);
  if (!found.ok()) return found.error();
  auto shipped = account_.ship_order(first_with_open_picklist(account_, found.value()), trackingcode, carrier);
  publish();
  return shipped;
}

std::optional<Product> PicqerFake::product(int64_t idproduct) const {
  std::lock_guard lock(mu_);
  const Product* p = account_.product(idproduct);
  return p ? std::optional(*p) : std::nullopt;
}

std::optional<Product> PicqerFake::product_by_code(const std::string& productcode) const {
  std::lock_guard lock(mu_);
  const Product* p = account_.product_by_code(productcode);
  return p ? std::optional(*p) : std::nullopt;
}

StockLevel PicqerFake::stock(const std::string& productcode, int64_t idwarehouse) const {
  std::lock_guard lock(mu_);
  const Product* p = account_.product_by_code(productcode);
  return p ? p->stock_in(idwarehouse) : StockLevel{};
}

std::optional<Order> PicqerFake::order(int64_t idorder) const {
  std::lock_guard lock(mu_);
  const Order* o = account_.order(idorder);
  return o ? std::optional(*o) : std::nullopt;
}

std::vector<Order> PicqerFake::orders_by_reference(const std::string& reference) const {
  std::lock_guard lock(mu_);
  std::vector<Order> out;
  for (const auto& [id, o] : account_.orders()) {
    if (o.reference == reference) out.push_back(o);
  }
  return out;
}

namespace {
template <typename M>
auto values(const M& m) {
  std::vector<typename M::mapped_type> out;
  for (const auto& [id, v] : m) out.push_back(v);
  return out;
}
}  // namespace

std::vector<Product> PicqerFake::products() const { std::lock_guard lock(mu_); return values(account_.products()); }
std::vector<Order> PicqerFake::orders() const { std::lock_guard lock(mu_); return values(account_.orders()); }
std::vector<Warehouse> PicqerFake::warehouses() const { std::lock_guard lock(mu_); return values(account_.warehouses()); }
std::vector<Picklist> PicqerFake::picklists() const { std::lock_guard lock(mu_); return values(account_.picklists()); }
std::vector<Shipment> PicqerFake::shipments() const { std::lock_guard lock(mu_); return values(account_.shipments()); }
std::vector<Hook> PicqerFake::hooks() const { std::lock_guard lock(mu_); return values(account_.hooks()); }

std::vector<DeliveryAttempt> PicqerFake::deliveries() const {
  std::lock_guard lock(mu_);
  return {deliveries_.log().begin(), deliveries_.log().end()};
}

size_t PicqerFake::pending_deliveries() const {
  std::lock_guard lock(mu_);
  return deliveries_.pending();
}

void PicqerFake::set_max_pending_deliveries(size_t n) {
  std::lock_guard<std::mutex> lock(mu_);
  deliveries_.set_max_pending(n);
}

}  // namespace lpsync::fakes::picqer
