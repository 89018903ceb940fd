// Helpers for the scenario tests: a small valid file to vary, and parse-or-fail wrappers
// that print the parser's error when a test did not expect one.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>

#include "tools/scenario/scenario_parser.h"

namespace lpsync::scenario::testing {

// A minimal valid scenario: start 2026-11-02T08:00:00Z, run_until +1d, expect {}.
extern const char* const kMinimal;
inline const Instant kStart = Instant::from_unix_seconds(1793606400);  // 2026-11-02T08:00:00Z

// kMinimal with these top-level keys set to these JSON texts (built with Boost.JSON).
std::string with(std::initializer_list<std::pair<std::string, std::string>> members);
// kMinimal without a top-level key.
std::string without(const std::string& key);

// Parses text that must be valid; fails the test with the error otherwise.
Scenario parse_ok(const std::string& text);
// Parses text that must be invalid; fails the test when it parses.
ParseError parse_error(const std::string& text);

}  // namespace lpsync::scenario::testing
