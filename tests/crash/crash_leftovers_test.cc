// What a crash leaves behind, picked up by a new process: state written into the store and
// the fakes as a crash at an exact moment would leave them, then the engine started on it.
#include <gtest/gtest.h>

#include "engine/state/sqlite_state_store.h"
#include "tests/crash/crash_run.h"
#include "tests/crash/final_state.h"
#include "tools/scenario/runner.h"
#include "tools/scenario/scenario_parser.h"
#include "tools/sim/world.h"

namespace lpsync::crash {
namespace {

scenario::Scenario parse(const std::string& json) {
  auto parsed = scenario::parse_scenario(json);
  if (!parsed) throw std::runtime_error(parsed.error().to_string());
  return parsed.scenario();
}

// The process died right after POST /products reached Picqer: the product exists (no stock
// yet), the engine's create intent is still open, there is no link. The restarted engine's
// first order poll fails, so the stock reconciliation runs first; the order import then
// finds the product, and the open intent makes it the engine's own.
const char kLostCreate[] = R"({
  "format": "lpsync-scenario/1",
  "name": "lost-product-create",
  "start": "2026-11-02T08:00:00Z",
  "settings": {"send_stock": true},
  "lightspeed": {
    "products": [{"id": 1, "title": "Mug", "images": ["mug.jpg"],
                  "variants": [{"id": 11, "sku": "MUG", "priceExcl": 8, "stockLevel": 10}]}],
    "orders": [{"id": 100, "number": "ORD100", "createdAt": "-1h", "updatedAt": "-1h", "paymentStatus": "paid",
                "lines": [{"variant": 11, "quantity": 1}]}]
  },
  "picqer": {"products": [{"productcode": "MUG", "name": "Mug", "price": 8}]},
  "timeline": [{"at": "+0s", "fault": {"target": "lightspeed", "kind": "http_500", "count": 1, "match": "GET /orders"}}],
  "run_until": "+20m",
  "expect": {}
})";

TEST(CrashLeftovers, AProductWhoseCreateAnswerWasLostIsAdoptedAndFinished) {
  scenario::Scenario s = parse(kLostCreate);
  std::string db = work_dir("lost-create") + "/state.db";
  scenario::RunOptions options;
  options.before_start = [&](sim::World& w) {
    w.open_store_with([db] { return std::move(SqliteStateStore::open(db).value().store); });
    w.store().begin_intent({IntentKind::create_product, "MUG", s.start});
  };
  options.after_run = [&](sim::World& w) {
    auto link = w.store().product_link(11);
    ASSERT_TRUE(link);
    EXPECT_TRUE(link->created_by_engine);
    EXPECT_TRUE(link->setup_done);
    EXPECT_TRUE(w.store().intents().empty());
    auto mug = w.picqer().product_by_code("MUG");
    ASSERT_TRUE(mug);
    EXPECT_EQ(mug->images.size(), 1u) << "the set-up was finished";
    // Sync-rules v2 §3: the base stock is the shop's count plus its open orders not in Picqer
    // yet. The shop's 10 already leaves out ORD100's 1 (an initial order), so Picqer counts
    // 11; the order imported after the restart reserves 1, and the shop is told 11 - 1 = 10,
    // the count it has already.
    EXPECT_EQ(mug->stock_in(1).stock, 11) << "the shop's 10 plus the open ORD100's 1";
    EXPECT_EQ(w.lightspeed().variant(11)->stock_level, 10) << "11 less the 1 reserved for ORD100";
  };
  auto result = scenario::run_scenario(s, options);
  EXPECT_TRUE(result.errors.empty());
  EXPECT_EQ(result.orders_imported, 1);
}

// The process died between the create of an order imported by hand and its process: the
// Picqer order is a concept, the link is stored, and the order's create intent is still open
// (it lasts until the first follow-up is done). The order is older than the 12-hour window,
// so no poll lists it, and nobody asks again: the restarted engine finishes it by itself.
const char kUnprocessedByHand[] = R"({
  "format": "lpsync-scenario/1",
  "name": "unprocessed-by-hand",
  "start": "2026-11-02T08:00:00Z",
  "lightspeed": {
    "products": [{"id": 1, "title": "Mug", "variants": [{"id": 11, "sku": "MUG", "priceExcl": 8, "stockLevel": 10}]}],
    "orders": [{"id": 100, "number": "ORD100", "createdAt": "-13h", "updatedAt": "-13h", "paymentStatus": "paid",
                "lines": [{"variant": 11, "quantity": 1}]}]
  },
  "picqer": {"products": [{"productcode": "MUG", "name": "Mug", "price": 8}],
             "orders": [{"idorder": 500, "reference": "ORD100", "status": "concept", "products": [{"productcode": "MUG", "amount": 1}]}]},
  "run_until": "+20m",
  "expect": {}
})";

TEST(CrashLeftovers, AnOrderCreatedByHandButNotProcessedIsFinishedAtTheNextStart) {
  scenario::Scenario s = parse(kUnprocessedByHand);
  std::string db = work_dir("unprocessed-by-hand") + "/state.db";
  scenario::RunOptions options;
  options.before_start = [&](sim::World& w) {
    w.open_store_with([db] { return std::move(SqliteStateStore::open(db).value().store); });
    int64_t idorder = w.picqer().orders_by_reference("ORD100").at(0).idorder;
    w.store().put_order_link({100, "ORD100", idorder, false, s.start - Duration::minutes(10)});
    w.store().begin_intent({IntentKind::create_order, "ORD100", s.start - Duration::minutes(10)});
  };
  options.after_run = [&](sim::World& w) {
    auto orders = w.picqer().orders_by_reference("ORD100");
    ASSERT_EQ(orders.size(), 1u);
    EXPECT_EQ(orders[0].status, "processing");
    auto link = w.store().order_link(100);
    ASSERT_TRUE(link);
    EXPECT_TRUE(link->processed);
    EXPECT_TRUE(w.store().intents().empty()) << "the follow-up is done: the intent is closed";
  };
  auto result = scenario::run_scenario(s, options);
  EXPECT_TRUE(result.errors.empty());
}

}  // namespace
}  // namespace lpsync::crash
