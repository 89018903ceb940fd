// Section 4: the stock the shop should show for a linked variant.
//   desired(v) = max(0, sum of freestock of v over the stock warehouses - pending(v))
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/model/lightspeed.h"
#include "engine/model/picqer.h"
#include "engine/rules/settings.h"

namespace lpsync {

// The warehouses whose free stock counts: the configured list, or every warehouse that is
// active and counts for general stock. Sorted.
std::vector<int64_t> stock_warehouse_ids(const Settings& settings, const std::vector<pq::Warehouse>& warehouses);

// Free stock of one product over the given warehouses (rows of other products or
// warehouses are ignored).
int64_t free_stock(const std::vector<pq::StockRow>& rows, int64_t idproduct, const std::vector<int64_t>& warehouses);

// The same for every product in `rows` at once: idproduct -> free stock.
std::map<int64_t, int64_t> free_stock_by_product(const std::vector<pq::StockRow>& rows,
                                                 const std::vector<int64_t>& warehouses);

inline int64_t desired_stock(int64_t free, int64_t pending) { return free - pending > 0 ? free - pending : 0; }

// An order in the current window with its lines, as the order poll saw it.
struct WindowOrder {
  ls::Order order;
  std::vector<ls::OrderLine> lines;
  bool imported = false;
};

// pending(v) for every variant: the quantity on orders in the window that are not
// imported, not cancelled and not shipped.
std::map<int64_t, int64_t> pending_quantities(const std::vector<WindowOrder>& orders);

// Section 3: the base stock of a product the engine creates: the shop's count (negative -> 0)
// plus the quantity the shop already took off for open orders that are not in Picqer yet
// (`pending` of that variant, the order being imported included).
inline int64_t base_stock(int64_t stock_level, int64_t pending) { return (stock_level > 0 ? stock_level : 0) + pending; }

// Section 4 "Never pushed": why the shop's count of a variant is left alone, if it is.
enum class NotCounted {
  shop_does_not_track,  // the variant's stockTracking is `disabled`
  unlimited_in_picqer,  // the Picqer product has unlimited stock
};
std::string_view to_string(NotCounted r);
std::optional<NotCounted> stock_not_counted(const ls::Variant& variant, bool picqer_unlimited);

// Section 4's fast path: a free-stock notice carries the product's stock. Its figures give,
// per linked variant of the product, the level to push and the level last known in the shop
// (nullopt: not known). A notice asks for a push when any differs or is not known; only then
// is the free stock read (a notice may be stale or out of order: it never sets a level).
struct NoticedLevel {
  int64_t desired = 0;
  std::optional<int64_t> shop;
};
bool notice_asks_for_push(const std::vector<NoticedLevel>& levels);

// Section 4 "Never pushed": which Picqer products have unlimited stock is known at most a day
// old. When the types read last are that old (or none were read), a reconciliation either
// lists every Picqer product (one request per 100) or, when that costs more requests than
// the linked products it would serve, forgets the types so each is looked up by its code
// before its next push.
inline constexpr Duration kProductTypesKeptFor = Duration::hours(24);
enum class ProductTypes { keep, list, forget };
ProductTypes product_types_read(std::optional<Instant> read_at, Instant now, size_t linked_products,
                                size_t listing_pages);

}  // namespace lpsync
