#include "tools/live/explain_run.h"

#include <filesystem>

#include "engine/env/clock.h"
#include "engine/env/json.h"
#include "engine/state/sqlite_state_store.h"
#include "tools/live/explain_text.h"

namespace lpsync::live {

int show_explain(const LiveConfig& config, const ExplainWhat& what, bool as_json, std::ostream& out,
                 std::ostream& err) {
  if (!std::filesystem::exists(config.state_path)) {
    err << "lpsync explain: there is no state at " << config.state_path << " yet: `lpsync run --config "
        << config.file << "` creates it\n";
    return 2;
  }
  auto opened = SqliteStateStore::open(config.state_path);
  if (!opened) {
    err << "lpsync explain: " << opened.error().message << "\n";
    if (opened.error().kind == StoreProblem::locked) {
      err << "lpsync run keeps its state to itself while it runs (no reader gets in): stop it, ask again, and start "
             "it again; `lpsync status` shows what it last wrote meanwhile.\n";
    }
    return 2;
  }
  const StateStore& store = *opened.value().store;
  Instant now = SystemClock().now();  // the age of a held order is as of now
  boost::json::object story = what.sku ? sku_story(store, *what.sku, now) : order_story(store, *what.order, now);
  if (as_json) {
    out << json::serialize(story) << "\n";
  } else {
    out << story_text(story);
  }
  return 0;
}

}  // namespace lpsync::live
