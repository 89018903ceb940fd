#include "fakes/picqer/api.h"

#include <charconv>

namespace lpsync::fakes::picqer {

Response json_response(int status, boost::json::value value) {
  Response r;
  r.status = status;
  r.headers.set("Content-Type", "application/json");
  r.body = json::serialize(value);
  return r;
}

Response no_route(const ApiCall& call) {
  return error({{404, kNoSuchFunction}, "No such API function: " + call.method + " /api/v1" + call.path});
}

std::optional<int64_t> parse_id(std::string_view segment) {
  int64_t v = 0;
  if (segment.empty() || segment.size() > 18) return std::nullopt;
  auto [end, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), v);
  if (ec != std::errc() || end != segment.data() + segment.size() || v < 0) return std::nullopt;
  return v;
}

Result<std::optional<int64_t>> query_int(const QueryParams& query, std::string_view key) {
  auto text = query_value(query, key);
  if (!text) return std::optional<int64_t>();
  auto v = parse_id(*text);
  if (!v) return bad_request(kMissingParameters, std::string(key) + " must be a whole number >= 0, not \"" + *text + "\"");
  return std::optional<int64_t>(*v);
}

Result<size_t> page_offset(const QueryParams& query) {
  auto v = query_int(query, "offset");
  if (!v.ok()) return v.error();
  return static_cast<size_t>(v.value().value_or(0));
}

std::optional<std::string> opt_string(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  return f ? std::optional(f->as_string()) : std::nullopt;
}

std::optional<int64_t> opt_int(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  return f ? std::optional(f->as_int()) : std::nullopt;
}

std::optional<double> opt_number(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  return f ? std::optional(f->as_number()) : std::nullopt;
}

std::optional<bool> opt_bool(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  return f ? std::optional(f->as_bool()) : std::nullopt;
}

}  // namespace lpsync::fakes::picqer
