#include "engine/rules/vat_rules.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

namespace lpsync {
namespace {

const std::vector<pq::VatGroup> kZeroFirst = {{3, "Geen", 0}, {2, "Laag", 9}, {1, "Hoog", 21}};

TEST(VatGroup, TheGroupWithTheShopsRateWinsOverTheFirstListed) {
  auto c = choose_vat_group(kZeroFirst, 21.0);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->group.id, 1);
  EXPECT_EQ(c->reason, VatReason::matches_rate);
  EXPECT_EQ(explain(*c), "21 % (Hoog, idvatgroup 1): matches the shop's tax rate 21 %");
  EXPECT_EQ(choose_vat_group(kZeroFirst, 9.0)->group.id, 2);
  EXPECT_EQ(choose_vat_group(kZeroFirst, 0.0)->group.id, 3);  // a zero-rated product keeps 0 %
}

TEST(VatGroup, WithoutAGroupForTheRateOrWithoutARateTheHighestGroup) {
  auto c = choose_vat_group(kZeroFirst, 19.0);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->group.id, 1);
  EXPECT_EQ(c->reason, VatReason::no_group_for_rate);
  EXPECT_NE(explain(*c).find("no Picqer VAT group has the shop's tax rate 19 %"), std::string::npos);
  auto unknown = choose_vat_group(kZeroFirst, std::nullopt);
  EXPECT_EQ(unknown->group.id, 1);
  EXPECT_EQ(unknown->reason, VatReason::rate_unknown);
  // Equal percentages: the first listed.
  EXPECT_EQ(choose_vat_group({{5, "A", 0}, {6, "B", 21}, {7, "C", 21}}, std::nullopt)->group.id, 6);
  EXPECT_EQ(choose_vat_group({{6, "B", 21}, {7, "C", 21}}, 21.0)->group.id, 6);
  EXPECT_FALSE(choose_vat_group({}, 21.0));
}

TEST(VatGroup, LightspeedRatesAreFractionsOrPercentages) {
  EXPECT_DOUBLE_EQ(*tax_rate_percent(0.21), 21);
  EXPECT_DOUBLE_EQ(*tax_rate_percent(0.09), 9);
  EXPECT_DOUBLE_EQ(*tax_rate_percent(0), 0);
  EXPECT_DOUBLE_EQ(*tax_rate_percent(21), 21);
  EXPECT_FALSE(tax_rate_percent(-0.21));
  EXPECT_FALSE(tax_rate_percent(std::nan("")));
}

pq::VatGroup group_with(int64_t id, int percentage) { return {id, "G" + std::to_string(id), double(percentage)}; }

RC_GTEST_PROP(VatGroupProperty, AMatchingGroupIsChosenElseTheHighest, ()) {
  auto percentages = *rc::gen::container<std::vector<int>>(rc::gen::element(0, 0, 5, 6, 9, 10, 19, 21, 25));
  std::vector<pq::VatGroup> groups;
  for (size_t i = 0; i < percentages.size(); ++i) groups.push_back(group_with(int64_t(i) + 1, percentages[i]));
  std::optional<double> rate;
  if (*rc::gen::arbitrary<bool>()) rate = *rc::gen::element(0.0, 9.0, 19.0, 21.0);
  auto c = choose_vat_group(groups, rate);
  if (groups.empty()) {
    RC_ASSERT(!c);
    return;
  }
  RC_ASSERT(c);
  RC_ASSERT(std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.id == c->group.id; }) != groups.end());
  bool exists = rate && std::any_of(groups.begin(), groups.end(), [&](const auto& g) { return g.percentage == *rate; });
  if (exists) {
    // Never a 0 % group (or any other) when a group with the shop's rate exists.
    RC_ASSERT(c->group.percentage == *rate);
    RC_ASSERT(c->reason == VatReason::matches_rate);
  } else {
    double highest = std::max_element(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
                       return a.percentage < b.percentage;
                     })->percentage;
    RC_ASSERT(c->group.percentage == highest);
    RC_ASSERT(c->reason != VatReason::matches_rate);
  }
}

}  // namespace
}  // namespace lpsync
