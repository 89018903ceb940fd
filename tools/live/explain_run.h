// `lpsync explain`: the story of one order or SKU (explain_text.h) from the connection's
// SQLite state. The store is opened like `lpsync status` opens it; while `lpsync run` holds it
// (SQLite's exclusive lock keeps even readers out) it says so and what to do.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "tools/live/config.h"

namespace lpsync::live {

struct ExplainWhat {
  std::optional<std::string> order;  // the order number
  std::optional<std::string> sku;    // or the productcode
};

int show_explain(const LiveConfig& config, const ExplainWhat& what, bool as_json, std::ostream& out,
                 std::ostream& err);

}  // namespace lpsync::live
