#include "tools/bench/bulk_shop.h"

#include <string>

namespace lpsync::bench {

std::vector<scenario::LightspeedProduct> bulk_catalog(int64_t products) {
  std::vector<scenario::LightspeedProduct> out;
  out.reserve(static_cast<size_t>(products));
  for (int64_t i = 0; i < products; ++i) {
    scenario::LightspeedProduct p;
    p.id = 1 + i;
    p.title = "Product " + std::to_string(i);
    p.images = {"p" + std::to_string(i) + "-a.jpg", "p" + std::to_string(i) + "-b.jpg"};
    scenario::LightspeedVariant v;
    v.id = 1'000'000 + i;
    v.sku = "BULK-" + std::to_string(i);
    v.price_excl = 10;
    v.stock_level = 5;
    p.variants.push_back(v);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace lpsync::bench
