// The list and count filters every collection takes: `page` (from 1), `limit` (default 50,
// at most 250: larger values are served as 250), `since_id` (ids above it),
// `created_at_min/max` and `updated_at_min/max` ("YYYY-MM-DD HH:MM:SS", UTC, both bounds
// inclusive). Items come in ascending id order; a page past the end is empty; lists carry
// no total. Malformed values are a 400. Unknown parameters are ignored.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/env/http.h"
#include "fakes/lightspeed/api_call.h"

namespace lpsync::fakes::lightspeed {

inline constexpr int64_t kDefaultLimit = 50;
inline constexpr int64_t kMaxLimit = 250;

struct ListQuery {
  int64_t page = 1;
  int64_t limit = kDefaultLimit;
  int64_t since_id = 0;
  std::optional<Instant> created_min, created_max, updated_min, updated_max;

  bool matches(int64_t id, Instant created, Instant updated) const;
  // The slice of `items` (already filtered, in id order) that this page shows.
  template <class T>
  std::vector<T> page_of(const std::vector<T>& items) const;
};

// `accept_iso` also accepts ISO-8601 dates with a zone ("2026-11-02T08:00:00Z").
Result<ListQuery> parse_list_query(const QueryParams& query, bool accept_iso);
// A positive integer query parameter such as `product=`; nullopt when absent, an error
// when present but not a positive integer.
Result<std::optional<int64_t>> id_param(const QueryParams& query, std::string_view key);

template <class T>
std::vector<T> ListQuery::page_of(const std::vector<T>& items) const {
  std::vector<T> out;
  // page and limit are bounded (limit <= 250), so the product cannot overflow for any
  // page below 2^50; larger pages are past the end of any list anyway.
  if (page > (int64_t{1} << 50)) return out;
  size_t first = static_cast<size_t>((page - 1) * limit);
  for (size_t i = first; i < items.size() && out.size() < static_cast<size_t>(limit); ++i) out.push_back(items[i]);
  return out;
}

}  // namespace lpsync::fakes::lightspeed
