// The bulk "Import products" at size: 10,000 variants under the real rate limits (simulated
// hours), a crash in the middle, nothing created twice, and paid orders placed meanwhile
// imported within a poll interval.
#include <gtest/gtest.h>

#include <map>

#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

constexpr int kVariants = 10000;

TEST(BulkImport, TenThousandVariantsResumeAfterACrashAndOrdersKeepFlowing) {
  sim::World w(world_config());
  for (int i = 0; i < kVariants; ++i) {
    ls_fake::ProductSpec p;
    p.id = 1 + i;
    p.title = "Product " + std::to_string(i);
    p.images = {"p" + std::to_string(i) + ".jpg"};
    ls_fake::VariantSpec v;
    v.id = 100000 + i;
    v.sku = i == 7 ? "" : "SKU-" + std::to_string(i);  // one without a SKU is skipped
    v.stock_level = 3;
    p.variants = {v};
    w.lightspeed().add_product(p);
  }
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  ASSERT_EQ(w.import_products(), "");

  // Paid orders every 20 minutes while the import runs; the process crashes halfway.
  std::map<std::string, Instant> placed;
  bool crashed = false;
  for (int k = 0; w.engine() && !w.store().bulk_import().finished; ++k) {
    std::string number = "ORD" + std::to_string(k);
    place_order(w, number, {{100000 + (k * 7919) % kVariants, 1}});
    placed[number] = w.clock().now();
    w.run_until(w.clock().now() + Duration::minutes(20));
    if (!crashed && w.store().bulk_import().done > kVariants / 2) {
      w.crash();
      crashed = true;
    }
    ASSERT_LT(k, 200) << "the import did not finish in 66 simulated hours";
  }
  w.run_until(w.clock().now() + Duration::minutes(10));
  ASSERT_TRUE(crashed);

  BulkImport b = w.store().bulk_import();
  EXPECT_TRUE(b.finished);
  EXPECT_EQ(b.total, kVariants);
  ASSERT_EQ(b.skipped.size(), 1u);
  EXPECT_EQ(b.skipped[0].variant_id, 100007);
  // Every unique-SKU variant has exactly one Picqer product: the fake refuses a second
  // product with a taken productcode, so count creates that were attempted too.
  EXPECT_EQ(w.picqer().products().size(), static_cast<size_t>(kVariants - 1));
  size_t creates = 0;
  for (const auto& e : w.picqer().journal().entries()) creates += e.method == "POST" && e.path == "/products";
  EXPECT_EQ(creates, static_cast<size_t>(kVariants - 1));
  // Took simulated hours, and the orders did not wait for it.
  EXPECT_GT(w.clock().now() - kStart, Duration::hours(3));
  for (const auto& o : w.picqer().orders()) {
    auto it = placed.find(o.reference);
    ASSERT_NE(it, placed.end());
    EXPECT_LE(o.created - it->second, Settings().poll_interval) << o.reference;
  }
  EXPECT_EQ(w.picqer().orders().size(), placed.size());
}

}  // namespace
}  // namespace lpsync::testing
