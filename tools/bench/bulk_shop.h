// The bench's large shop: the catalogue both the single-process bulk-import bench
// (bulk_bench.h) and the loopback memory bench (loopback_bench.h) import.
#pragma once

#include <cstdint>
#include <vector>

#include "tools/scenario/scenario.h"

namespace lpsync::bench {

// `products` products of one variant (SKU "BULK-i", id 1,000,000 + i) and two images each.
std::vector<scenario::LightspeedProduct> bulk_catalog(int64_t products);

}  // namespace lpsync::bench
