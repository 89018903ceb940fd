// The config's "alerts" section: where notifications go (a webhook URL, SMTP) and when.
#include <gtest/gtest.h>

#include <map>

#include "tools/live/config.h"

namespace lpsync::live {
namespace {

Environment env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const Environment kEnv = env({{"LS_KEY", "k1"}, {"LS_SECRET", "s1"}, {"PQ_KEY", "p1"}, {"HOOK_SECRET", "hook-s3cr3t"},
                              {"SMTP_USER", "mailer"}, {"SMTP_PASSWORD", "mail-pw-9"}});

ConfigResult parse_with(const std::string& alerts) {
  std::string text = R"({
    "lightspeed": {"cluster": "eu1", "language": "nl", "key": "env:LS_KEY", "secret": "env:LS_SECRET"},
    "picqer": {"subdomain": "acme", "key": "env:PQ_KEY"},
    "alerts": )" + alerts + "}";
  return parse_config(text, "/etc/lpsync/acme.json", kEnv);
}

std::string all(const ConfigResult& r) {
  std::string out;
  for (const auto& e : r.errors) out += e + "\n";
  return out;
}

TEST(ConfigAlerts, EveryKeyIsRead) {
  ConfigResult r = parse_with(R"({
    "webhook_url": "https://hooks.example.com/lpsync", "webhook_secret": "env:HOOK_SECRET",
    "smtp": {"host": "mail.example.com", "port": 2525, "from": "lpsync@example.com",
             "to": ["ops@example.com", "shop@example.com"], "user": "env:SMTP_USER", "password": "env:SMTP_PASSWORD"},
    "poll_failing_minutes": 45, "webhook_silent_minutes": 120, "repeat_minutes": 60})");
  ASSERT_TRUE(r) << all(r);
  ASSERT_TRUE(r.config->alerts);
  const AlertsSection& a = *r.config->alerts;
  EXPECT_EQ(a.webhook_url, "https://hooks.example.com/lpsync");
  EXPECT_EQ(a.webhook_secret, "hook-s3cr3t");
  ASSERT_TRUE(a.smtp);
  EXPECT_EQ(a.smtp->host, "mail.example.com");
  EXPECT_EQ(a.smtp->port, 2525);
  EXPECT_EQ(a.smtp->from, "lpsync@example.com");
  EXPECT_EQ(a.smtp->to, (std::vector<std::string>{"ops@example.com", "shop@example.com"}));
  EXPECT_EQ(a.smtp->user, "mailer");
  EXPECT_EQ(a.smtp->password, "mail-pw-9");
  EXPECT_EQ(a.poll_failing_after, Duration::minutes(45));
  EXPECT_EQ(a.webhook_silent_after, Duration::minutes(120));
  EXPECT_EQ(a.repeat_after, Duration::minutes(60));
  // The alert secrets are redacted like the others.
  int found = 0;
  for (const auto& [name, value] : r.config->secrets()) found += value == "hook-s3cr3t" || value == "mail-pw-9";
  EXPECT_EQ(found, 2);
}

TEST(ConfigAlerts, DefaultsAndSmtpPort) {
  ConfigResult r = parse_with(R"({"smtp": {"host": "mail.example.com", "from": "a@example.com", "to": ["b@example.com"]}})");
  ASSERT_TRUE(r) << all(r);
  const AlertsSection& a = *r.config->alerts;
  EXPECT_EQ(a.smtp->port, 587);
  EXPECT_EQ(a.poll_failing_after, Duration::minutes(30));
  EXPECT_EQ(a.webhook_silent_after, Duration::hours(6));
  EXPECT_EQ(a.repeat_after, Duration::hours(24));
  EXPECT_TRUE(a.webhook_url.empty());
}

TEST(ConfigAlerts, ProblemsAreNamed) {
  std::string e = all(parse_with(R"({"webhook_url": "http://hooks.example.com/x"})"));
  EXPECT_NE(e.find("alerts.webhook_url"), std::string::npos) << e;
  e = all(parse_with(R"({"webhook_url": "https://hooks.example.com/x"})"));
  EXPECT_NE(e.find("alerts.webhook_secret"), std::string::npos) << "a webhook is always signed: " << e;
  e = all(parse_with(R"({})"));
  EXPECT_NE(e.find("alerts"), std::string::npos) << "neither a webhook nor smtp: " << e;
  e = all(parse_with(R"({"smtp": {"host": "m", "from": "a@example.com", "to": []}})"));
  EXPECT_NE(e.find("alerts.smtp.to"), std::string::npos) << e;
  e = all(parse_with(R"({"smtp": {"host": "m", "from": "a@example.com", "to": ["b@example.com"], "user": "env:SMTP_USER"}})"));
  EXPECT_NE(e.find("alerts.smtp"), std::string::npos) << "user without password: " << e;
  e = all(parse_with(R"({"smtp": {"host": "m", "from": "a@ex\r\nRCPT TO:<x>", "to": ["b@example.com"]}})"));
  EXPECT_NE(e.find("alerts.smtp.from"), std::string::npos) << e;
  e = all(parse_with(R"({"webhook_url": "https://h.example.com", "webhook_secret": "env:HOOK_SECRET", "poll_failing_minutes": 0})"));
  EXPECT_NE(e.find("alerts.poll_failing_minutes"), std::string::npos) << e;
  e = all(parse_with(R"({"webhook_url": "https://h.example.com", "webhook_secret": "env:HOOK_SECRET", "repeat": 1})"));
  EXPECT_NE(e.find("alerts.repeat"), std::string::npos) << "unknown key: " << e;
  // No secret in any message.
  e = all(parse_with(R"({"webhook_url": "ftp://x", "webhook_secret": "env:HOOK_SECRET",
                         "smtp": {"host": "m", "from": "bad", "to": ["b"], "user": "env:SMTP_USER", "password": "env:SMTP_PASSWORD"}})"));
  EXPECT_EQ(e.find("hook-s3cr3t"), std::string::npos);
  EXPECT_EQ(e.find("mail-pw-9"), std::string::npos);
}

}  // namespace
}  // namespace lpsync::live
