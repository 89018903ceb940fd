// RapidCheck generators of valid Scenarios (every id unique, every reference resolvable, times
// in range), for round-trip properties here and for property tests that write their shrunk
// counterexamples as scenario files.
#pragma once

#include <rapidcheck.h>

#include <ostream>

#include "tools/scenario/scenario.h"

namespace lpsync::scenario {

rc::Gen<Scenario> gen_scenario();

// RapidCheck prints a failing Scenario as the file write_scenario makes of it.
void showValue(const Scenario& scenario, std::ostream& out);

}  // namespace lpsync::scenario
