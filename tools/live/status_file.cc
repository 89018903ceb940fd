#include "tools/live/status_file.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/env/json.h"
#include "tools/live/report_text.h"

namespace lpsync::live {

namespace bj = boost::json;

void write_status_file(const std::string& state_path, const StateStore& store, const Report* this_run, Instant now) {
  write_status_file(state_path, status_document(store), this_run, now);
}

void write_status_file(const std::string& state_path, bj::object doc, const Report* this_run, Instant now) {
  doc["written_at"] = format_iso8601(now);
  doc["pid"] = static_cast<int64_t>(::getpid());
  if (this_run) {
    const Report& r = *this_run;
    doc["this_run"] = bj::object{{"orders_imported", static_cast<int64_t>(r.imported.size())},
                                 {"stock_pushes", r.stock_pushes},
                                 {"shipments_pushed", r.shipments_pushed},
                                 {"problems", static_cast<int64_t>(r.problems.size())}};
  }
  std::string path = state_path + ".status.json", tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::trunc);
    f << json::serialize(doc) << "\n";
    if (!f) return;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
}

}  // namespace lpsync::live
