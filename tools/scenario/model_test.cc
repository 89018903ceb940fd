// The model's own operations: patches, settings patches, the scenario defaults.
#include <gtest/gtest.h>

#include "tools/scenario/scenario.h"

namespace lpsync::scenario {
namespace {

TEST(VariantPatch, ApplyWritesOnlyTheGivenFieldsAndDifferenceInvertsIt) {
  LightspeedVariant v{11, "M", "SH-M", "871", "A1", 16.5, 19.95, 3, "enabled"};
  VariantPatch p;
  p.id = 99;  // apply never changes the id
  p.sku = "SH-M2";
  p.stock_level = 0;
  LightspeedVariant changed = v;
  apply(p, changed);
  EXPECT_EQ(changed.id, 11);
  EXPECT_EQ(changed.sku, "SH-M2");
  EXPECT_EQ(changed.stock_level, 0);
  EXPECT_EQ(changed.title, "M");

  VariantPatch d = difference(v, changed);
  EXPECT_EQ(d.id, 11);
  EXPECT_EQ(d.sku, "SH-M2");
  EXPECT_EQ(d.stock_level, 0);
  EXPECT_FALSE(d.title || d.ean || d.price_excl || d.stock_tracking);
  LightspeedVariant again = v;
  apply(d, again);
  EXPECT_EQ(again, changed);
}

TEST(OrderPatch, DifferenceThenApplyRebuildsTheOrder) {
  LightspeedOrder base;
  base.id = 5;
  LightspeedOrder changed = base;
  changed.payment_status = "paid";
  changed.updated_at = Instant::from_unix_seconds(100);
  changed.address.city = "Gent";
  changed.lines = {OrderLine{11, 2, 9.5}};
  OrderPatch d = difference(base, changed);
  EXPECT_FALSE(d.status || d.shipment_status || d.email);
  ASSERT_TRUE(d.address);
  EXPECT_FALSE(d.address->name);
  LightspeedOrder rebuilt = base;
  apply(d, rebuilt);
  EXPECT_EQ(rebuilt, changed);
  OrderPatch only_id;
  only_id.id = 5;
  EXPECT_EQ(difference(base, base), only_id);
}

TEST(SettingsPatch, MergeLetsLaterKeysWinAndKeepsTheRest) {
  SettingsPatch first, later;
  first.send_stock = true;
  first.poll_interval = Duration::seconds(60);
  later.send_stock = false;
  later.read_only = true;
  merge(later, first);
  EXPECT_EQ(first.send_stock, false);
  EXPECT_EQ(first.read_only, true);
  EXPECT_EQ(first.poll_interval, Duration::seconds(60));
  EXPECT_EQ(given_keys(first), (std::vector<std::string_view>{"send_stock", "read_only", "poll_interval"}));
  Settings s = scenario_default_settings();
  apply(first, s);
  EXPECT_TRUE(s.active);
  EXPECT_TRUE(s.read_only);
  EXPECT_FALSE(s.pushes_stock());
}

TEST(Scenario, DefaultsToOneMainWarehouseAndActiveSettings) {
  Scenario s;
  EXPECT_EQ(s.picqer.warehouses, default_warehouses());
  EXPECT_TRUE(s.start_settings().active);
  EXPECT_EQ(s.start_settings().poll_interval, Duration::seconds(300));
  Scenario other = s;
  EXPECT_EQ(s, other);
  other.timeline.push_back({Instant(), Crash{}});
  EXPECT_NE(s, other);
}

}  // namespace
}  // namespace lpsync::scenario
