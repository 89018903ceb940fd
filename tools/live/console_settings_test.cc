#include "tools/live/console_settings.h"

#include <gtest/gtest.h>

#include "tools/live/report_text.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

TEST(ConsoleSettings, ChecksAsTheConfigFileDoes) {
  std::vector<std::string> errors;
  auto s = check_settings(bj::object{{"active", true}, {"poll_interval", 120}, {"read_only", true}}, errors);
  ASSERT_TRUE(s) << errors.front();
  EXPECT_TRUE(s->active);
  EXPECT_TRUE(s->read_only);
  EXPECT_EQ(s->poll_interval, Duration::seconds(120));
  EXPECT_FALSE(s->send_stock);  // absent: the safe default

  EXPECT_FALSE(check_settings(bj::object{{"poll_interval", 5}, {"send_stok", true}}, errors));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("send_stok"), std::string::npos);
  EXPECT_NE(errors[1].find("poll_interval"), std::string::npos);
}

TEST(ConsoleSettings, SavedSettingsWinAndEveryChangeIsLoggedWithTimeAndUser) {
  MemoryStateStore store;
  LiveConfig config;
  config.settings.poll_interval = Duration::seconds(600);
  EXPECT_EQ(effective_settings(config, store), config.settings);  // nothing saved: the file's

  Settings after = config.settings;
  after.active = true;
  after.read_only = true;
  Instant t = Instant::from_unix_millis(1'790'000'000'000);
  save_console_settings(store, config.settings, after, "admin", t);
  EXPECT_EQ(effective_settings(config, store), after);

  bj::array log = settings_log(store);
  ASSERT_EQ(log.size(), 1u);
  const bj::object& entry = log[0].as_object();
  EXPECT_EQ(entry.at("user"), "admin");
  EXPECT_EQ(entry.at("at").as_string(), format_iso8601(t));
  const bj::array& changes = entry.at("changes").as_array();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].as_object().at("setting"), "active");
  EXPECT_EQ(changes[0].as_object().at("from"), false);
  EXPECT_EQ(changes[0].as_object().at("to"), true);
  EXPECT_EQ(changes[1].as_object().at("setting"), "read_only");

  save_console_settings(store, after, after, "admin", t);  // no change: no entry
  EXPECT_EQ(settings_log(store).size(), 1u);
}

TEST(ConsoleSettings, StatusSaysWhichSettingsTheConsoleSavedAndWhoLastChangedThem) {
  MemoryStateStore store;
  Instant t = Instant::from_unix_millis(1'790'000'000'000);
  EXPECT_EQ(status_text(status_document(store), t).find("Settings saved in the console"), std::string::npos);
  Settings after;
  after.read_only = true;
  save_console_settings(store, Settings{}, after, "admin", t);
  bj::object doc = status_document(store);
  EXPECT_EQ(doc.at("console_settings").as_object().at("read_only"), true);
  std::string text = status_text(doc, t);
  EXPECT_NE(text.find("Settings saved in the console (in force; they win over the config file's): active=false"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("read_only=true"), std::string::npos) << text;
  EXPECT_NE(text.find("  last changed " + format_iso8601(t) + " by admin"), std::string::npos) << text;
}

TEST(ConsoleSettings, TheLogIsBounded) {
  MemoryStateStore store;
  Settings a, b;
  b.read_only = true;
  Instant t = Instant::from_unix_millis(0);
  for (size_t i = 0; i < kSettingsLogKept + 3; ++i) {
    save_console_settings(store, i % 2 ? b : a, i % 2 ? a : b, "u" + std::to_string(i), t);
  }
  bj::array log = settings_log(store);
  ASSERT_EQ(log.size(), kSettingsLogKept);
  EXPECT_EQ(log.back().as_object().at("user").as_string(), "u" + std::to_string(kSettingsLogKept + 2));
}

TEST(ConsoleSettings, AnUnreadableSavedValueFallsBackToTheFile) {
  MemoryStateStore store;
  LiveConfig config;
  config.settings.send_stock = true;
  store.put_value(kConsoleSettingsKey, "{broken");
  EXPECT_EQ(effective_settings(config, store), config.settings);
  store.put_value(kConsoleSettingsKey, R"({"settings":{"poll_interval":1}})");
  EXPECT_EQ(effective_settings(config, store), config.settings);
}

}  // namespace
}  // namespace lpsync::live
