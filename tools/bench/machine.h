// The machine a benchmark ran on, for its figures' heading: cores and CPU model.
#pragma once

#include <string>

#include "tools/bench/figures.h"

namespace lpsync::bench {

std::string machine_description();
// Empty figures headed with `mode`, today's date and this machine.
Figures figures_of_today(std::string mode);

}  // namespace lpsync::bench
