#include "fakes/lightspeed/list_query.h"

#include <charconv>

#include "engine/env/time.h"

namespace lpsync::fakes::lightspeed {
namespace {

std::optional<int64_t> to_int(std::string_view text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

ApiError bad(std::string_view key, std::string_view what) {
  return ApiError{400, "Invalid value for " + std::string(key) + ": " + std::string(what) + "."};
}

}  // namespace

bool ListQuery::matches(int64_t id, Instant created, Instant updated) const {
  if (id <= since_id) return false;
  if (created_min && created < *created_min) return false;
  if (created_max && created > *created_max) return false;
  if (updated_min && updated < *updated_min) return false;
  if (updated_max && updated > *updated_max) return false;
  return true;
}

Result<std::optional<int64_t>> id_param(const QueryParams& query, std::string_view key) {
  auto text = query_value(query, key);
  if (!text) return std::optional<int64_t>();
  auto v = to_int(*text);
  if (!v || *v <= 0) return bad(key, "expected a positive integer");
  return std::optional<int64_t>(*v);
}

Result<ListQuery> parse_list_query(const QueryParams& query, bool accept_iso) {
  ListQuery q;
  if (auto text = query_value(query, "page")) {
    auto v = to_int(*text);
    if (!v || *v < 1) return bad("page", "expected an integer of at least 1");
    q.page = *v;
  }
  if (auto text = query_value(query, "limit")) {
    auto v = to_int(*text);
    if (!v || *v < 1) return bad("limit", "expected an integer from 1 to 250");
    q.limit = std::min(*v, kMaxLimit);
  }
  if (auto text = query_value(query, "since_id")) {
    auto v = to_int(*text);
    if (!v || *v < 0) return bad("since_id", "expected a non-negative integer");
    q.since_id = *v;
  }
  struct DateFilter {
    std::string_view key;
    std::optional<Instant>* out;
  };
  for (DateFilter f : {DateFilter{"created_at_min", &q.created_min}, DateFilter{"created_at_max", &q.created_max},
                       DateFilter{"updated_at_min", &q.updated_min}, DateFilter{"updated_at_max", &q.updated_max}}) {
    auto text = query_value(query, f.key);
    if (!text) continue;
    auto t = parse_sql_datetime(*text);
    if (!t && accept_iso) t = parse_iso8601(*text);
    if (!t) return bad(f.key, "expected YYYY-MM-DD HH:MM:SS (UTC)");
    *f.out = t;
  }
  return q;
}

}  // namespace lpsync::fakes::lightspeed
