// `lpsync run --once` and `lpsync plan` against both fakes served on loopback, over HTTPS (a
// CA made by the test, given as tls.ca_file) and over plain HTTP, through the command line
// in-process: an order imported, the others held with their reasons, a stock level and a
// shipment pushed, read-only honoured, and plan writing nothing anywhere.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/state/sqlite_state_store.h"
#include "tests/live/live_fixture.h"
#include "tests/live/secret_scan.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
namespace ls = fakes::lightspeed;
namespace pq = fakes::picqer;

class LiveOnce : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    world_ = make_world(std::string("once-") + (GetParam() ? "https" : "http"), GetParam());
    ASSERT_TRUE(world_.fakes->ok());
    add_shop(*world_.fakes);
  }
  FakeServices& fakes() { return *world_.fakes; }
  int64_t shop_stock(int64_t variant) {
    return fakes().lightspeed([&](ls::LightspeedFake& s) { return s.variant(variant)->stock_level; });
  }
  std::vector<std::string> picqer_references() { return testing::picqer_references(fakes()); }
  size_t lightspeed_writes() {
    return fakes().lightspeed([](ls::LightspeedFake& s) { return s.journal().writes(); });
  }
  size_t picqer_writes() {
    return fakes().picqer([](pq::PicqerFake& p) { return p.journal().writes(); });
  }

  LiveWorld world_;
};

TEST_P(LiveOnce, ImportsAnOrderPushesStockThenAShipment) {
  // shipment_delay 0: the second run comes moments after the shipment is made; the delay itself
  // is covered by scenarios/shipment-delay.json and shipment-cancelled-within-delay.json.
  std::string config = write_config(
      world_, "shop", bj::object{{"active", true}, {"send_stock", true}, {"send_shipments", true}, {"shipment_delay", 0}});

  CliResult first = lpsync({"run", "--config", config, "--once"});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("Orders imported into Picqer: 1\n  ORD1 -> Picqer order"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("ORD2: held 0 s: not_paid"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("ORD3: held 0 s: duplicate_sku"), std::string::npos) << first.out;
  EXPECT_EQ(picqer_references(), std::vector<std::string>{"ORD1"});
  EXPECT_TRUE(fakes().picqer([](pq::PicqerFake& p) { return p.product_by_code("MUG").has_value(); }));
  // SHIRT-S: 7 free in Picqer, 1 on the held unpaid ORD2: the shop gets 6.
  EXPECT_EQ(shop_stock(21), 6);
  // The mug: base stock 9 in Picqer (the shop's 8 plus ORD1's 1, section 3), 1 reserved by
  // ORD1: 8 free, which the shop has already, so nothing is pushed.
  EXPECT_EQ(shop_stock(11), 8) << "the mug: 9 in Picqer as base stock, 1 reserved by ORD1";
  EXPECT_NE(first.err.find("\"event\":\"order_imported\""), std::string::npos) << first.err;

  // The warehouse ships ORD1 and counts the shirts again; the next run pushes both.
  fakes().picqer([](pq::PicqerFake& p) {
    auto shipped = p.ship_order("ORD1", "3SLIVE0001");
    if (!shipped.ok()) throw std::runtime_error(shipped.error().message);
    auto counted = p.set_stock("SHIRT-S", 1, 12);
    if (!counted.ok()) throw std::runtime_error(counted.error().message);
    return 0;
  });
  CliResult second = lpsync({"run", "--config", config, "--once"});
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_NE(second.out.find("Shipments marked shipped in the shop: 1"), std::string::npos) << second.out;
  auto shipment = fakes().lightspeed([](ls::LightspeedFake& s) {
    int64_t order = 0;
    for (const auto& [id, o] : s.shop().orders()) {
      if (o.number == "ORD1") order = id;
    }
    return *s.shipment_of_order(order);
  });
  EXPECT_EQ(shipment.status, "shipped");
  EXPECT_EQ(shipment.tracking_code, "3SLIVE0001");
  EXPECT_EQ(shop_stock(21), 11);
  EXPECT_EQ(picqer_references(), std::vector<std::string>{"ORD1"}) << "imported once, across two runs";

  CliResult status = lpsync({"status", "--config", config});
  ASSERT_EQ(status.code, 0) << status.err;
  EXPECT_NE(status.out.find("Orders imported into Picqer: 1"), std::string::npos) << status.out;
  // Held since the first run: its age, the reason and what to fix (section 12).
  EXPECT_NE(status.out.find("Orders held (not imported): 2\n  ORD2: held "), std::string::npos) << status.out;
  EXPECT_NE(status.out.find(": not_paid - not paid yet (order_filter: paid); fix: wait for the payment"),
            std::string::npos) << status.out;
  EXPECT_NE(status.out.find("Orders needing a person: 0"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("Budgets seen by the last run"), std::string::npos) << status.out;
}

TEST_P(LiveOnce, ReadOnlyNeverWritesToTheShop) {
  std::string config = write_config(
      world_, "readonly",
      bj::object{{"active", true}, {"read_only", true}, {"send_stock", true}, {"send_shipments", true}});
  CliResult run = lpsync({"run", "--config", config, "--once"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(picqer_references(), std::vector<std::string>{"ORD1"}) << "read-only still imports into Picqer";
  EXPECT_EQ(lightspeed_writes(), 0u);
  EXPECT_EQ(shop_stock(21), 4) << "the shop's own count (5, minus the unpaid ORD2) stays";
}

TEST_P(LiveOnce, PlanShowsEverythingAndWritesNothing) {
  std::string config =
      write_config(world_, "plan", bj::object{{"active", false}, {"send_stock", true}, {"send_shipments", true}});
  CliResult plan = lpsync({"plan", "--config", config});
  ASSERT_EQ(plan.code, 0) << plan.err;
  const std::string& out = plan.out;
  EXPECT_NE(out.find("The connection is not active"), std::string::npos) << out;
  EXPECT_NE(out.find("Orders to import into Picqer: 1\n  ORD1 (a new Picqer order"), std::string::npos) << out;
  EXPECT_NE(out.find("ORD2: held 0 s: not_paid"), std::string::npos) << out;
  EXPECT_NE(out.find("ORD3: held 0 s: duplicate_sku - a line's variant shares its SKU with another variant; fix: "
                     "give each variant its own SKU in the shop, then lpsync import-order ORD3"),
            std::string::npos) << out;
  EXPECT_NE(out.find("Orders needing a person: 0"), std::string::npos) << out;
  EXPECT_NE(out.find("Products to create in Picqer: 1\n  variant 11, SKU MUG"), std::string::npos) << out;
  EXPECT_NE(out.find("    VAT group 21 % (Hoog, idvatgroup 1): matches the shop's tax rate 21 %\n"), std::string::npos)
      << out;
  EXPECT_NE(out.find("SKU SHIRT-S -> Picqer product"), std::string::npos) << out;
  // The same levels the real run pushes: the mug's base stock counts the planned order, which
  // then reserves it, so the mug needs no push.
  EXPECT_NE(out.find("Stock levels to send to the shop: 1\n  variant 21: stockLevel 6\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Picqer POST /api/v1/orders"), std::string::npos) << out;
  EXPECT_NE(out.find("Lightspeed PUT /en/variants/21.json"), std::string::npos) << out;
  // Written nowhere: not to either API, not to the state.
  EXPECT_EQ(picqer_writes(), 0u);
  EXPECT_EQ(lightspeed_writes(), 0u);
  EXPECT_FALSE(std::filesystem::exists(world_.dir + "/plan-state"));
  EXPECT_EQ(shop_stock(21), 4);
  auto leaks = find_secrets(plan.out + plan.err, test_secrets());
  EXPECT_TRUE(leaks.empty()) << leaks.front();
}

INSTANTIATE_TEST_SUITE_P(OverHttpsAndHttp, LiveOnce, ::testing::Values(true, false),
                         [](const auto& info) { return info.param ? "https" : "http"; });

}  // namespace
}  // namespace lpsync::testing

namespace lpsync::testing {
namespace {

TEST(LiveImportProducts, RunsTheBulkImportToTheEndAndStatusShowsIt) {
  LiveWorld w = make_world("import", false);
  add_shop(*w.fakes);
  std::string inactive = write_config(w, "inactive", bj::object{{"active", false}});
  CliResult refused = lpsync({"import-products", "--config", inactive});
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.err.find("the connection is not active yet"), std::string::npos) << refused.err;

  std::string config = write_config(w, "import", bj::object{{"active", true}});
  CliResult run = lpsync({"import-products", "--config", config});
  ASSERT_EQ(run.code, 0) << run.err;
  // Orders go first (ORD1 creates the mug), then the import links both unique SKUs and
  // reports the two variants sharing DUP.
  EXPECT_NE(run.out.find("Bulk import: 4/4 variants (finished), 2 linked, 0 created, 2 skipped"), std::string::npos)
      << run.out;
  EXPECT_TRUE(w.fakes->picqer([](pq::PicqerFake& p) { return p.product_by_code("MUG").has_value(); }));
  CliResult status = lpsync({"status", "--config", config});
  EXPECT_NE(status.out.find("Bulk import: 4/4 variants (finished)"), std::string::npos) << status.out;
}

TEST(LiveCredentials, AWrongKeyIsReportedWithoutShowingAnyKey) {
  LiveWorld w = make_world("wrong-key", false);
  add_shop(*w.fakes);
  std::string config = write_config(w, "wrong", bj::object{{"active", true}});
  ::setenv("LPSYNC_TEST_PICQER_KEY", "pq-wrong-key-0000", 1);
  CliResult run = lpsync({"run", "--config", config, "--once"});
  ::setenv("LPSYNC_TEST_PICQER_KEY", kPicqerKey, 1);
  // A wrong Picqer key: the order poll cannot finish either (nothing is sent to Picqer once
  // it refused the key), so the run fails and says why once.
  EXPECT_EQ(run.code, 1) << run.err;
  EXPECT_NE(run.out.find("Orders imported into Picqer: 0"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Needs attention:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Picqer refused the key (401"), std::string::npos) << run.out;
  // A wrong shop key: the orders cannot even be listed; the run says so and fails.
  ::setenv("LPSYNC_TEST_LS_SECRET", "0000wrongsecret0000", 1);
  CliResult shop = lpsync({"run", "--config", config, "--once"});
  ::setenv("LPSYNC_TEST_LS_SECRET", kLightspeedSecret, 1);
  EXPECT_EQ(shop.code, 1) << shop.out << shop.err;
  EXPECT_NE(shop.out.find("Lightspeed GET /en/variants.json?page=1&limit=250: Lightspeed refused the key (401"),
            std::string::npos)
      << shop.out << shop.err;
  EXPECT_NE(shop.out.find("The order poll did not finish in this run: Lightspeed GET"), std::string::npos) << shop.out;
  EXPECT_EQ(shop.out.find("0000wrongsecret0000"), std::string::npos);
  EXPECT_EQ(shop.err.find("0000wrongsecret0000"), std::string::npos);
  for (const std::string& secret : {std::string("pq-wrong-key-0000"), std::string(kLightspeedKey),
                                    std::string(kLightspeedSecret)}) {
    EXPECT_EQ(run.out.find(secret), std::string::npos) << run.out;
    EXPECT_EQ(run.err.find(secret), std::string::npos) << run.err;
  }
}

}  // namespace
}  // namespace lpsync::testing
