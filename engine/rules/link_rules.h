// Section 3's link upkeep as pure functions: a link between a shop variant and a Picqer
// product holds only while that variant uniquely has the product's productcode as SKU;
// products listed in Picqer with a code that one variant uniquely holds get linked; and a
// link's stock is reconciled only when the engine can trust Picqer's count for it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/picqer.h"
#include "engine/rules/sku_index.h"

namespace lpsync {

// The link of `variant_id` to `productcode` still holds: the shop has the variant and its
// SKU is unique and equal to the code. A link that does not hold is dropped.
bool link_holds(const SkuIndex& skus, int64_t variant_id, std::string_view productcode);

struct LinkToMake {
  int64_t variant_id = 0;
  std::string productcode;
  int64_t idproduct = 0;
  bool operator==(const LinkToMake&) const = default;
};

// The links to make for Picqer's stock rows (products entered in Picqer by hand included),
// in row order: a row whose productcode is the unique SKU of a variant not yet linked to
// that code. `linked` maps each linked variant to its productcode (after dropping the links
// that no longer hold); a code is linked once even when several rows carry it.
std::vector<LinkToMake> links_to_make(const SkuIndex& skus, const std::vector<pq::StockRow>& rows,
                                      std::map<int64_t, std::string> linked);

// A link's stock is reconciled only once its set-up is done (before, Picqer's count is not
// the truth yet), and, when the stock listing could not be read whole, only if its product
// was listed (a missing row then means unknown, not 0).
bool link_reconciles_stock(bool setup_done, bool product_listed, bool listing_complete);

}  // namespace lpsync
