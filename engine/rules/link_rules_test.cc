#include "engine/rules/link_rules.h"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace lpsync {
namespace {

pq::StockRow row(const std::string& code, int64_t idproduct) {
  pq::StockRow r;
  r.productcode = code;
  r.idproduct = idproduct;
  return r;
}

SkuIndex shop() {
  SkuIndex skus;
  skus.put(1, " MUG ");
  skus.put(2, "DUP");
  skus.put(3, "DUP");
  skus.put(4, "");
  skus.put(5, "CAP");
  return skus;
}

TEST(LinkHolds, OnlyWhileTheVariantUniquelyHasTheCode) {
  SkuIndex skus = shop();
  EXPECT_TRUE(link_holds(skus, 1, "MUG"));
  EXPECT_FALSE(link_holds(skus, 1, "CUP"));  // the SKU changed
  EXPECT_FALSE(link_holds(skus, 2, "DUP"));  // no longer unique
  EXPECT_FALSE(link_holds(skus, 4, ""));     // no SKU
  EXPECT_FALSE(link_holds(skus, 9, "MUG"));  // the variant is gone
}

TEST(LinksToMake, UniqueCodesOfUnlinkedVariantsOnceInRowOrder) {
  std::vector<pq::StockRow> rows{row("CAP", 50), row("DUP", 20), row("MUG", 10), row("NONE", 70), row("CAP", 50),
                                 row("MUG", 11)};
  EXPECT_EQ(links_to_make(shop(), rows, {}), (std::vector<LinkToMake>{{5, "CAP", 50}, {1, "MUG", 10}}));
  // Variant 1 is linked to MUG already; variant 5 to an old code, so it is linked anew.
  EXPECT_EQ(links_to_make(shop(), rows, {{1, "MUG"}, {5, "OLD"}}), (std::vector<LinkToMake>{{5, "CAP", 50}}));
}

TEST(LinkReconcilesStock, SetUpDoneAndListedOrTheListingWhole) {
  EXPECT_TRUE(link_reconciles_stock(true, true, true));
  EXPECT_TRUE(link_reconciles_stock(true, false, true));
  EXPECT_TRUE(link_reconciles_stock(true, true, false));
  EXPECT_FALSE(link_reconciles_stock(true, false, false));
  EXPECT_FALSE(link_reconciles_stock(false, true, true));
}

// For all shops, rows and existing links: a link holds exactly when its variant is the unique
// holder of the code; every link to make holds, names a listed product, is new, and is made
// once per variant and code; and after making them every row with a uniquely held code is
// linked to its variant.
RC_GTEST_PROP(LinkRulesProperty, LinksHoldAreNewAndCoverEveryUniqueRow, ()) {
  const std::vector<std::string> codes{"", "A", "B", "C", "D"};
  auto code = rc::gen::elementOf(codes);
  SkuIndex skus;
  for (int64_t v = 1; v <= 6; ++v) {
    if (*rc::gen::inRange(0, 5) > 0) skus.put(v, *code);
  }
  std::map<int64_t, std::string> linked;
  for (int64_t v = 1; v <= 7; ++v) {
    if (*rc::gen::arbitrary<bool>()) linked[v] = *code;
  }
  std::vector<pq::StockRow> rows;
  for (int i = *rc::gen::inRange(0, 8); i > 0; --i) rows.push_back(row(*code, *rc::gen::inRange<int64_t>(1, 5)));

  for (int64_t v = 1; v <= 7; ++v) {
    for (const auto& c : codes) RC_ASSERT(link_holds(skus, v, c) == (skus.unique_variant(c) == v));
  }
  auto made = links_to_make(skus, rows, linked);
  std::set<std::pair<int64_t, std::string>> seen;
  for (const auto& m : made) {
    RC_ASSERT(link_holds(skus, m.variant_id, m.productcode));
    RC_ASSERT(!(linked.count(m.variant_id) && linked[m.variant_id] == m.productcode));
    RC_ASSERT(seen.insert({m.variant_id, m.productcode}).second);
    RC_ASSERT(std::find(rows.begin(), rows.end(), row(m.productcode, m.idproduct)) != rows.end());
  }
  for (const auto& m : made) linked[m.variant_id] = m.productcode;
  for (const auto& r : rows) {
    if (auto v = skus.unique_variant(r.productcode)) RC_ASSERT(linked[*v] == r.productcode);
  }
}

}  // namespace
}  // namespace lpsync
