#include "engine/rules/link_rules.h"

namespace lpsync {

bool link_holds(const SkuIndex& skus, int64_t variant_id, std::string_view productcode) {
  if (!skus.knows(variant_id)) return false;
  SkuStatus st = skus.status(variant_id);
  return !st.problem && st.sku == productcode;
}

std::vector<LinkToMake> links_to_make(const SkuIndex& skus, const std::vector<pq::StockRow>& rows,
                                      std::map<int64_t, std::string> linked) {
  std::vector<LinkToMake> out;
  for (const auto& row : rows) {
    auto v = skus.unique_variant(row.productcode);
    if (!v) continue;
    auto it = linked.find(*v);
    if (it != linked.end() && it->second == row.productcode) continue;
    linked[*v] = row.productcode;
    out.push_back({*v, row.productcode, row.idproduct});
  }
  return out;
}

bool link_reconciles_stock(bool setup_done, bool product_listed, bool listing_complete) {
  return setup_done && (product_listed || listing_complete);
}

}  // namespace lpsync
