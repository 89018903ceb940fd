// The HTTP side of the fake: one parsed API call, the helpers every resource uses (ids,
// pagination, reading a JSON body), and one route function per resource family. Each route
// function answers every path under its resource; a path it does not know gets 404 with
// error code 8.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/env/http.h"
#include "engine/env/json.h"
#include "fakes/picqer/account.h"
#include "fakes/picqer/errors.h"

namespace lpsync::fakes::picqer {

struct ApiCall {
  std::string method;
  std::string path;                   // "/products/5/stock" (without /api/v1)
  std::vector<std::string> segments;  // {"products", "5", "stock"}
  QueryParams query;
  boost::json::value body;            // the parsed body; an empty object when there was none
};

inline constexpr size_t kPageSize = 100;

Response json_response(int status, boost::json::value value);
inline Response error(const ApiError& e) { return error_response(e); }
// 404 with code 8: no such API function in this fake.
Response no_route(const ApiCall& call);

// A path segment that must be an id: digits only.
std::optional<int64_t> parse_id(std::string_view segment);
// `offset` (default 0): a whole number >= 0, else 400 / code 5.
Result<size_t> page_offset(const QueryParams& query);
// A query parameter that must be a whole number, if present.
Result<std::optional<int64_t>> query_int(const QueryParams& query, std::string_view key);
// Renders the page of `items` that starts at `offset` (at most kPageSize) as a JSON array.
template <typename T, typename Render>
boost::json::array page(const std::vector<T>& items, size_t offset, Render render) {
  boost::json::array out;
  for (size_t i = offset; i < items.size() && i < offset + kPageSize; ++i) out.emplace_back(render(items[i]));
  return out;
}

// Runs `read` on the body; a json::Error (missing or mistyped field) becomes 400 / code 5
// naming the JSON path.
template <typename T>
Result<T> read_body(const ApiCall& call, const std::function<T(const json::Reader&)>& read) {
  try {
    return read(json::Reader(call.body));
  } catch (const json::Error& e) {
    return bad_request(kMissingParameters, std::string("Invalid parameters: ") + e.what());
  }
}
// Optional typed fields (absent or null -> nullopt; wrong type -> json::Error).
std::optional<std::string> opt_string(const json::Reader& r, std::string_view key);
std::optional<int64_t> opt_int(const json::Reader& r, std::string_view key);
std::optional<double> opt_number(const json::Reader& r, std::string_view key);
std::optional<bool> opt_bool(const json::Reader& r, std::string_view key);

Response route_products(Account& account, const ApiCall& call);    // /products, images
Response route_stock(Account& account, const ApiCall& call);       // /products/{id}/stock...
Response route_warehouses(Account& account, const ApiCall& call);  // /warehouses, /vatgroups
Response route_orders(Account& account, const ApiCall& call);      // /orders
Response route_picklists(Account& account, const ApiCall& call);   // /picklists, /shipments
Response route_hooks(Account& account, const ApiCall& call);       // /hooks

}  // namespace lpsync::fakes::picqer
