// The one-screen summary at the top of `lpsync status`: the figures of /metrics in words.
// Pure: the figures and the time of reading in, the text out.
#pragma once

#include <string>

#include "tools/ops/ops_figures.h"

namespace lpsync::ops {

std::string summary_text(const OpsFigures& f, Instant now);

}  // namespace lpsync::ops
