#include "fakes/lightspeed/handlers.h"

#include <charconv>

namespace lpsync::fakes::lightspeed {

bool Route::is(std::initializer_list<std::string_view> pattern) {
  ids_.clear();
  if (pattern.size() != call_.segments.size()) return false;
  size_t i = 0;
  for (std::string_view want : pattern) {
    const std::string& seg = call_.segments[i++];
    if (want != "#") {
      if (seg != want) return false;
      continue;
    }
    int64_t v = 0;
    auto [end, ec] = std::from_chars(seg.data(), seg.data() + seg.size(), v);
    if (seg.empty() || ec != std::errc() || end != seg.data() + seg.size() || v <= 0) return false;
    ids_.push_back(v);
  }
  return true;
}

Response unknown_resource(const ApiCall& call) { return error_response(call, {404, "Unknown resource."}); }

Response method_not_allowed(const ApiCall& call) {
  return error_response(call, {405, "Method " + call.method + " is not allowed on this resource."});
}

Response not_found(const ApiCall& call, std::string_view what, int64_t id) {
  return error_response(call, {404, "Unknown " + std::string(what) + " " + std::to_string(id) + "."});
}

}  // namespace lpsync::fakes::lightspeed
