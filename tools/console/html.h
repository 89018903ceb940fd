// The console's HTML: escaping, and the frame every page shares (embedded style, no script,
// no CDN; readable at 360 px and usable by keyboard).
#pragma once

#include <string>
#include <string_view>

#include "engine/env/http.h"

namespace lpsync::console {

std::string escape(std::string_view text);
// A whole page with the console's security headers (no caching, no framing, only its own
// resources, forms only to itself). `refresh_seconds` > 0: the page reloads itself that often
// (while work it shows is under way; no script needed).
Response page(int status, std::string_view title, const std::string& body, int refresh_seconds = 0);
// 303 to `location` (same origin).
Response redirect(const std::string& location);

}  // namespace lpsync::console
