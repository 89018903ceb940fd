// Compares a finished world with a scenario's expectations; each unmet one becomes a
// Failure with the expected and the actual value.
#pragma once

#include <vector>

#include "tools/scenario/expectations.h"
#include "tools/scenario/runner.h"
#include "tools/sim/world.h"

namespace lpsync::scenario {

std::vector<Failure> check_expectations(const Expectations& expect, sim::World& world);

}  // namespace lpsync::scenario
