#include "fakes/lightspeed/enums.h"

#include <algorithm>

namespace lpsync::fakes::lightspeed {

bool is_one_of(Enum values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string describe(Enum values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
    out += values[i];
  }
  return out;
}

}  // namespace lpsync::fakes::lightspeed
