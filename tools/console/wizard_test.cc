// The wizard's parts: the settings form round trip, and the Connect step's live check against
// both fakes on loopback (names shown back; every refusal in words, never a key).
#include <gtest/gtest.h>

#include "engine/env/httplib_transport.h"
#include "tools/console/connect_check.h"
#include "tools/console/settings_form.h"
#include "tools/live/console_settings.h"
#include "tools/live/fake_services.h"

namespace lpsync::console {
namespace {

namespace bj = boost::json;
namespace pq = fakes::picqer;

QueryParams form_of(const std::string& html) {
  // The fields as a browser would send them: each input's name and value, checked boxes only.
  QueryParams out;
  size_t at = 0;
  while ((at = html.find("name=\"", at)) != std::string::npos) {
    size_t end = html.find('"', at + 6);
    std::string name = html.substr(at + 6, end - at - 6);
    size_t tag_start = html.rfind('<', at);
    size_t tag_end = html.find('>', at);
    std::string tag = html.substr(tag_start, tag_end - tag_start);
    at = end;
    if (tag.rfind("<select", 0) == 0) {
      size_t sel = html.find("selected", tag_end);
      size_t v = html.rfind("value=\"", sel);
      out.push_back({name, html.substr(v + 7, html.find('"', v + 7) - v - 7)});
      continue;
    }
    if (tag.find("type=\"checkbox\"") != std::string::npos && tag.find(" checked") == std::string::npos) continue;
    size_t v = tag.find("value=\"");
    out.push_back({name, v == std::string::npos ? "" : tag.substr(v + 7, tag.find('"', v + 7) - v - 7)});
  }
  return out;
}

TEST(SettingsForm, WhatTheFormShowsComesBackUnchanged) {
  Settings s;
  s.active = true;
  s.send_stock = true;
  s.order_filter = OrderFilter::eligible_to_ship;
  s.poll_interval = Duration::seconds(120);
  s.stock_warehouses = {3, 7};
  s.shipping_methods = {{"12", 4}, {"15", 9}};
  std::vector<std::string> errors;
  auto back = live::check_settings(settings_from_form(form_of(settings_fields(s))), errors);
  ASSERT_TRUE(back) << errors.front();
  EXPECT_EQ(*back, s);
  auto defaults = live::check_settings(settings_from_form(form_of(settings_fields(Settings{}))), errors);
  ASSERT_TRUE(defaults);
  EXPECT_EQ(*defaults, Settings{});
}

TEST(SettingsForm, WhatIsNotANumberIsNamedByTheCheck) {
  QueryParams form{{"poll_interval", "soon"}, {"stock_warehouses", "1, two"}};
  std::vector<std::string> errors;
  EXPECT_FALSE(live::check_settings(settings_from_form(form), errors));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("poll_interval"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("stock_warehouses"), std::string::npos) << errors[1];
}

class ConnectCheck : public ::testing::Test {
 protected:
  void start(testing::FakeServicesOptions options = {}) {
    options.lightspeed.shop_title = "Acme shoes";
    fakes_ = std::make_unique<testing::FakeServices>(options);
    ASSERT_TRUE(fakes_->ok());
    fakes_->picqer([](pq::PicqerFake& p) { return p.add_warehouse({0, "Tilburg"}).ok(); });
  }
  live::LiveConfig config(const std::string& key = "lpsynckey0000000000000000000000a",
                          const std::string& picqer_key = "picqer-test-key") {
    live::LiveConfig c;
    c.lightspeed.base_url = fakes_->lightspeed_url();
    c.lightspeed.language = "en";
    c.lightspeed.key = key;
    c.lightspeed.secret = "lpsyncsecret00000000000000000000";
    c.picqer.base_url = fakes_->picqer_url();
    c.picqer.key = picqer_key;
    return c;
  }
  std::unique_ptr<testing::FakeServices> fakes_;
  HttplibTransport http_;
};

TEST_F(ConnectCheck, NamesBothSystemsBack) {
  start();
  ConnectFindings f = check_connection(config(), http_);
  EXPECT_TRUE(f.ok()) << f.problems.front();
  EXPECT_TRUE(f.warnings.empty());
  EXPECT_EQ(f.shop, "Acme shoes (shop 1, language en)");
  EXPECT_NE(f.picqer.find("Tilburg"), std::string::npos) << f.picqer;
}

TEST_F(ConnectCheck, AWrongKeyIsSaidInWordsWithoutTheKey) {
  start();
  ConnectFindings f = check_connection(config("wrongkey000000000000000000000000", "wrong-picqer-key"), http_);
  ASSERT_EQ(f.problems.size(), 2u);
  EXPECT_NE(f.problems[0].find("Lightspeed refused the key and secret (401)"), std::string::npos) << f.problems[0];
  EXPECT_NE(f.problems[1].find("Picqer refused the API key (401)"), std::string::npos) << f.problems[1];
  for (const auto& p : f.problems) {
    EXPECT_EQ(p.find("wrongkey"), std::string::npos);
    EXPECT_EQ(p.find("wrong-picqer-key"), std::string::npos);
  }
}

TEST_F(ConnectCheck, AMissingPermissionNamesIt) {
  testing::FakeServicesOptions o;
  o.lightspeed.permissions = {{"orders", false, false}, {"products", true, false}};
  start(o);
  ConnectFindings f = check_connection(config(), http_);
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0], "This key cannot read orders: give it the Orders permission (read) in the back office.");
  ASSERT_EQ(f.warnings.size(), 2u);
  EXPECT_NE(f.warnings[0].find("write stock levels"), std::string::npos) << f.warnings[0];
}

TEST_F(ConnectCheck, AnUnreachableAddressIsSaid) {
  start();
  live::LiveConfig c = config();
  c.lightspeed.base_url = "http://127.0.0.1:9";  // discard: nothing listens
  ConnectFindings f = check_connection(c, http_);
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.problems[0].find("Cannot reach Lightspeed at http://127.0.0.1:9/en/account/permissions.json"),
            std::string::npos)
      << f.problems[0];
}

}  // namespace
}  // namespace lpsync::console
