#include "tools/live/explain_run.h"

#include <filesystem>

#include "engine/env/clock.h"
#include "engine/env/json.h"
#include "engine/state/sqlite_state_store.h"
#include "tools/live/command_box.h"
#include "tools/live/explain_text.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

constexpr int kAskTenths = 100;  // how long a running run may take to answer `lpsync explain`

// lpsync run keeps its state to itself (no reader gets in): ask it through its command box.
std::optional<bj::object> ask_running_run(const LiveConfig& config, const ExplainWhat& what, int tenths) {
  CommandBox box(config.state_path);
  std::string error;
  bj::object args;
  if (what.sku) args["sku"] = *what.sku;
  if (what.order) args["order"] = *what.order;
  auto id = box.submit("explain", std::move(args), "lpsync explain", SystemClock().now(), error);
  if (!id) return std::nullopt;
  auto answer = box.wait_for_answer(*id, tenths);
  const bj::value* story = answer ? answer->if_contains("story") : nullptr;
  if (!story || !story->is_object()) return std::nullopt;
  return story->as_object();
}

}  // namespace

bj::object story_of(const StateStore& store, const ExplainWhat& what, Instant now) {
  return what.sku ? sku_story(store, *what.sku, now) : order_story(store, what.order.value_or(""), now);
}

std::optional<bj::object> find_story(const LiveConfig& config, const ExplainWhat& what, int wait_tenths,
                                     std::string& error) {
  if (!std::filesystem::exists(config.state_path)) {
    error = "there is no state at " + config.state_path + " yet: `lpsync run --config " + config.file + "` creates it";
    return std::nullopt;
  }
  auto opened = SqliteStateStore::open(config.state_path);
  if (!opened && opened.error().kind == StoreProblem::locked) {
    if (auto story = ask_running_run(config, what, wait_tenths)) return story;
    error = opened.error().message + "; lpsync run holds it and did not answer within " +
            std::to_string(wait_tenths / 10) +
            " s (is it stuck, or older than this lpsync?): `lpsync status` shows what it last wrote";
    return std::nullopt;
  }
  if (!opened) {
    error = opened.error().message;
    return std::nullopt;
  }
  return story_of(*opened.value().store, what, SystemClock().now());  // a held order's age as of now
}

int show_explain(const LiveConfig& config, const ExplainWhat& what, bool as_json, std::ostream& out,
                 std::ostream& err) {
  std::string error;
  auto story = find_story(config, what, kAskTenths, error);
  if (!story) {
    err << "lpsync explain: " << error << "\n";
    return 2;
  }
  if (as_json) {
    out << json::serialize(*story) << "\n";
  } else {
    out << story_text(*story);
  }
  return 0;
}

}  // namespace lpsync::live
