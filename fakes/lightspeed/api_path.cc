#include "fakes/lightspeed/api_path.h"

namespace lpsync::fakes::lightspeed {

ApiPath parse_api_path(std::string_view path) {
  std::vector<std::string> parts;
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view part = path.substr(0, slash);
    if (!part.empty()) parts.emplace_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  ApiPath out;
  size_t first = 0;
  if (parts.size() >= 2 && parts[0].size() == 2) {
    out.language = parts[0];
    first = 1;
  }
  out.segments.assign(parts.begin() + static_cast<std::ptrdiff_t>(first), parts.end());
  if (!out.segments.empty()) {
    std::string& last = out.segments.back();
    for (std::string_view format : {"json", "xml"}) {
      std::string suffix = "." + std::string(format);
      if (last.size() > suffix.size() && last.compare(last.size() - suffix.size(), suffix.size(), suffix) == 0) {
        last.resize(last.size() - suffix.size());
        out.format = format;
        break;
      }
    }
  }
  for (const auto& s : out.segments) out.neutral += "/" + s;
  if (out.neutral.empty()) out.neutral = "/";
  return out;
}

}  // namespace lpsync::fakes::lightspeed
