// The resource handlers behind LightspeedFake::handle, and what they share: routing on
// path segments, and list/count answers with the common filters (list_query.h).
#pragma once

#include <algorithm>

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
  std::string_view signing_secret = {};  // of the calling key's app: signs its webhooks
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

// GET <plural>.json or <plural>/count.json over `items` ((id, item) in id order), keeping
// those that pass the common filters and `keep`. A 400 when a filter is malformed. A list
// stops reading once its page is full, and starts after `since_id`.
template <class T, class Keep, class ToJson>
Response list_or_count(HandlerContext& ctx, const ApiCall& call, const std::vector<std::pair<int64_t, const T*>>& items,
                       bool count, std::string_view plural, Keep keep, ToJson to_json) {
  auto parsed = parse_list_query(call.query, ctx.config.accept_iso_filter_dates);
  if (!parsed.ok()) return error_response(call, parsed.error());
  const ListQuery& q = parsed.value();
  auto begin = std::upper_bound(items.begin(), items.end(), q.since_id,
                                [](int64_t since, const auto& entry) { return since < entry.first; });
  if (count) {
    int64_t n = 0;
    for (auto it = begin; it != items.end(); ++it) {
      n += q.matches(it->first, created_of(*it->second), updated_of(*it->second)) && keep(*it->second);
    }
    return json_response(200, boost::json::object{{"count", n}});
  }
  // Matches before the page are skipped; the page is read and nothing after it.
  int64_t skip = q.page > (int64_t{1} << 40) ? INT64_MAX : (q.page - 1) * q.limit;
  boost::json::array out(ctx.json.storage());
  for (auto it = begin; it != items.end() && static_cast<int64_t>(out.size()) < q.limit; ++it) {
    const T& item = *it->second;
    if (!q.matches(it->first, created_of(item), updated_of(item)) || !keep(item)) continue;
    if (skip > 0) {
      --skip;
      continue;
    }
    out.push_back(to_json(item));
  }
  boost::json::object body(ctx.json.storage());
  body[plural] = std::move(out);
  return json_response(200, body);
}

// The same over a whole collection.
template <class T, class Keep, class ToJson>
Response list_or_count(HandlerContext& ctx, const ApiCall& call, const std::map<int64_t, T>& items, bool count,
                       std::string_view plural, Keep keep, ToJson to_json) {
  std::vector<std::pair<int64_t, const T*>> all;
  all.reserve(items.size());
  for (const auto& [id, item] : items) all.emplace_back(id, &item);
  return list_or_count(ctx, call, all, count, plural, keep, to_json);
}

// The items of `ids` (in id order) out of `items`.
template <class T>
std::vector<std::pair<int64_t, const T*>> subset(const std::map<int64_t, T>& items, std::vector<int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  std::vector<std::pair<int64_t, const T*>> out;
  for (int64_t id : ids) {
    if (auto it = items.find(id); it != items.end()) out.emplace_back(id, &it->second);
  }
  return out;
}

// The same over a collection the shop indexes by update time: with updated_at_min only
// the items `changed_since` names are read.
template <class T, class ChangedSince, class Keep, class ToJson>
Response list_or_count_changed(HandlerContext& ctx, const ApiCall& call, const std::map<int64_t, T>& items,
                               ChangedSince changed_since, bool count, std::string_view plural, Keep keep,
                               ToJson to_json) {
  auto parsed = parse_list_query(call.query, ctx.config.accept_iso_filter_dates);
  if (parsed.ok() && parsed.value().updated_min) {
    return list_or_count(ctx, call, subset(items, changed_since(*parsed.value().updated_min)), count, plural, keep,
                         to_json);
  }
  return list_or_count(ctx, call, items, count, plural, keep, to_json);
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
