// Writes a Scenario as a format-1 file that parse_scenario reads back to an equal Scenario
// (property tests use this to save shrunk counterexamples). `start` is written as an
// ISO-8601 UTC instant, every other time as an offset from it ("+90s", "-13h"); fields that
// hold their default are left out, except the ones a reader looks for first (variant sku,
// order number, times and statuses). Precondition: strings are valid UTF-8 and numbers
// finite, as they are in anything parse_scenario returns.
#pragma once

#include <string>

#include "tools/scenario/scenario.h"

namespace lpsync::scenario {

std::string write_scenario(const Scenario& scenario);

}  // namespace lpsync::scenario
