#include "engine/rules/shared_pending_rules.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

TEST(SharedPending, DesiredSubtractsOwnAndOtherShopsPending) {
  EXPECT_EQ(desired_stock_shared(10, 2, 3), 5);
  EXPECT_EQ(desired_stock_shared(10, 0, 3), 7) << "another shop's held order takes stock this shop must not sell";
  EXPECT_EQ(desired_stock_shared(10, 2, 0), 8) << "a single shop: as section 4 without sharing";
  EXPECT_EQ(desired_stock_shared(4, 2, 3), 0) << "never below 0";
}

TEST(SharedPending, AVariantCountsUnderItsLinkElseItsUniqueSku) {
  SkuIndex skus;
  skus.put(1, " MUG ");
  skus.put(2, "DUP");
  skus.put(3, "DUP");
  skus.put(4, "");
  EXPECT_EQ(pending_productcode(std::string("MUG-OLD"), skus, 1), "MUG-OLD");
  EXPECT_EQ(pending_productcode(std::nullopt, skus, 1), "MUG");
  EXPECT_EQ(pending_productcode(std::nullopt, skus, 2), std::nullopt) << "a shared SKU reaches no Picqer product";
  EXPECT_EQ(pending_productcode(std::nullopt, skus, 4), std::nullopt) << "no SKU";
  EXPECT_EQ(pending_productcode(std::nullopt, skus, 9), std::nullopt) << "unknown variant";
}

TEST(SharedPending, OwnPendingIsSummedByProductcode) {
  std::map<int64_t, int64_t> by_variant = {{1, 2}, {2, 3}, {3, 4}, {4, 0}};
  std::map<int64_t, std::string> codes = {{1, "MUG"}, {2, "MUG"}, {4, "CARD"}};
  EXPECT_EQ(pending_by_productcode(by_variant, codes), (PendingByCode{{"MUG", 5}}))
      << "variant 3 has no productcode; a quantity of 0 is not shared";
}

TEST(SharedPending, OtherShopsPendingLandsOnTheLinkedVariants) {
  std::map<int64_t, std::string> linked = {{11, "SHIRT-S"}, {21, "MUG"}, {31, "CARD"}};
  EXPECT_EQ(productcodes_of(linked), (std::set<std::string>{"CARD", "MUG", "SHIRT-S"}));
  PendingByCode others = {{"MUG", 3}, {"POSTER", 1}, {"CARD", 0}};
  EXPECT_EQ(others_pending_by_variant(linked, others), (std::map<int64_t, int64_t>{{21, 3}}));
}

TEST(SharedPending, ChangedVariantsAreThoseWhoseQuantityMoved) {
  std::map<int64_t, int64_t> before = {{1, 2}, {2, 3}, {3, 1}};
  std::map<int64_t, int64_t> after = {{1, 2}, {2, 4}, {4, 1}};
  EXPECT_EQ(quantities_changed(before, after), (std::set<int64_t>{2, 3, 4}));
  EXPECT_TRUE(quantities_changed(before, before).empty());
  EXPECT_TRUE(quantities_changed({{5, 0}}, {}).empty()) << "0 and missing are the same";
}

}  // namespace
}  // namespace lpsync
