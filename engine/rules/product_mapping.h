// How a Lightspeed variant becomes a Picqer product when the engine creates one (section 3).
#pragma once

#include <string>

#include "engine/model/lightspeed.h"

namespace lpsync {

struct NewProduct {
  std::string productcode;  // the variant's unique, trimmed SKU
  std::string name;         // product title, plus " - " + variant title when the product has several variants
  double price = 0;         // priceExcl
  std::string barcode;      // ean
  int64_t weight = 0;       // grams
  int64_t base_stock = 0;   // the variant's stockLevel, negative counted as 0
  bool operator==(const NewProduct&) const = default;
};

NewProduct new_product_for(const ls::Product& product, const ls::Variant& variant, size_t variants_of_product,
                           const std::string& sku);

}  // namespace lpsync
