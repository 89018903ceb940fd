#include "tools/live/status_run.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/env/clock.h"
#include "engine/env/json.h"
#include "engine/state/sqlite_state_store.h"
#include "tools/live/report_text.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

void print(const bj::object& doc, bool as_json, std::ostream& out) {
  if (as_json) {
    out << json::serialize(doc) << "\n";
  } else {
    out << status_text(doc, SystemClock().now());  // the ages of held orders are as of now
  }
}

}  // namespace

int show_status(const LiveConfig& config, bool as_json, std::ostream& out, std::ostream& err) {
  if (!std::filesystem::exists(config.state_path)) {
    err << "lpsync status: there is no state at " << config.state_path
        << " yet: `lpsync run --config " << config.file << "` creates it\n";
    return 2;
  }
  auto opened = SqliteStateStore::open(config.state_path);
  if (opened) {
    print(status_document(*opened.value().store), as_json, out);
    return 0;
  }
  if (opened.error().kind == StoreProblem::locked) {
    std::ifstream in(config.state_path + ".status.json");
    std::ostringstream text;
    text << in.rdbuf();
    try {
      bj::value doc = json::parse(text.str());
      const bj::object& o = doc.as_object();
      if (!as_json) {
        out << "lpsync is running with this state (pid " << json::serialize(o.at("pid")) << "); its status as of "
            << std::string(o.at("written_at").as_string()) << ":\n";
      }
      print(o, as_json, out);
      return 0;
    } catch (const std::exception&) {
      // No status written yet: say why the database cannot be read.
    }
  }
  err << "lpsync status: " << opened.error().message << "\n";
  return 2;
}

}  // namespace lpsync::live
