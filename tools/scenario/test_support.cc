#include "tools/scenario/test_support.h"

#include <boost/json.hpp>

namespace lpsync::scenario::testing {

const char* const kMinimal = R"({
  "format": "lpsync-scenario/1",
  "name": "minimal",
  "start": "2026-11-02T08:00:00Z",
  "run_until": "+1d",
  "expect": {}
})";

std::string with(std::initializer_list<std::pair<std::string, std::string>> members) {
  boost::json::object o = boost::json::parse(kMinimal).as_object();
  for (const auto& [key, text] : members) o[key] = boost::json::parse(text);
  return boost::json::serialize(o);
}

std::string without(const std::string& key) {
  boost::json::object o = boost::json::parse(kMinimal).as_object();
  o.erase(key);
  return boost::json::serialize(o);
}

Scenario parse_ok(const std::string& text) {
  ParseResult r = parse_scenario(text);
  if (!r.ok()) {
    ADD_FAILURE() << "unexpected parse error: " << r.error().to_string() << "\nin: " << text;
    return Scenario{};
  }
  return r.scenario();
}

ParseError parse_error(const std::string& text) {
  ParseResult r = parse_scenario(text);
  if (r.ok()) {
    ADD_FAILURE() << "parsed, but an error was expected, in: " << text;
    return ParseError{};
  }
  return r.error();
}

}  // namespace lpsync::scenario::testing
