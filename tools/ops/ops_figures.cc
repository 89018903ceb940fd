#include "tools/ops/ops_figures.h"

namespace lpsync::ops {

std::string problem_kind(const std::string& key) { return key.substr(0, key.find(':')); }

}  // namespace lpsync::ops
