// Lays a Boost.JSON document out for people: a value that fits on its line stays on one
// line ({"at": "+1h", "engine.crash": {}}), larger ones get one key or item per line,
// indented by two. Strings and keys are escaped by Boost.JSON; numbers with a fraction are
// written in their shortest exact decimal form (19.95, not 1.995E1), so they read back equal.
#pragma once

#include <boost/json.hpp>

#include <string>

namespace lpsync::scenario {

std::string layout_json(const boost::json::value& document, size_t width = 100);

}  // namespace lpsync::scenario
