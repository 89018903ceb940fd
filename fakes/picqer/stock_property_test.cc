// For every sequence of counts, mutations, orders (processed at once), shipments and forced
// cancellations: stock and reservations match a simple model, free stock is stock minus
// reserved, nothing goes negative, refusals follow the rule, no backorder waits while
// unpicked stock exists, and products.free_stock_changed fires exactly when free stock changes.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <map>
#include <tuple>

#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

using testing::Harness;

constexpr int kProducts = 3;
std::string code(int i) { return "P" + std::to_string(i); }

struct Model {
  std::map<int, int64_t> stock;                   // product -> stock
  std::map<int64_t, std::pair<int, int64_t>> open;  // idorder -> (product, amount not shipped)
  int64_t reserved(int product) const {
    int64_t sum = 0;
    for (const auto& [id, o] : open) sum += o.first == product ? o.second : 0;
    return sum;
  }
};

int64_t open_picklist_amount(const PicqerFake& fake, int64_t idorder) {
  int64_t sum = 0;
  for (const auto& pl : fake.picklists()) {
    if (pl.idorder != idorder || pl.status != "new") continue;
    for (const auto& l : pl.lines) sum += l.amount;
  }
  return sum;
}

// One operation: a count or mutation of stock, an order processed, a shipment, or a forced
// cancellation; the model follows what the fake must have done.
void apply_op(Harness& h, Model& model, std::vector<int64_t>& orders, int kind, int product, int value) {
  StockLevel before = h.fake.stock(code(product), 1);
  if (kind == 0 || kind == 1) {  // count (amount) or mutation (change)
    int64_t target = kind == 0 ? value : before.stock + value;
    std::string body = json::serialize(kind == 0 ? json::object_of({{"amount", value}}) : json::object_of({{"change", value}}));
    Response r = h.call("POST", "/products/" + std::to_string(product + 1) + "/stock/1", body);
    bool allowed = target >= 0 && target >= before.reservedpicklists;
    RC_ASSERT(r.status == (allowed ? 200 : 400));
    if (allowed) model.stock[product] = target;
  } else if (kind == 2 && value > 0) {  // an order, processed at once
    int64_t id = h.create_order("R" + std::to_string(orders.size()), {{code(product), value}});
    RC_ASSERT(h.call("POST", "/orders/" + std::to_string(id) + "/process").status == 200);
    model.open[id] = {product, value};
    orders.push_back(id);
  } else if (kind == 3 && !orders.empty()) {  // the warehouse ships one
    size_t index = static_cast<size_t>(value + 10) % orders.size();
    int64_t id = orders[index];
    int64_t picked = open_picklist_amount(h.fake, id);
    auto shipped = h.fake.ship_order("R" + std::to_string(index), "T", "postnl");
    RC_ASSERT(shipped.ok() == (picked > 0));
    if (picked > 0 && model.open.count(id)) {
      model.stock[model.open[id].first] -= picked;
      model.open[id].second -= picked;
      RC_ASSERT((h.fake.order(id)->status == "completed") == (model.open[id].second == 0));
      if (model.open[id].second == 0) model.open.erase(id);
    }
  } else if (kind == 4 && !orders.empty()) {  // forced cancellation
    int64_t id = orders[static_cast<size_t>(value + 10) % orders.size()];
    bool cancellable = h.fake.order(id)->status != "cancelled";
    RC_ASSERT(h.call("DELETE", "/orders/" + std::to_string(id) + "?force=true").status == (cancellable ? 200 : 400));
    model.open.erase(id);
  }
}

// After each operation: the fake's stock levels agree with the model and among themselves, and a
// free-stock webhook was sent exactly for the products whose free stock changed.
void check_levels(Harness& h, Model& model, std::map<int, int64_t>& last_free) {
  h.receiver.received.clear();
  h.clock.advance(Duration::seconds(2));
  std::map<int, int64_t> announced;
  for (const auto& req : h.receiver.received) {
    auto data = json::parse(req.body).at("data");
    std::string pc(data.at("productcode").as_string());
    announced[std::stoi(pc.substr(1))] = data.at("stock").at(0).at("freestock").as_int64();
  }
  RC_ASSERT(h.receiver.received.size() == announced.size());  // at most one per product
  for (int i = 0; i < kProducts; ++i) {
    StockLevel lvl = h.fake.stock(code(i), 1);
    RC_ASSERT(lvl.stock == model.stock[i]);
    RC_ASSERT(lvl.reserved() == model.reserved(i));
    RC_ASSERT(lvl.freestock() == lvl.stock - lvl.reserved());
    RC_ASSERT(lvl.reservedpicklists >= 0);
    RC_ASSERT(lvl.reservedbackorders >= 0);
    RC_ASSERT(lvl.stock >= lvl.reservedpicklists);
    RC_ASSERT(!(lvl.reservedbackorders > 0 && lvl.stock > lvl.reservedpicklists));
    bool changed = lvl.freestock() != last_free[i];
    RC_ASSERT(announced.count(i) == (changed ? 1u : 0u));
    if (changed) RC_ASSERT(announced[i] == lvl.freestock());
    last_free[i] = lvl.freestock();
  }
}

RC_GTEST_PROP(StockProperty, ReservationsAndFreeStockStayConsistent, ()) {
  using Op = std::tuple<int, int, int>;  // kind, product, value
  auto ops = *rc::gen::container<std::vector<Op>>(
      rc::gen::tuple(rc::gen::inRange(0, 5), rc::gen::inRange(0, kProducts), rc::gen::inRange(-10, 21)));
  Harness h(PicqerConfig{.rate_limit_per_minute = 1'000'000});
  Model model;
  for (int i = 0; i < kProducts; ++i) {
    RC_ASSERT(h.fake.add_product({.productcode = code(i)}).ok());
    model.stock[i] = 0;
  }
  h.create_hook("products.free_stock_changed");
  std::map<int, int64_t> last_free;
  std::vector<int64_t> orders;

  for (const auto& [kind, product, value] : ops) {
    apply_op(h, model, orders, kind, product, value);
    check_levels(h, model, last_free);
  }
}

}  // namespace
}  // namespace lpsync::fakes::picqer
