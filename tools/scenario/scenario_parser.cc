#include "tools/scenario/scenario_parser.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fakes/common/quirks.h"
#include "tools/scenario/expectations_parser.h"
#include "tools/json/json_document.h"
#include "tools/scenario/lightspeed_parser.h"
#include "tools/scenario/picqer_parser.h"
#include "tools/scenario/references.h"
#include "tools/scenario/settings_parser.h"
#include "tools/scenario/strict_reader.h"
#include "tools/scenario/timeline_parser.h"
#include "tools/scenario/vocabulary.h"

namespace lpsync::scenario {
namespace {

constexpr Duration kMaxRunLength = Duration::days(366);

void check_name(const Reader& r, const std::string& name) {
  bool ok = !name.empty() && name.size() <= 100 && name[0] != '-' && name[0] != '_';
  for (char c : name) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
  if (!ok) {
    r.fail("the name \"" + name + "\" is not a slug; use lower-case letters, digits, '-' and '_' (up to 100), "
           "starting with a letter or digit, e.g. \"late-payment-after-window\"");
  }
}

uint64_t read_seed(const Reader& r) {
  const auto& v = r.raw();
  if (v.is_uint64()) return v.get_uint64();
  if (v.is_int64() && v.get_int64() >= 0) return static_cast<uint64_t>(v.get_int64());
  r.fail("the seed must be an integer from 0 to 18446744073709551615");
}

void check_event_times(const Scenario& s) {
  for (size_t i = 0; i < s.timeline.size(); ++i) {
    Instant at = s.timeline[i].at;
    std::string path = "$.timeline[" + std::to_string(i) + "].at";
    if (at < s.start) fail_at(path, "the event is before start (" + format_iso8601(s.start) + "); use an offset of +0s or later");
    if (at > s.run_until) {
      fail_at(path, "the event is after run_until (" + format_iso8601(s.run_until) + ") and would never happen");
    }
  }
}

std::vector<std::string> read_quirks(const Reader& r) {
  std::vector<std::string> names;
  std::vector<std::string_view> known;
  for (const auto& q : fakes::known_quirks()) known.push_back(q.name);
  for (const Reader& item : r.items()) {
    std::string name = item.as_string();
    if (!fakes::is_known_quirk(name)) item.fail(unknown_word_message("quirk", name, known, "known quirks"));
    if (std::find(names.begin(), names.end(), name) != names.end()) item.fail("the quirk \"" + name + "\" is listed twice");
    names.push_back(name);
  }
  return names;
}

Scenario read_scenario(const Reader& r) {
  check_keys(r, {"format", "name", "description", "seed", "start", "settings", "quirks", "lightspeed", "picqer",
                 "timeline", "run_until", "expect"});
  Scenario s;
  Reader format = required(r, "format");
  if (format.as_string() != kFormat) {
    format.fail("unknown format \"" + format.as_string() + "\"; this reader knows \"" + std::string(kFormat) + "\"");
  }
  Reader name = required(r, "name");
  s.name = name.as_string();
  check_name(name, s.name);
  if (auto v = r.find("description")) s.description = v->as_string();
  if (auto v = r.find("seed")) s.seed = read_seed(*v);
  s.start = read_instant(required(r, "start"));
  Reader run_until = required(r, "run_until");
  s.run_until = read_time(run_until, s.start);
  if (s.run_until <= s.start) run_until.fail("run_until must be after start (" + format_iso8601(s.start) + ")");
  if (s.run_until - s.start > kMaxRunLength) run_until.fail("a run may last at most 366 days");
  if (auto v = r.find("settings")) s.settings = read_settings_patch(*v);
  if (auto v = r.find("quirks")) s.quirks = read_quirks(*v);
  if (auto v = r.find("lightspeed")) s.lightspeed = read_lightspeed_state(*v, s.start);
  if (auto v = r.find("picqer")) s.picqer = read_picqer_state(*v);
  if (auto v = r.find("timeline")) s.timeline = read_timeline(*v, s.start);
  check_event_times(s);
  s.expect = read_expectations(required(r, "expect"), s.start);
  check_references(s);
  return s;
}

}  // namespace

ParseResult parse_scenario(std::string_view json_text) {
  auto document = read_json_document(json_text);
  if (auto* problem = std::get_if<JsonDocumentError>(&document)) return ParseError{problem->path, problem->message};
  try {
    return read_scenario(Reader(std::get<boost::json::value>(document)));
  } catch (const json::Error& e) {
    std::string what = e.what();
    return ParseError{e.path(), what.substr(std::min(what.size(), e.path().size() + 2))};
  }
}

ParseResult load_scenario_file(const std::string& file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto status = fs::status(file, ec);
  auto unreadable = [&](const std::string& why) { return ParseError{"", "cannot read scenario file \"" + file + "\": " + why}; };
  if (status.type() == fs::file_type::not_found) return unreadable("no such file");
  if (ec) return unreadable(ec.message());
  if (fs::is_directory(status)) return unreadable("it is a directory");
  auto size = fs::file_size(file, ec);
  if (!ec && size > kMaxScenarioFileBytes) return unreadable("larger than 16 MiB");
  std::ifstream in(file, std::ios::binary);
  if (!in) return unreadable(std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return unreadable(std::strerror(errno));
  return parse_scenario(text.str());
}

}  // namespace lpsync::scenario
