// The resource handlers behind LightspeedFake::handle, and what they share: routing on
// path segments, and list/count answers with the common filters (list_query.h).
#pragma once

#include <boost/json.hpp>

#include <initializer_list>
#include <map>
#include <string_view>
#include <vector>

#include "fakes/lightspeed/api_call.h"
#include "fakes/lightspeed/config.h"
#include "fakes/lightspeed/list_query.h"
#include "fakes/lightspeed/serialize.h"
#include "fakes/lightspeed/shop.h"

namespace lpsync::fakes::lightspeed {

struct HandlerContext {
  Shop& shop;
  const LightspeedConfig& config;
  const Serializer& json;  // in the request's language
};

// products, products/{id}/images, variants, variants/movements
Response catalog_request(HandlerContext& ctx, const ApiCall& call);
// orders, orders/{id}/products, shipments
Response order_request(HandlerContext& ctx, const ApiCall& call);
// webhooks
Response webhook_request(HandlerContext& ctx, const ApiCall& call);

Response unknown_resource(const ApiCall& call);
Response method_not_allowed(const ApiCall& call);
Response not_found(const ApiCall& call, std::string_view what, int64_t id);

// Matches the call's segments against a pattern in which "#" stands for a positive id.
class Route {
 public:
  explicit Route(const ApiCall& call) : call_(call) {}
  bool is(std::initializer_list<std::string_view> pattern);
  // The n-th id of the last match.
  int64_t id(size_t n) const { return ids_.at(n); }

 private:
  const ApiCall& call_;
  std::vector<int64_t> ids_;
};

template <class T>
Instant created_of(const T& item) { return item.created_at; }
template <class T>
Instant updated_of(const T& item) { return item.updated_at; }
inline Instant updated_of(const Movement& m) { return m.created_at; }

// GET <plural>.json or <plural>/count.json over `items`, keeping those that pass the
// common filters and `keep`. A 400 when a filter is malformed.
template <class T, class Keep, class ToJson>
Response list_or_count(HandlerContext& ctx, const ApiCall& call, const std::map<int64_t, T>& items, bool count,
                       std::string_view plural, Keep keep, ToJson to_json) {
  auto parsed = parse_list_query(call.query, ctx.config.accept_iso_filter_dates);
  if (auto e = error_of(parsed)) return error_response(call, *e);
  const ListQuery& q = std::get<ListQuery>(parsed);
  std::vector<const T*> matching;
  for (const auto& [id, item] : items) {
    if (q.matches(id, created_of(item), updated_of(item)) && keep(item)) matching.push_back(&item);
  }
  if (count) return json_response(200, boost::json::object{{"count", matching.size()}});
  boost::json::array out(ctx.json.storage());
  for (const T* item : q.page_of(matching)) out.push_back(to_json(*item));
  boost::json::object body(ctx.json.storage());
  body[plural] = std::move(out);
  return json_response(200, body);
}

// A single object under its singular key, or 404.
template <class T, class ToJson>
Response one(HandlerContext& ctx, const ApiCall& call, const std::map<int64_t, T>& items, int64_t id,
             std::string_view singular, ToJson to_json) {
  const T* item = Shop::find(items, id);
  if (!item) return not_found(call, singular, id);
  return json_response(200, ctx.json.wrap(singular, to_json(*item)));
}

}  // namespace lpsync::fakes::lightspeed
