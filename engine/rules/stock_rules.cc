#include "engine/rules/stock_rules.h"

#include <algorithm>

#include "engine/rules/order_lines.h"
#include "engine/rules/order_rules.h"

namespace lpsync {

std::vector<int64_t> stock_warehouse_ids(const Settings& settings, const std::vector<pq::Warehouse>& warehouses) {
  std::vector<int64_t> out;
  if (!settings.stock_warehouses.empty()) {
    out = settings.stock_warehouses;
  } else {
    for (const auto& w : warehouses) {
      if (w.active && w.counts_for_general_stock) out.push_back(w.id);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int64_t free_stock(const std::vector<pq::StockRow>& rows, int64_t idproduct, const std::vector<int64_t>& warehouses) {
  int64_t sum = 0;
  for (const auto& r : rows) {
    if (r.idproduct == idproduct && std::binary_search(warehouses.begin(), warehouses.end(), r.idwarehouse)) {
      sum += r.freestock;
    }
  }
  return sum;
}

std::map<int64_t, int64_t> free_stock_by_product(const std::vector<pq::StockRow>& rows,
                                                 const std::vector<int64_t>& warehouses) {
  std::map<int64_t, int64_t> out;
  for (const auto& r : rows) {
    if (std::binary_search(warehouses.begin(), warehouses.end(), r.idwarehouse)) out[r.idproduct] += r.freestock;
  }
  return out;
}

std::map<int64_t, int64_t> pending_quantities(const std::vector<WindowOrder>& orders) {
  std::map<int64_t, int64_t> out;
  for (const auto& w : orders) {
    if (w.imported || !order_holds_unreserved_stock(w.order)) continue;
    add_line_quantities(w.lines, out);
  }
  return out;
}

std::string_view to_string(NotCounted r) {
  return r == NotCounted::shop_does_not_track ? "shop_does_not_track" : "unlimited_in_picqer";
}

std::optional<NotCounted> stock_not_counted(const ls::Variant& variant, bool picqer_unlimited) {
  if (variant.stock_tracking == "disabled") return NotCounted::shop_does_not_track;
  if (picqer_unlimited) return NotCounted::unlimited_in_picqer;
  return std::nullopt;
}

bool notice_asks_for_push(const std::vector<NoticedLevel>& levels) {
  return std::any_of(levels.begin(), levels.end(),
                     [](const NoticedLevel& l) { return !l.shop || *l.shop != l.desired; });
}

ProductTypes product_types_read(std::optional<Instant> read_at, Instant now, size_t linked_products,
                                size_t listing_pages) {
  if (read_at && now - *read_at < kProductTypesKeptFor) return ProductTypes::keep;
  return linked_products > listing_pages ? ProductTypes::list : ProductTypes::forget;
}

}  // namespace lpsync
