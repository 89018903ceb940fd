// The wizard's parts: the settings form round trip, the Connect step's live check against
// both fakes on loopback (names shown back; every refusal in words, never a key), and
// replacing keys from the Settings page (checked live first; a key from the environment not).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "engine/env/httplib_transport.h"
#include "tools/console/connect_check.h"
#include "tools/console/dir_source.h"
#include "tools/console/keys_form.h"
#include "tools/console/settings_form.h"
#include "tools/console/wizard.h"
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

namespace lpsync::console {
namespace {

class ReplaceKeys : public ConnectCheck {
 protected:
  void SetUp() override {
    start();
    dir_ = std::string(std::getenv("TEST_TMPDIR")) + "/keys-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::create_directories(dir_);
    source_ = std::make_unique<DirSource>(dir_);
    context_ = PageContext{source_.get(), "admin", "csrf", Instant::from_unix_millis(0)};
  }
  std::string write(const std::string& picqer_key) {
    std::string path = dir_ + "/acme.json";
    std::ofstream(path) << bj::serialize(bj::object{
        {"lightspeed", {{"base_url", fakes_->lightspeed_url()}, {"language", "en"},
                        {"key", "lpsynckey0000000000000000000000a"}, {"secret", "lpsyncsecret00000000000000000000"}}},
        {"picqer", {{"base_url", fakes_->picqer_url()}, {"key", picqer_key}}}});
    return path;
  }
  static std::string read(const std::string& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  std::string dir_;
  std::unique_ptr<DirSource> source_;
  PageContext context_;
};

TEST_F(ReplaceKeys, NewKeysAreCheckedLiveBeforeTheFileIsRewritten) {
  std::string path = write("old-picqer-key");
  std::string before = read(path);
  std::string section = keys_section(context_, "acme");
  EXPECT_EQ(section.find("lpsynckey"), std::string::npos) << "a key is never shown";
  EXPECT_EQ(section.find("old-picqer-key"), std::string::npos);
  Response wrong = keys_action(context_, {{"name", "acme"}, {"lightspeed_key", "wrongkey000000000000000000000000"}}, http_);
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("the old keys stay: Lightspeed refused the key and secret (401)"), std::string::npos)
      << wrong.body;
  EXPECT_EQ(read(path), before);
  Response none = keys_action(context_, {{"name", "acme"}}, http_);
  EXPECT_EQ(none.status, 400);
  Response right = keys_action(context_, {{"name", "acme"}, {"picqer_key", "picqer-test-key"}}, http_);
  ASSERT_EQ(right.status, 303) << right.body;
  EXPECT_NE(read(path).find("\"picqer-test-key\""), std::string::npos);
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::others_read,
            std::filesystem::perms::none);
}

TEST_F(ReplaceKeys, AKeyFromTheEnvironmentIsChangedThere) {
  std::string path = write("env:LPSYNC_TEST_PICQER_KEY");
  ::setenv("LPSYNC_TEST_PICQER_KEY", "picqer-test-key", 1);
  std::string section = keys_section(context_, "acme");
  EXPECT_NE(section.find("from the environment variable <code>LPSYNC_TEST_PICQER_KEY</code>"), std::string::npos)
      << section;
  Response r = keys_action(context_, {{"name", "acme"}, {"picqer_key", "other"}}, http_);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("comes from the environment"), std::string::npos);
}

class WizardForAnApp : public ConnectCheck {
 protected:
  void SetUp() override {
    start();
    dir_ = std::string(std::getenv("TEST_TMPDIR")) + "/app-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::create_directories(dir_);
    source_ = std::make_unique<DirSource>(dir_);
    context_ = PageContext{source_.get(), "admin", "csrf", Instant::from_unix_millis(0)};
  }
  QueryParams app_form(const std::string& public_url) {
    return {{"name", "acme"},
            {"auth", "app"},
            {"lightspeed_url", fakes_->lightspeed_url()},
            {"key", "appkey00000000000000000000000000"},
            {"secret", "appsecret0000000000000000000000"},
            {"picqer_url", fakes_->picqer_url()},
            {"picqer_key", "picqer-test-key"},
            {"listen", "127.0.0.1:8090"},
            {"public_url", public_url}};
  }
  std::string dir_;
  std::unique_ptr<DirSource> source_;
  PageContext context_;
};

TEST_F(WizardForAnApp, AnAppStoreAppIsConnectedByItsInstallCallbackNotByAKeyCheck) {
  // The app's key is no shop's key: Lightspeed is not read now (it would refuse it); Picqer is.
  Response connected = wizard_connect(context_, app_form("https://sync.example.com"), http_);
  ASSERT_EQ(connected.status, 200) << connected.body;
  EXPECT_NE(connected.body.find("Lightspeed is read once the shop has installed the app"), std::string::npos)
      << connected.body;
  auto config = live::load_config(dir_ + "/acme.json");
  ASSERT_TRUE(config) << config.errors.front();
  EXPECT_EQ(config.config->lightspeed.auth, live::LightspeedAuth::app);
  ASSERT_TRUE(config.config->webhooks);
  bool planned = false;
  Response summary = wizard_summary(context_, {{"name", "acme"}}, [&](const std::string&) {
    planned = true;
    return std::string("plan");
  });
  EXPECT_FALSE(planned) << "plan cannot read a shop that has not installed the app";
  EXPECT_NE(summary.body.find("https://sync.example.com/lightspeed/install"), std::string::npos) << summary.body;
  EXPECT_NE(summary.body.find("https://sync.example.com/lightspeed/uninstall"), std::string::npos) << summary.body;
  EXPECT_NE(summary.body.find("lpsync run --config " + dir_ + "/acme.json"), std::string::npos) << summary.body;
  EXPECT_EQ(summary.body.find("Activate webshop</button>"), std::string::npos) << "activated before it is installed";
}

TEST_F(WizardForAnApp, AnAppNeedsThePublicAddressOfItsCallbacks) {
  QueryParams form = app_form("");
  Response refused = wizard_connect(context_, form, http_);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("public_url"), std::string::npos) << refused.body;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/acme.json"));
}

}  // namespace
}  // namespace lpsync::console
