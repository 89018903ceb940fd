#include "engine/rules/order_lines.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

ls::OrderLine line(std::optional<int64_t> variant, int64_t qty = 1) {
  ls::OrderLine l;
  l.variant_id = variant;
  l.quantity = qty;
  l.price_excl = 10;
  return l;
}

SkuIndex shop() {
  SkuIndex index;
  index.put(1, "A");
  index.put(2, "B");
  index.put(3, "DUP");
  index.put(4, "DUP");
  index.put(5, "");
  return index;
}

TEST(OrderLines, AllLinesResolve) {
  auto c = classify_lines({line(1, 2), line(2)}, shop());
  EXPECT_EQ(c.held, std::nullopt);
  ASSERT_EQ(c.needs.size(), 2u);
  EXPECT_EQ(c.needs[0].sku, "A");
  EXPECT_EQ(c.needs[0].quantity, 2);
  EXPECT_EQ(c.needs[1].variant_id, 2);
}

TEST(OrderLines, EachReasonHoldsTheWholeOrder) {
  EXPECT_EQ(classify_lines({line(1), line(std::nullopt)}, shop()).held, HeldReason::missing_variant);
  EXPECT_EQ(classify_lines({line(1), line(5)}, shop()).held, HeldReason::missing_sku);
  EXPECT_EQ(classify_lines({line(3), line(1)}, shop()).held, HeldReason::duplicate_sku);
  EXPECT_TRUE(classify_lines({line(1), line(3)}, shop()).needs.empty());
}

TEST(OrderLines, TheFirstFailingLineGivesTheReason) {
  EXPECT_EQ(classify_lines({line(5), line(3)}, shop()).held, HeldReason::missing_sku);
  EXPECT_EQ(classify_lines({line(3), line(5)}, shop()).held, HeldReason::duplicate_sku);
}

TEST(OrderLines, UnknownVariantsAreReadBeforeAnyDecision) {
  auto c = classify_lines({line(99), line(3)}, shop());
  EXPECT_EQ(c.held, std::nullopt);
  EXPECT_EQ(c.unknown_variants, (std::vector<int64_t>{99}));
  EXPECT_TRUE(c.needs.empty());
  // A failing line before the unknown one is still final.
  auto d = classify_lines({line(3), line(99)}, shop());
  EXPECT_EQ(d.held, HeldReason::duplicate_sku);
}

TEST(OrderLines, AHoldForADuplicateSkuNamesTheSkuAndEveryVariantWithIt) {
  auto shared = shared_sku_of({line(1), line(std::nullopt), line(4), line(3)}, shop());
  ASSERT_TRUE(shared);
  EXPECT_EQ(shared->sku, "DUP");
  EXPECT_EQ(shared->variants, (std::vector<int64_t>{3, 4}));
  EXPECT_FALSE(shared_sku_of({line(1), line(5), line(99)}, shop())) << "no line shares its SKU";
}

TEST(OrderLines, PicqerGetsTheUnitPrice) {
  // Three units of 10.00 each: the line total is 30, Picqer's price is per unit.
  ls::OrderLine l = line(1, 3);
  l.price_excl = 30;
  l.base_price_excl = 10;
  EXPECT_DOUBLE_EQ(unit_price_excl(l), 10);
  auto c = classify_lines({l}, shop());
  ASSERT_EQ(c.needs.size(), 1u);
  EXPECT_DOUBLE_EQ(c.needs[0].unit_price_excl, 10);
  // Without basePriceExcl the unit price is the total divided by the quantity (4 decimals).
  l.base_price_excl.reset();
  l.price_excl = 10;
  EXPECT_DOUBLE_EQ(unit_price_excl(l), 3.3333);
  l.quantity = 0;  // nothing to divide by: the total stands
  EXPECT_DOUBLE_EQ(unit_price_excl(l), 10);
}

TEST(OrderLines, MissingProductDependsOnImportProducts) {
  EXPECT_EQ(missing_product_decision(true), std::nullopt);
  EXPECT_EQ(missing_product_decision(false), HeldReason::product_not_in_picqer);
}

}  // namespace
}  // namespace lpsync
