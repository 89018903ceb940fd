// Splits an API path "/{language}/{resource...}.{format}" into its parts, and names the
// API-neutral resource path used by fault patterns and the journal: no language, no
// ".json" ("/en/variants/11.json" -> "/variants/11").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lpsync::fakes::lightspeed {

struct ApiPath {
  std::string language;               // the first segment when it has 2 characters, else ""
  std::vector<std::string> segments;  // the resource segments, the format stripped
  std::string format;                 // "json", "xml", or "" when the path has no format
  std::string neutral;                // "/" + segments joined with '/'
};

ApiPath parse_api_path(std::string_view path);

}  // namespace lpsync::fakes::lightspeed
