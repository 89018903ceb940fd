#include "engine/rules/settings.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

TEST(Settings, DefaultsAfterConnecting) {
  Settings s;
  EXPECT_FALSE(s.active);
  EXPECT_TRUE(s.import_orders);
  EXPECT_TRUE(s.import_products);
  EXPECT_EQ(s.order_filter, OrderFilter::paid);
  EXPECT_FALSE(s.send_stock);
  EXPECT_FALSE(s.send_shipments);
  EXPECT_FALSE(s.read_only);
  EXPECT_EQ(s.poll_interval, Duration::seconds(300));
  EXPECT_TRUE(s.stock_warehouses.empty());
  EXPECT_TRUE(s.process_orders);
  EXPECT_EQ(s.shipment_delay, Duration::seconds(300));
  EXPECT_TRUE(s.shipping_methods.empty());
  EXPECT_EQ(validate(s), "");
}

TEST(Settings, ReadOnlyAndInactiveStopEveryShopWrite) {
  Settings s;
  s.send_stock = s.send_shipments = true;
  EXPECT_FALSE(s.pushes_stock());  // not active
  s.active = true;
  EXPECT_TRUE(s.pushes_stock());
  EXPECT_TRUE(s.pushes_shipments());
  s.read_only = true;
  EXPECT_FALSE(s.pushes_stock());
  EXPECT_FALSE(s.pushes_shipments());
  EXPECT_FALSE(s.may_write_lightspeed());
}

TEST(Settings, PollIntervalLimits) {
  Settings s;
  s.poll_interval = Duration::seconds(59);
  EXPECT_EQ(validate(s), "poll_interval must be between 60 and 3600 seconds, not 59");
  s.poll_interval = Duration::seconds(3601);
  EXPECT_NE(validate(s), "");
  s.poll_interval = Duration::seconds(60);
  EXPECT_EQ(validate(s), "");
}

TEST(Settings, ShipmentDelayLimits) {
  Settings s;
  s.shipment_delay = Duration::seconds(3601);
  EXPECT_EQ(validate(s), "shipment_delay must be between 0 and 3600 seconds, not 3601");
  s.shipment_delay = Duration::seconds(-1);
  EXPECT_NE(validate(s), "");
  s.shipment_delay = Duration::seconds(0);
  EXPECT_EQ(validate(s), "");
}

TEST(Settings, ShippingMethodsMapMethodIdsToProfiles) {
  Settings s;
  s.shipping_methods = {{"1042", 7}};
  EXPECT_EQ(validate(s), "");
  s.shipping_methods = {{"postnl", 7}};
  EXPECT_EQ(validate(s), "shipping_methods keys must be Lightspeed shipment method ids (digits, as a string), not \"postnl\"");
  s.shipping_methods = {{"1042", 0}};
  EXPECT_NE(validate(s), "");
}

TEST(Settings, OrderFilterNames) {
  for (auto f : {OrderFilter::paid, OrderFilter::all, OrderFilter::eligible_to_ship}) {
    EXPECT_EQ(parse_order_filter(to_string(f)), f);
  }
  EXPECT_FALSE(parse_order_filter("unpaid"));
}

}  // namespace
}  // namespace lpsync
