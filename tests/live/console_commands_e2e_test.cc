// A running `lpsync run` takes the console's commands from its command box
// (tools/live/command_box.h) against both fakes on loopback: a held order imported by hand
// once its SKU is fixed, the bulk import started, settings changed without a restart (and
// logged with time and user), `lpsync explain` answered by the running run, a command left
// while no run runs carried out by the next one.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "engine/state/sqlite_state_store.h"
#include "tests/live/live_fixture.h"
#include "engine/env/clock.h"
#include "tools/live/command_box.h"
#include "tools/live/config.h"
#include "tools/live/console_settings.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
namespace ls = fakes::lightspeed;

class ConsoleCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    world_ = make_world("console-commands", false);
    ASSERT_TRUE(world_.fakes->ok());
    add_shop(*world_.fakes);
  }
  std::string state_of(const std::string& config) { return live::load_config(config).config->state_path; }
  // The answer to command `id`, waited for while the run carries it out.
  static std::optional<bj::object> answer(live::CommandBox& box, const std::string& id) {
    SystemClock wall;
    for (Instant until = wall.now() + Duration::seconds(20); wall.now() < until;) {
      if (auto a = box.answer_of(id)) return a;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));  // polling a condition, not waiting for time
    }
    return std::nullopt;
  }
  LiveWorld world_;
};

TEST_F(ConsoleCommands, ARunningRunImportsAHeldOrderByHandAndAppliesSettings) {
  std::string config = write_config(world_, "shop", bj::object{{"active", true}});
  live::CommandBox box(state_of(config));
  Background run({"run", "--config", config});
  ASSERT_TRUE(run.wait_for("order_held")) << run.log().text();
  EXPECT_EQ(picqer_references(*world_.fakes), std::vector<std::string>{"ORD1"});  // ORD3 held: duplicate SKU

  std::string error;
  auto still_held = box.submit("import_order", bj::object{{"number", "ORD3"}}, "admin", world_.fakes->now(), error);
  ASSERT_TRUE(still_held) << error;
  auto a = answer(box, *still_held);
  ASSERT_TRUE(a) << run.log().text();
  EXPECT_EQ(a->at("ok"), false);
  EXPECT_NE(std::string(a->at("message").as_string()).find("duplicate_sku"), std::string::npos) << a->at("message");

  // The merchant gives variant 41 its own SKU, then presses Import now.
  world_.fakes->lightspeed([](ls::LightspeedFake& s) {
    ls::VariantPatch p;
    p.sku = "DUP-B";
    s.update_variant(41, p);
    return 0;
  });
  auto now = box.submit("import_order", bj::object{{"number", "ORD3"}}, "admin", world_.fakes->now(), error);
  ASSERT_TRUE(now) << error;
  a = answer(box, *now);
  ASSERT_TRUE(a) << run.log().text();
  EXPECT_EQ(a->at("ok"), true) << a->at("message");
  EXPECT_EQ(a->at("result"), "imported");
  auto refs = picqer_references(*world_.fakes);
  EXPECT_EQ(std::count(refs.begin(), refs.end(), "ORD3"), 1);

  // lpsync explain while the run holds the state: the run answers through its command box.
  CliResult story = lpsync({"explain", "--config", config, "ORD3"});
  EXPECT_EQ(story.code, 0) << story.err;
  EXPECT_NE(story.out.find("Order ORD3"), std::string::npos) << story.out;
  EXPECT_NE(story.out.find("What lpsync decided"), std::string::npos) << story.out;
  CliResult json_story = lpsync({"explain", "--config", config, "--sku", "MUG", "--json"});
  EXPECT_EQ(json_story.code, 0) << json_story.err;
  EXPECT_NE(json_story.out.find("\"key\":\"MUG\""), std::string::npos) << json_story.out;

  // Settings, without a restart: read-only on.
  auto s = box.submit("settings", bj::object{{"settings", bj::object{{"active", true}, {"read_only", true}}}}, "admin",
                      world_.fakes->now(), error);
  ASSERT_TRUE(s) << error;
  a = answer(box, *s);
  ASSERT_TRUE(a) << run.log().text();
  EXPECT_EQ(a->at("ok"), true) << a->at("message");
  ASSERT_EQ(log_events(run.log().text(), "console_settings_saved").size(), 1u);

  auto bad = box.submit("settings", bj::object{{"settings", bj::object{{"poll_interval", 1}}}}, "admin",
                        world_.fakes->now(), error);
  ASSERT_TRUE(bad);
  a = answer(box, *bad);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->at("ok"), false);
  EXPECT_NE(std::string(a->at("message").as_string()).find("poll_interval"), std::string::npos);
  EXPECT_EQ(run.stop(), 0);

  // The status file carries the samples of the console's charts: the APIs' counts, the first
  // at the run's start (the console adds the figures of now as the last point).
  std::ifstream status_file(state_of(config) + ".status.json");
  std::string status_text((std::istreambuf_iterator<char>(status_file)), std::istreambuf_iterator<char>());
  bj::value status = bj::parse(status_text);
  const bj::array& history = status.as_object().at("ops_history").as_array();
  ASSERT_GE(history.size(), 1u);
  EXPECT_TRUE(history.front().as_object().at("apis").is_object());
  EXPECT_GT(status.as_object().at("ops").as_object().at("apis").as_object().at("lightspeed").as_object().at("requests").as_int64(),
            0);

  auto opened = SqliteStateStore::open(state_of(config));
  ASSERT_TRUE(opened);
  auto saved = live::console_settings(*opened.value().store);
  ASSERT_TRUE(saved);
  EXPECT_TRUE(saved->read_only);
  bj::array log = live::settings_log(*opened.value().store);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].as_object().at("user"), "admin");
}

TEST_F(ConsoleCommands, ACommandLeftWhileNoRunRunsIsCarriedOutByTheNextRun) {
  std::string config = write_config(world_, "shop", bj::object{{"active", true}, {"import_orders", false}});
  live::CommandBox box(state_of(config));
  std::string error;
  auto id = box.submit("import_products", {}, "admin", world_.fakes->now(), error);
  ASSERT_TRUE(id) << error;
  EXPECT_TRUE(box.waiting(*id));
  Background run({"run", "--config", config});
  auto a = answer(box, *id);
  ASSERT_TRUE(a) << run.log().text();
  EXPECT_EQ(a->at("ok"), true) << a->at("message");
  EXPECT_FALSE(box.waiting(*id));
  EXPECT_TRUE(run.wait_for("bulk_import_finished")) << run.log().text();
  EXPECT_EQ(run.stop(), 0);
}

}  // namespace
}  // namespace lpsync::testing
