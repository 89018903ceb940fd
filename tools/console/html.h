// The console's HTML: escaping, and the frame every page shares (embedded style, no script,
// no CDN; readable at 360 px and usable by keyboard).
#pragma once

#include <string>
#include <string_view>

#include "engine/env/http.h"

namespace lpsync::console {

std::string escape(std::string_view text);
// A whole page with the console's security headers (no caching, no framing, only its own
// resources, forms only to itself). `refresh_seconds` > 0: work is under way; the page's live
// parts (`data-live` with an id) are fetched again that often by /app.js, or without script
// the whole page reloads.
Response page(int status, std::string_view title, const std::string& body, int refresh_seconds = 0);
// GET /app.js: the small script of live figures (every asset is embedded).
Response script();
// 303 to `location` (same origin).
Response redirect(const std::string& location);

}  // namespace lpsync::console
