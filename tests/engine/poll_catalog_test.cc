// The order poll decides on the shop's SKUs as they are now, and reads the changed variants
// for that only when it has an order to decide on: a poll that finds every order in its
// window already imported, or held for a reason that needs no SKU, costs one listing, not
// two requests (issue 21, the bulk import's bound).
#include <gtest/gtest.h>

#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

// Reads of the variants changed since an instant (the incremental refresh), in [from, to).
size_t changed_variant_reads(sim::World& w, Instant from, Instant to) {
  size_t n = 0;
  for (const auto& e : w.lightspeed().journal().matching("GET /variants")) {
    n += e.at >= from && e.at < to && e.query.find("updated_at_min") != std::string::npos;
  }
  return n;
}

TEST(PollCatalog, APollWithNothingNewToDecideReadsNoChangedVariants) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  place_order(w, "ORD1", {{21, 1}});
  place_order(w, "ORD2", {{12, 1}}, "not_paid");  // held without looking at a SKU
  w.start_engine();
  w.run_until(kStart + Duration::minutes(2));
  ASSERT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
  const Instant quiet_until = kStart + Duration::minutes(50);
  w.run_until(quiet_until);
  EXPECT_EQ(changed_variant_reads(w, kStart + Duration::minutes(2), quiet_until), 0u)
      << "nine polls, each with only an imported and an unpaid order in its window";

  // A new paid order is decided on SKUs read for it.
  ls_fake::VariantPatch renamed;
  renamed.sku = "MUG-2";
  w.lightspeed().update_variant(21, renamed);
  place_order(w, "ORD3", {{21, 1}});
  w.run_until(quiet_until + Duration::minutes(6));
  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1", "ORD3"}));
  EXPECT_GE(changed_variant_reads(w, quiet_until, quiet_until + Duration::minutes(6)), 1u);
  EXPECT_TRUE(w.picqer().product_by_code("MUG-2")) << "ORD3 was decided on the SKU as it is now";
}

// The last read serves an order only when it began after the order was placed: a SKU changed
// between that read and the order is seen (the 12-hour window property's counterexample: the
// order was never resolvable while it existed).
TEST(PollCatalog, AnOrderPlacedAfterTheLastReadIsDecidedOnANewOne) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  w.start_engine();
  const Instant t = kStart + Duration::minutes(12);
  w.run_until(t);
  const int polls_before = w.engine()->report().order_polls;
  place_order(w, "ORD1", {{21, 1}});
  w.run_until(t + Duration::seconds(20));
  ls_fake::VariantPatch shared;
  shared.sku = "DUP";  // as variants 31 and 41
  w.lightspeed().update_variant(21, shared);
  w.run_until(t + Duration::seconds(40));
  place_order(w, "ORD2", {{21, 1}});
  w.run_until(t + Duration::seconds(100));
  ASSERT_EQ(w.engine()->report().order_polls, polls_before + 2) << "a poll for each order's webhook";
  EXPECT_EQ(changed_variant_reads(w, t, t + Duration::seconds(100)), 2u);
  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
  bool held = false;
  for (const auto& h : w.engine()->report().held) held |= h.number == "ORD2" && h.reason == HeldReason::duplicate_sku;
  EXPECT_TRUE(held) << "ORD2's variant shares its SKU since 20 s before the order";
}

}  // namespace
}  // namespace lpsync::testing
