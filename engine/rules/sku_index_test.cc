#include "engine/rules/sku_index.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace lpsync {
namespace {

TEST(Sku, TrimsWhiteSpaceOnly) {
  EXPECT_EQ(trim_sku("  AB-1 \t"), "AB-1");
  EXPECT_EQ(trim_sku("a b"), "a b");
  EXPECT_EQ(trim_sku("   "), "");
  EXPECT_EQ(trim_sku(""), "");
}

TEST(SkuIndex, UniqueMissingAndDuplicate) {
  SkuIndex index;
  index.put(1, "A");
  index.put(2, " B ");
  index.put(3, "B");
  index.put(4, "  ");
  index.put(5, "b");  // case-sensitive: not a duplicate of B
  EXPECT_EQ(index.status(1).problem, std::nullopt);
  EXPECT_EQ(index.status(2).problem, SkuProblem::duplicate_sku);
  EXPECT_EQ(index.status(3).problem, SkuProblem::duplicate_sku);
  EXPECT_EQ(index.status(4).problem, SkuProblem::missing_sku);
  EXPECT_EQ(index.status(5).problem, std::nullopt);
  EXPECT_EQ(index.unique_variant("A"), 1);
  EXPECT_EQ(index.unique_variant("B"), std::nullopt);
  EXPECT_EQ(index.variants_with("B"), (std::vector<int64_t>{2, 3}));
}

TEST(SkuIndex, FixingASkuLaterMakesBothUnique) {
  SkuIndex index;
  index.put(2, "B");
  index.put(3, "B");
  index.put(3, "C");
  EXPECT_EQ(index.status(2).problem, std::nullopt);
  EXPECT_EQ(index.status(3).problem, std::nullopt);
  EXPECT_EQ(index.status(3).sku, "C");
  index.remove(3);
  EXPECT_FALSE(index.knows(3));
  EXPECT_EQ(index.variants_with("C").size(), 0u);
}

// For all sets of SKUs: a variant is usable iff its trimmed SKU is non-empty and no other
// variant has the same trimmed SKU.
RC_GTEST_PROP(SkuIndexProperty, UniqueIffNoOtherVariantShares, ()) {
  auto skus = *rc::gen::container<std::vector<std::string>>(
      rc::gen::element<std::string>("", " ", "A", " A", "A ", "a", "B", "B\t", "C"));
  SkuIndex index;
  for (size_t i = 0; i < skus.size(); ++i) index.put(static_cast<int64_t>(i), skus[i]);
  for (size_t i = 0; i < skus.size(); ++i) {
    std::string mine = trim_sku(skus[i]);
    size_t same = 0;
    for (const auto& other : skus) same += trim_sku(other) == mine;
    auto s = index.status(static_cast<int64_t>(i));
    if (mine.empty()) {
      RC_ASSERT(s.problem == SkuProblem::missing_sku);
    } else if (same > 1) {
      RC_ASSERT(s.problem == SkuProblem::duplicate_sku);
    } else {
      RC_ASSERT(!s.problem.has_value());
      RC_ASSERT(index.unique_variant(mine) == static_cast<int64_t>(i));
    }
  }
}

}  // namespace
}  // namespace lpsync
