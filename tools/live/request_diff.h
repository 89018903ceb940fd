// Comparing requests for a strict replay: when two requests are the same (method, URL and
// body; JSON bodies compared as values, so key spacing does not matter), how far apart two
// are (to name the closest recorded request), and a readable diff of the two.
#pragma once

#include <string>

#include "engine/env/http.h"

namespace lpsync::live {

bool same_request(const Request& a, const Request& b);
// 0 for the same request; larger the more they differ (another method counts most).
size_t request_distance(const Request& a, const Request& b);
// "  method: ...\n  url:\n    - recorded\n    + sent\n  body:\n    - ...\n    + ...\n"
std::string describe_difference(const Request& recorded, const Request& sent);

// A JSON text indented one member per line (for diffs); other text unchanged.
std::string pretty_body(const std::string& body);

}  // namespace lpsync::live
