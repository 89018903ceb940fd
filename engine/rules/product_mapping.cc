#include "engine/rules/product_mapping.h"

#include <algorithm>

namespace lpsync {

NewProduct new_product_for(const ls::Product& product, const ls::Variant& variant, size_t variants_of_product,
                           const std::string& sku) {
  NewProduct p;
  p.productcode = sku;
  p.name = product.title;
  if (variants_of_product > 1 && !variant.title.empty()) p.name += " - " + variant.title;
  if (p.name.empty()) p.name = sku;  // Picqer requires a name
  p.price = variant.price_excl;
  p.barcode = variant.ean;
  p.weight = variant.weight;
  p.base_stock = std::max<int64_t>(0, variant.stock_level);
  return p;
}

}  // namespace lpsync
