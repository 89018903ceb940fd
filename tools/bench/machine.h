// The machine a benchmark ran on, for its figures' heading: cores and CPU model.
#pragma once

#include <string>

namespace lpsync::bench {

std::string machine_description();

}  // namespace lpsync::bench
