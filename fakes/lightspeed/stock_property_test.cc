// For any sequence of orders, merchant changes and API stock writes, a variant's stock
// level is its start level plus its recorded movements, tracked variants drop by exactly
// what was ordered, and an untracked variant moves only by explicit writes.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>

#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

RC_GTEST_PROP(StockProperty, LevelsAreStartPlusMovementsAndOrdersLowerTrackedStockOnly, ()) {
  LightspeedConfig c;
  c.limits = {1'000'000, 1'000'000, 1'000'000, 1'000'000};
  Harness h(c);
  h.add_shirt();  // 11: enabled, stock 10; 12: disabled, stock 5
  std::map<int64_t, int64_t> model{{11, 10}, {12, 5}};
  int steps = *rc::gen::inRange(1, 40);
  for (int i = 0; i < steps; ++i) {
    int64_t variant = *rc::gen::element<int64_t>(11, 12);
    int64_t amount = *rc::gen::inRange<int64_t>(1, 6);
    switch (*rc::gen::inRange(0, 3)) {
      case 0:
        h.add_order({line(variant, amount)});
        if (variant == 11) model[11] -= amount;
        break;
      case 1: {
        VariantPatch p;
        p.stock_level = amount * 3;
        h.fake.update_variant(variant, p);
        model[variant] = amount * 3;
        break;
      }
      default: {
        std::string body = R"({"variant":{"stockLevel":)" + std::to_string(amount) + "}}";
        RC_ASSERT(h.put("/en/variants/" + std::to_string(variant) + ".json", body).status == 200);
        model[variant] = amount;
        break;
      }
    }
    h.clock.advance(Duration::seconds(1));
  }
  std::map<int64_t, int64_t> moved{{11, 10}, {12, 5}};
  for (const auto& [id, m] : h.fake.shop().movements()) {
    RC_ASSERT(m.stock_level_change != 0);
    moved[m.variant_id] += m.stock_level_change;
  }
  for (int64_t v : {11, 12}) {
    RC_ASSERT(h.fake.variant(v)->stock_level == model[v]);
    RC_ASSERT(moved[v] == model[v]);
  }
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
