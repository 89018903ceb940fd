#include "tools/live/config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>

namespace lpsync::live {
namespace {

constexpr char kKey[] = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
constexpr char kSecret[] = "ffeeddccbbaa99887766554433221100";

Environment env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const Environment kEnv = env({{"LS_KEY", kKey}, {"LS_SECRET", kSecret}, {"PQ_KEY", "pq-key-123456"}});

ConfigResult parse(const std::string& text, const Environment& e = kEnv) {
  return parse_config(text, "/etc/lpsync/acme.json", e);
}

std::string all(const ConfigResult& r) {
  std::string out;
  for (const auto& e : r.errors) out += e + "\n";
  return out;
}

constexpr char kMinimal[] = R"({
  "lightspeed": {"cluster": "eu1", "language": "nl", "key": "env:LS_KEY", "secret": "env:LS_SECRET"},
  "picqer": {"subdomain": "acme", "key": "env:PQ_KEY"}
})";

TEST(Config, AMinimalFileGetsTheDefaults) {
  ConfigResult r = parse(kMinimal);
  ASSERT_TRUE(r) << all(r);
  const LiveConfig& c = *r.config;
  EXPECT_EQ(c.lightspeed.base_url, "https://api.webshopapp.com");
  EXPECT_EQ(c.lightspeed.language, "nl");
  EXPECT_EQ(c.lightspeed.key, kKey);
  EXPECT_EQ(c.lightspeed.secret, kSecret);
  EXPECT_EQ(c.lightspeed.auth, LightspeedAuth::api_key);
  EXPECT_EQ(c.picqer.base_url, "https://acme.picqer.com");
  EXPECT_EQ(c.picqer.key, "pq-key-123456");
  EXPECT_EQ(c.settings, Settings{}) << "section 1 defaults: inactive, paid orders, nothing sent to the shop";
  EXPECT_EQ(c.state_path, "/etc/lpsync/lpsync-state/acme.db");
  EXPECT_EQ(c.decision_log_days, 14);
  EXPECT_FALSE(c.webhooks);
  EXPECT_EQ(c.secrets().size(), 3u);
}

TEST(Config, EveryKeyIsRead) {
  ConfigResult r = parse(R"({
    "lightspeed": {"cluster": "us1", "language": "en", "key": "literal-key", "secret": "literal-secret", "shop_id": 7},
    "picqer": {"base_url": "https://picqer.example.com/", "key": "k-123"},
    "settings": {"active": true, "import_orders": false, "import_products": false, "order_filter": "eligible_to_ship",
                 "send_stock": true, "send_shipments": true, "read_only": true, "poll_interval": 120,
                 "stock_warehouses": [1, 3]},
    "state": "state/acme.db",
    "webhooks": {"listen": "0.0.0.0:8080", "public_url": "https://sync.example.com/lpsync/"}
  })");
  ASSERT_TRUE(r) << all(r);
  const LiveConfig& c = *r.config;
  EXPECT_EQ(c.lightspeed.base_url, "https://api.shoplightspeed.com");
  EXPECT_EQ(c.lightspeed.shop_id, 7);
  EXPECT_EQ(c.picqer.base_url, "https://picqer.example.com");
  EXPECT_TRUE(c.settings.active);
  EXPECT_FALSE(c.settings.import_orders);
  EXPECT_EQ(c.settings.order_filter, OrderFilter::eligible_to_ship);
  EXPECT_TRUE(c.settings.read_only);
  EXPECT_EQ(c.settings.poll_interval, Duration::seconds(120));
  EXPECT_EQ(c.settings.stock_warehouses, (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(c.state_path, "/etc/lpsync/state/acme.db");
  ASSERT_TRUE(c.webhooks);
  EXPECT_EQ(c.webhooks->listen_host, "0.0.0.0");
  EXPECT_EQ(c.webhooks->listen_port, 8080);
  EXPECT_EQ(c.webhooks->public_url, "https://sync.example.com/lpsync");
}

TEST(Config, UnknownKeysAreErrorsWithTheClosestKnownOne) {
  ConfigResult r = parse(R"({
    "lightspeed": {"clustr": "eu1", "language": "nl", "key": "env:LS_KEY", "secret": "env:LS_SECRET"},
    "picqer": {"subdomain": "acme", "key": "env:PQ_KEY"},
    "setings": {}
  })");
  ASSERT_FALSE(r);
  std::string text = all(r);
  EXPECT_NE(text.find("lightspeed.clustr: unknown key (did you mean \"cluster\"?)"), std::string::npos) << text;
  EXPECT_NE(text.find("setings: unknown key (did you mean \"settings\"?)"), std::string::npos) << text;
  EXPECT_NE(text.find("lightspeed: missing cluster (eu1 or us1) or base_url"), std::string::npos) << text;
}

TEST(Config, EveryProblemIsReportedAtItsKey) {
  ConfigResult r = parse(R"({
    "lightspeed": {"cluster": "eu2", "language": "Dutch", "key": "env:LS_KEY", "secret": "env:LS_SECRET"},
    "picqer": {"subdomain": "Acme Inc", "key": "env:PQ_KEY"},
    "settings": {"poll_interval": 30, "order_filter": "cheap", "stock_warehouses": [0], "active": "yes"},
    "webhooks": {"listen": "8080", "public_url": "http://sync.example.com"},
    "tls": {"ca_file": "/nonexistent/ca.pem"}
  })");
  ASSERT_FALSE(r);
  std::string text = all(r);
  for (const char* expected :
       {"acme.json: lightspeed.cluster: \"eu2\" is not a cluster: use eu1", "lightspeed.language: \"Dutch\" is not",
        "picqer.subdomain: \"Acme Inc\" is not a Picqer subdomain",
        "settings.poll_interval: must be between 60 and 3600 seconds, not 30", "settings.order_filter: \"cheap\"",
        "settings.stock_warehouses[0]: expected a positive warehouse id", "settings.active: expected true or false",
        "webhooks.listen: \"8080\" is not host:port", "webhooks.public_url: must be https://",
        "tls.ca_file: cannot read /nonexistent/ca.pem"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

TEST(Config, LoopbackMeansALiteralLoopbackAddressOrLocalhost) {
  for (const char* host : {"127.0.0.1", "127.255.0.9", "::1", "[::1]", "[0:0:0:0:0:0:0:1]", "localhost"}) {
    EXPECT_TRUE(is_loopback_host(host)) << host;
  }
  for (const char* host : {"127.evil.example.com", "127.0.0.1.evil.example.com", "127.1", "127.0.0.256", "128.0.0.1",
                           "localhost.evil.example.com", "[::2]", "::ffff:8.8.8.8", "", "127."}) {
    EXPECT_FALSE(is_loopback_host(host)) << host;
  }
  ConfigResult r = parse(R"({"lightspeed": {"base_url": "http://127.evil.example.com", "language": "en",
                                            "key": "env:LS_KEY", "secret": "env:LS_SECRET"},
                            "picqer": {"base_url": "http://127.evil.example.com:9000", "key": "env:PQ_KEY"}})");
  ASSERT_FALSE(r);
  EXPECT_NE(all(r).find("lightspeed.base_url: plain http:// is only allowed for loopback"), std::string::npos) << all(r);
  EXPECT_NE(all(r).find("picqer.base_url: plain http:// is only allowed for loopback"), std::string::npos) << all(r);
}

TEST(Config, PlainHttpOnlyOnLoopback) {
  auto with_url = [](const std::string& url) {
    return parse(R"({"lightspeed": {"base_url": ")" + url +
                 R"(", "language": "en", "key": "env:LS_KEY", "secret": "env:LS_SECRET"},
                     "picqer": {"base_url": "http://localhost:9000", "key": "env:PQ_KEY"}})");
  };
  EXPECT_TRUE(with_url("http://127.0.0.1:8080"));
  EXPECT_TRUE(with_url("https://shop.example.com"));
  ConfigResult remote = with_url("http://shop.example.com");
  ASSERT_FALSE(remote);
  EXPECT_NE(all(remote).find("plain http:// is only allowed for loopback addresses"), std::string::npos);
  ConfigResult with_path = with_url("https://api.webshopapp.com/nl");
  ASSERT_FALSE(with_path);
  EXPECT_NE(all(with_path).find("without a path"), std::string::npos);
}

TEST(Config, SecretsFromTheEnvironmentAndNeverInAMessage) {
  ConfigResult unset = parse(kMinimal, env({{"LS_KEY", kKey}}));
  ASSERT_FALSE(unset);
  std::string text = all(unset);
  EXPECT_NE(text.find("lightspeed.secret: the environment variable LS_SECRET is not set"), std::string::npos) << text;
  EXPECT_NE(text.find("picqer.key: the environment variable PQ_KEY is not set"), std::string::npos) << text;

  // Secrets written in the file next to other problems: no message repeats them.
  ConfigResult r = parse(R"({
    "lightspeed": {"cluster": "xx", "language": "nl", "key": ")" + std::string(kKey) + R"(", "secret": 12345678},
    "picqer": {"subdomain": "acme", "key": "env:"}
  })");
  ASSERT_FALSE(r);
  text = all(r);
  EXPECT_EQ(text.find(kKey), std::string::npos) << text;
  EXPECT_EQ(text.find("12345678"), std::string::npos) << text;
  EXPECT_NE(text.find("lightspeed.secret: expected a string, got an integer"), std::string::npos) << text;
  EXPECT_NE(text.find("picqer.key: \"env:\" must be followed by an environment variable name"), std::string::npos);
}

TEST(Config, AppModeNeedsTheListenerAndNoLanguage) {
  ConfigResult r = parse(R"({"lightspeed": {"cluster": "eu1", "auth": "app", "key": "env:LS_KEY", "secret": "env:LS_SECRET"},
                             "picqer": {"subdomain": "acme", "key": "env:PQ_KEY"}})");
  ASSERT_FALSE(r);
  EXPECT_NE(all(r).find("webhooks: missing: with lightspeed.auth \"app\" the install callback arrives at webhooks.listen"),
            std::string::npos)
      << all(r);
  ConfigResult ok = parse(R"({"lightspeed": {"auth": "app", "key": "env:LS_KEY", "secret": "env:LS_SECRET"},
                              "picqer": {"subdomain": "acme", "key": "env:PQ_KEY"},
                              "webhooks": {"listen": "127.0.0.1:8080", "public_url": "https://sync.example.com"}})");
  ASSERT_TRUE(ok) << all(ok);
  EXPECT_EQ(ok.config->lightspeed.auth, LightspeedAuth::app);
  EXPECT_EQ(ok.config->lightspeed.language, "") << "named by the install callback";
}

TEST(Config, ListenerPortZeroOnlyInLoopbackTests) {
  std::string base = R"({"lightspeed": {"cluster": "eu1", "language": "nl", "key": "env:LS_KEY", "secret": "env:LS_SECRET"},
                         "picqer": {"subdomain": "acme", "key": "env:PQ_KEY"}, "webhooks": {"listen": "127.0.0.1:0", )";
  EXPECT_TRUE(parse(base + R"("public_url": "http://127.0.0.1:0"}})"));
  ConfigResult remote = parse(base + R"("public_url": "https://sync.example.com:0"}})");
  ASSERT_FALSE(remote);
  EXPECT_NE(all(remote).find("port 0 (the listener's own port) is only for loopback"), std::string::npos);
}

TEST(Config, NotJsonOrMissingFile) {
  ConfigResult r = parse("{\"lightspeed\": ");
  ASSERT_FALSE(r);
  EXPECT_NE(all(r).find("not valid JSON"), std::string::npos);
  ConfigResult missing = load_config("/nonexistent/lpsync.json", kEnv);
  ASSERT_FALSE(missing);
  EXPECT_NE(all(missing).find("cannot read the config file"), std::string::npos);
}

TEST(Config, ADirectoryIsNotAConfigFile) {
  ConfigResult r = load_config("/etc", kEnv);
  ASSERT_FALSE(r);
  EXPECT_NE(all(r).find("/etc: is a directory, not a config file"), std::string::npos) << all(r);
  EXPECT_EQ(all(r).find("not valid JSON"), std::string::npos) << all(r);
}

TEST(Config, AnIntegerOutOfRangeSaysSo) {
  ConfigResult r = parse(R"({"lightspeed": {"cluster": "eu1", "language": "nl", "key": "env:LS_KEY",
                                            "secret": "env:LS_SECRET", "shop_id": 18446744073709551615},
                            "picqer": {"subdomain": "acme", "key": "env:PQ_KEY"}})");
  ASSERT_FALSE(r);
  EXPECT_NE(all(r).find("lightspeed.shop_id: the integer 18446744073709551615 is out of range"), std::string::npos) << all(r);
  EXPECT_EQ(all(r).find("got an integer"), std::string::npos) << all(r);
}

TEST(Config, ARepeatedKeyIsRefusedWithItsPath) {
  ConfigResult r = parse(R"({"lightspeed": {"cluster": "eu1", "language": "nl", "key": "env:LS_KEY", "secret": "env:LS_SECRET"},
                            "picqer": {"subdomain": "acme", "key": "env:PQ_KEY", "key": "env:OTHER"}})");
  ASSERT_FALSE(r);
  EXPECT_EQ(all(r), "/etc/lpsync/acme.json: key \"picqer.key\" appears twice; keep one\n") << all(r);
  ConfigResult top = parse(std::string(kMinimal).insert(1, R"("state": "a.db", "state": "b.db", )"));
  ASSERT_FALSE(top);
  EXPECT_NE(all(top).find("/etc/lpsync/acme.json: key \"state\" appears twice; keep one"), std::string::npos) << all(top);
}

TEST(Config, ACaFileWithoutACertificateIsRefused) {
  const char* dir = std::getenv("TEST_TMPDIR");
  std::string ca = std::string(dir ? dir : "/tmp") + "/not-a-ca.pem";
  std::ofstream(ca) << "just some text\n";
  ConfigResult r = parse(std::string(kMinimal).insert(1, R"("tls": {"ca_file": ")" + ca + R"("}, )"));
  ASSERT_FALSE(r);
  EXPECT_NE(all(r).find("tls.ca_file: " + ca + " holds no certificate"), std::string::npos) << all(r);
}

TEST(Config, TheDecisionLogKeepsTheDaysAskedFor) {
  ConfigResult r = parse(std::string(kMinimal).insert(1, R"("decision_log_days": 30, )"));
  ASSERT_TRUE(r) << all(r);
  EXPECT_EQ(r.config->decision_log_days, 30);
  ConfigResult zero = parse(std::string(kMinimal).insert(1, R"("decision_log_days": 0, )"));
  EXPECT_NE(all(zero).find("decision_log_days: expected the days"), std::string::npos) << all(zero);
}

}  // namespace
}  // namespace lpsync::live
