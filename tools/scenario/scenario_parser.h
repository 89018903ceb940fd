// Reads a scenario file of format 1 (spec/scenario-format.md) into a Scenario, or says
// where the first problem is and what is allowed there. Unknown keys are errors everywhere.
// Errors are values: nothing here throws to its caller.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "tools/scenario/parse_error.h"
#include "tools/scenario/scenario.h"

namespace lpsync::scenario {

// Not Result<T, Kind>: a parse error is a place in the file (a JSON path) and a message, not a kind.
class ParseResult {
 public:
  ParseResult(Scenario s) : value_(std::move(s)) {}  // NOLINT: implicit on purpose
  ParseResult(ParseError e) : value_(std::move(e)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<Scenario>(value_); }
  explicit operator bool() const { return ok(); }
  // Only when ok().
  const Scenario& scenario() const { return std::get<Scenario>(value_); }
  Scenario& scenario() { return std::get<Scenario>(value_); }
  // Only when !ok().
  const ParseError& error() const { return std::get<ParseError>(value_); }

 private:
  std::variant<Scenario, ParseError> value_;
};

// The largest file load_scenario_file reads.
inline constexpr size_t kMaxScenarioFileBytes = 16 << 20;

ParseResult parse_scenario(std::string_view json_text);
// Reads and parses a file; an unreadable file is an error with an empty path that names the
// file and the reason.
ParseResult load_scenario_file(const std::string& file);

}  // namespace lpsync::scenario
