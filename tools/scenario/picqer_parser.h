// Reads the Picqer objects of a scenario file: the initial `picqer` state (warehouses,
// products, orders) and the product object of `picqer.product.create`. Throws json::Error.
#pragma once

#include "tools/scenario/picqer_objects.h"
#include "tools/scenario/scenario.h"
#include "tools/scenario/strict_reader.h"

namespace lpsync::scenario {

// {"<idwarehouse>": amount, ...}: positive warehouse ids, amounts >= 0.
StockMap read_stock_map(const Reader& r);
// [{productcode, amount}, ...]
// `with_price`: the lines may give `price` (expectations check it; an initial order has none).
std::vector<PicqerOrderLine> read_picqer_order_lines(const Reader& r, bool with_price = false);
PicqerProduct read_picqer_product(const Reader& r);
PicqerState read_picqer_state(const Reader& r);

}  // namespace lpsync::scenario
