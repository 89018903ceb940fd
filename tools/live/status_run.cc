#include "tools/live/status_run.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/env/clock.h"
#include "engine/env/json.h"
#include "engine/state/sqlite_state_store.h"
#include "tools/live/report_text.h"
#include "tools/ops/figures_json.h"
#include "tools/ops/gather.h"
#include "tools/ops/summary_text.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

// The operator's figures: those the running lpsync gathered (its status file's "ops"), or
// the state's part of them when no run is going on.
ops::OpsFigures figures_of(const bj::object& doc, Instant now) {
  if (const bj::value* o = doc.if_contains("ops"); o && o->is_object()) return ops::figures_from_json(o->as_object());
  ops::OpsFigures f;
  f.gathered_at = now;
  ops::add_state(f, doc);
  return f;
}

void print(bj::object doc, bool as_json, std::ostream& out) {
  Instant now = SystemClock().now();  // the ages of held orders are as of now
  ops::OpsFigures figures = figures_of(doc, now);
  if (as_json) {
    doc.erase("ops");
    doc["summary"] = ops::figures_json(figures);
    out << json::serialize(doc) << "\n";
  } else {
    out << ops::summary_text(figures, now) << "\n" << status_text(doc, now);
  }
}

}  // namespace

StatusRead read_status(const LiveConfig& config) {
  StatusRead r;
  if (!std::filesystem::exists(config.state_path)) {
    r.error = "there is no state at " + config.state_path + " yet: `lpsync run --config " + config.file + "` creates it";
    return r;
  }
  auto opened = SqliteStateStore::open(config.state_path);
  if (opened) {
    r.doc = status_document(*opened.value().store);
    return r;
  }
  if (opened.error().kind == StoreProblem::locked) {
    std::ifstream in(config.state_path + ".status.json");
    std::ostringstream text;
    text << in.rdbuf();
    try {
      bj::value doc = json::parse(text.str());
      const bj::object& o = doc.as_object();
      r.running_note = "lpsync is running with this state (pid " + json::serialize(o.at("pid")) + "); its status as of " +
                       std::string(o.at("written_at").as_string()) + ":";
      r.doc = o;
      return r;
    } catch (const std::exception&) {
      // No status written yet: say why the database cannot be read.
    }
  }
  r.error = opened.error().message;
  return r;
}

int show_status(const LiveConfig& config, bool as_json, std::ostream& out, std::ostream& err) {
  StatusRead r = read_status(config);
  if (!r.doc) {
    err << "lpsync status: " << r.error << "\n";
    return 2;
  }
  if (!as_json && !r.running_note.empty()) out << r.running_note << "\n";
  print(*r.doc, as_json, out);
  return 0;
}

}  // namespace lpsync::live
