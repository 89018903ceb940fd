// The settings of sync-rules.md version 2 in the config file: process_orders, shipment_delay
// and shipping_methods, with their defaults and their messages.
#include "tools/live/config.h"

#include <gtest/gtest.h>

namespace lpsync::live {
namespace {

ConfigResult with_settings(const std::string& settings) {
  Environment env = [](const std::string&) -> std::optional<std::string> { return "a1b2c3d4e5f60718"; };
  return parse_config(R"({
    "lightspeed": {"cluster": "eu1", "language": "nl", "key": "env:K", "secret": "env:S"},
    "picqer": {"subdomain": "acme", "key": "env:P"},
    "settings": )" + settings + "}",
                      "/etc/lpsync/acme.json", env);
}

std::string all(const ConfigResult& r) {
  std::string out;
  for (const auto& e : r.errors) out += e + "\n";
  return out;
}

TEST(ConfigSettings, NewSettingsDefaultAsSection1Says) {
  ConfigResult r = with_settings("{}");
  ASSERT_TRUE(r) << all(r);
  EXPECT_TRUE(r.config->settings.process_orders);
  EXPECT_EQ(r.config->settings.shipment_delay, Duration::seconds(300));
  EXPECT_TRUE(r.config->settings.shipping_methods.empty());
}

TEST(ConfigSettings, NewSettingsAreRead) {
  ConfigResult r = with_settings(R"({"process_orders": false, "shipment_delay": 0,
                                     "shipping_methods": {"1042": 7, "1043": 9}})");
  ASSERT_TRUE(r) << all(r);
  EXPECT_FALSE(r.config->settings.process_orders);
  EXPECT_EQ(r.config->settings.shipment_delay, Duration::seconds(0));
  EXPECT_EQ(r.config->settings.shipping_methods, (std::map<std::string, int64_t>{{"1042", 7}, {"1043", 9}}));
}

TEST(ConfigSettings, EachProblemAtItsKey) {
  ConfigResult r = with_settings(R"({"process_orders": "yes", "shipment_delay": 7200,
                                     "shipping_methods": {"postnl": 7, "1042": 0}})");
  ASSERT_FALSE(r);
  std::string text = all(r);
  for (const char* expected :
       {"settings.process_orders: expected true or false", "settings.shipment_delay: must be between 0 and 3600 seconds, not 7200",
        "settings.shipping_methods.postnl: expected a Lightspeed shipment method id (digits) as the key",
        "settings.shipping_methods.1042: expected a positive Picqer idshippingprovider_profile"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  ConfigResult list = with_settings(R"({"shipping_methods": [7]})");
  ASSERT_FALSE(list);
  EXPECT_NE(all(list).find("settings.shipping_methods: expected an object"), std::string::npos) << all(list);
}

}  // namespace
}  // namespace lpsync::live
